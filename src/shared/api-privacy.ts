/**
 * API shapes of privacy operations (docs/PRIVACY.md): retention and erasure, legal holds,
 * break-glass, the DPO's oversight alerts, and the survivor's access report and consent receipt.
 */
import { z } from 'zod';
import { Uuid } from './api.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'issue.dateFormat');

/** What the retention schedule is kept per (docs/PRIVACY.md, "Retention"). */
export const RECORD_CATEGORIES = ['victim_case', 'other_case', 'hotline_contact'] as const;
export type RecordCategory = (typeof RECORD_CATEGORIES)[number];

export const RetentionRule = z.object({
  category: z.enum(RECORD_CATEGORIES),
  /** Years after the case's closure (a hotline contact: after it was received). */
  years: z.number().int(),
  updatedAt: z.string(),
});
export const RetentionSchedule = z.object({ rules: z.array(RetentionRule) });
export const UpdateRetentionRequest = z.strictObject({
  rules: z
    .array(z.strictObject({ category: z.enum(RECORD_CATEGORIES), years: z.number().int().min(1).max(100) }))
    .min(1)
    .max(RECORD_CATEGORIES.length),
});

/**
 * A case as the DPO hears of it — from a court order, a survivor's request, the owning institution:
 * by its reference (PY-2026-000037). The DPO does not read cases, so the reference is how the DPO's
 * page names one.
 */
export const CaseReference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^PY-\d{4}-\d{6}$/, 'issue.caseReference');

export const SetLegalHoldRequest = z
  .strictObject({
    caseId: Uuid.optional(),
    caseReference: CaseReference.optional(),
    /** Why the record must be kept (a court order, a claim…): required, never a person's details. */
    reason: text(10, 500),
  })
  .refine((b) => (b.caseId === undefined) !== (b.caseReference === undefined), {
    message: 'issue.caseIdOrReference',
    path: ['caseReference'],
  });
export const LegalHoldView = z.object({
  id: Uuid,
  caseId: Uuid,
  caseReference: z.string(),
  reason: z.string(),
  placedAt: z.string(),
  releasedAt: z.string().nullable(),
});

/** Why a record is (or is not) on hold. */
export const HOLD_KINDS = ['manual', 'open_investigation'] as const;

export const RetentionDueQuery = z.strictObject({
  /** `due`: past retention and not on hold (erasable); `held`: past retention but on hold. */
  state: z.enum(['due', 'held']).default('due'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const RetentionDueItem = z.object({
  recordType: z.enum(['case', 'hotline_contact']),
  id: Uuid,
  /** The case reference, or the contact's short code: never a name. */
  reference: z.string(),
  category: z.enum(RECORD_CATEGORIES),
  institutionCode: z.string(),
  /** When retention started counting (closure / reception) and when it ended. */
  since: z.string(),
  dueOn: IsoDate,
  holds: z.array(z.object({ kind: z.enum(HOLD_KINDS), id: Uuid.nullable(), reason: z.string().nullable() })),
});
export const RetentionDueList = z.object({ items: z.array(RetentionDueItem), holds: z.array(LegalHoldView) });

export const ERASURE_BASES = ['retention_expired', 'data_subject_request'] as const;
/** The legal exceptions a survivor's erasure request may be refused on (docs/PRIVACY.md). */
export const ERASURE_EXCEPTIONS = [
  'legal_hold',
  'legal_obligation',
  'legal_claims',
  'public_interest_archiving',
] as const;
export const EraseRecordsRequest = z
  .strictObject({
    basis: z.enum(ERASURE_BASES),
    /** Erase, or (a survivor's request only) refuse on a legal exception. */
    decision: z.enum(['erase', 'refuse']).default('erase'),
    caseIds: z.array(Uuid).max(200).default([]),
    /** Cases named by their reference (a survivor's request names the case so). */
    caseReferences: z.array(CaseReference).max(200).default([]),
    hotlineContactIds: z.array(Uuid).max(200).default([]),
    exception: z.enum(ERASURE_EXCEPTIONS).optional(),
    /** When the survivor asked (a data subject request). */
    requestedOn: IsoDate.optional(),
  })
  .refine((b) => b.caseIds.length + b.caseReferences.length + b.hotlineContactIds.length > 0, {
    message: 'issue.atLeastOneRecord',
    path: ['caseIds'],
  })
  .refine((b) => b.basis === 'data_subject_request' || b.decision === 'erase', {
    message: 'issue.refusalOnlyOnRequest',
    path: ['decision'],
  })
  .refine((b) => b.decision === 'erase' || b.exception !== undefined, {
    message: 'issue.refusalNeedsException',
    path: ['exception'],
  })
  .refine((b) => b.basis === 'retention_expired' || b.requestedOn !== undefined, {
    message: 'issue.requestNeedsDate',
    path: ['requestedOn'],
  });
export const EraseRecordsResult = z.object({
  decision: z.enum(['erased', 'refused']),
  records: z.array(
    z.object({
      recordType: z.enum(['case', 'hotline_contact']),
      id: Uuid,
      category: z.enum(RECORD_CATEGORIES),
    }),
  ),
  /** Persons whose record was erased with the cases (a person also on a case kept is kept). */
  personsErased: z.number().int(),
});

// ---- break-glass -------------------------------------------------------------------------
export const BREAK_GLASS_DEFAULT_MINUTES = 120;
export const OpenBreakGlassRequest = z.strictObject({
  resourceType: z.enum(['person', 'case']),
  resourceId: Uuid,
  /** The emergency, in writing: required. */
  reason: text(20, 1000),
  minutes: z.number().int().min(5).max(240).default(BREAK_GLASS_DEFAULT_MINUTES),
});
export const BreakGlassView = z.object({
  id: Uuid,
  resourceType: z.enum(['person', 'case']),
  resourceId: Uuid,
  userId: Uuid,
  username: z.string(),
  institutionCode: z.string(),
  ownerInstitutionCode: z.string(),
  reason: z.string(),
  openedAt: z.string(),
  expiresAt: z.string(),
  /** `awaiting_review` once expired and not reviewed (overdue after 7 days). */
  state: z.enum(['active', 'awaiting_review', 'overdue', 'reviewed']),
  review: z.enum(['justified', 'not_justified']).nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export const ListBreakGlassQuery = z.strictObject({
  state: z.enum(['unreviewed', 'reviewed', 'all']).default('unreviewed'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const BreakGlassList = z.object({ items: z.array(BreakGlassView) });
export const ReviewBreakGlassRequest = z.strictObject({
  review: z.enum(['justified', 'not_justified']),
  note: text(5, 1000),
});

// ---- oversight alerts --------------------------------------------------------------------
export const ALERT_KINDS = [
  'bulk_reading',
  'out_of_hours',
  'unassigned_case',
  'export',
  'probing',
  'break_glass',
  'own_surname',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ListPrivacyAlertsQuery = z.strictObject({
  state: z.enum(['open', 'acknowledged', 'all']).default('open'),
  kind: z.enum(ALERT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const PrivacyAlertView = z.object({
  id: Uuid,
  kind: z.enum(ALERT_KINDS),
  userId: Uuid.nullable(),
  username: z.string().nullable(),
  institutionCode: z.string().nullable(),
  windowFrom: z.string(),
  windowTo: z.string(),
  count: z.number().int(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  /** The audit list's filters that show the rows behind the alert (listAuditEvents' query). */
  auditFilter: z.object({
    actorUserId: Uuid.optional(),
    from: z.string(),
    to: z.string(),
    action: z.string().optional(),
    outcome: z.enum(['success', 'denied', 'failure']).optional(),
    resourceType: z.string().optional(),
    resourceId: z.string().optional(),
  }),
});
export const PrivacyAlertList = z.object({ items: z.array(PrivacyAlertView) });

// ---- survivor transparency ---------------------------------------------------------------
export const TRANSPARENCY_LOCALES = ['es', 'gn', 'en'] as const;
export const AccessReportQuery = z.strictObject({
  locale: z.enum(TRANSPARENCY_LOCALES).default('es'),
  format: z.enum(['pdf', 'json']).default('pdf'),
  /** Staff names instead of roles: the DPO's decision only. */
  staffNames: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const AccessReportEntry = z.object({
  on: IsoDate,
  institutionCode: z.string(),
  institutionName: z.string(),
  role: z.string(),
  /** Withheld (null) unless the DPO decided to show staff names. */
  staff: z.string().nullable(),
  kind: z.enum(['read', 'changed', 'received', 'shown_in_search', 'break_glass']),
  /** An emergency access (`break_glass`) the DPO has not reviewed yet. */
  awaitingReview: z.boolean().optional(),
  purpose: z.string().nullable(),
  /** The consent a referral's data was shared under (its services), when there was one. */
  consent: z.object({ id: Uuid, services: z.array(z.string()), givenOn: IsoDate }).nullable(),
  times: z.number().int(),
});
export const AccessReport = z.object({
  personId: Uuid,
  locale: z.enum(TRANSPARENCY_LOCALES),
  generatedAt: z.string(),
  entries: z.array(AccessReportEntry),
  staffNamesShown: z.boolean(),
});
export const ConsentReceiptQuery = z.strictObject({
  locale: z.enum(TRANSPARENCY_LOCALES).default('es'),
  format: z.enum(['pdf', 'json']).default('pdf'),
});
/** A consent receipt's fields, after ISO/IEC TS 27560 consent records. */
export const ConsentReceipt = z.object({
  receiptId: Uuid,
  locale: z.enum(TRANSPARENCY_LOCALES),
  consentId: Uuid,
  kind: z.string(),
  state: z.enum(['given', 'withdrawn']),
  controller: z.object({ code: z.string(), name: z.string() }),
  purposes: z.array(z.string()),
  dataCategories: z.array(z.string()),
  recipients: z.array(z.object({ code: z.string(), name: z.string() })),
  givenOn: IsoDate,
  method: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Until withdrawn, at the latest when the record's retention ends. */
  expiry: z.string(),
  howToWithdraw: z.string(),
});

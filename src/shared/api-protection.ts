/**
 * API shapes of protection and referral: the service directory, consents, needs and matching,
 * referrals with their services delivered, the protection status of foreign and repatriated
 * victims, and the unmet-needs (gap) report. Personal values travel only in request bodies and in
 * the responses of authorised reads, never in URLs.
 */
import { z } from 'zod';
import { distinctList, pageQuery, Uuid } from './api.js';
import { CountryCode, Department, IsoDate, PastIsoDate } from './api-identification.js';
import {
  AGE_BANDS,
  CONSENT_AUTHORITIES,
  CONSENT_GIVERS,
  CONSENT_KINDS,
  CONSENT_METHODS,
  LANGUAGES,
  NEED_STATUSES,
  REFERRAL_STATES,
  SERVICE_TYPES,
  SEXES,
  SHAREABLE_FIELDS,
  UNMET_REASONS,
  URGENCIES,
} from './catalogues.js';

export const ServiceType = z.enum(SERVICE_TYPES);
export const Urgency = z.enum(URGENCIES);
export const ReferralState = z.enum(REFERRAL_STATES);
export const SharedField = z.enum(SHAREABLE_FIELDS);
export const AgeBand = z.enum(AGE_BANDS);
const reasonText = z.string().trim().min(5).max(2000);

// ---- directory ----------------------------------------------------------------------------
export const ProviderServiceInput = z.strictObject({
  serviceType: ServiceType,
  /** Departments where the service is offered (at least one). */
  departments: distinctList(Department, 1, 18),
  /** Places (beds) for a shelter; required for a bed service, refused for the others. */
  capacity: z.number().int().min(0).max(10000).nullable().optional(),
});
/** The services a provider offers: one to twenty, each service type once. */
export const ProviderServices = z
  .array(ProviderServiceInput)
  .min(1)
  .max(20)
  .refine((list) => new Set(list.map((s) => s.serviceType)).size === list.length, 'issue.serviceTwice');
export const CreateProviderRequest = z
  .strictObject({
    /** Defaults to the caller's institution; only a system administrator may name another. */
    institutionId: Uuid.optional(),
    unitId: Uuid.nullable().optional(),
    name: z.string().trim().min(2).max(200),
    /** Where the provider is (nearest-first ordering of matches). */
    department: Department,
    services: ProviderServices,
    /** Eligibility: empty lists mean "anyone". */
    sexes: distinctList(z.enum(SEXES), 0, 4).default([]),
    minAge: z.number().int().min(0).max(120).nullable().optional(),
    maxAge: z.number().int().min(0).max(120).nullable().optional(),
    nationalities: distinctList(CountryCode, 0, 50).default([]),
    languages: distinctList(z.enum(LANGUAGES), 0, 4).default([]),
    hours: z.string().trim().max(200).nullable().optional(),
    /** Institutional contact (a switchboard, an office e-mail) — never a person's. */
    contact: z.string().trim().max(200).nullable().optional(),
  })
  .refine((v) => v.minAge == null || v.maxAge == null || v.minAge <= v.maxAge, {
    message: 'issue.minAgeAboveMax',
    path: ['maxAge'],
  });

export const ProviderServiceView = z.object({
  id: Uuid,
  serviceType: ServiceType,
  departments: z.array(Department),
  capacity: z.number().int().nullable(),
  occupancy: z.number().int(),
  /** Free places for a bed service; null for services without beds. */
  free: z.number().int().nullable(),
});
export const ProviderView = z.object({
  id: Uuid,
  institution: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  unitId: Uuid.nullable(),
  name: z.string(),
  department: Department,
  sexes: z.array(z.enum(SEXES)),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  nationalities: z.array(z.string()),
  languages: z.array(z.enum(LANGUAGES)),
  hours: z.string().nullable(),
  contact: z.string().nullable(),
  services: z.array(ProviderServiceView),
  /** Inactive providers are out of the directory and matching (listed only on request). */
  active: z.boolean(),
  /** What the caller may do with this entry (computed by the server). */
  canUpdateCapacity: z.boolean(),
  canEdit: z.boolean(),
});
export const ListProvidersQuery = z.strictObject({
  serviceType: ServiceType.optional(),
  department: Department.optional(),
  sex: z.enum(SEXES).optional(),
  ageBand: AgeBand.optional(),
  /** Only bed services with a free place (or services without beds). */
  withCapacity: z.enum(['true', 'false']).optional(),
  /** One institution's providers only. */
  institutionId: Uuid.optional(),
  /** Part of the provider's name. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Deactivated providers too (directory administration). */
  includeInactive: z.enum(['true', 'false']).optional(),
  ...pageQuery(100_000),
});
export const ProviderList = z.object({ items: z.array(ProviderView), total: z.number().int() });
export const UpdateCapacityRequest = z
  .strictObject({
    serviceType: ServiceType,
    capacity: z.number().int().min(0).max(10000),
    occupancy: z.number().int().min(0).max(10000),
  })
  .refine((v) => v.occupancy <= v.capacity, {
    message: 'issue.occupancyAboveCapacity',
    path: ['occupancy'],
  });

// ---- consent ------------------------------------------------------------------------------
/**
 * A consent (method and giver required) or a child's best-interest exception (a documented reason
 * required, no method). One strict object so the API document shows one shape.
 */
export const RecordConsentObject = z.strictObject({
  kind: z.enum(CONSENT_KINDS),
  personId: Uuid,
  /** Services the consent covers. */
  services: distinctList(ServiceType, 1, SERVICE_TYPES.length),
  /** Person fields that may be shared with providers of those services. */
  sharedFields: distinctList(SharedField, 1, SHAREABLE_FIELDS.length),
  givenOn: IsoDate,
  method: z.enum(CONSENT_METHODS).optional(),
  givenBy: z.enum(CONSENT_GIVERS).optional(),
  /** Why acting without consent is in the child's best interest (encrypted). */
  reason: reasonText.optional(),
  /** A parent's or guardian's consent for a child: who they are (name encrypted) and how related. */
  representativeName: z.string().trim().min(2).max(200).optional(),
  representativeRelationship: z.string().trim().min(2).max(100).optional(),
  /** The authority that consents for a child (givenBy Authority). */
  authority: z.enum(CONSENT_AUTHORITIES).optional(),
  /** The child's own view, recorded beside a representative's consent or the exception (encrypted). */
  childView: z.string().trim().max(2000).optional(),
});
type ConsentFields = Omit<z.output<typeof RecordConsentObject>, 'personId'>;
/**
 * The checks across a consent's fields (a representative named, an authority chosen, a method and
 * giver for a consent, a reason for an exception); `RecordConsentRequest` and the intake share them.
 */
export function withConsentChecks<T extends z.ZodType<ConsentFields>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    // A representative is named; an authority is chosen (docs/MINORS-CONSENT.md).
    const representative = v.givenBy === 'Parent' || v.givenBy === 'LegalGuardian';
    const require = (
      field: 'representativeName' | 'representativeRelationship' | 'authority',
      wanted: boolean,
    ) => {
      if (wanted && v[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'issue.requiredHere' });
      if (!wanted && v[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'issue.notAllowedHere',
        });
    };
    require('representativeName', representative);
    require('representativeRelationship', representative);
    require('authority', v.givenBy === 'Authority');
    const consent = v.kind === 'consent';
    const need = (field: 'method' | 'givenBy' | 'reason', wanted: boolean) => {
      if (wanted && v[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'issue.requiredHere' });
      if (!wanted && v[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'issue.notAllowedHere' });
    };
    need('method', consent);
    need('givenBy', consent);
    need('reason', !consent);
  });
}
export const RecordConsentRequest = withConsentChecks(RecordConsentObject);
export const ConsentView = z.object({
  id: Uuid,
  caseId: Uuid,
  personId: Uuid,
  kind: z.enum(CONSENT_KINDS),
  services: z.array(ServiceType),
  sharedFields: z.array(SharedField),
  method: z.enum(CONSENT_METHODS).nullable(),
  givenBy: z.enum(CONSENT_GIVERS).nullable(),
  /** A representative's relationship (their name is not shown in lists) or the authority. */
  representativeRelationship: z.string().nullable(),
  authority: z.enum(CONSENT_AUTHORITIES).nullable(),
  givenOn: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export const WithdrawConsentResponse = z.object({
  consent: ConsentView,
  /** Referrals that relied on this consent and were ended (state withdrawn). */
  withdrawnReferralIds: z.array(Uuid),
});

// ---- needs and matching -------------------------------------------------------------------
export const RecordNeedRequest = z.strictObject({
  personId: Uuid,
  serviceType: ServiceType,
  urgency: Urgency,
  /** Where the service is needed; defaults to the case's department of detection. */
  department: Department.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export const ProviderMatch = z.object({
  providerId: Uuid,
  providerServiceId: Uuid,
  name: z.string(),
  institutionCode: z.string(),
  department: Department,
  sameDepartment: z.boolean(),
  free: z.number().int().nullable(),
});
export const NeedView = z.object({
  id: Uuid,
  caseId: Uuid,
  personId: Uuid,
  serviceType: ServiceType,
  urgency: Urgency,
  department: Department.nullable(),
  notes: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  unmetReason: z.enum(UNMET_REASONS).nullable(),
  /** Eligible providers with free capacity, nearest department first. */
  matches: z.array(ProviderMatch),
  /** False when the person's age is unknown, so age limits could not be checked. */
  ageChecked: z.boolean(),
  createdAt: z.string(),
});

export const RETURN_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const ProtectionStatusRequest = z.strictObject({
  originCountry: CountryCode.nullable().optional(),
  destinationCountry: CountryCode.nullable().optional(),
  /** The consulate involved (an institution's office, e.g. "Consulado en Buenos Aires"). */
  consulate: z.string().trim().max(200).nullable().optional(),
  returnRequested: z.boolean().default(false),
  returnArranged: z.boolean().default(false),
  residencyRequested: z.boolean().default(false),
  residencyGranted: z.boolean().default(false),
  /** Recovery and reflection period: from (past) until (may run on); docs/LEGAL-PROVISIONS.md. */
  reflectionFrom: PastIsoDate.nullable().optional(),
  reflectionUntil: IsoDate.nullable().optional(),
  /** The return is the person's informed choice (voluntary return). */
  returnVoluntary: z.boolean().default(false),
  /** The risk assessment that must come before a return is arranged. */
  returnRiskAssessedOn: PastIsoDate.nullable().optional(),
  returnRiskLevel: z.enum(RETURN_RISK_LEVELS).nullable().optional(),
  returnedOn: PastIsoDate.nullable().optional(),
  /** Non-punishment: penalised for acts the person was compelled to commit as a result of being trafficked. */
  penalised: z.boolean().default(false),
  /** Non-punishment applied: proceedings against the person for such acts not brought, or dropped. */
  nonPunishmentApplied: z.boolean().default(false),
});
export const ProtectionStatusView = z.object({
  originCountry: z.string().nullable(),
  destinationCountry: z.string().nullable(),
  consulate: z.string().nullable(),
  returnRequested: z.boolean(),
  returnArranged: z.boolean(),
  residencyRequested: z.boolean(),
  residencyGranted: z.boolean(),
  reflectionFrom: z.string().nullable(),
  reflectionUntil: z.string().nullable(),
  returnVoluntary: z.boolean(),
  returnRiskAssessedOn: z.string().nullable(),
  returnRiskLevel: z.enum(RETURN_RISK_LEVELS).nullable(),
  returnedOn: z.string().nullable(),
  penalised: z.boolean(),
  nonPunishmentApplied: z.boolean(),
});

// ---- referrals ----------------------------------------------------------------------------
export const CreateReferralRequest = z.strictObject({
  caseId: Uuid,
  needId: Uuid,
  providerId: Uuid,
  /** Fields shared beyond the minimal default set (each must be covered by the consent). */
  extraSharedFields: distinctList(SharedField, 0, SHAREABLE_FIELDS.length).default([]),
  /** A note for the receiving institution (encrypted). */
  note: z.string().trim().max(2000).nullable().optional(),
});
export const DeclineReferralRequest = z.strictObject({ reason: reasonText });
export const CompleteReferralRequest = z
  .strictObject({
    outcome: z.enum(['completed', 'closed']),
    reason: reasonText.nullable().optional(),
  })
  .refine((v) => v.outcome === 'completed' || Boolean(v.reason), {
    message: 'issue.closeReferralReason',
    path: ['reason'],
  });
export const ServiceDeliveryRequest = z.strictObject({
  deliveredOn: IsoDate,
  description: z.string().trim().min(2).max(2000),
});
export const ServiceDeliveryView = z.object({
  id: Uuid,
  deliveredOn: z.string(),
  /** Null once the consent was withdrawn. */
  description: z.string().nullable(),
  recordedAt: z.string(),
});
/** The shared person fields; absent keys were not shared. */
export const SharedPerson = z.object({
  givenNames: z.string().optional(),
  surnames: z.string().nullable().optional(),
  sex: z.enum(SEXES).optional(),
  age: z.number().int().nullable().optional(),
  dateOfBirth: z.string().nullable().optional(),
  nationalities: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
  interpreterNeeded: z.boolean().optional(),
  contact: z.string().nullable().optional(),
  disability: z.string().nullable().optional(),
  need: z.object({ serviceType: ServiceType, urgency: Urgency, notes: z.string().nullable() }).optional(),
  protectionStatus: ProtectionStatusView.nullable().optional(),
});
const InstitutionBrief = z.object({ id: Uuid, code: z.string(), name: z.string() });
export const ReferralSummary = z.object({
  id: Uuid,
  serviceType: ServiceType,
  urgency: Urgency,
  state: ReferralState,
  from: InstitutionBrief,
  to: InstitutionBrief,
  providerName: z.string(),
  createdAt: z.string(),
  dueAt: z.string(),
  /** Due date passed while the referral is still open: shown on both sides, escalated. */
  overdue: z.boolean(),
});
export const ReferralView = ReferralSummary.extend({
  /** The sending side only: the case it belongs to. Null for the receiving institution. */
  caseId: Uuid.nullable(),
  caseReference: z.string().nullable(),
  sharedFields: z.array(SharedField),
  /** Only the shared fields; null once the consent was withdrawn (nothing personal remains). */
  person: SharedPerson.nullable(),
  note: z.string().nullable(),
  stateReason: z.string().nullable(),
  deliveries: z.array(ServiceDeliveryView),
  /** What the caller may do now (computed by the server). */
  actions: z.array(z.enum(['accept', 'decline', 'complete', 'close', 'recordDelivery'])),
});
export const ListReferralsQuery = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  state: ReferralState.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...pageQuery(100_000),
});
export const ReferralInbox = z.object({
  direction: z.enum(['incoming', 'outgoing']),
  items: z.array(ReferralSummary),
  total: z.number().int(),
  counts: z.record(ReferralState, z.number().int()),
  overdue: z.number().int(),
});

// ---- the protection panel of a case -------------------------------------------------------
/**
 * Everything protection of one case, for the case's own and sharing institutions: each person's
 * needs (open and unmet ones matched again against today's directory, without the providers that
 * already declined them), consents, the status of foreign and repatriated victims, and the
 * referrals made. What a receiving institution sees of a referral is the referral, never this.
 */
export const CaseProtection = z.object({
  needs: z.array(NeedView),
  consents: z.array(ConsentView),
  statuses: z.array(z.object({ personId: Uuid, status: ProtectionStatusView })),
  /** `readable`: whether the caller may open the referral's page (sender or receiver, by the server). */
  referrals: z.array(ReferralSummary.extend({ needId: Uuid, personId: Uuid, readable: z.boolean() })),
  /** What the caller may do on this case (computed by the server). */
  actions: z.array(z.enum(['recordNeed', 'recordConsent', 'recordException', 'withdrawConsent', 'refer'])),
});

// ---- gap report ---------------------------------------------------------------------------
export const UnmetNeedsQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });
export const UnmetNeedsReport = z.object({
  /** Cells below this count are suppressed (count null). */
  minimumCellSize: z.number().int(),
  cells: z.array(
    z.object({
      serviceType: ServiceType,
      department: z.string().nullable(),
      sex: z.enum(SEXES),
      ageBand: AgeBand,
      reason: z.enum(UNMET_REASONS),
      count: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});

/**
 * Retention, legal holds and erasure decisions (docs/PRIVACY.md). The DPO decides; every decision
 * is one transaction: all the named records are erased, or none (a refusal throws, the transaction
 * rolls back, and the refused attempt is audited on its own by the HTTP pipeline).
 */
import type { z } from 'zod';
import type {
  EraseRecordsRequest,
  RecordCategory,
  RetentionDueQuery,
  SetLegalHoldRequest,
  UpdateRetentionRequest,
} from '../../../shared/api-privacy.js';
import type { AuditResourceType } from '../../../shared/actions.js';
import { RECORD_CATEGORIES } from '../../../shared/api-privacy.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { AppError, errors } from '../../core/errors.js';
import type { ErrorCode } from '../../core/messages.js';
import type { Ctx } from '../../core/context.js';
import {
  CASE_FIELDS_ERASED,
  PERSON_FIELDS_ERASED,
  eraseCases,
  eraseContacts,
  forgetAnswersAbout,
  personsOnlyOn,
} from './erasure.js';
import {
  casesPastRetention,
  casesRetention,
  contactReference,
  contactsPastRetention,
  contactsRetention,
  type CaseRetentionRow,
} from './retention.repository.js';
import { type AuditFieldName } from '../../../shared/audit-fields/lists.js';

const REASON = 'legal_holds.reason';

export async function getRetentionSchedule(ctx: Ctx) {
  const rows = await ctx.trx
    .selectFrom('retention_schedule')
    .select(['category', 'years', 'updated_at'])
    .execute();
  const order = (c: string) => RECORD_CATEGORIES.indexOf(c as RecordCategory);
  return {
    rules: rows
      .sort((a, b) => order(a.category) - order(b.category))
      .map((r) => ({
        category: r.category as RecordCategory,
        years: r.years,
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
  };
}

export async function updateRetentionSchedule(ctx: Ctx, input: z.output<typeof UpdateRetentionRequest>) {
  for (const rule of input.rules) {
    await ctx.trx
      .updateTable('retention_schedule')
      .set({ years: rule.years, updated_by: ctx.actor.userId, updated_at: new Date() })
      .where('category', '=', rule.category)
      .execute();
  }
  await auditOperation(
    ctx,
    'privacy.updateRetention',
    'retention_schedule',
    null,
    input.rules.map((r) => r.category),
  );
  return getRetentionSchedule(ctx);
}

async function presentHold(ctx: Ctx, crypto: FieldCrypto, id: string) {
  const row = await ctx.trx
    .selectFrom('legal_holds')
    .innerJoin('cases', 'cases.id', 'legal_holds.case_id')
    .select([
      'legal_holds.id',
      'legal_holds.case_id',
      'legal_holds.reason',
      'legal_holds.placed_at',
      'legal_holds.released_at',
      'cases.reference',
    ])
    .where('legal_holds.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.reference,
    reason: crypto.decrypt(row.reason, REASON),
    placedAt: new Date(row.placed_at).toISOString(),
    releasedAt: row.released_at ? new Date(row.released_at).toISOString() : null,
  };
}

/**
 * The ids of cases named by their reference; a reference that names no case is "not found", and
 * the refusal is audited as `action` (the reference itself is not in the trail).
 */
async function caseIdsByReference(
  ctx: Ctx,
  references: readonly string[],
  action: 'privacy.erase' | 'privacy.hold',
): Promise<string[]> {
  if (references.length === 0) return [];
  const rows = await ctx.trx
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('reference', 'in', [...references])
    .execute();
  if (rows.length < new Set(references).size)
    throw new AppError(
      'case_reference_unknown',
      404,
      {
        reference: references.find((r) => !rows.some((row) => row.reference === r))!,
      },
      { audit: { action, resourceType: 'case' as const, resourceId: null } },
    );
  return rows.map((row) => row.id);
}

export async function setLegalHold(
  ctx: Ctx,
  crypto: FieldCrypto,
  input: z.output<typeof SetLegalHoldRequest>,
) {
  const caseId = input.caseId ?? (await caseIdsByReference(ctx, [input.caseReference!], 'privacy.hold'))[0]!;
  const found = await ctx.trx
    .selectFrom('cases')
    .select(['id', 'erased_at', 'reference'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  const audit = { action: 'privacy.hold' as const, resourceType: 'case' as const, resourceId: caseId };
  if (!found) throw errors.notFound({ audit });
  if (found.erased_at) throw refusal('already_erased', found.reference, audit);
  const row = await ctx.trx
    .insertInto('legal_holds')
    .values({
      case_id: caseId,
      reason: crypto.encrypt(input.reason, REASON),
      placed_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditOperation(ctx, 'privacy.hold', 'case', caseId, ['reason']);
  return presentHold(ctx, crypto, row.id);
}

export async function releaseLegalHold(ctx: Ctx, crypto: FieldCrypto, id: string) {
  const hold = await ctx.trx
    .selectFrom('legal_holds')
    .select(['id', 'case_id', 'released_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!hold)
    throw errors.notFound({
      audit: { action: 'privacy.releaseHold', resourceType: 'legal_hold' as const, resourceId: id },
    });
  if (hold.released_at) throw errors.conflict('legal_hold_released');
  await ctx.trx
    .updateTable('legal_holds')
    .set({ released_at: new Date(), released_by: ctx.actor.userId })
    .where('id', '=', id)
    .execute();
  await auditOperation(ctx, 'privacy.releaseHold', 'case', hold.case_id, ['released_at']);
  return presentHold(ctx, crypto, id);
}

function holdsOf(crypto: FieldCrypto, row: CaseRetentionRow) {
  return [
    ...(row.investigation_hold ? [{ kind: 'open_investigation' as const, id: null, reason: null }] : []),
    ...row.manual_holds.map((h) => ({
      kind: 'manual' as const,
      id: h.id,
      reason: crypto.decrypt(h.reason, REASON),
    })),
  ];
}

const onHold = (row: CaseRetentionRow) => row.investigation_hold || row.manual_holds.length > 0;

/** The DPO's review queue: records past retention, erasable (`due`) or held (`held`). */
export async function listRetentionDue(
  ctx: Ctx,
  crypto: FieldCrypto,
  query: z.output<typeof RetentionDueQuery>,
) {
  const cases = (await casesPastRetention(ctx.trx, 5000)).filter((row) =>
    query.state === 'held' ? onHold(row) : !onHold(row),
  );
  const contacts = query.state === 'held' ? [] : await contactsPastRetention(ctx.trx, query.limit);
  const items = [
    ...cases.map((row) => ({
      recordType: 'case' as const,
      id: row.id,
      reference: row.reference,
      category: row.category,
      institutionCode: row.institution_code,
      since: new Date(row.closed_at!).toISOString(),
      dueOn: row.due_on!,
      holds: holdsOf(crypto, row),
    })),
    ...contacts.map((row) => ({
      recordType: 'hotline_contact' as const,
      id: row.id,
      reference: contactReference(row.id),
      category: 'hotline_contact' as const,
      institutionCode: row.institution_code,
      since: row.received_on,
      dueOn: row.due_on,
      holds: [],
    })),
  ].slice(0, query.limit);
  const holdIds = await ctx.trx
    .selectFrom('legal_holds')
    .select('id')
    .where('released_at', 'is', null)
    .orderBy('placed_at', 'desc')
    .limit(200)
    .execute();
  const holds = [];
  for (const h of holdIds) holds.push(await presentHold(ctx, crypto, h.id));
  await auditOperation(ctx, 'privacy.erase', 'retention_queue', null, ['list']);
  return { items, holds };
}

type EraseInput = z.output<typeof EraseRecordsRequest>;

/** A refusal that names the record by its reference and is audited as the erasure attempted. */
function refusal(
  code: Extract<
    ErrorCode,
    'erasure_on_legal_hold' | 'erasure_not_due' | 'erasure_case_open' | 'already_erased'
  >,
  reference: string,
  audit: { action: 'privacy.erase' | 'privacy.hold'; resourceType: AuditResourceType; resourceId: string },
) {
  return new AppError(code, 409, { reference }, { audit });
}

/**
 * Erases the named records, or records a refused data-subject request. Every check runs before any
 * change; the first failing record refuses the whole decision.
 */
export async function eraseRecords(ctx: Ctx, crypto: FieldCrypto, input: EraseInput) {
  const caseIds = [
    ...new Set([...input.caseIds, ...(await caseIdsByReference(ctx, input.caseReferences, 'privacy.erase'))]),
  ];
  const contactIds = [...new Set(input.hotlineContactIds)];
  const cases = await casesRetention(ctx.trx, caseIds);
  const contacts = await contactsRetention(ctx.trx, contactIds);
  const refusing = input.decision === 'refuse';
  for (const id of caseIds) {
    const audit = { action: 'privacy.erase' as const, resourceType: 'case' as const, resourceId: id };
    const row = cases.find((c) => c.id === id);
    if (!row) throw errors.notFound({ audit });
    if (row.erased_at) throw refusal('already_erased', row.reference, audit);
    if (refusing) continue;
    if (onHold(row)) throw refusal('erasure_on_legal_hold', row.reference, audit);
    if (!row.closed_at) throw refusal('erasure_case_open', row.reference, audit);
    if (input.basis === 'retention_expired' && !row.due)
      throw refusal('erasure_not_due', row.reference, audit);
  }
  for (const id of contactIds) {
    const audit = {
      action: 'privacy.erase' as const,
      resourceType: 'hotline_contact' as const,
      resourceId: id,
    };
    const row = contacts.find((c) => c.id === id);
    if (!row) throw errors.notFound({ audit });
    if (row.erased_at) throw refusal('already_erased', contactReference(id), audit);
    if (!refusing && input.basis === 'retention_expired' && !row.due)
      throw refusal('erasure_not_due', contactReference(id), audit);
  }

  const records = [
    ...cases.map((c) => ({ recordType: 'case' as const, id: c.id, category: c.category })),
    ...contacts.map((c) => ({
      recordType: 'hotline_contact' as const,
      id: c.id,
      category: 'hotline_contact' as const,
    })),
  ];
  await ctx.trx
    .insertInto('erasure_decisions')
    .values(
      records.map((r) => ({
        record_type: r.recordType,
        record_id: r.id,
        category: r.category,
        basis: input.basis,
        decision: refusing ? ('refused' as const) : ('erased' as const),
        exception: input.exception ?? null,
        requested_on: input.requestedOn ?? null,
        decided_by: ctx.actor.userId,
      })),
    )
    .execute();
  const tombstone = (category: string): AuditFieldName[] => [
    `category:${category}`,
    `basis:${input.basis}`,
    ...(input.exception ? ([`exception:${input.exception}`] as const) : []),
  ];
  if (refusing) {
    for (const r of records)
      await auditOperation(ctx, 'privacy.refuseErasure', r.recordType, r.id, tombstone(r.category));
    return { decision: 'refused' as const, records, personsErased: 0 };
  }

  const personIds = caseIds.length > 0 ? await personsOnlyOn(ctx.trx, caseIds) : [];
  await eraseCases(ctx.trx, caseIds, personIds);
  await eraseContacts(ctx.trx, contactIds);
  await forgetAnswersAbout(ctx.trx, crypto, [...caseIds, ...personIds, ...contactIds]);
  // The tombstones: what category, on what basis, by whose decision (the row's actor), when (its
  // time) and which fields — never a value.
  for (const c of cases)
    await auditOperation(ctx, 'privacy.erase', 'case', c.id, [
      ...tombstone(c.category),
      ...CASE_FIELDS_ERASED,
    ]);
  for (const id of personIds)
    await auditOperation(ctx, 'privacy.erasePerson', 'person', id, [
      ...tombstone('person'),
      ...PERSON_FIELDS_ERASED,
    ]);
  for (const c of contacts)
    await auditOperation(ctx, 'privacy.erase', 'hotline_contact', c.id, [
      ...tombstone('hotline_contact'),
      'hotline_contacts.summary',
    ]);
  return { decision: 'erased' as const, records, personsErased: personIds.length };
}

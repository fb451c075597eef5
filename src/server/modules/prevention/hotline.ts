/**
 * Hotline contacts: recorded by the staff of the institution that runs the line, visible only to
 * that institution's case roles. What the caller reported may describe a person: it is encrypted,
 * shown only in the single-contact view (an audited read), never in lists. A contact can open a
 * case through the cases service, under the same case-creation policy.
 */
import type { z } from 'zod';
import type {
  ListHotlineQuery,
  OpenCaseFromContactRequest,
  RecordHotlineContactRequest,
} from '../../../shared/api-prevention.js';
import type { CreateCaseRequest } from '../../../shared/api-identification.js';
import { authorize } from '../../access/authorize.js';
import { can } from '../../access/policies.js';
import { scopedHotlineContacts } from '../../access/scope.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { unitBelongsTo } from '../cases/cases.repository.js';
import { caseView, createCase } from '../cases/cases.service.js';
import { isoDate, presentHotlineSummary, type HotlineRow } from './prevention.presenter.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';
import { auditFieldsOf } from '../../../shared/audit-fields/lists.js';

type CaseInput = z.output<typeof CreateCaseRequest>;
const SUMMARY = 'hotline_contacts.summary';
const HOTLINE_COLUMNS = [
  'hotline_contacts.id',
  'hotline_contacts.institution_id',
  'hotline_contacts.received_on',
  'hotline_contacts.channel',
  'hotline_contacts.topic',
  'hotline_contacts.exploitation_type',
  'hotline_contacts.department',
  'hotline_contacts.child_involved',
  'hotline_contacts.case_id',
  ...INSTITUTION_CODE_AND_NAME,
] as const;

const contacts = (trx: Trx) =>
  trx
    .selectFrom('hotline_contacts')
    .innerJoin('institutions', 'institutions.id', 'hotline_contacts.institution_id');

/** The contact, checked against `action`; another institution's contact is "not found". */
async function loadContact(ctx: Ctx, id: string, action: 'hotline.read' | 'hotline.openCase') {
  const row = await contacts(ctx.trx)
    .select([...HOTLINE_COLUMNS, 'hotline_contacts.summary', 'hotline_contacts.unit_id'])
    .where('hotline_contacts.id', '=', id)
    .executeTakeFirst();
  const hint = { action, resourceType: 'hotline_contact' as const, resourceId: id };
  if (!row) throw errors.notFound({ audit: hint });
  authorize(ctx.actor, action, { institutionId: row.institution_id }, { hide: true, ...hint });
  return row;
}

async function contactView(ctx: Ctx, crypto: FieldCrypto, row: HotlineRow & { summary: string | null }) {
  const kase = row.case_id
    ? await ctx.trx.selectFrom('cases').select('reference').where('id', '=', row.case_id).executeTakeFirst()
    : undefined;
  return {
    ...presentHotlineSummary(row),
    summary: crypto.decryptNullable(row.summary, SUMMARY),
    caseReference: kase?.reference ?? null,
    canOpenCase:
      row.case_id === null &&
      can(ctx.actor, 'hotline.openCase', { institutionId: row.institution_id }) &&
      can(ctx.actor, 'case.create'),
  };
}

/** Records a contact received by the actor's institution's line. */
export async function recordContact(
  ctx: Ctx,
  crypto: FieldCrypto,
  input: z.output<typeof RecordHotlineContactRequest>,
) {
  const institutionId = ctx.actor.institutionId;
  if (input.unitId && !(await unitBelongsTo(ctx.trx, input.unitId, institutionId)))
    throw errors.badRequest('unknown_unit');
  const row = await ctx.trx
    .insertInto('hotline_contacts')
    .values({
      institution_id: institutionId,
      unit_id: input.unitId ?? null,
      received_on: input.receivedOn,
      channel: input.channel,
      topic: input.topic,
      exploitation_type: input.exploitationType ?? null,
      department: input.department ?? null,
      child_involved: input.childInvolved ?? null,
      summary: crypto.encryptNullable(input.summary || null, SUMMARY),
      recorded_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditOperation(ctx, 'hotline.record', 'hotline_contact', row.id, auditFieldsOf(input));
  return contactView(ctx, crypto, await loadContact(ctx, row.id, 'hotline.read'));
}

export async function getContact(ctx: Ctx, crypto: FieldCrypto, id: string) {
  const row = await loadContact(ctx, id, 'hotline.read');
  await auditOperation(ctx, 'hotline.read', 'hotline_contact', row.id);
  return contactView(ctx, crypto, row);
}

/** The institution's contacts, newest first, without what was reported. */
export async function listContacts(ctx: Ctx, query: z.output<typeof ListHotlineQuery>) {
  let base = scopedHotlineContacts(ctx.actor, contacts(ctx.trx));
  if (query.from) base = base.where('hotline_contacts.received_on', '>=', query.from);
  if (query.to) base = base.where('hotline_contacts.received_on', '<=', query.to);
  if (query.channel) base = base.where('hotline_contacts.channel', '=', query.channel);
  if (query.topic) base = base.where('hotline_contacts.topic', '=', query.topic);
  if (query.department) base = base.where('hotline_contacts.department', '=', query.department);
  const [items, total] = await Promise.all([
    base
      .select(HOTLINE_COLUMNS)
      .orderBy('hotline_contacts.received_on', 'desc')
      .orderBy('hotline_contacts.created_at', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  await auditOperation(ctx, 'hotline.list', 'hotline_contact', null);
  return { items: items.map(presentHotlineSummary), total: Number(total.n) };
}

/**
 * Opens a case from a contact: detection method "Hotline", detected on the day the contact was
 * received, in its department, narrative = what was reported (unless another is given). The case
 * is created by the cases service, so it gets its reference, timeline and audit as any other.
 */
export async function openCaseFromContact(
  ctx: Ctx,
  crypto: FieldCrypto,
  id: string,
  input: z.output<typeof OpenCaseFromContactRequest>,
) {
  const row = await loadContact(ctx, id, 'hotline.openCase');
  authorize(ctx.actor, 'case.create');
  if (row.case_id) throw errors.conflict('hotline_case_already_opened');
  const loaded = await createCase(ctx, crypto, {
    detectionMethod: 'Hotline',
    detectedOn: isoDate(row.received_on),
    detectionDepartment: row.department as CaseInput['detectionDepartment'],
    detectionCountry: 'PY',
    narrative: input.narrative ?? crypto.decryptNullable(row.summary, SUMMARY),
    ownerUnitId: input.ownerUnitId ?? row.unit_id,
    assignedUserIds: [],
  });
  // Guarded by case_id is null so two concurrent requests cannot both link a case.
  const linked = await ctx.trx
    .updateTable('hotline_contacts')
    .set({ case_id: loaded.id })
    .where('id', '=', row.id)
    .where('case_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!linked) throw errors.conflict('hotline_case_already_opened');
  await auditOperation(ctx, 'hotline.openCase', 'hotline_contact', row.id, ['caseId']);
  const updated = await loadContact(ctx, row.id, 'hotline.read');
  return { contact: await contactView(ctx, crypto, updated), case: await caseView(ctx, crypto, loaded) };
}

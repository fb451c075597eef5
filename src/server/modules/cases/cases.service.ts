/** Cases: create, read (the case page), update, link persons, share and revoke shares. */
import type { z } from 'zod';
import type {
  AddCasePersonRequest,
  CreateCaseRequest,
  ShareCaseRequest,
  UpdateCaseRequest,
} from '../../../shared/api-identification.js';
import type { Actor } from '../../access/actor.js';
import { can, type Action } from '../../access/policies.js';
import { personVisible } from '../../access/scope.js';
import { auditOperation, readingOf, writeAudits } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import { nextVersion, refuseConflicts } from '../../core/versions.js';
import type { Ctx } from '../../core/context.js';
import { loadCaseForAction, loadCasePageFor, type CaseAction, type LoadedCase } from './case-access.js';
import { loadCaseDetail, type CaseDetail } from './case-view.repository.js';
import { presentCase } from './cases.presenter.js';
import {
  countAssignableUsers,
  nextCaseNumber,
  addAssignments,
  replaceAssignments,
  unitBelongsTo,
} from './cases.repository.js';
import { addTimeline } from './timeline.js';
import { caseSharedWith, insertShare, revokeShare } from './case-shares.repository.js';
import { institutionColumn, institutionRefs } from '../institutions/institutions.repository.js';
import { auditFieldsOf, isGiven } from '../../../shared/audit-fields/lists.js';

type CreateInput = z.output<typeof CreateCaseRequest>;
type UpdateInput = z.output<typeof UpdateCaseRequest>;

/** Case-level actions whose availability the case page receives (the UI never recomputes them). */
const CASE_PAGE_ACTIONS = [
  'case.update',
  'case.addPerson',
  'case.share',
  'case.screen',
  'case.decide',
  'case.review',
  'case.recordEvent',
  'caseNote.create',
] as const satisfies readonly Action[];

const audit = auditOperation;

export function formatReference(year: number, number: number): string {
  return `PY-${year}-${String(number).padStart(6, '0')}`;
}

async function checkOwnerUnitAndStaff(
  trx: Trx,
  institutionId: string,
  unitId: string | null | undefined,
  userIds: readonly string[] | undefined,
) {
  if (unitId && !(await unitBelongsTo(trx, unitId, institutionId))) throw errors.badRequest('unknown_unit');
  if (userIds && userIds.length > 0) {
    const unique = [...new Set(userIds)];
    if ((await countAssignableUsers(trx, unique, institutionId)) !== unique.length) {
      throw errors.badRequest('invalid_assignee');
    }
  }
}

/**
 * The case page for `loaded`, as the actor may see it. It shows persons' names, so it is a read of
 * each person's record: one audit row per person shown — written here, or already by the page's own
 * statement with the case read's row (`readsAudited`, the case read: loadCasePageFor).
 */
export async function caseView(
  ctx: Ctx,
  crypto: FieldCrypto,
  loaded: LoadedCase,
  options: { readsAudited?: boolean; detail?: CaseDetail } = {},
) {
  const detail = options.detail ?? (await loadCaseDetail(ctx.trx, loaded.id));
  const target = { institutionId: loaded.ownerInstitutionId, sharedWithActor: loaded.sharedWithActor };
  const permissions = CASE_PAGE_ACTIONS.filter((action) => can(ctx.actor, action, target));
  if (!options.readsAudited) {
    // A person read per person shown, in one INSERT.
    const row = { actor: ctx.actor, purpose: ctx.purpose, requestId: ctx.requestId } as const;
    await writeAudits(
      ctx.trx,
      detail.persons.map((person) => ({
        ...row,
        action: 'person.read' as const,
        resourceType: 'person',
        resourceId: person.person_id,
      })),
    );
  }
  return presentCase(detail, crypto, permissions, loaded.grant);
}

/**
 * A change to one case: loads it for `action` through the case door (case-access.ts), where a refusal
 * is audited, runs `apply` and answers the case page as the actor now sees it.
 */
function caseCommand<Input>(
  action: CaseAction,
  apply: (ctx: Ctx, crypto: FieldCrypto, loaded: LoadedCase, input: Input) => Promise<void>,
) {
  return async (ctx: Ctx, crypto: FieldCrypto, caseId: string, input: Input) => {
    const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, action);
    await apply(ctx, crypto, loaded, input);
    return caseView(ctx, crypto, loaded);
  };
}

/** Opens a case owned by the actor's institution, with the next reference of the detection year. */
export async function createCase(ctx: Ctx, crypto: FieldCrypto, input: CreateInput): Promise<LoadedCase> {
  const institutionId = ctx.actor.institutionId;
  await checkOwnerUnitAndStaff(ctx.trx, institutionId, input.ownerUnitId, input.assignedUserIds);
  const year = Number(input.detectedOn.slice(0, 4));
  const reference = formatReference(year, await nextCaseNumber(ctx.trx, year));
  const row = await ctx.trx
    .insertInto('cases')
    .values({
      reference,
      owner_institution_id: institutionId,
      owner_unit_id: input.ownerUnitId ?? null,
      created_by: ctx.actor.userId,
      detection_method: input.detectionMethod,
      detected_on: input.detectedOn,
      detection_department: input.detectionDepartment ?? null,
      detection_country: input.detectionCountry,
      detection_place: crypto.encryptNullable(input.detectionPlace || null, 'cases.detection_place'),
      narrative: crypto.encryptNullable(input.narrative || null, 'cases.narrative'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addAssignments(ctx.trx, row.id, [...new Set(input.assignedUserIds)]);
  await addTimeline(ctx.trx, {
    caseId: row.id,
    actor: ctx.actor,
    kind: 'case_created',
    details: { reference },
  });
  const fields = auditFieldsOf(input, isGiven);
  await audit(ctx, 'case.create', 'case', row.id, fields);
  return { id: row.id, ownerInstitutionId: institutionId, reference, sharedWithActor: false, grant: null };
}

/**
 * The case page (`case.read`): through the case door, with the case read's row and a person read's per
 * person shown written by the page's own statement (loadCasePageFor).
 */
export async function getCase(ctx: Ctx, crypto: FieldCrypto, caseId: string) {
  const { loaded, detail } = await loadCasePageFor(ctx.trx, ctx.actor, caseId, readingOf(ctx));
  return caseView(ctx, crypto, loaded, { readsAudited: true, detail });
}

export const updateCase = caseCommand('case.update', async (ctx, crypto, loaded, input: UpdateInput) => {
  await checkOwnerUnitAndStaff(ctx.trx, loaded.ownerInstitutionId, input.ownerUnitId, input.assignedUserIds);
  const { baseVersion, ...requested } = input;
  const row = await editableFields(ctx.trx, crypto, loaded.id);
  refuseConflicts(row, baseVersion, requested, row.values);
  const changes = {
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.detectionDepartment !== undefined ? { detection_department: input.detectionDepartment } : {}),
    ...(input.detectionPlace !== undefined
      ? { detection_place: crypto.encryptNullable(input.detectionPlace || null, 'cases.detection_place') }
      : {}),
    ...(input.narrative !== undefined
      ? { narrative: crypto.encryptNullable(input.narrative || null, 'cases.narrative') }
      : {}),
    ...(input.ownerUnitId !== undefined ? { owner_unit_id: input.ownerUnitId } : {}),
  };
  await ctx.trx
    .updateTable('cases')
    .set({ ...changes, ...nextVersion(row, Object.keys(requested)), updated_at: new Date() })
    .where('id', '=', loaded.id)
    .execute();
  if (input.assignedUserIds)
    await replaceAssignments(ctx.trx, loaded.id, [...new Set(input.assignedUserIds)]);
  const fields = auditFieldsOf(requested);
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: 'case_updated',
    details: { fields },
  });
  await audit(ctx, 'case.update', 'case', loaded.id, fields);
});

/** The case's version and the current values of the fields an update may change (API names). */
async function editableFields(trx: Trx, crypto: FieldCrypto, caseId: string) {
  const row = await trx
    .selectFrom('cases')
    .select([
      'version',
      'field_versions',
      'status',
      'detection_department',
      'detection_place',
      'narrative',
      'owner_unit_id',
    ])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const assigned = await trx
    .selectFrom('case_assignments')
    .select('user_id')
    .where('case_id', '=', caseId)
    .orderBy('user_id')
    .execute();
  const values: Record<string, unknown> = {
    status: row.status,
    detectionDepartment: row.detection_department,
    detectionPlace: crypto.decryptNullable(row.detection_place, 'cases.detection_place'),
    narrative: crypto.decryptNullable(row.narrative, 'cases.narrative'),
    ownerUnitId: row.owner_unit_id,
    assignedUserIds: assigned.map((a) => a.user_id),
  };
  return { version: row.version, field_versions: row.field_versions, values };
}

/** A person the actor may see, or "not found" (their existence is not revealed). */
async function requireVisiblePerson(trx: Trx, actor: Actor, personId: string) {
  const person = await trx
    .selectFrom('persons')
    .select('persons.id')
    .where('persons.id', '=', personId)
    .where(personVisible(actor))
    .executeTakeFirst();
  if (!person)
    throw errors.notFound({ audit: { action: 'person.read', resourceType: 'person', resourceId: personId } });
}

export const addCasePerson = caseCommand(
  'case.addPerson',
  (ctx, _crypto, loaded, input: z.output<typeof AddCasePersonRequest>) => linkPerson(ctx, loaded, input),
);

/** Links a person the actor may see to a case already authorized for `case.addPerson`. */
export async function linkPerson(
  ctx: Ctx,
  loaded: LoadedCase,
  input: z.output<typeof AddCasePersonRequest>,
): Promise<void> {
  await requireVisiblePerson(ctx.trx, ctx.actor, input.personId);
  const inserted = await ctx.trx
    .insertInto('case_persons')
    .values({ case_id: loaded.id, person_id: input.personId, role: input.role })
    .onConflict((oc) => oc.columns(['case_id', 'person_id']).doNothing())
    .returning('person_id')
    .executeTakeFirst();
  if (!inserted) throw errors.conflict('person_already_in_case');
  const details = { personId: input.personId, role: input.role };
  await addTimeline(ctx.trx, { caseId: loaded.id, actor: ctx.actor, kind: 'person_added', details });
  await audit(ctx, 'case.addPerson', 'case', loaded.id, ['persons']);
}

export const shareCase = caseCommand(
  'case.share',
  async (ctx, _crypto, loaded, input: z.output<typeof ShareCaseRequest>) => {
    const institution = (await institutionRefs(ctx.trx, [input.institutionId])).get(input.institutionId);
    if (!institution) throw errors.badRequest('unknown_institution');
    if (institution.id === loaded.ownerInstitutionId) throw errors.badRequest('share_with_owner');
    if (await caseSharedWith(ctx.trx, loaded.id, institution.id))
      throw errors.conflict('case_already_shared');
    const shareId = await insertShare(ctx.trx, {
      caseId: loaded.id,
      institutionId: institution.id,
      sharedBy: ctx.actor.userId,
      reason: input.reason,
    });
    const details = { shareId, institutionCode: institution.code };
    await addTimeline(ctx.trx, { caseId: loaded.id, actor: ctx.actor, kind: 'case_shared', details });
    await audit(ctx, 'case.share', 'case', loaded.id, ['shares']);
  },
);

export async function revokeCaseShare(ctx: Ctx, caseId: string, shareId: string): Promise<void> {
  const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'case.share');
  const sharedWith = await revokeShare(ctx.trx, loaded.id, shareId);
  if (!sharedWith) throw errors.notFound();
  const details = { shareId, institutionCode: await institutionColumn(ctx.trx, sharedWith, 'code') };
  await addTimeline(ctx.trx, { caseId: loaded.id, actor: ctx.actor, kind: 'case_share_revoked', details });
  await audit(ctx, 'case.revokeShare', 'case', loaded.id, ['shares']);
}

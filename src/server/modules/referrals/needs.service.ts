/**
 * Needs per person on a case, matched against the directory when recorded: the eligible providers
 * with free capacity (nearest first), or — when there is none — the need stored as unmet with the
 * reason, which the gap report counts. Also the protection status of foreign and repatriated victims.
 */
import type { z } from 'zod';
import type {
  NeedView,
  ProtectionStatusRequest,
  ProtectionStatusView,
  RecordNeedRequest,
} from '../../../shared/api-protection.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { paraguayToday } from '../../../shared/dates.js';
import { addTimeline } from '../cases/timeline.js';
import { ageBandOf, match } from '../providers/matching.js';
import { candidatesFor } from '../providers/providers.repository.js';
import { loadCaseFor } from './case-for.js';
import { detectionDepartmentOf, personInCase } from '../cases/cases.repository.js';
import { insertNeed, saveProtectionStatus } from './needs.repository.js';
import { loadPerson, profileOf } from './person-profile.js';
import { auditOperation as auditProtection } from '../../audit/audit.js';
import { presentNeed, presentProtectionStatus } from './needs.presenter.js';
import { auditFieldsOf } from '../../../shared/audit-fields/lists.js';

/** The case, if the actor may record needs on it, and the person must be one of its persons. */
async function loadCaseForPerson(ctx: Ctx, caseId: string, personId: string) {
  const loaded = await loadCaseFor(ctx.trx, ctx.actor, caseId, 'need.record');
  if (!(await personInCase(ctx.trx, loaded.id, personId))) throw errors.badRequest('person_not_in_case');
  return loaded;
}

export async function recordNeed(
  ctx: Ctx,
  crypto: FieldCrypto,
  caseId: string,
  input: z.output<typeof RecordNeedRequest>,
): Promise<z.input<typeof NeedView>> {
  const loaded = await loadCaseForPerson(ctx, caseId, input.personId);
  const person = await loadPerson(ctx.trx, input.personId);
  const profile = profileOf(crypto, person);
  const department =
    input.department !== undefined
      ? input.department
      : ((await detectionDepartmentOf(ctx.trx, loaded.id)) ?? person.residence_department);
  const result = match(
    await candidatesFor(ctx.trx, input.serviceType),
    { serviceType: input.serviceType, department },
    profile,
  );
  const row = await insertNeed(ctx.trx, {
    case_id: loaded.id,
    person_id: input.personId,
    service_type: input.serviceType,
    urgency: input.urgency,
    department,
    notes: crypto.encryptNullable(input.notes || null, 'person_needs.notes'),
    status: result.unmetReason ? 'unmet' : 'open',
    unmet_reason: result.unmetReason,
    person_sex: profile.sex,
    age_band: ageBandOf(profile.age),
    created_by: ctx.actor.userId,
    institution_id: ctx.actor.institutionId,
  });
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: 'need_recorded',
    details: {
      needId: row.id,
      personId: input.personId,
      serviceType: input.serviceType,
      urgency: input.urgency,
      unmetReason: result.unmetReason,
    },
  });
  await auditProtection(
    ctx,
    'need.record',
    'need',
    row.id,
    auditFieldsOf(input, (value) => value != null),
  );
  return presentNeed(
    {
      ...row,
      case_id: loaded.id,
      person_id: input.personId,
      service_type: input.serviceType,
      urgency: input.urgency,
      department,
      status: result.unmetReason ? 'unmet' : 'open',
      unmet_reason: result.unmetReason,
    },
    input.notes || null,
    result.matches,
    profile.age !== null,
  );
}

/**
 * The law's order of things: a reflection period ends after it starts; a return is arranged or made
 * only after a risk assessment (with its level), and made only after it was arranged.
 */
function checkProtectionLaw(input: z.output<typeof ProtectionStatusRequest>): void {
  if (input.reflectionUntil && (!input.reflectionFrom || input.reflectionUntil < input.reflectionFrom))
    throw errors.badRequest('reflection_period_invalid');
  if ((input.returnArranged || input.returnedOn) && (!input.returnRiskAssessedOn || !input.returnRiskLevel))
    throw errors.badRequest('return_risk_assessment_required');
  if (input.returnedOn && !input.returnArranged) throw errors.badRequest('return_arranged_not_requested');
  if (input.returnedOn && input.returnRiskAssessedOn && input.returnedOn < input.returnRiskAssessedOn)
    throw errors.badRequest('return_before_risk_assessment');
}

/** Records (replaces) the protection status of a foreign or repatriated victim on the case. */
export async function recordProtectionStatus(
  ctx: Ctx,
  caseId: string,
  personId: string,
  input: z.output<typeof ProtectionStatusRequest>,
): Promise<z.input<typeof ProtectionStatusView>> {
  const loaded = await loadCaseForPerson(ctx, caseId, personId);
  if (input.returnArranged && !input.returnRequested)
    throw errors.badRequest('return_arranged_not_requested');
  if (input.residencyGranted && !input.residencyRequested)
    throw errors.badRequest('residency_granted_not_requested');
  checkProtectionLaw(input);
  const values = {
    origin_country: input.originCountry ?? null,
    destination_country: input.destinationCountry ?? null,
    consulate: input.consulate || null,
    return_requested: input.returnRequested,
    return_arranged: input.returnArranged,
    residency_requested: input.residencyRequested,
    residency_granted: input.residencyGranted,
    reflection_from: input.reflectionFrom ?? null,
    reflection_until: input.reflectionUntil ?? null,
    return_voluntary: input.returnVoluntary,
    return_risk_assessed_on: input.returnRiskAssessedOn ?? null,
    return_risk_level: input.returnRiskLevel ?? null,
    returned_on: input.returnedOn ?? null,
    penalised: input.penalised,
    non_punishment_applied: input.nonPunishmentApplied,
    updated_at: new Date(),
  };
  // The first recording's day (Paraguay) dates the non-punishment figures; an update keeps it.
  await saveProtectionStatus(ctx.trx, { caseId: loaded.id, personId }, values, paraguayToday());
  const fields = auditFieldsOf(input);
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: 'protection_status_recorded',
    details: { personId, fields },
  });
  await auditProtection(ctx, 'need.protectionStatus', 'person', personId, fields);
  return (await presentProtectionStatus(ctx, loaded.id, personId))!;
}

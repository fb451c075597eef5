/**
 * Exploitation details per victim and trafficking events (Recruitment, Transit, Exploitation) of a
 * case. Any subset of event types is valid: seed 003 — ICT can move recruitment and exploitation
 * online and remove the transfer stage, so nothing forces a Transit.
 */
import type { z } from 'zod';
import {
  EXPLOITATION_FIELDS,
  type AddEventRequest,
  type ExploitationRequest,
} from '../../../shared/api-identification.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { loadCaseForAction } from './case-access.js';
import { personInCase } from './cases.repository.js';
import { presentEvent, presentExploitation } from './cases.presenter.js';
import { addTimeline } from './timeline.js';
import { auditFieldsOf, isGiven } from '../../../shared/audit-fields/lists.js';

type ExploitationInput = z.output<typeof ExploitationRequest>;
type EventInput = z.output<typeof AddEventRequest>;

/** Records (replacing) what a victim of the case went through: exploitation, control, recruitment. */
export async function recordExploitation(
  ctx: Ctx,
  caseId: string,
  personId: string,
  input: ExploitationInput,
) {
  const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'case.recordEvent');
  if (!(await personInCase(ctx.trx, loaded.id, personId))) {
    throw errors.notFound({
      audit: { action: 'case.recordEvent', resourceType: 'person', resourceId: personId },
    });
  }
  const values = {
    exploitation_types: input.exploitationTypes,
    labour_industries: input.labourIndustries,
    sexual_exploitation_types: input.sexualExploitationTypes,
    control_methods: input.controlMethods,
    recruitment_methods: input.recruitmentMethods,
    recruiter_relation: input.recruiterRelation ?? null,
    vulnerabilities: input.vulnerabilities,
    updated_at: new Date(),
  };
  const row = await ctx.trx
    .insertInto('victim_exploitation')
    .values({ case_id: loaded.id, person_id: personId, ...values })
    .onConflict((oc) => oc.columns(['case_id', 'person_id']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  const fields = EXPLOITATION_FIELDS.filter((key) => {
    const value = input[key];
    return Array.isArray(value) ? value.length > 0 : value != null;
  });
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: 'exploitation_recorded',
    details: { personId, fields },
  });
  await auditOperation(ctx, 'case.recordExploitation', 'case', loaded.id, fields);
  return presentExploitation(row);
}

/** Adds one trafficking event: where (country, and department in Paraguay), when, online or not. */
export async function addTraffickingEvent(ctx: Ctx, crypto: FieldCrypto, caseId: string, input: EventInput) {
  const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'case.recordEvent');
  if (input.department && input.country !== 'PY') throw errors.badRequest('department_outside_paraguay');
  if (input.personId && !(await personInCase(ctx.trx, loaded.id, input.personId))) {
    throw errors.badRequest('person_not_in_case');
  }
  const row = await ctx.trx
    .insertInto('trafficking_events')
    .values({
      case_id: loaded.id,
      person_id: input.personId ?? null,
      type: input.type,
      country: input.country,
      department: input.department ?? null,
      district: crypto.encryptNullable(input.district ?? null, 'trafficking_events.district'),
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      online: input.online,
      platforms: [...new Set(input.platforms)],
      created_by: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const details = { eventId: row.id, type: row.type, online: row.online, country: row.country };
  await addTimeline(ctx.trx, { caseId: loaded.id, actor: ctx.actor, kind: 'event_added', details });
  const fields = auditFieldsOf(input, isGiven);
  await auditOperation(ctx, 'case.recordEvent', 'trafficking_event', row.id, fields);
  return presentEvent(row, crypto);
}

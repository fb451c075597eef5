/**
 * Trafficking-status decisions (HTCDS vic_TraffickingStatus): a person decides, the screening only
 * guides. Decisions are never updated: a change is a new decision, and a review (by a supervisor
 * or prosecutor) is a new decision that names the one it reviews. The reason is encrypted. Only
 * the institutions and roles of the decision policy may confirm a victim; the deciding
 * organisation is the decider's institution's (decision-policy.service.ts).
 */
import type { z } from 'zod';
import type { DecideStatusRequest } from '../../../shared/api-identification.js';
import { authorize } from '../../access/authorize.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { AppError, errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { loadCaseForAction } from '../cases/case-access.js';
import { addTimeline } from '../cases/timeline.js';
import { REASON_CONTEXT } from './screening.presenter.js';
import {
  findCasePerson,
  findDecision,
  findScreening,
  insertDecision,
  listCaseDecisions,
  type DecisionRow,
} from './screening.repository.js';
import { refuseFutureDate } from './screening.service.js';
import { mayConfirmVictim, orgTypeOfInstitution } from './decision-policy.service.js';

type DecideInput = z.output<typeof DecideStatusRequest>;

export async function decideStatus(ctx: Ctx, crypto: FieldCrypto, caseId: string, input: DecideInput) {
  const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'case.decide');
  const reviewing = Boolean(input.reviewsDecisionId);
  if (reviewing) {
    authorize(
      ctx.actor,
      'case.review',
      { institutionId: loaded.ownerInstitutionId, sharedWithActor: loaded.sharedWithActor },
      { resourceType: 'case' as const, resourceId: loaded.id },
    );
  }
  const person = await findCasePerson(ctx.trx, loaded.id, input.personId);
  if (!person) throw errors.badRequest('person_not_in_case');
  if (input.screeningId) {
    const screening = await findScreening(ctx.trx, input.screeningId);
    if (!screening || screening.case_id !== loaded.id || screening.person_id !== person.id) {
      throw errors.badRequest('screening_not_of_person');
    }
  }
  if (input.reviewsDecisionId) {
    const reviewed = await findDecision(ctx.trx, input.reviewsDecisionId);
    if (!reviewed || reviewed.case_id !== loaded.id || reviewed.person_id !== person.id) {
      throw errors.badRequest('reviewed_decision_not_of_person');
    }
  }
  refuseFutureDate(input.decidedOn, 'decidedOn');
  // Confirming a victim is for the institutions and roles of the policy (decision-policy.service.ts).
  if (input.status === 'ActualVictimOfTrafficking' && !(await mayConfirmVictim(ctx.trx, ctx.actor))) {
    throw new AppError(
      'confirm_not_allowed',
      403,
      {},
      { audit: { action: 'case.decide', resourceType: 'case' as const, resourceId: loaded.id } },
    );
  }
  const decisionOrgType = await orgTypeOfInstitution(ctx.trx, ctx.actor.institutionId);

  const id = await insertDecision(ctx.trx, {
    case_id: loaded.id,
    person_id: person.id,
    status: input.status,
    decision_org_type: decisionOrgType,
    institution_id: ctx.actor.institutionId,
    decided_by: ctx.actor.userId,
    decided_on: input.decidedOn,
    reason: crypto.encrypt(input.reason, REASON_CONTEXT),
    screening_id: input.screeningId ?? null,
    reviews_decision_id: input.reviewsDecisionId ?? null,
  });
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: 'status_decided',
    details: {
      decisionId: id,
      personId: person.id,
      status: input.status,
      reviewsDecisionId: input.reviewsDecisionId ?? null,
    },
  });
  await auditOperation(ctx, reviewing ? 'case.review' : 'case.decide', 'trafficking_decision', id, [
    'personId',
    'status',
    'decidedOn',
    'reason',
    ...(input.screeningId ? (['screeningId'] as const) : []),
    ...(reviewing ? (['reviewsDecisionId'] as const) : []),
  ]);
  return (await findDecision(ctx.trx, id))!;
}

/** The decision history of a case (or of one person in it), newest first; the read is audited. */
export async function listDecisions(
  ctx: Ctx,
  caseId: string,
  personId: string | undefined,
): Promise<DecisionRow[]> {
  const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'case.read');
  const rows = await listCaseDecisions(ctx.trx, loaded.id, personId);
  await auditOperation(ctx, 'decision.list', 'case', loaded.id);
  return rows;
}

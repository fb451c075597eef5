/**
 * The one door to an investigation: load it through the scope (scope-prosecution.ts), then
 * authorize the action with the same rule. Not visible → "not found"; visible but the action is
 * not the actor's → "forbidden"; both audited as the attempted action. Also builds the full view.
 */
import type { z } from 'zod';
import type { InvestigationView } from '../../../shared/api-prosecution.js';
import { authorize } from '../../access/authorize.js';
import { can, type Action, type InvestigationTarget } from '../../access/policies.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { presentInvestigation, presentSuspect } from './investigations.presenter.js';
import {
  chargesOf,
  instructedInstitutions,
  linkedCases,
  officialInstitutions,
  outcomesOf,
  stagesOf,
  suspectsOf,
  visibleInvestigationById,
  type InvestigationRow,
} from './investigations.repository.js';

export type InvestigationAction = Extract<Action, `investigation.${string}`>;

export interface LoadedInvestigation {
  row: InvestigationRow;
  target: InvestigationTarget;
  instructed: Array<{ id: string; code: string; name: string }>;
}

export async function loadInvestigationFor(
  ctx: Ctx,
  investigationId: string,
  action: InvestigationAction,
): Promise<LoadedInvestigation> {
  const audit = { action, resourceType: 'investigation' as const, resourceId: investigationId };
  const row = await visibleInvestigationById(ctx.trx, ctx.actor, investigationId);
  if (!row) throw errors.notFound({ audit });
  const officials = await officialInstitutions(ctx.trx, row.id);
  const instructed = await instructedInstitutions(ctx.trx, row.id);
  const target: InvestigationTarget = {
    institutionId: row.owner_institution_id,
    instructedInstitutionIds: instructed.map((i) => i.id),
    complicity: officials.length > 0,
    officialInstitutionIds: officials,
  };
  // The SQL scope and the rule agree; a disagreement still ends in "not found", never a leak.
  if (!can(ctx.actor, 'investigation.read', target)) throw errors.notFound({ audit });
  authorize(ctx.actor, action, target, { resourceType: 'investigation' as const, resourceId: row.id });
  return { row, target, instructed };
}

/**
 * A change to one investigation: loads it for `action` through the door above (a refusal is audited
 * there), runs `apply` and answers the investigation as the actor now sees it (`apply` may return
 * the loaded investigation as the change left it).
 */
export function investigationCommand<Input>(
  action: InvestigationAction,
  apply: (
    ctx: Ctx,
    crypto: FieldCrypto,
    loaded: LoadedInvestigation,
    input: Input,
  ) => Promise<LoadedInvestigation | void>,
) {
  return async (ctx: Ctx, crypto: FieldCrypto, investigationId: string, input: Input): Promise<View> => {
    const loaded = await loadInvestigationFor(ctx, investigationId, action);
    return investigationView(ctx, crypto, (await apply(ctx, crypto, loaded, input)) ?? loaded);
  };
}

/** Locks the investigation for a change, so concurrent changes of one record run one at a time. */
export async function lockInvestigation(ctx: Ctx, investigationId: string): Promise<void> {
  await ctx.trx
    .selectFrom('investigations')
    .select('id')
    .where('id', '=', investigationId)
    .forUpdate()
    .execute();
}

type View = z.input<typeof InvestigationView>;

/** The investigation as the actor sees it, with the actions the server would accept. */
export async function investigationView(
  ctx: Ctx,
  crypto: FieldCrypto,
  loaded: LoadedInvestigation,
): Promise<View> {
  const { trx, actor } = ctx;
  const id = loaded.row.id;
  const mayProsecute = can(actor, 'investigation.prosecute', loaded.target);
  const suspects = await suspectsOf(trx, id);
  const ids = suspects.map((s) => s.id);
  // One connection per transaction: queries run one after the other.
  const charges = await chargesOf(trx, ids);
  const stages = await stagesOf(trx, ids);
  const outcomes = await outcomesOf(trx, ids);
  const cases = await linkedCases(trx, actor, id);
  const operations = await trx
    .selectFrom('investigation_operations')
    .selectAll()
    .where('investigation_id', '=', id)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .execute();
  const cooperation = await trx
    .selectFrom('cooperation_requests')
    .selectAll()
    .where('investigation_id', '=', id)
    .orderBy('requested_on')
    .orderBy('created_at')
    .execute();
  const victims = await trx
    .selectFrom('victim_participation')
    .selectAll()
    .where('investigation_id', '=', id)
    .orderBy('updated_at')
    .execute();
  const actions: View['actions'] = [];
  if (can(actor, 'investigation.update', loaded.target))
    actions.push('addSuspect', 'linkCase', 'instruct', 'recordCooperation');
  if (can(actor, 'investigation.recordOperation', loaded.target)) actions.push('recordOperation');
  if (mayProsecute) actions.push('prosecute');
  const of = <T extends { suspect_id: string }>(rows: T[], suspectId: string) =>
    rows.filter((r) => r.suspect_id === suspectId);
  return presentInvestigation(crypto, loaded.row, {
    instructed: loaded.instructed,
    complicity: loaded.target.complicity,
    cases: cases.map((c) => ({ id: c.id, reference: c.visible ? c.reference : null })),
    suspects: suspects.map((s) =>
      presentSuspect(crypto, s, {
        charges: of(charges, s.id),
        stages: of(stages, s.id),
        outcomes: of(outcomes, s.id),
        mayProsecute,
      }),
    ),
    operations: operations.map((o) => ({
      id: o.id,
      occurredOn: o.occurred_on,
      department: o.department,
      place: crypto.decryptNullable(o.place, 'investigation_operations.place'),
      personsArrested: o.persons_arrested,
      victimsRescued: o.victims_rescued,
    })),
    cooperation: cooperation.map((r) => ({
      id: r.id,
      kind: r.kind as View['cooperation'][number]['kind'],
      direction: r.direction as View['cooperation'][number]['direction'],
      country: r.country,
      requestedOn: r.requested_on,
      grantedOn: r.granted_on,
    })),
    victims: victims.map((v) => ({
      caseId: v.case_id,
      personId: v.person_id,
      witness: v.witness,
      protectiveMeasures: v.protective_measures as View['victims'][number]['protectiveMeasures'],
      penalised: v.penalised,
    })),
    actions,
  });
}

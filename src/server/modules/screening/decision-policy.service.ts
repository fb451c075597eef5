/**
 * Who may confirm a victim (decide "ActualVictimOfTrafficking"): a configurable policy of
 * institutions and roles (table `decision_confirm_policy`, default in migration
 * 2026-12-05T19-02-00_decision_policy: PNPTU, MP-UFETESI, MINNA and PJ; never an NGO by default).
 * Everyone else may record a possible victim or "not a victim". docs/ACCESS-CONTROL.md.
 *
 * The deciding organisation of a decision (HTCDS vic_TraffickingStatusDecisionMakingOrg) is taken
 * from the decider's institution (`orgTypeOfInstitution`), never typed by the user.
 */
import type { z } from 'zod';
import type { DecisionPolicyView, UpdateDecisionPolicyRequest } from '../../../shared/api-identification.js';
import type { DECISION_ORG_TYPES } from '../../../shared/catalogues.js';
import type { Actor } from '../../access/actor.js';
import { authorize } from '../../access/authorize.js';
import { auditOperation } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import { AppError } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { exists } from '../../db/exists.js';
import { institutionColumn } from '../institutions/institutions.repository.js';

type PolicyView = z.infer<typeof DecisionPolicyView>;
type OrgType = (typeof DECISION_ORG_TYPES)[number];

/** True when the actor's institution and role are in the policy. */
export async function mayConfirmVictim(trx: Trx, actor: Actor): Promise<boolean> {
  return exists(
    trx
      .selectFrom('decision_confirm_policy')
      .where('institution_id', '=', actor.institutionId)
      .where('role', '=', actor.role),
  );
}

/**
 * HTCDS's decision-making organisation from the institution's kind (institutions.kind, seeded by
 * the foundation migration): police → Police; courts and prosecution → CourtOrProsecution; NGOs →
 * NGO; ministries, migration, health, the coordination table → NonPoliceGovernmentalOrganization;
 * international organisations and anything else → Other.
 */
export function orgTypeOfKind(kind: string): OrgType {
  switch (kind) {
    case 'LawEnforcement':
      return 'Police';
    case 'CourtOrProsecution':
      return 'CourtOrProsecution';
    case 'NGO':
      return 'NGO';
    case 'CentralGovernmentOrganisation':
    case 'LocalGovernmentOrganisation':
    case 'ImmigrationService':
    case 'HealthServiceOrganisation':
    case 'Coordination':
    case 'ChildProtection':
      return 'NonPoliceGovernmentalOrganization';
    default:
      return 'Other';
  }
}

export async function orgTypeOfInstitution(trx: Trx, institutionId: string): Promise<OrgType> {
  return orgTypeOfKind(await institutionColumn(trx, institutionId, 'kind'));
}

export async function getDecisionPolicy(trx: Trx): Promise<PolicyView> {
  const rows = await trx
    .selectFrom('decision_confirm_policy as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select(['i.id', 'i.code', 'i.name', 'p.role'])
    .orderBy('i.code')
    .orderBy('p.role')
    .execute();
  const byInstitution = new Map<string, PolicyView['entries'][number]>();
  for (const row of rows) {
    const entry = byInstitution.get(row.id) ?? {
      institution: { id: row.id, code: row.code, name: row.name },
      roles: [],
    };
    entry.roles.push(row.role as PolicyView['entries'][number]['roles'][number]);
    byInstitution.set(row.id, entry);
  }
  return { entries: [...byInstitution.values()] };
}

/** Replaces the whole policy; refuses an unknown or repeated institution, naming the entry. */
export async function updateDecisionPolicy(
  ctx: Ctx,
  input: z.output<typeof UpdateDecisionPolicyRequest>,
): Promise<PolicyView> {
  authorize(ctx.actor, 'decisionPolicy.update');
  const ids = input.entries.map((e) => e.institutionId);
  const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (repeated >= 0) {
    throw new AppError(
      'validation_failed',
      400,
      {},
      { issues: [{ path: `body.entries.${repeated}.institutionId`, message: 'issue.institutionTwice' }] },
    );
  }
  const known = new Set(
    ids.length === 0
      ? []
      : (await ctx.trx.selectFrom('institutions').select('id').where('id', 'in', ids).execute()).map(
          (r) => r.id,
        ),
  );
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw new AppError(
      'unknown_institution',
      400,
      {},
      { issues: [{ path: `body.entries.${unknown}.institutionId`, message: 'issue.unknownInstitution' }] },
    );
  }
  await ctx.trx.deleteFrom('decision_confirm_policy').execute();
  const rows = input.entries.flatMap((entry) =>
    [...new Set(entry.roles)].map((role) => ({
      institution_id: entry.institutionId,
      role,
      updated_by: ctx.actor.userId,
    })),
  );
  if (rows.length > 0) await ctx.trx.insertInto('decision_confirm_policy').values(rows).execute();
  await auditOperation(ctx, 'decisionPolicy.update', 'decision_policy', null, ['entries']);
  return getDecisionPolicy(ctx.trx);
}

/**
 * Visibility of investigations in SQL: every investigation list, search, get, export and the
 * complicity register start from `investigationVisible`, the SQL form of `investigation.read`
 * (policies.ts). A complicity investigation is never visible to anyone of a flagged official's
 * institution, whatever the route.
 */
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from './actor.js';
import { CASE_ROLES, PROSECUTION_LEADS } from './policies.js';

/** The condition "investigation `investigations.id` is visible to the actor". */
export function investigationVisible(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'investigations'>) => {
    if (!CASE_ROLES.includes(actor.role)) return eb.val(false);
    const officials = () =>
      eb
        .selectFrom('investigation_suspects')
        .select('investigation_suspects.id')
        .whereRef('investigation_suspects.investigation_id', '=', 'investigations.id')
        .where('investigation_suspects.official_institution_id', 'is not', null);
    const conditions = [
      eb.or([
        eb('investigations.owner_institution_id', '=', actor.institutionId),
        eb.exists(
          eb
            .selectFrom('investigation_instructions')
            .select('investigation_instructions.institution_id')
            .whereRef('investigation_instructions.investigation_id', '=', 'investigations.id')
            .where('investigation_instructions.institution_id', '=', actor.institutionId),
        ),
      ]),
      eb.not(
        eb.exists(
          officials().where('investigation_suspects.official_institution_id', '=', actor.institutionId),
        ),
      ),
    ];
    if (!PROSECUTION_LEADS.includes(actor.role)) conditions.push(eb.not(eb.exists(officials())));
    return eb.and(conditions);
  };
}

/** Investigations the actor may see (in a query that selects from `investigations`, maybe joined). */
export function scopedInvestigations<TB extends keyof DB, O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, TB | 'investigations', O>,
): SelectQueryBuilder<DB, TB | 'investigations', O> {
  const visible = investigationVisible(actor);
  return query.where((eb) => visible(eb as unknown as ExpressionBuilder<DB, 'investigations'>));
}

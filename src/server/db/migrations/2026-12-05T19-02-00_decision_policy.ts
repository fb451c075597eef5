/**
 * Who may confirm a victim (decide "ActualVictimOfTrafficking"): a configurable policy, one row per
 * institution and role (docs/DOMAIN.md §3, docs/ACCESS-CONTROL.md). The documented default: the
 * police anti-trafficking unit (PNPTU), the prosecutors (MP-UFETESI), the children's ministry
 * (MINNA) and the courts (PJ) may confirm; NGOs and every other institution may record a possible
 * victim or "not a victim" only. A system administrator changes the policy (updateDecisionPolicy).
 * Frozen: never import application code.
 */
import type { Kysely } from 'kysely';
import { institutionId, updatedAt } from './columns.js';

/** Every role that records decisions (case_worker, supervisor, prosecutor) in these institutions. */
const ROLES = ['case_worker', 'supervisor', 'prosecutor'];
const DEFAULT: Array<[string, string[]]> = [
  ['PNPTU', ROLES],
  ['MP-UFETESI', ROLES],
  ['MINNA', ROLES],
  ['PJ', ROLES],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decision_confirm_policy')
    .$call(institutionId)
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .$call(updatedAt)
    .addPrimaryKeyConstraint('decision_confirm_policy_pk', ['institution_id', 'role'])
    .execute();
  for (const [code, roles] of DEFAULT) {
    const institution = await db
      .selectFrom('institutions')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!institution) continue;
    await db
      .insertInto('decision_confirm_policy')
      .values(roles.map((role) => ({ institution_id: institution.id, role })))
      .execute();
  }
}

export { forwardOnly as down } from './columns.js';

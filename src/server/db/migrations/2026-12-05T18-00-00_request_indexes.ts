/**
 * Per-request query costs under load (issue: throughput). Frozen: never import application code.
 *
 * - A case page reads the case's trafficking decisions: without an index on `case_id` that was a
 *   scan of the whole table (15–18 ms at 100,000 cases, 57–64 ms at 500,000), inside the request's
 *   transaction.
 * - PostgreSQL's JIT compiler is meant for long analytical queries; the planner's overestimate of
 *   the case list's owned-or-shared condition made it compile the count of every list request
 *   (~145 ms with JIT, ~32 ms without at 500,000 cases). Requests are short: JIT is turned off for
 *   this database (new connections). Embedded PostgreSQL has no JIT; a role without the right to
 *   change the database keeps its setting (the operator can run the same command).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists trafficking_decisions_case_idx on trafficking_decisions (case_id)`.execute(
    db,
  );
  await sql`do $$
    begin
      execute format('alter database %I set jit = off', current_database());
    exception when insufficient_privilege or feature_not_supported or undefined_object then
      null;
    end $$`.execute(db);
}

export { forwardOnly as down } from './columns.js';

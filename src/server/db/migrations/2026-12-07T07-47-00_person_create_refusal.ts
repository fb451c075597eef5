/**
 * A statement's own refusal (issue 18, bench/README.md "A person read and create person"): create
 * person sends its page statement — which writes the `person.create` audit row — with its COMMIT in
 * one round trip, so a duplicate found and not confirmed must stop the transaction inside that
 * statement: `nanduti_refuse('possible_duplicates')` raises with SQLSTATE `NDREF` and the reason as
 * its message, the transaction is aborted and nothing of it is committed; the server answers it as
 * the 409 it gives for a duplicate. Volatile, so that a `case when … then nanduti_refuse(…) end` calls it
 * only when the condition holds. Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function nanduti_refuse(reason text) returns boolean language plpgsql volatile as $$
    begin
      raise exception using errcode = 'NDREF', message = reason;
    end $$`.execute(db);
}

export { forwardOnly as down } from './columns.js';

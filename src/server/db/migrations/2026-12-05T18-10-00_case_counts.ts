/**
 * The case list's total without counting (issue: throughput). Frozen: never import application code.
 *
 * Every case list answers with the number of visible cases. Unfiltered, that is the cases the
 * institution owns plus the few shared with it; counting the owned ones read the whole owner index
 * on every request (39,615 entries for the police unit at 100,000 cases, 20–190 ms depending on
 * the load; it was the one slow statement of the list). `case_counts` keeps the number of cases per
 * owning institution, maintained by triggers in the transaction that inserts, deletes or moves a
 * case. Creating a case updates its institution's row: case creations of one institution commit
 * one after the other (a few a minute nationally).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table case_counts (
    institution_id uuid primary key references institutions(id),
    n bigint not null default 0
  )`.execute(db);
  await sql`create function case_counts_added() returns trigger language plpgsql as $$
    begin
      insert into case_counts as c (institution_id, n)
        select owner_institution_id, count(*) from added group by owner_institution_id
      on conflict (institution_id) do update set n = c.n + excluded.n;
      return null;
    end $$`.execute(db);
  await sql`create function case_counts_removed() returns trigger language plpgsql as $$
    begin
      update case_counts c set n = c.n - r.k
        from (select owner_institution_id, count(*) as k from removed group by owner_institution_id) r
        where c.institution_id = r.owner_institution_id;
      return null;
    end $$`.execute(db);
  await sql`create function case_counts_moved() returns trigger language plpgsql as $$
    begin
      update case_counts set n = n - 1 where institution_id = old.owner_institution_id;
      insert into case_counts as c (institution_id, n) values (new.owner_institution_id, 1)
      on conflict (institution_id) do update set n = c.n + 1;
      return null;
    end $$`.execute(db);
  await sql`create trigger cases_counts_insert after insert on cases
    referencing new table as added for each statement execute function case_counts_added()`.execute(db);
  await sql`create trigger cases_counts_delete after delete on cases
    referencing old table as removed for each statement execute function case_counts_removed()`.execute(db);
  await sql`create trigger cases_counts_move after update of owner_institution_id on cases
    for each row when (old.owner_institution_id is distinct from new.owner_institution_id)
    execute function case_counts_moved()`.execute(db);
  await sql`insert into case_counts (institution_id, n)
    select owner_institution_id, count(*) from cases group by owner_institution_id`.execute(db);
}

export { forwardOnly as down } from './columns.js';

/**
 * The case page's lists kept as the page statement last built them (issue: throughput). Frozen:
 * never import application code.
 *
 * A case read ran eight aggregated sub-selects (assignments, persons, screenings, decisions,
 * exploitation, events, shares, timeline): ~85 % of the page's database CPU, whatever each list
 * held. `case_pages.lists` keeps the JSON the page statement built (the same sub-selects, the same
 * values: ciphertexts stay ciphertexts), written by the case read itself when it found none, and
 * used by the next read while nothing it was built from has changed:
 * - every write to one of the eight tables (insert, update, delete; statement-level triggers)
 *   clears the lists of the cases it touched and raises their `version`: a read that built lists
 *   from an older snapshot stores them only while the version it saw is still the row's (so a
 *   write committed meanwhile is never hidden behind older lists);
 * - a change of a person's shown fields (names, sex, birth year: an erasure, a key rotation, an
 *   edit) clears the lists of the person's cases, so no copy of an old ciphertext stays behind;
 * - a change of a name the lists join (a user's display name, an institution's code or name, a
 *   screening instrument) raises the one `case_pages_epoch`: lists stored under an older epoch are
 *   not used (rare administrative changes; the next read of each case builds its lists again).
 */
import { sql, type Kysely } from 'kysely';

/** The tables the page's lists are read from, each keyed by `case_id`. */
const LIST_TABLES = [
  'case_assignments',
  'case_persons',
  'screenings',
  'trafficking_decisions',
  'victim_exploitation',
  'trafficking_events',
  'case_shares',
  'case_timeline',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table case_pages (
    case_id uuid primary key references cases (id) on delete cascade,
    version bigint not null default 1,
    lists json,
    epoch bigint
  )`.execute(db);
  await sql`create table case_pages_epoch (id integer primary key check (id = 1), epoch bigint not null)`.execute(
    db,
  );
  await sql`insert into case_pages_epoch (id, epoch) values (1, 1)`.execute(db);
  // The cases touched that still exist (a case's deletion cascades to its lists), in key order so
  // that two writers lock their rows in the same order.
  await sql`create function case_pages_clear(ids uuid[]) returns void language sql as $$
    insert into case_pages (case_id) select c.id from cases c where c.id = any(ids) order by c.id
    on conflict (case_id) do update set version = case_pages.version + 1, lists = null $$`.execute(db);
  await sql`create function case_pages_clear_changed() returns trigger language plpgsql as $$ begin
    perform case_pages_clear(array(select case_id from changed)); return null; end $$`.execute(db);
  await sql`create function case_pages_clear_all() returns trigger language plpgsql as $$ begin
    update case_pages set version = version + 1, lists = null where lists is not null; return null; end $$`.execute(
    db,
  );
  for (const table of LIST_TABLES) {
    for (const [event, transition] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      await sql
        .raw(
          `create trigger ${table}_${event}_case_pages after ${event} on ${table}
            referencing ${transition} table as changed for each statement execute function case_pages_clear_changed()`,
        )
        .execute(db);
    }
    await sql
      .raw(
        `create trigger ${table}_truncate_case_pages after truncate on ${table}
          for each statement execute function case_pages_clear_all()`,
      )
      .execute(db);
  }
  // A person's fields shown on the page: the lists of the person's cases.
  await sql`create function case_pages_clear_person() returns trigger language plpgsql as $$ begin
    perform case_pages_clear(array(select case_id from case_persons where person_id = new.id)); return null; end $$`.execute(
    db,
  );
  await sql`create trigger persons_update_case_pages after update on persons for each row
    when (old.given_names is distinct from new.given_names or old.first_surname is distinct from new.first_surname
      or old.second_surname is distinct from new.second_surname or old.sex is distinct from new.sex
      or old.birth_year is distinct from new.birth_year)
    execute function case_pages_clear_person()`.execute(db);
  // A name the lists join: every stored list is out of date.
  await sql`create function case_pages_new_epoch() returns trigger language plpgsql as $$ begin
    update case_pages_epoch set epoch = epoch + 1; return null; end $$`.execute(db);
  await sql`create trigger users_update_case_pages after update on users for each row
    when (old.display_name is distinct from new.display_name) execute function case_pages_new_epoch()`.execute(
    db,
  );
  await sql`create trigger institutions_update_case_pages after update on institutions for each row
    when (old.code is distinct from new.code or old.name is distinct from new.name)
    execute function case_pages_new_epoch()`.execute(db);
  await sql`create trigger screening_instruments_update_case_pages after update on screening_instruments
    for each statement execute function case_pages_new_epoch()`.execute(db);
}

export { forwardOnly as down } from './columns.js';

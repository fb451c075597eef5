/**
 * The intake look-up's keys, cheaper to write and to read (bench/README.md, "The intake look-up:
 * one statement, no pending list"):
 *
 * - person_match_key_counts is kept by **statement** triggers with transition tables instead of a
 *   row trigger: one INSERT … ON CONFLICT per statement, the keys of all its rows summed (an insert
 *   of 1,000 persons was 1,000 calls of a function, each planned anew: the counts tripled the cost
 *   of a bulk insert). An update counts only the rows whose keys changed, the difference per key;
 *   a key whose count does not change is not written. Still in key order, so two writers never wait
 *   on each other crosswise, and still in the writer's transaction. The truncate trigger stays.
 * - persons_match_keys_idx without **fastupdate**: new keys go into the GIN tree at once instead of
 *   a pending list that every search reads in full until VACUUM merges it (up to 4 MB: measured
 *   417 pages at 1,000,000 persons, 2 ms of every look-up when in memory, 15 ms when not). The
 *   pending list is merged here.
 *
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger persons_match_key_counts on persons`.execute(db);
  await sql`drop trigger persons_match_key_counts_update on persons`.execute(db);
  await sql`drop function persons_match_key_counts()`.execute(db);
  await sql`drop function person_match_key_counts_add(uuid[], integer)`.execute(db);
  // One function for the three events: what each adds (+1 a key held anew, -1 a key given up).
  await sql`
    create function persons_match_key_counts() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into person_match_key_counts (key, persons)
          select k, count(*) from inserted, unnest(inserted.match_keys) k group by k order by k
        on conflict (key) do update set persons = person_match_key_counts.persons + excluded.persons;
      elsif tg_op = 'DELETE' then
        insert into person_match_key_counts (key, persons)
          select k, -count(*) from deleted, unnest(deleted.match_keys) k group by k order by k
        on conflict (key) do update set persons = person_match_key_counts.persons + excluded.persons;
      else
        insert into person_match_key_counts (key, persons)
          select c.k, sum(c.d) from (
            select unnest(n.match_keys) as k, 1 as d
              from inserted n join deleted o on o.id = n.id
              where o.match_keys is distinct from n.match_keys
            union all
            select unnest(o.match_keys), -1
              from inserted n join deleted o on o.id = n.id
              where o.match_keys is distinct from n.match_keys
          ) c
          group by c.k having sum(c.d) <> 0 order by c.k
        on conflict (key) do update set persons = person_match_key_counts.persons + excluded.persons;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger persons_match_key_counts_inserted after insert on persons
    referencing new table as inserted for each statement execute function persons_match_key_counts()`.execute(
    db,
  );
  await sql`create trigger persons_match_key_counts_updated after update on persons
    referencing old table as deleted new table as inserted
    for each statement execute function persons_match_key_counts()`.execute(db);
  await sql`create trigger persons_match_key_counts_deleted after delete on persons
    referencing old table as deleted for each statement execute function persons_match_key_counts()`.execute(
    db,
  );
  await sql`alter index persons_match_keys_idx set (fastupdate = off)`.execute(db);
  await sql`select gin_clean_pending_list('persons_match_keys_idx'::regclass)`.execute(db);
}

export { forwardOnly as down } from './columns.js';

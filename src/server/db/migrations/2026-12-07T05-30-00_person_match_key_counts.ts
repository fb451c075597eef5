/**
 * How many persons hold each blocking key of the intake look-up (docs/LINKAGE.md, "The intake
 * look-up: blocking keys"): at 1,000,000 persons a pair of common name tokens in a band of years is
 * held by thousands, a pair with a rare word by a handful. The look-up reads the counts of its keys
 * first and asks the index only for the rarest, up to a budget of persons, instead of fetching every
 * holder of every key (bench/README.md, "The intake look-up: the rarest keys first").
 *
 * person_match_key_counts(key, persons) is kept by a trigger after every write that changes a
 * person's match_keys (insert, an update of the keys — the name, the year, the backfill, erasure —
 * delete; a truncate of persons empties it), whoever writes, in the writer's transaction. A key holds
 * nothing the persons table does not: it is the same blind key. Counts left at zero stay (the key
 * may come back). Filled here from the keys already stored; rows not yet backfilled are counted when
 * the backfill writes their keys (the trigger).
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table person_match_key_counts (key uuid primary key, persons integer not null)`.execute(
    db,
  );
  await sql`
    create function person_match_key_counts_add(keys uuid[], delta integer) returns void
    language sql as $$
      insert into person_match_key_counts (key, persons)
        select distinct k, delta from unnest(keys) k order by k
      on conflict (key) do update set persons = person_match_key_counts.persons + excluded.persons
    $$`.execute(db);
  await sql`
    create function persons_match_key_counts() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        perform person_match_key_counts_add(new.match_keys, 1);
      elsif tg_op = 'DELETE' then
        perform person_match_key_counts_add(old.match_keys, -1);
      else
        -- Only the keys that changed (an update of the year may keep most of them).
        perform person_match_key_counts_add(array(
          select unnest(old.match_keys) except select unnest(new.match_keys)), -1);
        perform person_match_key_counts_add(array(
          select unnest(new.match_keys) except select unnest(old.match_keys)), 1);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger persons_match_key_counts after insert or delete on persons
    for each row execute function persons_match_key_counts()`.execute(db);
  await sql`create trigger persons_match_key_counts_update after update on persons
    for each row when (old.match_keys is distinct from new.match_keys)
    execute function persons_match_key_counts()`.execute(db);
  await sql`
    create function persons_match_key_counts_truncate() returns trigger language plpgsql as $$
    begin
      truncate person_match_key_counts;
      return null;
    end $$`.execute(db);
  await sql`create trigger persons_match_key_counts_truncate after truncate on persons
    for each statement execute function persons_match_key_counts_truncate()`.execute(db);
  // A person's keys are distinct (distinct token pairs × distinct bands): count(*) counts persons.
  await sql`insert into person_match_key_counts (key, persons)
    select k, count(*) from persons, unnest(persons.match_keys) k group by k`.execute(db);
}

export { forwardOnly as down } from './columns.js';

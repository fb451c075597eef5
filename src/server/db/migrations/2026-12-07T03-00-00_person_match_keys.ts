/**
 * Blocking keys for the duplicate warning at intake (docs/LINKAGE.md, "The intake look-up"):
 * persons.match_keys holds, for every pair of a person's name tokens, one key per three-year band
 * of the years the person may have been born in — the year of the date of birth, or the estimated
 * age's year ± 8 (an estimate is an interval, not a year), or "unknown". A look-up then asks for the
 * persons sharing a pair of name tokens in a band, a few hundred rows at 1,000,000 persons, instead
 * of every holder of a common name.
 *
 * A key is md5(token pair, band) of name tokens that are already blind indexes (HMAC with the
 * tenant's key): nobody can compute the keys of a name without that key, and the keys tell nothing
 * that name_tokens and birth_year do not already. A one-token name gets one key per band for it.
 *
 * The trigger computes the keys on every write of the tokens or the year, whoever writes (the API,
 * `nanduti demo`, imports, erasure: no tokens, no keys). Existing rows are filled afterwards in
 * batches by `backfillMatchKeys` (migrate.ts), each batch its own transaction, so that a national
 * database is never locked while it runs; the partial index finds the rows still to fill.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table persons add column match_keys uuid[]`.execute(db);
  await sql`
    create function person_match_keys(tokens text[], first_year integer, last_year integer)
    returns uuid[] language sql immutable parallel safe as $$
      select coalesce(array_agg(md5(p.pair || '|' || b.band)::uuid), '{}')
      from (
        select x.t || ' ' || y.t from unnest(tokens) x(t) join unnest(tokens) y(t) on x.t < y.t collate "C"
        union all
        select t from unnest(tokens) t where cardinality(tokens) = 1
      ) p(pair)
      cross join (
        select g::text from generate_series(first_year / 3, last_year / 3) g where first_year is not null
        union all
        select '?' where first_year is null
      ) b(band)
    $$`.execute(db);
  await sql`
    create function persons_match_keys() returns trigger language plpgsql as $$
    declare
      span integer := case when new.date_of_birth is null then 8 else 0 end;
    begin
      new.match_keys := person_match_keys(new.name_tokens, new.birth_year - span, new.birth_year + span);
      return new;
    end $$`.execute(db);
  await sql`create trigger persons_match_keys before insert or update of name_tokens, birth_year, date_of_birth
    on persons for each row execute function persons_match_keys()`.execute(db);
  await sql`create index persons_match_keys_idx on persons using gin (match_keys)`.execute(db);
  await sql`create index persons_match_keys_pending_idx on persons (id) where match_keys is null`.execute(db);
}

export { forwardOnly as down } from './columns.js';

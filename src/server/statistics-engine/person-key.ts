/**
 * What "one person" is when statistics count persons: the ONE place that decides it. Every fact row
 * carries the key computed here, and every person count is `count(distinct person_key)`.
 *
 * The key is the person's linkage cluster (view `person_cluster`, docs/LINKAGE.md): the cluster id
 * when record linkage joined the record to others (one woman registered by the police, the women's
 * ministry and an NGO counts once), the person record's id otherwise. Linking and unlinking change
 * `person_clusters`, whose triggers (migration 2026-11-24T19-00-00_statistics_more) mark the persons
 * involved so that their facts are rebuilt under the new key.
 */
import { sql, type RawBuilder } from 'kysely';

/** The relation (person_id, person_key) over every person record. */
export function personKeyMap(): RawBuilder<unknown> {
  return sql`select person_id, cluster_id as person_key from person_cluster`;
}

/**
 * The relation (person_id, person_key) of the person records whose key is one of `keys` (a
 * one-column relation): the same rows as `personKeyMap()` filtered on the key, found through the
 * indexes (person_clusters' cluster_id and primary key, persons' primary key) instead of a scan of
 * every person record, which the key's coalesce defeats — that scan made every refresh, however
 * small, read the whole persons table.
 */
export function personsOfKeys(keys: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select c.person_id, c.cluster_id as person_key from person_clusters c
    where c.cluster_id in (${keys})
    union all
    select p.id as person_id, p.id as person_key from persons p
    where p.id in (${keys}) and not exists (select 1 from person_clusters c where c.person_id = p.id)`;
}

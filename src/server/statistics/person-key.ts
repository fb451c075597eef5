/**
 * What "one person" is when statistics count persons: the ONE place that decides it. Every fact row
 * carries the key computed here, and every person count is `count(distinct person_key)`.
 *
 * Today the key is the person record's id. Record linkage (issue 7) provides the view
 * `person_cluster(person_id, cluster_id)`; cross-agency de-duplication then only changes this
 * relation to `coalesce(cluster_id, id)` (and marks the persons of a changed cluster dirty).
 */
import { sql, type RawBuilder } from 'kysely';

/** The relation (person_id, person_key) over every person record. */
export function personKeyMap(): RawBuilder<unknown> {
  return sql`select persons.id as person_id, persons.id as person_key from persons`;
}

/** Yes-or-no questions to the database, asked the same way by every repository. */
import type { SelectQueryBuilder } from 'kysely';

/**
 * True when `query` finds at least one row: `exists(trx.selectFrom('units').where('id', '=', id))`.
 * It reads no column and stops at the first row, so a repository's "is there…?" question is the
 * query's `from` and `where` only.
 */
export async function exists<DB, TB extends keyof DB>(
  query: SelectQueryBuilder<DB, TB, object>,
): Promise<boolean> {
  const row = await query
    .select((eb) => eb.lit(1).as('found'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

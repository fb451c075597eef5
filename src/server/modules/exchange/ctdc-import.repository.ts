/** The CTDC analysis area's tables: imports (`ctdc_imports`) and their records (`ctdc_records`). */
import { sql, type Insertable } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { CtdcImportTable } from '../../db/schema.js';
import type { CtdcRecord } from '../../standards/ctdc-import.js';

/** Starts an import (its counts and columns are set by `finishCtdcImport`); returns its id. */
export async function insertCtdcImport(trx: Trx, values: Insertable<CtdcImportTable>): Promise<string> {
  const row = await trx.insertInto('ctdc_imports').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Stores a batch of an import's records. One INSERT per batch with one array parameter per column
 * (unnest): a multi-row VALUES list would bind 11 parameters per record, which is much slower to
 * plan, and on PGlite to serialise.
 */
export async function insertCtdcRecords(trx: Trx, importId: string, batch: CtdcRecord[]): Promise<void> {
  if (batch.length === 0) return;
  const col = <T>(pick: (r: CtdcRecord) => T): T[] => batch.map(pick);
  // text[][] cannot hold rows of different lengths: flags travel as one '|'-joined text each.
  await sql`
    insert into ctdc_records (import_id, line, year, gender, age_broad, citizenship,
      country_of_exploitation, is_forced_labour, is_sexual_exploit, is_other_exploit, flags)
    select ${importId}::uuid, line, year, gender, age_broad, citizenship, country_of_exploitation,
      is_forced_labour, is_sexual_exploit, is_other_exploit,
      case when flags = '' then '{}'::text[] else string_to_array(flags, '|') end
    from unnest(${col((r) => r.line)}::int[], ${col((r) => r.year)}::int[], ${col((r) => r.gender)}::text[],
      ${col((r) => r.ageBroad)}::text[], ${col((r) => r.citizenship)}::text[],
      ${col((r) => r.countryOfExploitation)}::text[], ${col((r) => r.isForcedLabour)}::boolean[],
      ${col((r) => r.isSexualExploit)}::boolean[], ${col((r) => r.isOtherExploit)}::boolean[],
      ${col((r) => r.flags.join('|'))}::text[])
      as t(line, year, gender, age_broad, citizenship, country_of_exploitation,
        is_forced_labour, is_sexual_exploit, is_other_exploit, flags)`.execute(trx);
}

/** Records what the whole file held: its record count, format and columns. */
export function finishCtdcImport(
  trx: Trx,
  importId: string,
  done: { record_count: number; format: string; columns: string[] },
) {
  return trx
    .updateTable('ctdc_imports')
    .set(done)
    .where('id', '=', importId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every import, newest first. */
export function ctdcImports(trx: Trx) {
  return trx.selectFrom('ctdc_imports').selectAll().orderBy('created_at', 'desc').execute();
}

export function ctdcImportById(trx: Trx, id: string) {
  return trx.selectFrom('ctdc_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An import's records counted per value of one column (null included), by value. */
export function ctdcCountsBy(
  trx: Trx,
  importId: string,
  column: 'year' | 'gender' | 'age_broad' | 'citizenship',
) {
  return trx
    .selectFrom('ctdc_records')
    .select([column, (eb) => eb.fn.countAll<string>().as('n')])
    .where('import_id', '=', importId)
    .groupBy(column)
    .orderBy(column)
    .execute();
}

/** An import's records counted per exploitation type flag, those with none recorded, and all. */
export function ctdcExploitationCounts(trx: Trx, importId: string) {
  return trx
    .selectFrom('ctdc_records')
    .select([
      sql<string>`count(*) filter (where is_forced_labour)`.as('forcedLabour'),
      sql<string>`count(*) filter (where is_sexual_exploit)`.as('sexualExploit'),
      sql<string>`count(*) filter (where is_other_exploit)`.as('otherExploit'),
      sql<string>`count(*) filter (where is_forced_labour is null and is_sexual_exploit is null and is_other_exploit is null)`.as(
        'missing',
      ),
      sql<string>`count(*)`.as('total'),
    ])
    .where('import_id', '=', importId)
    .executeTakeFirstOrThrow();
}

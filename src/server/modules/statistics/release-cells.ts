/**
 * The cell-key method (ABS TableBuilder; ONS Census 2021) for the open data's releases: every person
 * has a random record key in 0..255, drawn once and kept (`stat_record_keys`); a cell's key is the sum
 * of the keys of the distinct persons it counts, modulo 256; a published value is moved by the
 * perturbation table's entry for its cell key. The same persons always give the same key, hence the
 * same noise: asking for a cell again, or in another release, averages nothing away.
 * docs/DISCLOSURE-CONTROL.md "Releases" holds the table and the reasoning.
 */
import { sql } from 'kysely';
import type { DimensionId, StatisticsFilters } from '../../../shared/api-statistics.js';
import type { Trx } from '../../db/database.js';
import { breakdownSql } from '../../statistics-engine/dimensions.js';
import { checkBreakdowns, conditionsSql, sourceSql, type CellRow } from '../../statistics-engine/engine.js';
import type { FigureDefinition } from '../../statistics-engine/figure.js';
import type { Period } from '../../statistics-engine/period.js';

export const KEY_RANGE = 256;

/** A cell with the key of its persons. */
export interface KeyedCell extends CellRow {
  key: number;
}

/**
 * The perturbation table: the noise added to a published value whose cell key is `key`. Mean 0,
 * variance 0.6: P(−2) = 13/256, P(−1) = 51/256, P(0) = 128/256, P(+1) = 51/256, P(+2) = 13/256.
 */
export function noiseOf(key: number): number {
  if (key < 13) return -2;
  if (key < 64) return -1;
  if (key < 192) return 0;
  if (key < 243) return 1;
  return 2;
}

/** The published value of a true count `value` with cell key `key`: zeros stay zeros; never under k. */
export function perturb(value: number, key: number, k: number): number {
  if (value <= 0) return value;
  return Math.max(k, value + noiseOf(key));
}

/** Gives a record key to every person the facts hold that has none yet (random, then never changed). */
export async function ensureRecordKeys(trx: Trx): Promise<void> {
  await sql`insert into stat_record_keys (person_key, record_key)
    select person_key, floor(random() * ${KEY_RANGE})::int
    from (select distinct person_key from stat_persons) p
    where not exists (select 1 from stat_record_keys r where r.person_key = p.person_key)
    on conflict (person_key) do nothing`.execute(trx);
}

/**
 * The cells of a person-counting figure like the engine's `computeCells`, each with its cell key.
 * Read from the facts (not the cube), since the key needs the persons; a release is published rarely.
 */
export async function keyedCells(
  trx: Trx,
  figure: FigureDefinition,
  period: Period,
  filters: StatisticsFilters,
  by: readonly DimensionId[] = [],
): Promise<KeyedCell[]> {
  checkBreakdowns(figure, by);
  if (figure.measure !== 'persons' || figure.fact === 'source' || by.includes('institution'))
    throw new Error(`${figure.id}: the open data's releases count persons by person dimensions only`);
  const { keys, joins } = breakdownSql(figure, by);
  const names = by.map((_, i) => `k${i}`);
  const inner = sql`select distinct ${sql.raw(
    [...keys.map((key, i) => `${key} as ${names[i]}`), 'p.person_key'].join(', '),
  )}
    from ${sourceSql(figure)}${sql.raw(joins)}
    where ${sql.join(conditionsSql(figure, period, filters), sql` and `)}`;
  const groupBy = names.length ? sql.raw(` group by ${names.join(', ')}`) : sql``;
  const select = [...names, 'count(*) as value', 'coalesce(sum(r.record_key), 0) as key'].join(', ');
  const result = await sql<Record<string, unknown>>`select ${sql.raw(select)}
    from (${inner}) c join stat_record_keys r on r.person_key = c.person_key${groupBy}`.execute(trx);
  return result.rows
    .map((row) => ({
      keys: names.map((name) => String(row[name])),
      value: Number(row.value),
      key: Number(row.key) % KEY_RANGE,
    }))
    .filter((row) => by.length > 0 || row.value > 0)
    .sort((a, b) => a.keys.join('\u0000').localeCompare(b.keys.join('\u0000')));
}

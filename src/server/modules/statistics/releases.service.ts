/**
 * Public statistics as releases: the public site and open data serve only published releases —
 * immutable, numbered, dated snapshots — never the live tables (docs/DISCLOSURE-CONTROL.md
 * "Releases"). A statistician publishes one; each value in it has passed, in order:
 *
 * 1. the threshold k and complementary suppression (disclosure.ts), on the true counts;
 * 2. the change threshold: a value whose true count moved by fewer than k persons since the release
 *    that last changed it keeps that release's published value, so two releases never differ by a
 *    handful of persons;
 * 3. cell-key perturbation (release-cells.ts) of every value that does change.
 *
 * `basis` keeps the true count each published value stands for, for the next release's step 2; it
 * is never served.
 */
import { sql } from 'kysely';
import type { PublicStatistics, PublicTable, StatisticsRelease } from '../../../shared/api-statistics.js';
import { paraguayYear } from '../../../shared/dates.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import type { Trx } from '../../db/database.js';
import { publicStatistics } from '../../statistics-engine/public.js';
import { refreshFacts } from '../../statistics-engine/refresh.js';
import { ensureRecordKeys, keyedCells, KEY_RANGE, perturb, type KeyedCell } from './release-cells.js';

/** How the values of a release were protected (shown with the release). */
export const RELEASE_METHOD = 'k-threshold+complementary-suppression+change-threshold+cell-key-v1';

type Content = Record<string, Omit<PublicStatistics, 'release'>>;
type Basis = Record<string, number>;

const TOTAL = '*';

/** Every value of one table — cells and margins — with its id, cell key and true count. */
function valuesOf(table: PublicTable, cells: KeyedCell[]) {
  const byId = new Map(cells.map((cell) => [cell.keys.join('|'), cell]));
  const at = (r: number, c: number) =>
    byId.get(table.colDimension ? `${table.rowKeys[r]}|${table.colKeys[c]}` : table.rowKeys[r]!);
  const grid = table.rowKeys.map((_, r) => table.colKeys.map((_, c) => at(r, c)));
  const of = (id: string, group: (KeyedCell | undefined)[]) => ({
    id,
    key: group.reduce((sum, cell) => sum + (cell?.key ?? 0), 0) % KEY_RANGE,
    truth: group.reduce((sum, cell) => sum + (cell?.value ?? 0), 0),
  });
  return {
    cell: (r: number, c: number) => of(`${table.rowKeys[r]}|${table.colKeys[c]}`, [grid[r]![c]]),
    rowTotal: (r: number) => of(`${table.rowKeys[r]}|${TOTAL}`, grid[r]!),
    colTotal: (c: number) =>
      of(
        `${TOTAL}|${table.colKeys[c]}`,
        grid.map((row) => row[c]),
      ),
    total: () => of(`${TOTAL}|${TOTAL}`, grid.flat()),
  };
}

/** Values hidden in a table (a series' row totals repeat its cells; a multi-valued total is not hidden, it has no meaning). */
function suppressedIn(table: PublicTable): number {
  const margins = table.colDimension ? [...table.rowTotals, ...table.colTotals] : [];
  const total = table.multiValued ? [] : [table.total];
  return [...table.cells.flat(), ...margins, ...total].filter((v) => v === null).length;
}

/**
 * Steps 2 and 3 on one table of one year. A value whose true count moved by fewer than k persons
 * since the release that last changed it is published as it was then (a number, or suppressed); any
 * other is the perturbed true count. A row or column that is new since the previous release and has
 * nothing to show is left out (its mere appearance would say where someone was added).
 */
function protectChanges(
  scope: string,
  table: PublicTable,
  cells: KeyedCell[],
  k: number,
  previous: { content: Content; basis: Basis } | null,
  basis: Basis,
): PublicTable {
  const [year] = scope.split('|');
  const before = previous?.content[year!]?.tables.find((t) => t.id === table.id) ?? null;
  const values = valuesOf(table, cells);
  const publish = (
    value: number | null,
    { id, key, truth }: { id: string; key: number; truth: number },
    old: (b: PublicTable) => number | null | undefined,
  ) => {
    const cellId = `${scope}|${id}`;
    const last = previous?.basis[cellId];
    const lastPublished = before ? old(before) : undefined;
    if (last !== undefined && lastPublished !== undefined && Math.abs(truth - last) < k) {
      basis[cellId] = last;
      // Suppressed now stays suppressed; held otherwise.
      return value === null ? null : lastPublished;
    }
    basis[cellId] = truth;
    return value === null ? null : perturb(value, key, k);
  };
  const rowIn = (b: PublicTable, r: number) => b.rowKeys.indexOf(table.rowKeys[r]!);
  const colIn = (b: PublicTable, c: number) => b.colKeys.indexOf(table.colKeys[c]!);
  const pick = <T>(list: T[], index: number) => (index < 0 ? undefined : list[index]);
  const out: PublicTable = {
    ...table,
    cells: table.cells.map((row, r) =>
      row.map((v, c) => publish(v, values.cell(r, c), (b) => pick(b.cells[rowIn(b, r)] ?? [], colIn(b, c)))),
    ),
    rowTotals: table.rowTotals.map((v, r) =>
      publish(v, values.rowTotal(r), (b) => pick(b.rowTotals, rowIn(b, r))),
    ),
    colTotals: table.colTotals.map((v, c) =>
      publish(v, values.colTotal(c), (b) => pick(b.colTotals, colIn(b, c))),
    ),
    total: publish(table.total, values.total(), (b) => b.total),
  };
  if (!before) return { ...out, suppressed: suppressedIn(out) };
  const keepRow = out.rowKeys.map(
    (key, r) =>
      before.rowKeys.includes(key) || out.rowTotals[r] !== null || out.cells[r]!.some((v) => v !== null),
  );
  const keepCol = out.colKeys.map(
    (key, c) =>
      before.colKeys.includes(key) || out.colTotals[c] !== null || out.cells.some((row) => row[c] !== null),
  );
  const rowsKept = <T>(list: T[]) => list.filter((_, r) => keepRow[r]);
  const colsKept = <T>(list: T[]) => list.filter((_, c) => keepCol[c]);
  const kept = {
    ...out,
    rowKeys: rowsKept(out.rowKeys),
    colKeys: colsKept(out.colKeys),
    cells: rowsKept(out.cells).map(colsKept),
    rowTotals: rowsKept(out.rowTotals),
    colTotals: colsKept(out.colTotals),
  };
  return { ...kept, suppressed: suppressedIn(kept) };
}

const present = (row: {
  version: number;
  published_at: Date | string;
  years: number[];
  k: number;
  method: string;
}): StatisticsRelease => ({
  version: row.version,
  publishedAt: new Date(row.published_at).toISOString(),
  years: row.years.map(Number),
  k: row.k,
  method: row.method,
});

/** Publishes the next release: every year of the series, as the facts are now, protected as above. */
export async function publishRelease(ctx: Ctx, k: number): Promise<StatisticsRelease> {
  const { trx } = ctx;
  // One publisher at a time: versions are consecutive and each compares with the one before.
  await sql`lock table statistics_releases in exclusive mode`.execute(trx);
  await refreshFacts(trx);
  await ensureRecordKeys(trx);
  const last = await trx
    .selectFrom('statistics_releases')
    .select(['version', 'content', 'basis'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const previous = last ? { content: last.content as Content, basis: last.basis as Basis } : null;

  const thisYear = paraguayYear();
  const fetched: KeyedCell[][] = [];
  const cellsOf = async (...args: Parameters<typeof keyedCells>) => {
    const cells = await keyedCells(...args);
    fetched.push(cells);
    return cells;
  };
  const years = (await publicStatistics(trx, thisYear, k, cellsOf)).years;
  const content: Content = {};
  const basis: Basis = {};
  for (const year of years) {
    fetched.length = 0;
    const data = await publicStatistics(trx, year, k, cellsOf);
    content[year] = {
      ...data,
      tables: data.tables.map((table, i) =>
        protectChanges(`${year}|${table.id}`, table, fetched[i]!, k, previous, basis),
      ),
    };
  }
  const row = await trx
    .insertInto('statistics_releases')
    .values({
      version: (last?.version ?? 0) + 1,
      published_by: ctx.actor?.userId ?? null,
      k,
      method: RELEASE_METHOD,
      years,
      content: JSON.stringify(content),
      basis: JSON.stringify(basis),
    })
    .returning(['version', 'published_at', 'years', 'k', 'method'])
    .executeTakeFirstOrThrow();
  await auditOperation(ctx, 'statistics.publish', 'statistics_release', String(row.version), ['years']);
  return present(row);
}

/** The published releases, newest first. */
export async function listReleases(trx: Trx): Promise<StatisticsRelease[]> {
  const rows = await trx
    .selectFrom('statistics_releases')
    .select(['version', 'published_at', 'years', 'k', 'method'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map(present);
}

/** One year of a release (default: the latest release, its latest year); 404 when there is none. */
export async function releasedStatistics(
  trx: Trx,
  query: { year?: number | undefined; release?: number | undefined },
): Promise<PublicStatistics> {
  let q = trx
    .selectFrom('statistics_releases')
    .select(['version', 'published_at', 'years', 'k', 'method', 'content']);
  q = query.release ? q.where('version', '=', query.release) : q.orderBy('version', 'desc').limit(1);
  const row = await q.executeTakeFirst();
  if (!row) throw errors.notFound();
  const content = row.content as Content;
  const years = row.years.map(Number);
  const year = query.year ?? Math.max(...years);
  const data = content[String(year)];
  if (!data) throw errors.notFound();
  return { ...data, release: present(row) };
}

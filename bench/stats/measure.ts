/**
 * Statistics at scale on a database filled by `nanduti demo`: the first refresh of the facts (after
 * the bulk load every person is marked), the full national report of a year, and every dashboard
 * query (each figure and breakdown of the statistics page, the public tables), in process, each in
 * its own transaction as the API runs them. Median and 95th percentile over RUNS runs after a warm-up.
 *
 *   NANDUTI_DATA_DIR=/path/to/demo/data npx tsx bench/stats/measure.ts [year]
 *   DATABASE_URL=… NANDUTI_MASTER_KEY=… npx tsx bench/stats/measure.ts [year]
 */
import { sql } from 'kysely';
import { FIGURES } from '../../src/server/statistics-engine/figures/index.js';
import { loadConfig } from '../../src/server/config.js';
import { connect } from '../../src/server/db/database.js';
import { computeFigure } from '../../src/server/statistics-engine/engine.js';
import { publicStatistics } from '../../src/server/statistics-engine/public.js';
import { refreshFacts } from '../../src/server/statistics-engine/refresh.js';
import { nationalReport } from '../../src/server/statistics-engine/report.js';
import { refreshStatistics } from '../../src/server/db/statistics.js';

const year = Number(process.argv[2] ?? 2025);
const runs = Number(process.env.RUNS ?? 10);
// Statistics read no personal field: the database alone, no keys.
const config = loadConfig(process.env);
const db = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });

const counts = await db.transaction(async (trx) => {
  const r = await sql<{ cases: number; dirty: number }>`select (select count(*)::int from cases) as cases,
    (select count(*)::int from stat_dirty) as dirty`.execute(trx);
  return r.rows[0]!;
});
console.log(
  `${counts.cases.toLocaleString('en')} cases; ${counts.dirty.toLocaleString('en')} persons marked for the facts`,
);

let started = performance.now();
const rebuilt = await db.transaction((trx) => refreshFacts(trx));
console.log(
  `first refresh of the facts: ${rebuilt.toLocaleString('en')} persons in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
if (rebuilt > 0 && db.embedded) await refreshStatistics(db);
const sizes = await db.transaction(async (trx) => {
  const r = await sql<{ facts: number; cube: number }>`select (select count(*)::int from stat_persons)
    + (select count(*)::int from stat_services) + (select count(*)::int from stat_referrals)
    + (select count(*)::int from stat_needs) as facts, (select count(*)::int from stat_cube) as cube`.execute(
    trx,
  );
  return r.rows[0]!;
});
console.log(
  `${sizes.facts.toLocaleString('en')} fact rows; ${sizes.cube.toLocaleString('en')} cube rows (every year and side)`,
);

async function time(label: string, fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
  console.log(`| ${label} | ${at(0.5)} | ${at(0.95)} |`);
  return Number(at(0.5));
}

console.log(`| query (year ${year}) | median ms | p95 ms |`);
console.log('|---|---|---|');
await time('national report (every figure and breakdown, TIP, GLOTIP)', () =>
  db.transaction(async (trx) => {
    await refreshFacts(trx);
    return nationalReport(trx, year, 'es');
  }),
);
await time('public dashboard (8 protected tables)', () =>
  db.transaction(async (trx) => {
    await refreshFacts(trx);
    return publicStatistics(trx, year, 11);
  }),
);
let slowest = { label: '', ms: 0 };
for (const figure of FIGURES)
  for (const by of [undefined, ...figure.breakdowns]) {
    const label = `${figure.id}${by ? ` by ${by}` : ''}`;
    const ms = await time(label, () =>
      db.transaction(async (trx) => {
        await refreshFacts(trx);
        return computeFigure(trx, figure, { year }, by, 'es');
      }),
    );
    if (ms > slowest.ms) slowest = { label, ms };
  }
await time('victimsIdentified, Female children, online, by platform', () =>
  db.transaction(async (trx) => {
    await refreshFacts(trx);
    return computeFigure(
      trx,
      FIGURES[0]!,
      { year, sex: 'Female', ageGroup: 'child', ict: 'online' },
      'platform',
      'es',
    );
  }),
);
console.log(`slowest figure query: ${slowest.label}, median ${slowest.ms} ms`);
await db.close();

/**
 * The name search's statement prepared, on a PostgreSQL load demo (bench/load/demo-db.ts): for the
 * case worker's search of names from common to absent, the statement as the server sends it and a
 * candidate, each PREPAREd and executed under `plan_cache_mode = force_custom_plan` (planned for the
 * values each time, what the server does today) and `force_generic_plan` (planned once), with the
 * same persons in the same order checked. A measurement; writes nothing.
 *
 *   DATABASE_URL=… NANDUTI_MASTER_KEY=… npx tsx bench/load/search-plan.ts [--runs 15] [--names a,b]
 *                                        [--walk 2000] [--explain]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { compileOnly } from './compile-only.js';
import type { Trx } from '../../src/server/db/database.js';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { queryActor } from '../../src/server/access/actor.js';
import { textKeys } from '../../src/server/modules/persons/name-normalize.js';
import { nameIndex } from '../../src/server/modules/persons/person-record.js';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import type { Actor } from '../../src/server/access/actor.js';
import { scopedPersons } from '../../src/server/access/scope.js';
import {
  personSearchQuery,
  summaryColumns,
  type PersonSummaryRow,
} from '../../src/server/modules/persons/persons.repository.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    names: { type: 'string', default: 'gonzales,benitez,villalba,ortiz maria,zenobio' },
    walk: { type: 'string', default: '2000' },
    explain: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);

/** Persons the candidate reads newest first before it asks the name index. */
const SEARCH_WALK = Number(values.walk);

/**
 * The candidate: the same page as personSearchQuery in a statement meant to have one plan right for
 * a common name and a rare one. `walked` reads at most the SEARCH_WALK newest persons in the page's
 * order (persons_recent_idx; the name is checked outside that subquery, so the name index cannot
 * serve it) and stops at a page; a whole page found there is exact (every person it did not read is
 * older than every one it read). Otherwise `indexed` (its one-time condition) finds every person with
 * the name through the GIN index and sorts them (sorted on an expression, so the walk stays out of
 * its plan).
 */
function candidateQuery(trx: Trx, actor: Actor, tokens: readonly string[], limit: number) {
  const wanted = sql<string[]>`array[${sql.join(tokens)}]::text[]`;
  const summary = () =>
    scopedPersons(
      actor,
      trx
        .selectFrom('persons')
        .innerJoin('institutions', 'institutions.id', 'persons.owner_institution_id')
        .select(summaryColumns),
      { rowByRow: true },
    ).select('persons.updated_at');
  // The newest persons, read lazily: the walk stops at the page or at SEARCH_WALK persons.
  const newest = trx
    .selectFrom('persons')
    .selectAll()
    .orderBy('persons.updated_at', 'desc')
    .orderBy('persons.id')
    .limit(SEARCH_WALK);
  const walkFrom = trx
    .selectFrom(newest.as('persons'))
    .innerJoin('institutions', 'institutions.id', 'persons.owner_institution_id')
    .select(summaryColumns);
  const walk = scopedPersons(
    actor,
    walkFrom as unknown as SelectQueryBuilder<DB, 'persons', PersonSummaryRow>,
    {
      rowByRow: true,
    },
  );
  return trx
    .with('walked', () =>
      walk
        .select('persons.updated_at')
        .where('persons.name_tokens', '@>', wanted)
        .orderBy('persons.updated_at', 'desc')
        .orderBy('persons.id')
        .limit(limit),
    )
    .with('indexed', () =>
      summary()
        .where('persons.name_tokens', '@>', wanted)
        .where(sql`(select count(*) from walked)`, '<', limit)
        .orderBy(sql`persons.updated_at + interval '0 s'`, 'desc')
        .orderBy('persons.id')
        .limit(limit),
    )
    .selectFrom('walked')
    .selectAll()
    .where(sql`(select count(*) from walked)`, '>=', limit)
    .unionAll((eb) => eb.selectFrom('indexed').selectAll());
}
const services = await openServices({ config: loadConfig({ ...process.env, LOG_LEVEL: 'warn' }) });
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const user = (
    await client.query<{ id: string; institution_id: string }>(
      "select id, institution_id from users where username = 'pnptu.caseworker1'",
    )
  ).rows[0]!;
  const actor = queryActor('case_worker', user.institution_id, user.id);
  const trx = compileOnly as unknown as Trx;
  let n = 0;
  console.log(`load ${os.loadavg()[0]!.toFixed(1)}`);
  for (const name of values.names.split(',')) {
    const tokens = textKeys(name).map(nameIndex(services.crypto));
    const matches = (
      await client.query<{ n: number }>('select count(*)::int as n from persons where name_tokens @> $1', [
        tokens,
      ])
    ).rows[0]!.n;
    const shapes = {
      today: personSearchQuery(trx, actor, tokens, 20).compile(),
      candidate: candidateQuery(trx, actor, tokens, 20).compile(),
    };
    const answers: string[] = [];
    const line: string[] = [];
    for (const [label, q] of Object.entries(shapes)) {
      const stmt = `s${++n}`;
      const params = [...q.parameters];
      const literals = params
        .map((p) => client.escapeLiteral(Array.isArray(p) ? `{${p.join(',')}}` : String(p)))
        .join(', ');
      await client.query(`prepare x${stmt} as ${q.sql}`);
      for (const mode of ['force_custom_plan', 'force_generic_plan']) {
        await client.query(`set plan_cache_mode = ${mode}`);
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          const r = await client.query({ name: stmt, text: q.sql, values: params });
          times.push(performance.now() - t);
          if (i === 0) answers.push(r.rows.map((row: { id: string }) => row.id).join());
        }
        const plan = (
          await client.query(`explain (analyze, buffers) execute x${stmt}(${literals})`)
        ).rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
        const timing = plan
          .filter((l) => /^(Planning|Execution) Time/.test(l))
          .map((l) => l.replace(/ Time: /, ' ').replace(/ ms/, ''))
          .join(' ');
        const buffers = plan.find((l) => /Buffers/.test(l))?.trim() ?? '';
        line.push(
          `${label} ${mode.replace(/force_|_plan/g, '')}: median ${median(times).toFixed(2)} ms (${timing}; ${buffers})`,
        );
        if (values.explain) console.log(plan.join('\n'));
      }
      await client.query(`deallocate x${stmt}`);
      await client.query(`deallocate ${stmt}`);
    }
    console.log(
      `"${name}" (${matches} persons, ${answers[0]!.split(',').filter(Boolean).length} shown): same persons in the same order: ${answers.every((a) => a === answers[0])}`,
    );
    for (const l of line) console.log(`  ${l}`);
  }
} finally {
  await client.end();
  await services.db.close();
}

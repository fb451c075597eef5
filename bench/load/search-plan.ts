/**
 * The name search's statement prepared, on a PostgreSQL load demo (bench/load/demo-db.ts): for the
 * case worker's search of names from common to absent, the statement as the server sent it until
 * 7 Dec 2026 (one shape, `per value`) and its two shapes now (`walk`, `index`; which one the server
 * chooses is printed), each PREPAREd and executed under `plan_cache_mode = force_custom_plan` (planned for the
 * values each time, what the server did) and `force_generic_plan` (planned once), with the
 * same persons in the same order checked. A measurement; writes nothing.
 *
 *   DATABASE_URL=… NANDUTI_MASTER_KEY=… npx tsx bench/load/search-plan.ts [--runs 15] [--names a,b]
 *                                        [--explain]
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
import { personSearchQuery, searchShapeFor } from '../../src/server/modules/persons/persons.repository.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    names: { type: 'string', default: 'gonzales,benitez,villalba,ortiz maria,zenobio' },
    explain: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);

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
    const chosen = await services.db.transaction((t) => searchShapeFor(t, tokens, 20));
    const shapes = {
      'per value': personSearchQuery(trx, actor, tokens, 20).compile(),
      walk: personSearchQuery(trx, actor, tokens, 20, 'walk').compile(),
      index: personSearchQuery(trx, actor, tokens, 20, 'index').compile(),
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
      `"${name}" (${matches} persons, chosen: ${chosen}, ${answers[0]!.split(',').filter(Boolean).length} shown): same persons in the same order: ${answers.every((a) => a === answers[0])}`,
    );
    for (const l of line) console.log(`  ${l}`);
  }
} finally {
  await client.end();
  await services.db.close();
}

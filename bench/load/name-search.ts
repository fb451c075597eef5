/**
 * The name search's statement on the load benchmark's demo (bench/load/demo-db.ts), on either
 * engine, before and after the database takes many new persons (a measurement; what it adds it
 * removes, and on the embedded engine it works on a copy):
 *
 *   NANDUTI_LOAD_DIR=… npx tsx bench/load/name-search.ts --engine postgres|pglite [--cases 10000]
 *                       [--runs 15] [--grow 3000] [--explain]
 *
 * For the case worker's search of a common, a middling and an absent name it times the statement as
 * the server sends it (planned for its values: PostgreSQL's unnamed statement, PGlite's query()),
 * with the scope checked as a set (`{}`) and row by row (`rowByRow`, scope.ts), checks that both
 * give the same persons in the same order, and prints the plans' shape (`--explain`: in full). Then
 * adds `--grow` persons owned by the case worker's institution, copies of persons drawn at random
 * with new ids and `updated_at` now (what a day of registrations leaves: newer than every
 * demo person, names in the register's proportions, not yet in the GIN index's main tree but in its
 * pending list), measures again, cleans the pending list (`gin_clean_pending_list`) and measures a
 * third time.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { compileOnly } from './compile-only.js';
import type { Trx } from '../../src/server/db/database.js';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { queryActor } from '../../src/server/access/actor.js';
import type { ScopeCheck } from '../../src/server/access/scope.js';
import { textKeys } from '../../src/server/modules/persons/name-normalize.js';
import { nameIndex } from '../../src/server/modules/persons/person-record.js';
import { personSearchQuery } from '../../src/server/modules/persons/persons.repository.js';
import { PgCluster } from '../../test/helpers/pg-cluster.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    cases: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '15' },
    grow: { type: 'string', default: '3000' },
    explain: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const GROW = Number(values.grow);
const LOAD_DIR = process.env.NANDUTI_LOAD_DIR ?? '/tmp/nanduti-load';
const dir = path.join(LOAD_DIR, `${values.engine}-${values.cases}`);

let env: Record<string, string>;
let cleanUp = async () => {};
if (values.engine === 'pglite') {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-name-search-'));
  execFileSync('cp', ['-a', `${path.join(dir, 'data')}/.`, copy]);
  fs.rmSync(path.join(copy, 'nanduti.lock'), { force: true });
  env = { NANDUTI_DATA_DIR: copy };
  cleanUp = async () => fs.rmSync(copy, { recursive: true, force: true });
} else {
  const cluster = PgCluster.existing(
    path.join(dir, 'cluster'),
    Number(fs.readFileSync(path.join(dir, 'port'), 'utf8')),
  );
  const started = !cluster.pid();
  if (started) await cluster.start();
  env = {
    DATABASE_URL: cluster.url('postgres'),
    NANDUTI_MASTER_KEY: fs.readFileSync(path.join(dir, 'master-key'), 'utf8').trim(),
  };
  if (started) cleanUp = () => cluster.stop('fast');
}
const services = await openServices({ config: loadConfig({ ...process.env, ...env, LOG_LEVEL: 'warn' }) });

/** Runs SQL as the server sends the search (planned for its values each time). */
let run: <R>(text: string, params?: unknown[]) => Promise<R[]>;
let client: pg.Client | null = null;
if (services.db.embedded) {
  const engine = services.db.embedded;
  run = async (text, params = []) => (await engine.query(text, params)).rows as never;
} else {
  client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const c = client;
  run = async (text, params = []) => (await c.query(text, params)).rows as never;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => os.loadavg()[0]!.toFixed(1);

try {
  const user = (
    await run<{ id: string; institution_id: string }>(
      "select id, institution_id from users where username = 'pnptu.caseworker1'",
    )
  )[0]!;
  const actor = queryActor('case_worker', user.institution_id, user.id);
  const checks: Record<string, ScopeCheck> = { 'as a set': {}, 'row by row': { rowByRow: true } };

  const measure = async (when: string) => {
    console.log(`\n${values.engine}, ${when} (load ${load()}):`);
    for (const name of ['gonzales', 'benitez', 'zenobio']) {
      const tokens = textKeys(name).map(nameIndex(services.crypto));
      const matches = (
        await run<{ n: number }>('select count(*)::int as n from persons where name_tokens @> $1', [tokens])
      )[0]!.n;
      const orders: string[] = [];
      for (const [label, check] of Object.entries(checks)) {
        const q = personSearchQuery(
          compileOnly as unknown as Trx,
          actor,
          tokens,
          20,
          undefined,
          check,
        ).compile();
        const params = [...q.parameters];
        orders.push((await run<{ id: string }>(q.sql, params)).map((r) => r.id).join());
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          await run(q.sql, params);
          times.push(performance.now() - t);
        }
        const plan = (await run<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, params)).map(
          (r) => r['QUERY PLAN'],
        );
        const timing = plan.filter((l) => /^(Planning|Execution) Time/.test(l)).join(', ');
        const shape = plan
          .filter((l) => /Index Scan|Bitmap Index|hashed SubPlan|Rows Removed by Filter|^\s*Buffers/.test(l))
          .slice(0, 4)
          .map((l) => l.trim().replace(/\(cost=[^)]*\)\s*/, ''))
          .join(' | ');
        console.log(
          `  "${name}" (${matches} persons), scope ${label}: median ${median(times).toFixed(1)} ms ` +
            `(min ${Math.min(...times).toFixed(1)}); ${timing}\n      ${shape}`,
        );
        if (values.explain) console.log(plan.map((l) => `      ${l}`).join('\n'));
      }
      console.log(`  "${name}": same persons in the same order: ${orders.every((o) => o === orders[0])}`);
    }
  };

  await measure('as filled');
  if (GROW > 0) {
    const ids = (
      await run<{ id: string }>(
        `with drawn as (select to_jsonb(p) as d, row_number() over () as n
                        from (select * from persons where erased_at is null order by random() limit $1) as p)
         insert into persons
         select (jsonb_populate_record(null::persons, d || jsonb_build_object(
           'id', gen_random_uuid(), 'owner_institution_id', $2::uuid,
           'created_at', now(), 'updated_at', now() + (n * interval '1 millisecond')))).*
         from drawn
         returning id`,
        [GROW, user.institution_id],
      )
    ).map((r) => r.id);
    try {
      await measure(`after ${GROW.toLocaleString('en')} new persons`);
      await run(`select gin_clean_pending_list('persons_name_tokens_idx')`);
      await measure(`after ${GROW.toLocaleString('en')} new persons, the GIN pending list cleaned`);
    } finally {
      await run('delete from persons where id = any($1::uuid[])', [ids]);
    }
  }
} finally {
  await client?.end();
  await services.db.close();
  await cleanUp();
}

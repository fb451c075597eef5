/**
 * The case page's own SELECT (case-view.repository.ts `caseDetailQuery`, the statement the case read
 * wraps with its access columns and audit rows) on a PostgreSQL demo database: its generic plan with
 * EXPLAIN (ANALYZE, BUFFERS), and the database's CPU per execution with `--connections` clients
 * running it `--n` times each as a named (prepared) statement, beside `select 1` the same way.
 *
 *   DATABASE_URL=postgres://…(the benchmark's own cluster) npx tsx bench/load/case-page-plan.ts
 *                [--case UUID] [--n 300] [--connections 10] [--plan-file FILE]
 *
 * The CPU is the cluster's (the postmaster and every process under it, /proc, Linux), so the cluster
 * should be the benchmark's own (bench/load/demo-db.ts). Without `--case`, the case with the longest
 * timeline among those with persons. With `--lists`, also the statement without each of its lists in
 * turn (the list's subselect replaced by an empty JSON array) and without any: what each list costs.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/server/db/schema.js';
import type { Trx } from '../../src/server/db/database.js';
import { caseDetailQuery } from '../../src/server/modules/cases/case-view.repository.js';
import { cpuMsOf } from './proc.js';

const { values } = parseArgs({
  options: {
    case: { type: 'string' },
    n: { type: 'string', default: '300' },
    connections: { type: 'string', default: '10' },
    'plan-file': { type: 'string' },
    lists: { type: 'boolean', default: false },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL (a PostgreSQL database holding a demo) is required');
const N = Number(values.n);
const CONNECTIONS = Number(values.connections);

const compiler = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const caseId =
  values.case ??
  (
    await admin.query<{ case_id: string }>(
      `select t.case_id from case_timeline t where exists (select 1 from case_persons p where p.case_id = t.case_id)
       group by t.case_id order by count(*) desc, t.case_id limit 1`,
    )
  ).rows[0]!.case_id;
const compiled = caseDetailQuery(compiler as unknown as Trx, caseId).compile();
const params = compiled.parameters as unknown[];

// The generic plan, as the server's named statement runs it after its first executions.
await admin.query('set plan_cache_mode = force_generic_plan');
await admin.query(`prepare page as ${compiled.sql}`);
const explain = await admin.query(
  `explain (analyze, buffers) execute page(${params.map((p) => pg.Client.prototype.escapeLiteral(String(p))).join(', ')})`,
);
const plan = explain.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
if (values['plan-file']) fs.writeFileSync(values['plan-file'], plan + '\n');
const count = (re: RegExp) => (plan.match(re) ?? []).length;
const firstBuffers = plan.split('\n').find((l) => l.includes('Buffers:')) ?? '';
const page = await admin.query(compiled.sql, params);
const pageJson = JSON.stringify(page.rows[0]);
console.log(
  `case ${caseId}: ${params.length} parameters; plan: ${count(/InitPlan|SubPlan/g)} init/sub plans, ` +
    `${count(/->\s+Hash\s+\(/g)} hashes, ${count(/Seq Scan/g)} seq scans; ` +
    `top ${firstBuffers.trim()}; ${plan.split('\n').find((l) => l.startsWith('Execution Time')) ?? ''}; ` +
    `row ${(pageJson.length / 1024).toFixed(1)} KB`,
);

const dataDir = (await admin.query<{ data_directory: string }>('show data_directory')).rows[0]!
  .data_directory;
const postmasterPid = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);

async function cpuPerExecution(name: string, text: string, values: unknown[]): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query('set plan_cache_mode = force_generic_plan');
      for (let i = 0; i < 10; i++) await c.query({ name, text, values }); // warm
      return c;
    }),
  );
  const before = cpuMsOf([postmasterPid], true);
  await Promise.all(
    clients.map(async (c) => {
      for (let i = 0; i < N; i++) await c.query({ name, text, values });
    }),
  );
  const after = cpuMsOf([postmasterPid], true);
  await Promise.all(clients.map((c) => c.end()));
  return (after - before) / (N * CONNECTIONS);
}

/** The statement with the page's lists named in `drop` replaced by `'[]'` (every parameter made $1). */
function without(drop: (name: string) => boolean): string {
  const opening = "(select coalesce(json_agg(agg), '[]') from";
  let text = compiled.sql;
  for (let at = text.lastIndexOf(opening); at >= 0; at = text.lastIndexOf(opening, at - 1)) {
    let depth = 0;
    let end = at;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    const name = /^ as "(\w+)"/.exec(text.slice(end + 1))?.[1] ?? '';
    if (drop(name)) text = `${text.slice(0, at)}'[]'::json${text.slice(end + 1)}`;
  }
  return text.replace(/\$\d+/g, '$1');
}

if (values.lists) {
  const names = [
    'assignments',
    'persons',
    'screenings',
    'decisions',
    'exploitation',
    'events',
    'shares',
    'timeline',
  ];
  for (const [label, text] of [
    ['all lists', without(() => false)],
    ...names.map((n) => [`without ${n}`, without((name) => name === n)]),
    ['no list', without(() => true)],
  ] as const) {
    const ms = [];
    for (let round = 0; round < 2; round++)
      ms.push((await cpuPerExecution(label.replace(/\W/g, '_'), text, [caseId])).toFixed(3));
    console.log(`${label}: database CPU ms per execution ${ms.join(', ')}`);
  }
}

for (let round = 1; round <= 2; round++) {
  const empty = await cpuPerExecution('one', 'select 1', []);
  const pageCpu = await cpuPerExecution('page', compiled.sql, params);
  console.log(
    `round ${round}: database CPU ms per execution (${CONNECTIONS} connections × ${N}): ` +
      `select 1 ${empty.toFixed(3)}, the case page ${pageCpu.toFixed(3)}`,
  );
}
await admin.end();

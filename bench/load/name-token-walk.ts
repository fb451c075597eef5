/**
 * The name search through a side table of (token, updated_at, person) walked newest first, against
 * today's statement, on a copy of an embedded demo (a measurement, nothing kept):
 *
 *   NANDUTI_LOAD_DIR=… NANDUTI_MASTER_KEY=… npx tsx bench/load/name-token-walk.ts [--cases 10000] [--runs 15]
 *
 * Builds `person_name_tokens` in the copy (one row per token of each person, a btree on (token,
 * updated_at desc, person_id)), then times, inside the engine, the case worker's search for a common
 * and a rare name: today's statement (planned for its values each time) and the walk prepared (its
 * generic plan, what a prepared statement settles on), with the plans, and checks both return the
 * same persons in the same order.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { compileOnly } from './compile-only.js';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { queryActor } from '../../src/server/access/actor.js';
import { scopedPersons } from '../../src/server/access/scope.js';
import { textKeys } from '../../src/server/modules/persons/name-normalize.js';
import { nameIndex } from '../../src/server/modules/persons/person-record.js';
import { summaryColumns } from '../../src/server/modules/persons/persons.repository.js';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '10000' }, runs: { type: 'string', default: '15' } },
});
const RUNS = Number(values.runs);
const LOAD_DIR = process.env.NANDUTI_LOAD_DIR ?? '/tmp/nanduti-load';
const source = path.join(LOAD_DIR, `pglite-${values.cases}`, 'data');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-token-walk-'));
execFileSync('cp', ['-a', `${source}/.`, copy]);
fs.rmSync(path.join(copy, 'nanduti.lock'), { force: true });
const services = await openServices({
  config: loadConfig({ ...process.env, NANDUTI_DATA_DIR: copy, LOG_LEVEL: 'warn' }),
});
const pg = services.db.embedded!;
try {
  const user = (
    await pg.query<{ id: string; institution_id: string }>(
      "select id, institution_id from users where username = 'pnptu.caseworker1'",
    )
  ).rows[0]!;
  const actor = queryActor('case_worker', user.institution_id, user.id);
  await pg.exec(`
    create table person_name_tokens (token text not null, updated_at timestamptz not null, person_id uuid not null);
    insert into person_name_tokens select unnest(name_tokens), updated_at, id from persons;
    create index person_name_tokens_walk on person_name_tokens (token, updated_at desc, person_id);
    analyze person_name_tokens;`);
  const count = (await pg.query<{ n: number }>('select count(*)::int as n from person_name_tokens')).rows[0]!
    .n;
  console.log(`person_name_tokens: ${count} rows; load ${os.loadavg()[0]!.toFixed(1)}`);
  const kysely = compileOnly;
  const today = (tokens: string[]) =>
    scopedPersons(
      actor,
      kysely
        .selectFrom('persons')
        .innerJoin('institutions', 'institutions.id', 'persons.owner_institution_id')
        .select(summaryColumns),
    )
      .where('persons.name_tokens', '@>', sql<string[]>`array[${sql.join(tokens)}]::text[]`)
      .orderBy('persons.updated_at', 'desc')
      .orderBy('persons.id')
      .limit(20)
      .compile();
  const walk = (tokens: string[]) =>
    scopedPersons(
      actor,
      kysely
        .selectFrom(sql<{ token: string; person_id: string; updated_at: Date }>`person_name_tokens`.as('t'))
        .innerJoin('persons', 'persons.id', 't.person_id')
        .innerJoin('institutions', 'institutions.id', 'persons.owner_institution_id')
        .select(summaryColumns),
    )
      .where(sql.ref('t.token'), '=', tokens[0]!)
      // Written so that no index serves it: the walk, not the GIN index, drives the plan.
      .where(sql<boolean>`(persons.name_tokens || '{}'::text[]) @> ${tokens}::text[]`)
      .orderBy(sql.ref('t.updated_at'), 'desc')
      .orderBy(sql.ref('t.person_id'))
      .limit(20)
      .compile();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const name of ['gonzales', 'benitez', 'zenaida']) {
    const tokens = textKeys(name).map(nameIndex(services.crypto));
    const matches = (
      await pg.query<{ n: number }>('select count(*)::int as n from persons where name_tokens @> $1', [
        tokens,
      ])
    ).rows[0]!.n;
    const a = today(tokens);
    const b = walk(tokens);
    const ids = async (q: { sql: string; parameters: readonly unknown[] }) =>
      (await pg.query<{ id: string }>(q.sql, [...q.parameters])).rows.map((r) => r.id).join();
    const same = (await ids(a)) === (await ids(b));
    // Today: planned for its values at each run (an unnamed statement).
    const ta: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await pg.query(a.sql, [...a.parameters]);
      ta.push(performance.now() - t);
    }
    // The walk prepared and forced onto its generic plan.
    await pg.exec('set plan_cache_mode = force_generic_plan');
    await pg.exec(`deallocate all`);
    await pg.query(`prepare walk as ${b.sql.replace(/\$(\d+)/g, '$$$1')}`);
    // EXECUTE takes literals (a utility statement has no parameters of its own).
    const literal = (v: unknown): string =>
      Array.isArray(v)
        ? `array[${v.map(literal).join(', ')}]::text[]`
        : typeof v === 'number'
          ? String(v)
          : `'${String(v).replace(/'/g, "''")}'`;
    const exec = `execute walk(${b.parameters.map(literal).join(', ')})`;
    const tb: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await pg.query(exec);
      tb.push(performance.now() - t);
    }
    const plan = (
      await pg.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, summary on) ${exec}`)
    ).rows
      .map((r) => r['QUERY PLAN'])
      .filter((l) => /Scan|Loop|Limit|Sort|Planning|Execution/.test(l))
      .slice(0, 8)
      .join('\n      ');
    await pg.exec('reset plan_cache_mode');
    console.log(
      `"${name}" (${matches} persons): today median ${median(ta).toFixed(1)} ms (min ${Math.min(...ta).toFixed(1)}), ` +
        `walk prepared median ${median(tb).toFixed(1)} ms (min ${Math.min(...tb).toFixed(1)}), same rows: ${same}\n      ${plan}`,
    );
  }
} finally {
  await services.db.close();
  fs.rmSync(copy, { recursive: true, force: true });
}

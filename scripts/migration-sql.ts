/**
 * What the migrations do to a fresh database, written out so that a change to a migration's source
 * can be proved not to change it: migrations are history that existing databases have already run.
 *
 *   npx tsx scripts/migration-sql.ts <dir>      # before the change
 *   npx tsx scripts/migration-sql.ts <dir2>     # after it
 *   diff -r <dir> <dir2>                        # must print nothing
 *   npx tsx scripts/migration-sql.ts --record   # after writing a new migration: records its digest
 *
 * For each engine — embedded PGlite (in memory) and the PostgreSQL server (NANDUTI_TEST_PG_URL, else
 * 127.0.0.1:5432; skipped with a message when none answers) — it runs every migration on a fresh
 * database and writes:
 * - `<engine>.sql`: each statement each migration sent, in order, with its parameters;
 * - `<engine>.catalog.txt`: the resulting schema read from pg_catalog (tables, columns, types,
 *   defaults, constraints, indexes, triggers, functions, views, sequences) and each table's row count;
 * - `postgres.pg_dump.sql`: `pg_dump --schema-only` of the PostgreSQL database (when pg_dump is installed).
 * The two engines' `.sql` and `.catalog.txt` files are identical to each other too (NOT NULL is read from
 * the columns, not from pg_constraint, where newer PostgreSQL versions such as PGlite's also list it).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openEmbedded } from '../src/server/db/embedded.js';
import { PGliteDialect } from '../src/server/db/pglite-driver.js';
import {
  HISTORY,
  migrationDigests,
  migrationStatements,
  readHistory,
  statementsText,
  UUID,
} from './migration-statements.js';

const adminUrl = process.env.NANDUTI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The public schema as the catalogue describes it, one sorted line per object. */
async function catalog(db: Kysely<unknown>): Promise<string> {
  const sections: Array<[string, string]> = [
    [
      'columns',
      `select table_name::text || '.' || column_name::text || ' ' || data_type::text || ' (' || udt_name::text
          || ')' || case when is_nullable::text = 'NO' then ' not null' else '' end
          || coalesce(' default ' || column_default::text, '')
          || coalesce(' generated ' || generation_expression::text, '') as line
         from information_schema.columns where table_schema = 'public'`,
    ],
    [
      'constraints',
      `select c.conrelid::regclass::text || ' ' || c.conname::text || ' ' || pg_get_constraintdef(c.oid) as line
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
         where n.nspname = 'public' and c.contype <> 'n'`,
    ],
    ['indexes', `select indexdef as line from pg_indexes where schemaname = 'public'`],
    [
      'triggers',
      `select pg_get_triggerdef(t.oid) as line from pg_trigger t join pg_class c on c.oid = t.tgrelid
         join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal`,
    ],
    [
      'functions',
      `select pg_get_functiondef(p.oid) as line from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public'`,
    ],
    [
      'views',
      `select c.relname::text || ' (' || c.relkind::text || '): ' || pg_get_viewdef(c.oid) as line from pg_class c
         join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('v','m')`,
    ],
    [
      'sequences',
      `select sequence_name::text || ' ' || data_type::text || ' start ' || start_value::text || ' increment '
          || increment::text as line
         from information_schema.sequences where sequence_schema = 'public'`,
    ],
    [
      'tables',
      `select c.relname::text || ' (' || c.relkind::text || ')' || coalesce(' partition of ' || i.inhparent::regclass::text, '')
              as line
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         left join pg_inherits i on i.inhrelid = c.oid
         where n.nspname = 'public' and c.relkind in ('r','p')`,
    ],
  ];
  let out = '';
  for (const [title, query] of sections) {
    const { rows } = await sql<{ line: string }>`${sql.raw(query)}`.execute(db).catch((error: Error) => {
      throw new Error(`catalog section ${title}: ${error.message}`);
    });
    const lines = rows.map((r) => r.line).sort();
    out += `## ${title} (${lines.length})\n${lines.join('\n')}\n\n`;
  }
  // Seeded catalogue data: how many rows per table, and a digest of their content without the uuid and
  // time columns (generated at random or from the clock, they differ from one fresh database to the next).
  const { rows: tables } = await sql<{ name: string; skip: string[] }>`
    select c.relname as name,
      coalesce(array_agg(a.attname::text order by a.attname) filter (
        where format_type(a.atttypid, null) in ('uuid', 'timestamp with time zone', 'timestamp without time zone')
      ), '{}') as skip
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r','p') and c.relname not like 'schema_migrations%'
    group by c.relname order by 1`.execute(db);
  out += '## rows\n';
  for (const { name, skip } of tables) {
    // Uuids drawn at random also stand in text columns (stat_state.version): masked.
    const { rows } = await sql<{ n: string; digest: string | null }>`
      with r as (
        select regexp_replace((to_jsonb(t) - ${skip}::text[])::text, ${UUID.source}, '<uuid>', 'g') as line
        from ${sql.table(name)} t
      )
      select count(*)::text as n, md5(string_agg(line, '|' order by line)) as digest from r`.execute(db);
    out += `${name} ${rows[0]!.n} ${rows[0]!.digest ?? '-'}\n`;
  }
  return out;
}

/**
 * `--record`: adds the digest of each migration not yet in `src/server/db/migrations/history.json`
 * (a new one); never changes a recorded one — a migration whose statements changed is an error.
 */
async function record() {
  const engine = await openEmbedded(null);
  const run = await migrationStatements((log) => new Kysely({ dialect: new PGliteDialect(engine), log }));
  await run.kysely.destroy();
  if (!engine.closed) await engine.close();
  const recorded = readHistory();
  const changed: string[] = [];
  const added: string[] = [];
  for (const [name, digest] of Object.entries(migrationDigests(run.statements))) {
    if (recorded[name] === undefined) added.push(name);
    else if (recorded[name] !== digest) changed.push(name);
    recorded[name] ??= digest;
  }
  if (changed.length) {
    console.error(
      `These migrations now send other statements than when they were recorded: ${changed.join(', ')}.`,
    );
    console.error('Migrations are history: undo the change (write a new migration instead).');
    process.exitCode = 1;
    return;
  }
  const sorted = Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)));
  fs.writeFileSync(HISTORY, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(added.length ? `recorded: ${added.join(', ')}` : 'nothing new to record');
}

async function main() {
  if (process.argv[2] === '--record') return record();
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx scripts/migration-sql.ts <output dir> | --record');
  fs.mkdirSync(dir, { recursive: true });

  const engine = await openEmbedded(null);
  const embedded = await migrationStatements(
    (log) => new Kysely({ dialect: new PGliteDialect(engine), log }),
  );
  fs.writeFileSync(path.join(dir, 'pglite.sql'), statementsText(embedded.statements));
  fs.writeFileSync(path.join(dir, 'pglite.catalog.txt'), await catalog(embedded.kysely));
  await embedded.kysely.destroy();
  if (!engine.closed) await engine.close();
  console.log(`pglite: ${embedded.statements.length} statements`);

  const name = `nanduti_migration_sql_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(`PostgreSQL not reachable at ${adminUrl} (${(error as Error).message}): postgres skipped.`);
    return;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin.query(`create database ${name}`);
  try {
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    const server = await migrationStatements(
      (log) => new Kysely({ dialect: new PostgresDialect({ pool }), log }),
    );
    fs.writeFileSync(path.join(dir, 'postgres.sql'), statementsText(server.statements));
    fs.writeFileSync(path.join(dir, 'postgres.catalog.txt'), await catalog(server.kysely));
    await server.kysely.destroy();
    console.log(`postgres: ${server.statements.length} statements`);
    try {
      const dump = execFileSync(
        'pg_dump',
        ['--schema-only', '--no-owner', '--no-privileges', url.toString()],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      // pg_dump (15.14 and later) draws a random key for its \restrict guard on every run: left out.
      const stable = dump.replace(/^\\(un)?restrict .*\n/gm, '');
      fs.writeFileSync(path.join(dir, 'postgres.pg_dump.sql'), stable);
    } catch (error) {
      console.warn(`pg_dump did not run (${(error as Error).message}): postgres.pg_dump.sql not written.`);
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();

/**
 * `nanduti db move --to postgres://…`: the way from the embedded database (one machine) to a
 * PostgreSQL server (several app servers, replicas, failover — docs/DEPLOYMENT.md).
 *
 * The target must be an empty database. It is migrated to the same schema, then every table is
 * copied from one consistent snapshot of the embedded database (read-only, repeatable read), in one
 * transaction on the target: rows as they are — encrypted fields stay encrypted under the same data
 * keys (the `crypto_keys` rows move with them, still wrapped by the same master key), audit rows keep
 * their sequence numbers and the audit tree with its checkpoints, so it verifies on the target. Sequences follow. Then:
 * row counts per table compared, the audit chain verified on the target, and the move itself
 * written to the target's audit trail.
 *
 * The servers stop first (the data-directory lock makes sure of it); afterwards they start with
 * DATABASE_URL and NANDUTI_MASTER_KEY set to the content of `<data dir>/master.key`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import { writeAudit } from '../audit/audit.js';
import { foldAudit } from '../audit/tree.js';
import { verifyAuditChain } from '../audit/verify.js';
import { connect, type Database, type Trx } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** Tables the migrator owns on each side. */
const MIGRATOR_TABLES = new Set(['schema_migrations', 'schema_migrations_lock', 'kysely_migration_lock']);
/** The append-only audit tables: never truncated (the database refuses it); empty on a new target. */
const AUDIT_TABLES = new Set([
  'audit_events',
  'audit_tree_leaves',
  'audit_tree_nodes',
  'audit_checkpoints',
  'audit_cosignatures',
]);
const PAGE = 1000;

export interface MoveReport {
  tables: Array<{ table: string; source: number; target: number }>;
  rows: number;
  auditRowsVerified: number;
  masterKeyFile: string;
  seconds: number;
}

interface Column {
  name: string;
  generated: boolean;
}

async function tablesOf(trx: Trx): Promise<string[]> {
  const rows = await sql<{ name: string }>`select c.relname as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(trx);
  return rows.rows.map((r) => r.name).filter((t) => !MIGRATOR_TABLES.has(t));
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
async function dependencyOrder(trx: Trx, tables: string[]): Promise<string[]> {
  const edges = await sql<{ child: string; parent: string }>`select c.relname as child, p.relname as parent
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`.execute(trx);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges.rows) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (!ready.length) throw new Error('circular foreign keys between tables; cannot order the copy');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

async function columnsOf(trx: Trx, table: string): Promise<Column[]> {
  const rows = await sql<{ name: string; generated: boolean }>`select a.attname as name,
      a.attgenerated <> '' as generated
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname = ${table} and a.attnum > 0 and not a.attisdropped
    order by a.attnum`.execute(trx);
  return rows.rows;
}

async function count(trx: Trx, table: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::bigint as n from ${sql.table(table)}`.execute(trx);
  return Number(row.rows[0]?.n ?? 0);
}

/** Refuses a target that already holds records (anything beyond what migrations seed). */
async function assertEmptyTarget(trx: Trx): Promise<void> {
  const exists = await sql<{
    t: string | null;
  }>`select to_regclass('public.audit_events')::text as t`.execute(trx);
  if (!exists.rows[0]?.t) return;
  for (const table of [...AUDIT_TABLES, 'users', 'persons', 'cases', 'crypto_keys']) {
    const present = await sql<{
      t: string | null;
    }>`select to_regclass(${`public.${table}`})::text as t`.execute(trx);
    if (!present.rows[0]?.t) continue;
    const row = await sql<{ any: boolean }>`select exists (select 1 from ${sql.table(table)}) as any`.execute(
      trx,
    );
    if (row.rows[0]?.any)
      throw new Error(
        `the target database is not empty (${table} has rows): move into a new, empty database`,
      );
  }
}

/** Moves the embedded database in `config.dataDir` into the empty PostgreSQL database at `targetUrl`. */
export async function moveToPostgres(
  config: Config,
  targetUrl: string,
  log: (line: string) => void = () => {},
): Promise<MoveReport> {
  const started = performance.now();
  const masterKeyFile = path.join(config.dataDir, 'master.key');
  if (!fs.existsSync(path.join(config.dataDir, 'PG_VERSION')) && !fs.existsSync(masterKeyFile))
    throw new Error(`no embedded database in ${config.dataDir} (set NANDUTI_DATA_DIR)`);
  const source = await connect({ databaseUrl: null, dataDir: config.dataDir });
  let target: Database | null = null;
  try {
    // The source at the current schema (so both sides have the same tables and columns).
    await migrateToLatest(source);
    // Every audit row in the tree before the snapshot (the sequencer of a stopped server may not have
    // folded the last ones): the tree and its checkpoints move as they are, and verify on the target.
    await foldAudit(source, { wait: true });
    target = await connect({ databaseUrl: targetUrl, dataDir: null, poolSize: 2 });
    await target.transaction(assertEmptyTarget);
    await migrateToLatest(target);
    const into = target;
    const report = await source.transaction(
      async (src) => {
        const tables = await dependencyOrder(src, await tablesOf(src));
        return into.transaction(async (dst) => {
          const targetTables = new Set(await tablesOf(dst));
          const missing = tables.filter((t) => !targetTables.has(t));
          if (missing.length) throw new Error(`tables missing on the target: ${missing.join(', ')}`);
          // What the migrations seeded on the target (catalogues, the screening instrument) comes
          // from the source as it is now. The audit trail and its tree are empty there (checked above).
          // Triggers off first: append-only tables (statistics releases…) refuse a truncate otherwise;
          // on a new target they are empty.
          for (const table of tables)
            await sql`alter table ${sql.table(table)} disable trigger user`.execute(dst);
          const seeded = tables.filter((t) => !AUDIT_TABLES.has(t));
          await sql`truncate ${sql.join(seeded.map((t) => sql.table(t)))}`.execute(dst);
          // Rows arrive as they are: no trigger recomputes or marks anything while they do (the
          // statistics facts and their queue move too). Foreign keys stay checked: parents first.
          const result: MoveReport['tables'] = [];
          let rows = 0;
          for (const table of tables) {
            const columns = (await columnsOf(src, table)).filter((c) => !c.generated).map((c) => c.name);
            const list = sql.join(columns.map((c) => sql.ref(c)));
            await sql`declare move_cursor no scroll cursor for
              select to_jsonb(t) as row from ${sql.table(table)} t`.execute(src);
            let copied = 0;
            for (;;) {
              const page = await sql<{
                row: unknown;
              }>`fetch ${sql.raw(String(PAGE))} from move_cursor`.execute(src);
              if (!page.rows.length) break;
              await sql`insert into ${sql.table(table)} (${list}) overriding system value
                select ${list} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(
                  page.rows.map((r) => r.row),
                )}::jsonb)`.execute(dst);
              copied += page.rows.length;
            }
            await sql`close move_cursor`.execute(src);
            const sourceCount = await count(src, table);
            const targetCount = await count(dst, table);
            if (sourceCount !== targetCount || copied !== sourceCount)
              throw new Error(`${table}: ${sourceCount} rows in the source, ${targetCount} on the target`);
            result.push({ table, source: sourceCount, target: targetCount });
            rows += copied;
            if (copied) log(`${table}: ${copied.toLocaleString('en')} rows`);
          }
          for (const table of tables)
            await sql`alter table ${sql.table(table)} enable trigger user`.execute(dst);
          // Sequences (bigserial ids) continue after the copied rows.
          await sql`do $$
            declare s record;
            begin
              for s in select seq.relname as seq, tab.relname as tab, col.attname as col
                from pg_depend d
                join pg_class seq on seq.oid = d.objid and seq.relkind = 'S'
                join pg_class tab on tab.oid = d.refobjid
                join pg_attribute col on col.attrelid = tab.oid and col.attnum = d.refobjsubid
                join pg_namespace n on n.oid = seq.relnamespace and n.nspname = 'public'
                where d.deptype in ('a', 'i')
              loop
                execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)',
                  s.seq, s.col, s.tab);
              end loop;
            end $$`.execute(dst);
          return { tables: result, rows };
        });
      },
      { readOnly: true, isolation: 'repeatable read' },
    );
    const verified = await verifyAuditChain(into);
    if (!verified.ok)
      throw new Error(
        `the audit chain does not verify on the target at row ${verified.firstBrokenSeq}: ${verified.reason}`,
      );
    await into.transaction((trx) =>
      writeAudit(trx, {
        actor: null,
        action: 'database.moved',
        resourceType: null,
        purpose: 'administration',
        changedFields: [`rows:${report.rows}`, `tables:${report.tables.length}`],
      }),
    );
    await foldAudit(into, { wait: true });
    return {
      ...report,
      auditRowsVerified: verified.checked,
      masterKeyFile,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await target?.close();
    await source.close();
  }
}

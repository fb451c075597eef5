/**
 * Bulk writing for the demo: rows rendered as SQL literals into multi-row INSERT statements, sent
 * as one script per chunk (one round trip, one transaction). Values come from the generator only
 * (enums, dates, numbers, ciphertexts), and every string is quoted anyway.
 */
import { CompiledQuery } from 'kysely';
import type { Database } from '../db/database.js';

export type SqlValue = string | number | boolean | null | readonly string[];

/** A string literal (standard_conforming_strings is on in every supported PostgreSQL). */
export function quote(value: string): string {
  return value.includes("'") ? `'${value.replaceAll("'", "''")}'` : `'${value}'`;
}

function arrayLiteral(items: readonly string[]): string {
  return `'{${items.map((item) => `"${item.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll("'", "''")}"`).join(',')}}'`;
}

export function literal(value: SqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('A demo value is not a finite number.');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quote(value);
  return arrayLiteral(value);
}

/** Rows of one table, collected for one chunk. */
export class TableRows {
  readonly rows: string[] = [];
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(values: readonly SqlValue[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns.`);
    }
    this.rows.push(`(${values.map(literal).join(',')})`);
  }

  /** INSERT statements of at most `perStatement` rows each. */
  statements(perStatement: number): string[] {
    const out: string[] = [];
    const head = `insert into ${this.table} (${this.columns.join(',')}) values `;
    for (let i = 0; i < this.rows.length; i += perStatement) {
      out.push(head + this.rows.slice(i, i + perStatement).join(','));
    }
    return out;
  }
}

/** Runs a multi-statement script (simple query protocol) on either back-end. */
export async function runScript(db: Database, script: string): Promise<void> {
  if (db.embedded) {
    await db.embedded.exec(script);
    return;
  }
  // No parameters: node-postgres sends the text with the simple protocol, so several statements pass.
  await db.unsafeRoot().executeQuery(CompiledQuery.raw(script, []));
}

/**
 * One transaction inserting the tables in the order given (parents before children). The commit
 * does not wait for the disk (a demo chunk lost in a crash is simply generated again). With
 * `skipTriggers` the foreign-key checks are skipped, as pg_restore --disable-triggers does: the
 * generator makes every reference by construction, and the caller allows it only when the tables
 * have no triggers of their own (see canSkipTriggers).
 */
export function chunkScript(
  tables: readonly TableRows[],
  skipTriggers: boolean,
  perStatement = 2000,
): string {
  const parts = ['begin', 'set local synchronous_commit = off'];
  if (skipTriggers) parts.push('set local session_replication_role = replica');
  for (const table of tables) parts.push(...table.statements(perStatement));
  parts.push('commit');
  return parts.join(';\n') + ';';
}

/**
 * True when the session may skip triggers (superuser) and none of `tables` has a trigger other
 * than PostgreSQL's own foreign-key ones, so that skipping them skips nothing but those checks.
 */
export async function canSkipTriggers(db: Database, tables: readonly string[]): Promise<boolean> {
  const list = tables.map(quote).join(',');
  const result = await db.unsafeRoot().executeQuery<{ superuser: boolean; triggers: number }>(
    CompiledQuery.raw(
      `select coalesce((select rolsuper from pg_roles where rolname = current_user), false) as superuser,
        (select count(*)::int from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where not t.tgisinternal and c.relname in (${list})) as triggers`,
      [],
    ),
  );
  const row = result.rows[0];
  return Boolean(row?.superuser) && Number(row?.triggers) === 0;
}

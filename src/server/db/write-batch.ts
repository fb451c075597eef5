/**
 * Rows held back until the end of a unit of work and then written as one multi-row INSERT per
 * table, in the same transaction and in the order they were made. A whole intake (submitIntake)
 * writes an audit row and a timeline entry per step (person, case, link, screening, event, …):
 * each was a statement of its own — a round trip and a WebAssembly call on the embedded engine —
 * and is now one row of a single INSERT at the end (bench/README.md, "Offline sync").
 *
 * Only for units of work that do not read those rows back before they end: the rows are not in the
 * database until `inWriteBatch` returns. Nothing is written when the work throws (the transaction
 * rolls back anyway).
 *
 * A request's transaction holds its audit rows this way (`only: ['audit_events']`, `last: true`,
 * http/route.ts): they are written after the handler, as the transaction's last statement, and on
 * PostgreSQL sent in the same round trip as its COMMIT (the `DEFERRED` mark, pg-prepared.ts).
 */
import type { Trx } from './database.js';

/** Writes `rows`; `deferred`: they end the transaction's work (mark the INSERT `DEFERRED`). */
type Flush<R> = (rows: R[], deferred: boolean) => Promise<void>;

interface Pending {
  rows: unknown[];
  flush: Flush<unknown>;
}

export interface WriteBatchOptions {
  /** Hold only these tables' rows; the others are written at once (default: every table). */
  only?: readonly string[];
  /**
   * The batch ends the transaction's work (nothing but its COMMIT follows `inWriteBatch`): its
   * INSERTs are flushed as deferred writes, sent with the COMMIT on PostgreSQL.
   */
  last?: boolean;
}

interface Batch {
  tables: Map<string, Pending>;
  only: ReadonlySet<string> | null;
  last: boolean;
}

const open = new WeakMap<Trx, Batch>();

/**
 * Holds `rows` for `table` when a batch holding that table is open on `trx` (true), or does nothing
 * (false: the caller writes them now). `flush` writes all the rows held for the table, once, when
 * the batch ends.
 */
export function holdRows<R>(trx: Trx, table: string, rows: readonly R[], flush: Flush<R>): boolean {
  const batch = open.get(trx);
  if (!batch || (batch.only && !batch.only.has(table))) return false;
  let pending = batch.tables.get(table);
  if (!pending) {
    pending = { rows: [], flush: flush as Flush<unknown> };
    batch.tables.set(table, pending);
  }
  pending.rows.push(...rows);
  return true;
}

/**
 * Runs `work` with a batch open on `trx`, then writes what it held (one INSERT per table). Inside a
 * batch that holds every table it simply runs `work`. Inside one that holds only some tables, it
 * opens its own for the rest; at its end the rows of the tables the outer batch holds go to the
 * outer batch (kept in order), the others are written.
 */
export async function inWriteBatch<T>(
  trx: Trx,
  work: () => Promise<T>,
  options: WriteBatchOptions = {},
): Promise<T> {
  const outer = open.get(trx);
  if (outer && !outer.only) return work();
  const batch: Batch = {
    tables: new Map(),
    only: options.only ? new Set(options.only) : null,
    last: Boolean(options.last) && !outer,
  };
  open.set(trx, batch);
  let result: T;
  try {
    result = await work();
  } finally {
    if (outer) open.set(trx, outer);
    else open.delete(trx);
  }
  for (const [table, { rows, flush }] of batch.tables) {
    if (rows.length === 0) continue;
    if (outer && holdRows(trx, table, rows, flush)) continue;
    await flush(rows, batch.last);
  }
  return result;
}

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
 */
import type { Trx } from './database.js';

interface Pending {
  rows: unknown[];
  flush: (rows: unknown[]) => Promise<void>;
}

const open = new WeakMap<Trx, Map<string, Pending>>();

/**
 * Holds `rows` for `table` when a batch is open on `trx` (true), or does nothing (false: the caller
 * writes them now). `flush` writes all the rows held for the table, once, when the batch ends.
 */
export function holdRows<R>(
  trx: Trx,
  table: string,
  rows: readonly R[],
  flush: (rows: R[]) => Promise<void>,
): boolean {
  const batch = open.get(trx);
  if (!batch) return false;
  let pending = batch.get(table);
  if (!pending) {
    pending = { rows: [], flush: flush as (rows: unknown[]) => Promise<void> };
    batch.set(table, pending);
  }
  pending.rows.push(...rows);
  return true;
}

/** Runs `work` with a batch open on `trx`, then writes what it held (one INSERT per table). */
export async function inWriteBatch<T>(trx: Trx, work: () => Promise<T>): Promise<T> {
  if (open.has(trx)) return work();
  const batch = new Map<string, Pending>();
  open.set(trx, batch);
  let result: T;
  try {
    result = await work();
  } finally {
    open.delete(trx);
  }
  for (const { rows, flush } of batch.values()) if (rows.length > 0) await flush(rows);
  return result;
}

/**
 * The embedded engine on a worker thread of its own (engine-thread.ts is the server's side). It
 * opens the data directory as the server's thread would (embedded.ts: the durable file system, the
 * commit's fsync) and answers one message at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { openEmbedded } from './embedded.js';
import { walSyncOf } from './wal-sync.js';

export type Request =
  | { id: number; op: 'exec'; bytes: Uint8Array; defer: boolean }
  | { id: number; op: 'settle' }
  | { id: number; op: 'query'; sql: string; parameters: unknown[] }
  | { id: number; op: 'exec-sql'; sql: string }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: unknown };

/** The answer's chunks in one buffer of its own (transferable: never a slice of Node's pool). */
function joined(chunks: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

async function handle(pg: PGlite, request: Request): Promise<{ value: unknown; transfer: ArrayBuffer[] }> {
  const walSync = walSyncOf(pg);
  switch (request.op) {
    case 'exec': {
      const chunks: Uint8Array[] = [];
      const run = () =>
        pg.execProtocolRawStream(request.bytes, {
          syncToFs: false,
          // A copy: the engine may reuse the memory it hands out.
          onRawData: (chunk) => void chunks.push(chunk.slice()),
        });
      // A request transaction's COMMIT: its WAL fsync deferred, made durable by a later `settle`.
      const before = walSync?.stats.deferred ?? 0;
      if (request.defer && walSync) await walSync.settledHere(() => walSync.commit(run));
      else await run();
      const bytes = joined(chunks);
      const deferred = (walSync?.stats.deferred ?? 0) > before;
      return { value: { bytes, deferred }, transfer: [bytes.buffer as ArrayBuffer] };
    }
    case 'settle':
      await walSync?.settle();
      return { value: null, transfer: [] };
    case 'query': {
      const result = await pg.query(request.sql, request.parameters);
      return { value: { rows: result.rows, affectedRows: result.affectedRows }, transfer: [] };
    }
    case 'exec-sql':
      await pg.exec(request.sql);
      return { value: null, transfer: [] };
    case 'dump':
      return { value: await pg.dumpDataDir('none'), transfer: [] };
    case 'close':
      if (!pg.closed) await pg.close();
      return { value: null, transfer: [] };
  }
}

const ARRAY_TYPES = `select b.oid, b.typarray from pg_catalog.pg_type a
  left join pg_catalog.pg_type b on b.oid = a.typelem where a.typcategory = 'A'
  group by b.oid, b.typarray order by b.oid`;

/** An error as a plain object (its code, severity and position kept: a clone keeps only the message). */
function plain(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  return { ...error, name: error.name, message: error.message, stack: error.stack };
}

async function main(): Promise<void> {
  const port = parentPort!;
  const pg = await openEmbedded(workerData.dataDir as string);
  const answer = async (request: Request) => {
    try {
      const { value, transfer } = await handle(pg, request);
      port.postMessage({ id: request.id, ok: true, value } satisfies Reply, transfer);
    } catch (error) {
      port.postMessage({ id: request.id, ok: false, error: plain(error) } satisfies Reply);
    }
    if (request.op === 'close') port.close();
  };
  // The engine's work one request at a time, in the order it came (one connection). A `settle`
  // waits only for fsyncs already registered (every commit answered before it was sent), on libuv's
  // pool: the engine goes on meanwhile, as on the server's thread (group commit, wal-sync.ts).
  let tail: Promise<void> = Promise.resolve();
  port.on('message', (request: Request) => {
    if (request.op === 'settle') void answer(request);
    else tail = tail.then(() => answer(request));
  });
  // The array types PGlite gave parsers and serializers when it started (its `_initArrayTypes`),
  // so the server's side builds the same ones.
  const arrays = await pg.query<{ oid: number; typarray: number }>(ARRAY_TYPES);
  port.postMessage({ id: 0, ok: true, value: arrays.rows } satisfies Reply);
}

main().catch((error: unknown) => {
  parentPort!.postMessage({ id: 0, ok: false, error } satisfies Reply);
});

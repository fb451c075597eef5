/**
 * The embedded engine on a worker thread (engine-worker.ts), seen from the server's thread as the
 * part of PGlite the driver and the server use. PGlite runs PostgreSQL as WebAssembly on the thread
 * that calls it; on its own thread the engine's work and the server's JavaScript (HTTP, queries
 * built, fields decrypted, answers serialised) can use two cores.
 *
 * Durability is the same: the worker opens the data directory as embedded.ts does (the commit's WAL
 * fsync, deferred and grouped for a request transaction); `settle()` here resolves once every
 * deferred commit sent before it is on disk (wal-sync.ts's guarantee, across the two threads).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Worker } from 'node:worker_threads';
import { messages, Mutex, types, type PGlite } from '@electric-sql/pglite';
import { sharedParsers } from './embedded.js';
import type { Reply, Request } from './engine-worker.js';
import { attachWalSync } from './wal-sync.js';

type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The worker's entry: the compiled module, or the TypeScript source through tsx (as bin/nanduti.mjs). */
function startWorker(dataDir: string): Worker {
  const url = new URL(
    import.meta.url.endsWith('.ts') ? './engine-worker.ts' : './engine-worker.js',
    import.meta.url,
  );
  if (url.pathname.endsWith('.js')) return new Worker(url, { workerData: { dataDir } });
  // tsx resolved from here: an evaluated worker would resolve it from the working directory.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: { dataDir } });
}

/** An error from the worker made whole again (a DatabaseError keeps its class and fields). */
function revived(error: unknown): Error {
  if (!error || typeof error !== 'object') return new Error(String(error));
  const fields = error as Record<string, unknown> & { message?: string; name?: string };
  const out =
    fields.name === 'error' || 'severity' in fields
      ? new messages.DatabaseError(fields.message ?? '', 0, 'error')
      : new Error(fields.message ?? 'the embedded engine failed');
  Object.assign(out, fields);
  return out;
}

const commitSettled = new AsyncLocalStorage<true>();

/** The commit's WAL fsync for the worker's engine: the same interface as WalSync (wal-sync.ts). */
class ThreadWalSync {
  /** Commits sent with their fsync deferred, and how many of them are known to be on disk. */
  #sent = 0;
  #synced = 0;
  #round: Promise<void> | null = null;
  #deferNext = false;
  constructor(private readonly call: (body: Body) => Promise<unknown>) {}

  get deferNext(): boolean {
    return this.#deferNext;
  }

  countDeferred(): void {
    this.#sent++;
  }

  async commit<T>(commit: () => Promise<T>): Promise<T> {
    if (!commitSettled.getStore()) return commit();
    this.#deferNext = true;
    try {
      return await commit();
    } finally {
      this.#deferNext = false;
    }
  }

  settledHere<T>(fn: () => Promise<T>): Promise<T> {
    return commitSettled.run(true, fn);
  }

  async settle(): Promise<void> {
    const wanted = this.#sent;
    while (this.#synced < wanted) {
      if (!this.#round) {
        const upTo = this.#sent;
        this.#round = this.call({ op: 'settle' })
          .then(() => {
            this.#synced = Math.max(this.#synced, upTo);
          })
          .finally(() => {
            this.#round = null;
          });
      }
      await this.#round;
    }
  }
}

/** The part of PGlite the driver, the upkeep and the backup use, answered by the worker. */
export class EngineOnThread {
  readonly parsers: PGlite['parsers'] = {
    ...types.parsers,
    [types.INT8]: sharedParsers.int8,
    [types.DATE]: sharedParsers.date,
  };
  readonly serializers: PGlite['serializers'] = { ...types.serializers };
  readonly waitReady: Promise<void>;
  readonly walSync: ThreadWalSync;
  closed = false;
  readonly #worker: Worker;
  readonly #mutex = new Mutex();
  readonly #waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  #next = 0;

  constructor(dataDir: string) {
    this.#worker = startWorker(dataDir);
    this.walSync = new ThreadWalSync((body) => this.#call(body));
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#waiting.set(0, {
        resolve: (arrays) => {
          // PGlite's own parsers and serializers of array types (as its `_initArrayTypes` makes them).
          for (const { oid, typarray } of arrays as Array<{ oid: number; typarray: number }>) {
            this.serializers[typarray] = (x) => types.arraySerializer(x, this.serializers[oid], typarray);
            this.parsers[typarray] = (x) => types.arrayParser(x, this.parsers[oid]!, typarray);
          }
          resolve();
        },
        reject,
      });
    });
    this.#worker.on('message', (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(revived(reply.error));
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) => {
      this.closed = true;
      this.#failAll(new Error(`the embedded engine's thread ended (${code})`));
    });
    attachWalSync(this, this.walSync as never);
  }

  #failAll(error: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }

  #call(body: Body, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ ...body, id }, transfer);
    });
  }

  runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.#mutex.runExclusive(fn);
  }

  /** The protocol messages `message` run by the engine; its answer handed to `onRawData` in one piece. */
  async execProtocolRawStream(
    message: Uint8Array,
    options: { onRawData: (chunk: Uint8Array) => void; syncToFs?: boolean },
  ): Promise<void> {
    const defer = this.walSync.deferNext;
    const bytes = new Uint8Array(message);
    const answer = (await this.#call({ op: 'exec', bytes, defer }, [bytes.buffer as ArrayBuffer])) as {
      bytes: Uint8Array;
      deferred: boolean;
    };
    // A commit whose WAL fsync waits for a round (a read-only one wrote none).
    if (answer.deferred) this.walSync.countDeferred();
    options.onRawData(answer.bytes);
  }

  query<R>(sql: string, parameters: unknown[] = []): Promise<{ rows: R[]; affectedRows?: number }> {
    return this.runExclusive(
      () => this.#call({ op: 'query', sql, parameters }) as Promise<{ rows: R[]; affectedRows?: number }>,
    );
  }

  async exec(sql: string): Promise<void> {
    await this.runExclusive(() => this.#call({ op: 'exec-sql', sql }));
  }

  dumpDataDir(): Promise<File | Blob> {
    return this.runExclusive(() => this.#call({ op: 'dump' }) as Promise<File | Blob>);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.runExclusive(() => this.#call({ op: 'close' }));
    this.closed = true;
    await this.#worker.terminate();
  }
}

/** Opens the embedded database in `dataDir` on a worker thread. */
export async function openEmbeddedOnThread(dataDir: string): Promise<PGlite> {
  const engine = new EngineOnThread(dataDir);
  await engine.waitReady;
  return engine as unknown as PGlite;
}

/**
 * Group commit for the embedded engine, with the WAL's fsync off Node's thread.
 *
 * PGlite runs PostgreSQL on Node's one thread, so a commit's fsync of the WAL (embedded.ts makes
 * commits durable) blocked every request for as long as the disk took, once per transaction: under
 * load it was the largest single item of an audited request's engine time (bench/README.md, "The
 * embedded engine: the commit's fsync"). A PostgreSQL server fsyncs in its own processes and one
 * fsync covers every commit waiting at that moment.
 *
 * Here, while a request transaction's COMMIT runs, the WAL segment's fsync is deferred: the engine
 * goes on, and `settle()` (which `Database.transaction` awaits before it returns, so before any
 * response is sent) fsyncs the deferred segments on libuv's thread pool, one round at a time; every
 * transaction that ended while a round ran is covered by the next round. The guarantees stay:
 *  - an acknowledged write is on disk: `Database.transaction` resolves only after the fsync of
 *    every WAL segment written up to its COMMIT;
 *  - nothing a response shows can be lost: every transaction (read-only ones too) settles what was
 *    committed before it ended, so data another transaction committed is durable before it is shown;
 *  - PostgreSQL's own order holds: any other fsync (a data file, the control file, a checkpoint, a
 *    commit that is not deferred) first fsyncs the deferred WAL synchronously, so nothing that
 *    depends on the WAL reaches the disk before it;
 *  - a failed fsync fails the waiting transactions and every later fsync (PostgreSQL then stops,
 *    as it does when a synchronous fsync fails): nothing more is acknowledged.
 * Commits outside `Database.transaction` (migrations, maintenance commands) are not deferred.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';

/** A WAL segment file (24 hexadecimal digits in pg_wal), the only file whose fsync is deferred. */
const WAL_SEGMENT = /[/\\]pg_wal[/\\][0-9A-F]{24}$/;

/** Set by `Database.transaction` around a transaction it settles before returning. */
const settledByCaller = new AsyncLocalStorage<true>();

function fsyncOnPool(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve())));
}

export class WalSync {
  #deferring = false;
  /** Deferred WAL segments not yet in a round: host path → a descriptor of our own. */
  readonly #pending = new Map<string, number>();
  /** The round in flight and its descriptors. */
  #round: Promise<void> | null = null;
  #roundFds: number[] = [];
  /** Deferred fsyncs registered, and how many of them are known to be on disk. */
  #registered = 0;
  #synced = 0;
  #failure: Error | null = null;
  /** Counters for tests and benchmarks. */
  readonly stats = { deferred: 0, rounds: 0, immediate: 0 };

  /** The engine's fsync of its file `path` (descriptor `fd`), called synchronously from inside it. */
  fsync(path: string, fd: number): void {
    if (this.#failure) throw this.#failure;
    if (this.#deferring && WAL_SEGMENT.test(path)) {
      // Our own descriptor: postgres may close its own (a segment switch) before the round runs.
      if (!this.#pending.has(path)) this.#pending.set(path, fs.openSync(path, 'r'));
      this.#registered++;
      this.stats.deferred++;
      return;
    }
    this.stats.immediate++;
    try {
      this.#syncDeferredNow();
      fs.fsyncSync(fd);
    } catch (error) {
      this.#failure ??= error as Error;
      throw error;
    }
  }

  /** The deferred WAL on disk now, before anything that may depend on it (postgres' own order). */
  #syncDeferredNow(): void {
    for (const fd of this.#roundFds) fs.fsyncSync(fd);
    for (const fd of this.#pending.values()) {
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    this.#pending.clear();
    this.#synced = this.#registered;
  }

  /**
   * Runs `commit` (a transaction's COMMIT, run exclusively on the engine) with its WAL fsync
   * deferred when the transaction is one whose caller settles (Database.transaction); otherwise as is.
   */
  async commit<T>(commit: () => Promise<T>): Promise<T> {
    if (!settledByCaller.getStore()) return commit();
    this.#deferring = true;
    try {
      return await commit();
    } finally {
      this.#deferring = false;
    }
  }

  /** Runs `fn` (a whole transaction) as one whose caller calls `settle()` after it. */
  settledHere<T>(fn: () => Promise<T>): Promise<T> {
    return settledByCaller.run(true, fn);
  }

  #startRound(): Promise<void> {
    const fds = [...this.#pending.values()];
    this.#pending.clear();
    const upTo = this.#registered;
    this.#roundFds = fds;
    this.stats.rounds++;
    const round = Promise.all(fds.map(fsyncOnPool))
      .then(
        () => {
          this.#synced = Math.max(this.#synced, upTo);
        },
        (error: Error) => {
          this.#failure ??= error;
          throw error;
        },
      )
      .finally(() => {
        for (const fd of fds) fs.close(fd, () => {});
        this.#roundFds = [];
        this.#round = null;
      });
    this.#round = round;
    return round;
  }

  /** Resolves once every WAL fsync deferred so far is done; rejects if one failed. */
  async settle(): Promise<void> {
    const wanted = this.#registered;
    while (this.#synced < wanted) {
      if (this.#failure) throw this.#failure;
      await (this.#round ?? this.#startRound());
    }
    if (this.#failure) throw this.#failure;
  }
}

const byEngine = new WeakMap<object, WalSync>();

/** The WAL sync of an engine opened on a data directory (none in memory). */
export function walSyncOf(engine: object): WalSync | undefined {
  return byEngine.get(engine);
}

export function attachWalSync(engine: object, sync: WalSync): void {
  byEngine.set(engine, sync);
}

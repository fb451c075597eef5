/**
 * The one way to reach the database. Modules never hold a `Kysely` they could query outside a
 * transaction: they get a `Database`, whose only door is `transaction(fn)`, and inside `fn` they
 * use the `Trx` it hands them. On PGlite (one connection) the outer handle would deadlock inside a
 * transaction; here it simply is not reachable, and a nested `transaction()` call throws at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { openEmbedded, sharedParsers } from './embedded.js';
import { PGliteDialect } from './pglite-driver.js';
import { PreparingPool } from './pg-prepared.js';
import type { DB } from './schema.js';
import { walSyncOf, type WalSync } from './wal-sync.js';

export type Trx = Transaction<DB>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface TransactionOptions {
  readOnly?: boolean;
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
}

/** The database whose transaction the current code runs in. */
const inTransaction = new AsyncLocalStorage<Database>();

export class Database {
  readonly #kysely: Kysely<DB>;
  readonly #onClose: () => Promise<void>;
  readonly #walSync: WalSync | undefined;
  #closed = false;
  #active = 0;

  constructor(
    readonly kind: DatabaseKind,
    kysely: Kysely<DB>,
    onClose: () => Promise<void> = async () => {},
    /** The embedded engine, when there is one (backup uses it). */
    readonly embedded: PGlite | null = null,
  ) {
    this.#kysely = kysely;
    this.#onClose = onClose;
    this.#walSync = embedded ? walSyncOf(embedded) : undefined;
  }

  /** Runs `fn` in one transaction; everything it does commits or rolls back together. */
  async transaction<T>(fn: (trx: Trx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // Nested on the same database: a deadlock on PGlite, a second connection on a pool. A read on
    // another database (the analytics replica, inside the primary's transaction that audits it) is fine.
    if (inTransaction.getStore() === this) {
      throw new Error('Nested database transaction: use the transaction handle you were given.');
    }
    let builder = this.#kysely.transaction();
    if (options.isolation) builder = builder.setIsolationLevel(options.isolation);
    if (options.readOnly) builder = builder.setAccessMode('read only');
    this.#active++;
    const walSync = this.#walSync;
    try {
      if (!walSync) return await inTransaction.run(this, () => builder.execute(fn));
      return await inTransaction.run(this, () => walSync.settledHere(() => builder.execute(fn)));
    } finally {
      this.#active--;
      // Embedded: the WAL written up to this transaction's end is on disk before it returns (its
      // commit's fsync was deferred and grouped, wal-sync.ts); a failure fails the transaction.
      await walSync?.settle();
    }
  }

  /** Transactions running or waiting for a connection (the embedded upkeep runs when there are none). */
  get activeTransactions(): number {
    return this.#active;
  }

  /** For migrations and maintenance commands only (they run before or outside request handling). */
  unsafeRoot(): Kysely<DB> {
    return this.#kysely;
  }

  get closed(): boolean {
    return this.#closed;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#kysely.destroy();
    await this.#onClose();
  }
}

export interface ConnectOptions {
  databaseUrl: string | null;
  dataDir: string | null;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** Do not check the connection now (the analytics replica may be down while the server starts). */
  lazy?: boolean;
  /** Name (prepare) statements on PostgreSQL (pg-prepared.ts); on unless false. */
  preparedStatements?: boolean;
}

function pgTypes() {
  const custom = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === 20) return sharedParsers.int8;
      if (oid === 1082) return sharedParsers.date;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  return custom as typeof pg.types;
}

/** PostgreSQL when `databaseUrl` is set, otherwise embedded PostgreSQL in `dataDir` (in memory if null). */
export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: pgTypes(),
    });
    // An idle connection closed by the server (restart, failover, admin command) is removed from
    // the pool and replaced on next use; without a listener its error would crash the process.
    pool.on('error', () => {});
    // A connection that breaks while checked out (the primary killed during a failover) reports its
    // error to the query in flight, which fails the request; the client's own 'error' event must not
    // crash the process. The pool then drops the broken client and connects anew.
    pool.on('connect', (client) => client.on('error', () => {}));
    // Statements batched with their transaction's begin and commit (pg-pipeline.ts); marked
    // look-ups named unless prepared statements are off (pg-prepared.ts).
    const dialect = new PostgresDialect({
      pool: new PreparingPool(pool, options.preparedStatements === false ? 0 : undefined),
    });
    if (options.lazy) return new Database('postgres', new Kysely<DB>({ dialect }));
    // Fail fast with a clear message rather than on the first request.
    const client = await pool.connect().catch(async (error: Error) => {
      await pool.end();
      throw new Error(`Cannot connect to PostgreSQL at DATABASE_URL: ${error.message}`);
    });
    client.release();
    return new Database('postgres', new Kysely<DB>({ dialect }));
  }
  let lock: DataDirLock | null = null;
  if (options.dataDir) lock = lockDataDir(options.dataDir);
  try {
    const engine = await openEmbedded(options.dataDir);
    const kysely = new Kysely<DB>({ dialect: new PGliteDialect(engine) });
    return new Database('pglite', kysely, async () => lock?.release(), engine);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Wraps an already-open PGlite (tests start from a migrated dump). */
export function fromEngine(engine: PGlite): Database {
  return new Database(
    'pglite',
    new Kysely<DB>({ dialect: new PGliteDialect(engine) }),
    async () => {},
    engine,
  );
}

/**
 * A Kysely driver for embedded PostgreSQL (PGlite). PGlite has exactly one connection, so the
 * driver hands it out to one holder at a time; a transaction holds it until it ends. Code inside a
 * transaction must therefore use the transaction's handle (see database.ts, which enforces it).
 *
 * Statements are prepared once and executed by name (PreparedStatements): PGlite runs PostgreSQL on
 * the calling thread, and planning a request's statement anew each time cost 30 times its execution
 * (the case list at 10,000 cases: 62 ms planning, 2 ms execution under load; bench/README.md,
 * "The embedded engine under load").
 */
import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { walSyncOf } from './wal-sync.js';

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

const { serialize } = protocol;

/** Protocol messages as one buffer, sent to the engine in one call. */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Statements worth preparing: queries and data changes (not transaction control, DDL or maintenance). */
const PREPARABLE = /^\s*\(?\s*(select|insert|update|delete|with)\b/i;
/**
 * Statements planned for their values each time (an unnamed statement, parsed and planned at every
 * execution): with an array overlap or containment on a parameter (the name search's tokens) the
 * generic plan's guess of how many rows match was 30 times slower to run than the plan made for the
 * values (800 ms against 26 ms at 10,000 cases).
 */
const PLANNED_PER_VALUE = /&&|@>|<@/;
/** Statements after which a prepared statement's plan or result shape may no longer hold. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop|truncate|comment|grant|revoke|reindex|cluster|import)\b/i;
/** How many prepared statements the one connection keeps (least recently used dropped first). */
export const PREPARED_STATEMENTS_KEPT = 256;

interface Prepared {
  name: string;
  parameterTypes: number[];
}

/**
 * The one connection's prepared statements, by SQL text. PostgreSQL's plan cache then plans a
 * statement for its first executions and keeps a generic plan where it costs no more than those;
 * parameters are sent by Bind as before, so nothing is interpolated into SQL.
 */
class PreparedStatements {
  readonly #byText = new Map<string, Prepared>();
  #next = 0;
  constructor(private readonly pg: PGlite) {}

  /**
   * Runs `sql` with `parameters`: by its kept name, prepared first if needed; or, `perValue`, as the
   * unnamed statement, planned for these values (never kept). Two calls into the engine at most
   * (Parse with Describe, then Bind, Describe, Execute and Sync), where PGlite's query() makes six.
   */
  async run<R>(sql: string, parameters: readonly unknown[], perValue = false): Promise<QueryResult<R>> {
    return this.pg.runExclusive(async () => {
      const messages: Awaited<ReturnType<PGlite['execProtocol']>>['messages'] = [];
      const send = async (message: Uint8Array) => {
        const result = await this.pg.execProtocol(message, { syncToFs: false });
        messages.push(...result.messages);
      };
      let synced = false;
      try {
        const known = perValue ? undefined : this.#byText.get(sql);
        if (known) {
          // Most recently used last: the map's first entry is the one to drop.
          this.#byText.delete(sql);
          this.#byText.set(sql, known);
        }
        const prepared = known ?? (await this.#prepare(sql, perValue));
        const values = parameters.map((value, i) => {
          if (value === null || value === undefined) return null;
          const serializer = this.pg.serializers[prepared.parameterTypes[i]!];
          return serializer ? serializer(value) : String(value);
        });
        // Bind, Describe, Execute and Sync in one call into the engine (it reads every message of
        // the buffer): each call has a fixed cost on Node's thread (bench/README.md, "The embedded
        // statistics request"). After an error the engine skips to the Sync, which ends the exchange.
        synced = true;
        await send(
          concat([
            serialize.bind({ statement: prepared.name, values }),
            serialize.describe({ type: 'P' }),
            serialize.execute({}),
            serialize.sync(),
          ]),
        );
      } catch (error) {
        // Gone (deallocated outside the driver) or its result's shape changed under it (a schema
        // change made elsewhere): the statement is prepared anew next time.
        const code = (error as { code?: string }).code;
        if (code === '26000' || code === '0A000') this.#byText.delete(sql);
        throw error;
      } finally {
        // A failed prepare: the server skips messages up to the Sync; the exchange ends here.
        if (!synced) await this.pg.execProtocol(serialize.sync(), { syncToFs: false, throwOnError: false });
      }
      const result = parse.parseResults(messages, this.pg.parsers)[0]!;
      return {
        rows: result.rows as R[],
        numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
      };
    });
  }

  /** Parses `sql` under a name kept by its text, or (`unnamed`) as the unnamed statement. */
  async #prepare(sql: string, unnamed: boolean): Promise<Prepared> {
    const messages: Uint8Array[] = [];
    if (!unnamed && this.#byText.size >= PREPARED_STATEMENTS_KEPT) {
      const [oldestText, oldest] = this.#byText.entries().next().value!;
      this.#byText.delete(oldestText);
      messages.push(serialize.close({ type: 'S', name: oldest.name }));
    }
    const name = unnamed ? '' : `nanduti_${++this.#next}`;
    // Parse and Describe in one call: the parameters' types serialise the values for Bind.
    messages.push(serialize.parse({ name, text: sql, types: [] }), serialize.describe({ type: 'S', name }));
    const described = await this.pg.execProtocol(concat(messages), { syncToFs: false });
    const prepared = { name, parameterTypes: parse.parseDescribeStatementResults(described.messages) };
    if (!unnamed) this.#byText.set(sql, prepared);
    return prepared;
  }

  /** Forgets every prepared statement (after a schema change; the caller holds the connection). */
  async clear(): Promise<void> {
    if (this.#byText.size === 0) return;
    this.#byText.clear();
    await this.pg.query('deallocate all');
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly pg: PGlite,
    private readonly prepared: PreparedStatements,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (PREPARABLE.test(query.sql))
      return this.prepared.run<R>(query.sql, query.parameters, PLANNED_PER_VALUE.test(query.sql));
    if (SCHEMA_CHANGE.test(query.sql)) await this.prepared.clear();
    const result = await this.pg.query<R>(query.sql, query.parameters as unknown[]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the embedded database; page with LIMIT.');
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();
  readonly #prepared: PreparedStatements;
  constructor(private readonly pg: PGlite) {
    this.#prepared = new PreparedStatements(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    const connection = new PGliteConnection(this.pg, this.#prepared);
    this.#releases.set(connection, release);
    return connection;
  }

  async beginTransaction(_connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const parts = ['begin'];
    if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
    if (settings.accessMode) parts.push(settings.accessMode);
    await this.#control(parts.join(' '));
  }

  /** Transaction control as one simple-protocol message: one call into the engine (pg.query makes six). */
  async #control(statement: string): Promise<void> {
    await this.pg.runExclusive(() => this.pg.execProtocol(serialize.query(statement), { syncToFs: false }));
  }

  async commitTransaction(): Promise<void> {
    const walSync = walSyncOf(this.pg);
    if (!walSync) {
      await this.#control('commit');
      return;
    }
    // Alone on the engine while its WAL fsync may be deferred (wal-sync.ts): no other caller's
    // statement can run inside that window.
    await this.pg.runExclusive(() => walSync.commit(() => this.pg.execProtocol(serialize.query('commit'))));
  }

  async rollbackTransaction(): Promise<void> {
    await this.#control('rollback');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#releases.get(connection)?.();
    this.#releases.delete(connection);
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

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
import { messages, parse, protocol, type PGlite } from '@electric-sql/pglite';
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
import { FORCE_GENERIC, GENERIC_PLAN_MARK } from './pg-prepared.js';

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

type Answer = Awaited<ReturnType<PGlite['execProtocol']>>['messages'];

/** A field's text as PGlite's parser gives it (its TextDecoder drops a leading byte-order mark). */
function fieldText(bytes: Buffer, start: number, end: number): string {
  const bom =
    end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf;
  return bytes.toString('utf8', bom ? start + 3 : start, end);
}

/** A DataRow message (`bytes[at]` is its 'D') read in place: its fields as text, or null. */
function dataRow(bytes: Buffer, at: number, length: number): messages.DataRowMessage {
  const count = bytes.readInt16BE(at + 5);
  const fields: Array<string | null> = new Array<string | null>(count);
  let p = at + 7;
  for (let i = 0; i < count; i++) {
    const n = bytes.readInt32BE(p);
    p += 4;
    if (n < 0) fields[i] = null;
    else {
      fields[i] = fieldText(bytes, p, p + n);
      p += n;
    }
  }
  return new messages.DataRowMessage(length, fields as string[]);
}

/**
 * Runs `message` and returns the engine's answer as protocol messages, throwing its error, as
 * PGlite's `execProtocol` does. PGlite's own parser copies every field of every row into an
 * ArrayBuffer of its own before decoding it: 0.58 ms of Node's thread for the case list's 50 rows,
 * where reading the same bytes in place takes 0.06 ms (bench/README.md, "The case list: its rows
 * presented as they come; the embedded list's rows read in place…"). So the rows are read here, and
 * every other message (row descriptions,
 * completions, errors, notices) still by PGlite's parser, one message at a time.
 */
async function answerOf(pg: PGlite, message: Uint8Array): Promise<Answer> {
  const chunks: Buffer[] = [];
  await pg.execProtocolRawStream(message, {
    syncToFs: false,
    // A copy: the engine may reuse the memory it hands out.
    onRawData: (chunk) => void chunks.push(Buffer.from(chunk)),
  });
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const answer: Answer = [];
  const parser = new protocol.Parser();
  for (let at = 0; at + 5 <= bytes.length;) {
    const length = bytes.readInt32BE(at + 1);
    const end = at + 1 + length;
    if (bytes[at] === 0x44) answer.push(dataRow(bytes, at, length));
    else parser.parse(bytes.subarray(at, end), (m) => void answer.push(m));
    at = end;
  }
  // execProtocol throws the first error and keeps none of the messages after it.
  const error = answer.find((m) => m instanceof messages.DatabaseError);
  if (error) throw error;
  return answer;
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
      const answer: Answer = [];
      const send = async (message: Uint8Array) => {
        answer.push(...(await answerOf(this.pg, message)));
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
        // A statement marked GENERIC_PLAN (pg-prepared.ts) runs on its plan made without the values
        // until the transaction ends, as on PostgreSQL: at 100,000 cases the engine's own choice
        // planned the case list at every run (0 generic plans of 126; bench/README.md).
        if (!perValue && sql.includes(GENERIC_PLAN_MARK))
          await this.pg.execProtocol(serialize.query(FORCE_GENERIC), { syncToFs: false });
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
      const result = parse.parseResults(answer, this.pg.parsers)[0]!;
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

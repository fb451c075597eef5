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
import { messages, protocol, type PGlite } from '@electric-sql/pglite';
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

/** A message of the frontend protocol: its type byte, then its length (itself included) and body. */
function frontend(type: number, body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(5 + body.length);
  out[0] = type;
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

/** A NUL-terminated string of the protocol. */
function cString(text: string): Buffer {
  return Buffer.from(`${text}\0`, 'utf8');
}

/** A simple-protocol Query message (transaction control, a setting). */
function queryMessage(text: string): Buffer {
  return frontend(0x51, cString(text));
}

/** Execute (the unnamed portal, every row) and Sync: the constant end of every statement's call. */
const EXECUTE_SYNC = Buffer.concat([
  frontend(0x45, Buffer.concat([cString(''), Buffer.from([0, 0, 0, 0])])),
  frontend(0x53, Buffer.alloc(0)),
]);
/** Describe of the unnamed statement, for a statement parsed anew (`frontend`-built at use). */
const SYNC = frontend(0x53, Buffer.alloc(0));

/** A field's text as PGlite's parser gives it (its TextDecoder drops a leading byte-order mark). */
function fieldText(bytes: Buffer, start: number, end: number): string {
  const bom =
    end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf;
  return bytes.toString('utf8', bom ? start + 3 : start, end);
}

/** A result's columns: names and type ids, as a RowDescription gives them. */
interface Fields {
  names: string[];
  types: number[];
}

const NO_FIELDS: Fields = { names: [], types: [] };

/** A RowDescription message (`bytes[at]` is its 'T') read in place. */
function rowDescription(bytes: Buffer, at: number): Fields {
  const count = bytes.readInt16BE(at + 5);
  const names: string[] = [];
  const types: number[] = [];
  let p = at + 7;
  for (let i = 0; i < count; i++) {
    const nul = bytes.indexOf(0, p);
    names.push(fieldText(bytes, p, nul));
    p = nul + 1;
    types.push(bytes.readInt32BE(p + 6));
    p += 18;
  }
  return { names, types };
}

/** A ParameterDescription message (`bytes[at]` is its 't'): the parameters' type ids. */
function parameterDescription(bytes: Buffer, at: number): number[] {
  const count = bytes.readInt16BE(at + 5);
  const types: number[] = [];
  for (let i = 0; i < count; i++) types.push(bytes.readInt32BE(at + 7 + 4 * i));
  return types;
}

type Parsers = PGlite['parsers'];

/**
 * A DataRow message (`bytes[at]` is its 'D') read in place into a row object, each field parsed
 * by its type's parser, as PGlite's `parseResults` makes it (`Object.fromEntries`: a later column of
 * the same name wins).
 */
function dataRow(bytes: Buffer, at: number, fields: Fields, parsers: Parsers): Record<string, unknown> {
  const count = bytes.readInt16BE(at + 5);
  const row: Record<string, unknown> = {};
  let p = at + 7;
  for (let i = 0; i < count; i++) {
    const n = bytes.readInt32BE(p);
    p += 4;
    let value: unknown = null;
    if (n >= 0) {
      const text = fieldText(bytes, p, p + n);
      p += n;
      const type = fields.types[i]!;
      const parser = parsers[type];
      value = parser ? parser(text, type) : text;
    }
    const name = fields.names[i]!;
    if (name === '__proto__')
      Object.defineProperty(row, name, { value, enumerable: true, writable: true, configurable: true });
    else row[name] = value;
  }
  return row;
}

/** The rows, rows affected and descriptions of one call's answer; its first error thrown. */
interface Answer {
  rows: Record<string, unknown>[];
  /** Rows affected by the statement's INSERT, UPDATE, DELETE, COPY or MERGE (0 otherwise). */
  affected: number;
  /** From a Describe of a statement: its parameters' types and its columns. */
  parameterTypes: number[] | undefined;
  fields: Fields | undefined;
}

const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

/**
 * Sends `message` (one or more protocol messages) to the engine in one call and reads its answer
 * in place: the messages of the first `skip` exchanges (what went ahead of the statement: a BEGIN,
 * a setting; each ends with its ReadyForQuery) only for their errors, then the statement's
 * descriptions, rows (parsed with `fields` unless a RowDescription comes) and completion. Throws the
 * first error, as PGlite's `execProtocol` does.
 *
 * PGlite's own path (its protocol writer and parser, `execProtocol`, `parseResults`) copies every
 * field of every row into an ArrayBuffer of its own before decoding it (0.58 ms of Node's thread for
 * the case list's 50 rows, where reading the same bytes in place takes 0.06 ms) and makes a message
 * object of each (bench/README.md, "The case list: its rows presented as they come…"); here an
 * error alone goes through PGlite's parser, to be the same DatabaseError.
 */
async function exchange(
  pg: PGlite,
  message: Uint8Array,
  skip: number,
  fields: Fields | undefined,
): Promise<Answer> {
  const chunks: Buffer[] = [];
  await pg.execProtocolRawStream(message, {
    syncToFs: false,
    // A copy: the engine may reuse the memory it hands out.
    onRawData: (chunk) => void chunks.push(Buffer.from(chunk)),
  });
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const answer: Answer = { rows: [], affected: 0, parameterTypes: undefined, fields };
  let error: messages.DatabaseError | undefined;
  let ready = 0;
  let completed = false;
  let parsers: Parsers | undefined;
  for (let at = 0; at + 5 <= bytes.length;) {
    const type = bytes[at];
    const end = at + 1 + bytes.readInt32BE(at + 1);
    if (type === 0x45 /* E */) {
      if (!error)
        new protocol.Parser().parse(bytes.subarray(at, end), (m) => {
          if (m instanceof messages.DatabaseError) error = m;
        });
    } else if (type === 0x5a /* Z */) ready++;
    else if (ready >= skip && !error && !completed) {
      if (type === 0x44 /* D */)
        answer.rows.push(dataRow(bytes, at, answer.fields ?? NO_FIELDS, (parsers ??= pg.parsers)));
      else if (type === 0x54 /* T */) answer.fields = rowDescription(bytes, at);
      else if (type === 0x6e /* n: no data */) answer.fields = NO_FIELDS;
      else if (type === 0x74 /* t */) answer.parameterTypes = parameterDescription(bytes, at);
      else if (type === 0x43 /* C */) {
        // parseResults' count: the tag's last word ("INSERT 0 5", "UPDATE 3") for the counted commands.
        const tag = bytes.toString('utf8', at + 5, end - 1).split(' ');
        if (COUNTED.has(tag[0]!)) answer.affected = parseInt(tag[tag.length - 1]!, 10);
        completed = true;
      }
    }
    at = end;
  }
  if (error) throw error;
  return answer;
}

/** Statements worth preparing: queries and data changes (not transaction control, DDL or maintenance). */
const PREPARABLE = /^\s*\(?\s*(select|insert|update|delete|with)\b/i;
/**
 * Statements planned for their values each time: with an array overlap or containment on a
 * parameter (the name search's tokens) the generic plan's guess of how many rows match was 30 times
 * slower to run than the plan made for the values (800 ms against 26 ms at 10,000 cases). Inside a
 * transaction they are kept prepared like any other and run with `plan_cache_mode =
 * force_custom_plan` (planned for the values, not parsed again); outside one, parsed anew as the
 * unnamed statement in the same call as their execution.
 */
const PLANNED_PER_VALUE = /&&|@>|<@/;
/** Statements after which a prepared statement's plan or result shape may no longer hold. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop|truncate|comment|grant|revoke|reindex|cluster|import)\b/i;
/** How many prepared statements the one connection keeps (least recently used dropped first). */
export const PREPARED_STATEMENTS_KEPT = 256;

interface Prepared {
  name: string;
  /** The text's parse (the unnamed statement's, for one parsed anew each time). */
  parse: Buffer;
  parameterTypes: number[];
  fields: Fields;
  perValue: boolean;
  genericPlan: boolean;
}

type PlanMode = 'default' | 'force_generic_plan' | 'force_custom_plan';

const PLAN_MODE: Record<PlanMode, Buffer> = {
  default: queryMessage('set local plan_cache_mode = default'),
  force_generic_plan: queryMessage(FORCE_GENERIC),
  force_custom_plan: queryMessage('set local plan_cache_mode = force_custom_plan'),
};
const COMMIT = queryMessage('commit');
const ROLLBACK = queryMessage('rollback');

/**
 * The one connection: its prepared statements by SQL text, and its transaction. Every statement
 * goes to the engine in one call, its protocol messages written here into one buffer: what must go
 * ahead of it (the transaction's BEGIN, held until its first statement; a plan setting), then Bind,
 * Execute and Sync; a statement not yet prepared first has its Parse and Describe in a call of its
 * own (its parameters' types serialise its values). Parameters are sent by Bind, as text; nothing is
 * interpolated into SQL. A call into the engine has a fixed cost on Node's thread, and PGlite's
 * own writer and parser cost more than the messages' bytes (bench/README.md, "The embedded engine:
 * …, 7 Dec 2026").
 */
class Wire {
  readonly #byText = new Map<string, Prepared>();
  #next = 0;
  /** The BEGIN of the open transaction, until its first statement carries it. */
  #begin: Buffer | null = null;
  #inTransaction = false;
  /** The transaction's `plan_cache_mode` as set by the driver (set local: it ends with it). */
  #mode: PlanMode = 'default';
  constructor(private readonly pg: PGlite) {}

  /** Runs `sql` with `parameters` (prepared first if needed). */
  async run<R>(sql: string, parameters: readonly unknown[]): Promise<QueryResult<R>> {
    return this.pg.runExclusive(async () => {
      let prepared = this.#byText.get(sql);
      if (prepared) {
        // Most recently used last: the map's first entry is the one to drop.
        this.#byText.delete(sql);
        this.#byText.set(sql, prepared);
      } else prepared = await this.#prepare(sql);
      const ahead: Buffer[] = [];
      if (this.#begin) ahead.push(this.#begin);
      const named = !prepared.perValue || this.#inTransaction;
      // A statement marked GENERIC_PLAN (pg-prepared.ts) runs on its plan made without the values
      // (at 100,000 cases the engine's own choice planned the case list at every run: 0 generic
      // plans of 126; bench/README.md); one planned per value on a plan made for its values.
      const mode: PlanMode =
        prepared.perValue && named
          ? 'force_custom_plan'
          : prepared.genericPlan
            ? 'force_generic_plan'
            : 'default';
      if (this.#inTransaction && mode !== this.#mode) ahead.push(PLAN_MODE[mode]);
      const values = this.#values(prepared, parameters);
      const message = named
        ? Buffer.concat([...ahead, bind(prepared.name, values), EXECUTE_SYNC])
        : Buffer.concat([...ahead, prepared.parse, bind('', values), EXECUTE_SYNC]);
      let answer: Answer;
      try {
        answer = await exchange(this.pg, message, ahead.length, prepared.fields);
      } catch (error) {
        // Gone (deallocated outside the driver) or its result's shape changed under it (a schema
        // change made elsewhere): the statement is prepared anew next time.
        const code = (error as { code?: string }).code;
        if (code === '26000' || code === '0A000') this.#byText.delete(sql);
        throw error;
      } finally {
        // Whatever happened after them, what went ahead reached the engine (an error aborts the
        // transaction, which only a rollback ends).
        this.#begin = null;
        if (this.#inTransaction) this.#mode = mode;
      }
      return { rows: answer.rows as R[], numAffectedRows: BigInt(answer.affected) };
    });
  }

  /** The values as Bind sends them: text made by PGlite's serialiser of each parameter's type. */
  #values(prepared: Prepared, parameters: readonly unknown[]): Array<string | null> {
    return parameters.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.pg.serializers[prepared.parameterTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
  }

  /** Parses `sql` under a name kept by its text, with its Describe (one call into the engine). */
  async #prepare(sql: string): Promise<Prepared> {
    const parts: Buffer[] = [];
    if (this.#byText.size >= PREPARED_STATEMENTS_KEPT) {
      const [oldestText, oldest] = this.#byText.entries().next().value!;
      this.#byText.delete(oldestText);
      parts.push(frontend(0x43, Buffer.concat([Buffer.from('S'), cString(oldest.name)])));
    }
    const name = `nanduti_${++this.#next}`;
    const text = cString(sql);
    parts.push(
      parseMessage(name, text),
      frontend(0x44, Buffer.concat([Buffer.from('S'), cString(name)])),
      SYNC,
    );
    // Sync ends the exchange (after an error too); inside a transaction block it commits nothing.
    const described = await exchange(this.pg, Buffer.concat(parts), 0, undefined);
    const prepared: Prepared = {
      name,
      parse: parseMessage('', text),
      parameterTypes: described.parameterTypes ?? [],
      fields: described.fields ?? NO_FIELDS,
      // A statement marked GENERIC_PLAN was written to have one good plan (the name search's two
      // shapes, persons.repository.ts): the mark wins over its `@>`.
      perValue: PLANNED_PER_VALUE.test(sql) && !sql.includes(GENERIC_PLAN_MARK),
      genericPlan: sql.includes(GENERIC_PLAN_MARK),
    };
    this.#byText.set(sql, prepared);
    return prepared;
  }

  /** Opens a transaction: its BEGIN goes with its first statement. */
  begin(statement: string): void {
    this.#begin = queryMessage(statement);
    this.#inTransaction = true;
    this.#mode = 'default';
  }

  /** Sends a BEGIN still held (before a statement that does not go through `run`). */
  async flushBegin(): Promise<void> {
    if (!this.#begin) return;
    const begin = this.#begin;
    this.#begin = null;
    await this.pg.runExclusive(() => exchange(this.pg, begin, 0, undefined));
  }

  /**
   * Ends the transaction with `end` (COMMIT or ROLLBACK), sent by `send`. A transaction that sent
   * no statement sends nothing: its BEGIN never reached the engine.
   */
  async end(commit: boolean, send: (message: Buffer) => Promise<unknown>): Promise<void> {
    const opened = this.#begin === null;
    this.#begin = null;
    this.#inTransaction = false;
    this.#mode = 'default';
    if (opened) await send(commit ? COMMIT : ROLLBACK);
  }

  /** One call into the engine of `message` alone (transaction control), its first error thrown. */
  send(message: Buffer): Promise<Answer> {
    return exchange(this.pg, message, 0, undefined);
  }

  /** Forgets every prepared statement (after a schema change; the caller holds the connection). */
  async clear(): Promise<void> {
    if (this.#byText.size === 0) return;
    this.#byText.clear();
    await this.pg.query('deallocate all');
  }
}

/** A Parse message of `text` (its NUL-terminated bytes) under `name`, no types given. */
function parseMessage(name: string, text: Buffer): Buffer {
  return frontend(0x50, Buffer.concat([cString(name), text, Buffer.from([0, 0])]));
}

/** A Bind message: the unnamed portal, statement `name`, text values, text results. */
function bind(name: string, values: ReadonlyArray<string | null>): Buffer {
  let length = 4 + Buffer.byteLength(name) + 1 + 1 + 2 + 2 + 2;
  for (const value of values) length += 4 + (value === null ? 0 : Buffer.byteLength(value));
  const out = Buffer.allocUnsafe(1 + length);
  out[0] = 0x42;
  out.writeInt32BE(length, 1);
  let at = 5;
  out[at++] = 0; // the unnamed portal
  at += out.write(name, at);
  out[at++] = 0;
  out.writeInt16BE(0, at); // no parameter format codes: every value is text
  out.writeInt16BE(values.length, at + 2);
  at += 4;
  for (const value of values) {
    if (value === null) {
      out.writeInt32BE(-1, at);
      at += 4;
    } else {
      const n = out.write(value, at + 4);
      out.writeInt32BE(n, at);
      at += 4 + n;
    }
  }
  out.writeInt16BE(0, at); // every result column as text
  return out;
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly pg: PGlite,
    private readonly wire: Wire,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (PREPARABLE.test(query.sql)) return this.wire.run<R>(query.sql, query.parameters);
    await this.wire.flushBegin();
    if (SCHEMA_CHANGE.test(query.sql)) await this.wire.clear();
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
  readonly #wire: Wire;
  constructor(private readonly pg: PGlite) {
    this.#wire = new Wire(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    const connection = new PGliteConnection(this.pg, this.#wire);
    this.#releases.set(connection, release);
    return connection;
  }

  async beginTransaction(_connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const parts = ['begin'];
    if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
    if (settings.accessMode) parts.push(settings.accessMode);
    this.#wire.begin(parts.join(' '));
  }

  async commitTransaction(): Promise<void> {
    const walSync = walSyncOf(this.pg);
    await this.#wire.end(true, (commit) =>
      // Alone on the engine while its WAL fsync may be deferred (wal-sync.ts): no other caller's
      // statement can run inside that window.
      this.pg.runExclusive(() =>
        walSync ? walSync.commit(() => this.#wire.send(commit)) : this.#wire.send(commit),
      ),
    );
  }

  async rollbackTransaction(): Promise<void> {
    await this.#wire.end(false, (rollback) => this.pg.runExclusive(() => this.#wire.send(rollback)));
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

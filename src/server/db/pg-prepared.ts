/**
 * Named (prepared) statements on PostgreSQL. Kysely hands node-postgres each compiled statement as
 * text; PostgreSQL then parses, analyses and plans it anew on every execution. Given a `name`,
 * node-postgres prepares the statement once per connection (Parse) and afterwards only binds and
 * executes it, so PostgreSQL skips the parse and, once it settles on a generic plan, the planning.
 * This pool hands Kysely clients that name the statements marked `.modifyEnd(PREPARED)` by a hash
 * of their text (the same text always gets the same name, in every process).
 *
 * Only marked statements: once a named statement has run five times PostgreSQL may keep one
 * generic plan for it, made without the parameters' values. For a look-up by key (a case, a
 * person, a session, the audit INSERT) that plan is the one it would make anyway; for a search or
 * a filtered list it can be far worse (measured: the name search's `name_tokens @> …` went from 3
 * to 56 ms per execution with a generic plan), so those are left unnamed and planned each time.
 *
 * Bounded: a text is named at its second execution (a statement run once is not worth keeping),
 * and at most `limit` distinct texts per process (each named statement stays prepared on each
 * pooled connection until it closes); others run unnamed. Off with
 * `NANDUTI_PG_PREPARED_STATEMENTS=off`; behind PgBouncer in transaction mode it needs PgBouncer 1.21
 * or later with `max_prepared_statements` set (docs/DEPLOYMENT.md).
 */
import crypto from 'node:crypto';
import { sql, type PostgresCursor, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { BatchQuery, isBegin, type Ahead } from './pg-pipeline.js';

const MARK = '/* prepared */';
const DEFERRED_MARK = '/* deferred */';
const LAST_READ_MARK = '/* last read */';
const LAST_STATEMENT_MARK = '/* last statement */';
export const GENERIC_PLAN_MARK = '/* generic plan */';

/**
 * The mark of a statement to prepare (`.modifyEnd(PREPARED)`): a look-up whose best plan does not
 * depend on its parameters' values. A comment, so the embedded engine and an unprepared pool
 * simply ignore it.
 */
export const PREPARED = sql.raw(MARK);

/**
 * The mark of a write whose result nobody reads and after which its transaction only commits (the
 * request's audit rows, `write-batch.ts`): on PostgreSQL it is not sent at once but ahead of the
 * transaction's next statement — its COMMIT — in the same round trip (pg-pipeline.ts); its
 * `execute()` resolves at once with no row count, and an error of its surfaces as the next
 * statement's and as the COMMIT's (even if the code caught the first). Also the check of a
 * remembered session (`checkRememberedSession`), sent ahead of a GET's first statement. Marked
 * `PREPARED` too, it is named like any other. On the embedded engine it is a comment and the
 * statement runs at once.
 */
export const DEFERRED = sql.raw(DEFERRED_MARK);

/**
 * The mark of a read-only transaction's last read (`.modifyEnd(LAST_READ)`): on PostgreSQL, in a
 * read-only transaction, the COMMIT is sent behind the statement in the same round trip (a read-only
 * transaction has nothing to lose by ending once its reads are done), and Kysely's own COMMIT later
 * sends nothing. A statement that still comes after it opens a read-only transaction again, sent
 * with it. In a read-write transaction, and on the embedded engine, the mark is a comment.
 */
export const LAST_READ = sql.raw(LAST_READ_MARK);

/**
 * The mark of a transaction's last statement when that statement holds every write of the
 * transaction itself (`.modifyEnd(LAST_STATEMENT)`): an audited read whose audit row is inserted by
 * the read's own statement, in a data-modifying CTE, only when the row read is visible (the person
 * page, persons.repository.ts). On PostgreSQL, in a read-write transaction as in a read-only one,
 * the COMMIT is sent behind it in the same round trip (one round trip instead of two), and Kysely's
 * own COMMIT later sends nothing. A statement that still comes after it runs in a new **read-only**
 * transaction: a read (the expired break-glass grant of a refusal) works, a write fails loudly —
 * nothing can be written outside the committed transaction without an error. Held deferred writes
 * go ahead of it, inside the transaction. On the embedded engine the mark is a comment.
 */
export const LAST_STATEMENT = sql.raw(LAST_STATEMENT_MARK);

/**
 * The mark of a prepared statement whose plan made without the values is known to be good, and far
 * cheaper than planning it each time, but which PostgreSQL's own choice (`plan_cache_mode = auto`)
 * keeps re-planning because its estimate of the generic plan is pessimistic (the case list as it
 * opens: at 100,000 cases it estimated 11,118 shares per institution and planned every execution,
 * 1.3–2.2 ms, where the generic plan runs in 0.5 ms; bench/README.md). Put before `PREPARED`
 * (`.modifyEnd(GENERIC_PLAN).modifyEnd(PREPARED)`): on PostgreSQL, when the statement is named, a
 * `set local plan_cache_mode = force_generic_plan` goes ahead of it in the same round trip. The
 * setting holds until the transaction ends: mark only a transaction's last read or statement.
 * Use it only for a statement measured to have one good plan for every actor.
 */
export const GENERIC_PLAN = sql.raw(GENERIC_PLAN_MARK);

/** What goes ahead of a statement marked `GENERIC_PLAN` (it ends with the transaction). */
export const FORCE_GENERIC = 'set local plan_cache_mode = force_generic_plan';

/** A prepared statement's text ending with the last-statement mark (it is named like any other). */
const PREPARED_LAST_STATEMENT = `${MARK} ${LAST_STATEMENT_MARK}`;

/** A prepared statement's text ending with the last-read mark (the case list as it opens). */
const PREPARED_LAST_READ = `${MARK} ${LAST_READ_MARK}`;

/** How a transaction that ended with its last statement opens again for a statement after it. */
const READ_ONLY_AGAIN = 'start transaction read only';

/** What Kysely gets for a statement held back (a `begin`, a deferred write): no rows, no count. */
function heldResult(command: string) {
  return Promise.resolve({ command, rowCount: null, rows: [], fields: [] });
}

/** Distinct statement texts named per process by default (the application has a few hundred). */
export const DEFAULT_NAMED_STATEMENTS = 500;

export class PreparingPool implements PostgresPool {
  readonly #pool: pg.Pool;
  readonly #limit: number;
  /** Statement text → its name, or null when seen once. */
  readonly #names = new Map<string, string | null>();
  #named = 0;
  readonly #clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  /** `limit` 0: no statement named (NANDUTI_PG_PREPARED_STATEMENTS=off); batching stays on. */
  constructor(pool: pg.Pool, limit = DEFAULT_NAMED_STATEMENTS) {
    this.#pool = pool;
    this.#limit = limit;
  }

  /**
   * The name of statement `text` from its second execution on (a statement run once — a migration's,
   * a maintenance command's — is not worth keeping prepared), or undefined: first seen, or `limit`
   * texts named already.
   */
  nameOf(text: string): string | undefined {
    if (this.#limit === 0) return undefined;
    const known = this.#names.get(text);
    if (typeof known === 'string') return known;
    if (known === undefined) {
      // First sight: remembered (up to a bound) so that the next one names it.
      if (this.#names.size < this.#limit * 10) this.#names.set(text, null);
      return undefined;
    }
    if (this.#named >= this.#limit) return undefined;
    const name = `k${crypto.createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    this.#names.set(text, name);
    this.#named++;
    return name;
  }

  /** How many distinct texts are named so far. */
  get named(): number {
    return this.#named;
  }

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.#pool.connect();
    let wrapped = this.#clients.get(client);
    if (!wrapped) {
      wrapped = this.#wrap(client);
      this.#clients.set(client, wrapped);
    }
    return wrapped;
  }

  end(): Promise<void> {
    return this.#pool.end();
  }

  /**
   * The client Kysely uses. Besides naming marked statements, it holds back what needs no answer of
   * its own and sends it with the next statement in one round trip (`BatchQuery`): the `begin` of a
   * transaction goes with its first statement, deferred writes with the statement after them (the
   * COMMIT). A transaction that ends before its first statement sends nothing; a ROLLBACK drops the
   * deferred writes (they would be undone anyway).
   */
  #wrap(client: pg.PoolClient): PostgresPoolClient {
    /** Statements held back, in order: a `begin` (only first), deferred writes. */
    let ahead: Ahead[] = [];
    /** Whether `ahead` starts with the transaction's `begin` (it has not reached the server). */
    let beginHeld = false;
    /** The `begin` of the transaction, when it is read-only (a last read may end it early). */
    let readOnlyBegin: string | null = null;
    /** A transaction is open (its `begin` was sent or is held): a last statement may end it. */
    let inTransaction = false;
    /** The transaction was committed with its last read or statement: Kysely's COMMIT sends nothing. */
    let ended = false;
    /**
     * The error of a batch that carried deferred statements (a session check, audit rows): the
     * transaction is aborted, and its COMMIT must fail with it — PostgreSQL would answer an aborted
     * transaction's COMMIT with a quiet ROLLBACK, which a handler that caught the error would take
     * for success.
     */
    let deferredFailed: Error | null = null;
    const send = (text: string, values: readonly unknown[], behind: Ahead[] = []) => {
      const marked =
        text.endsWith(MARK) || text.endsWith(PREPARED_LAST_STATEMENT) || text.endsWith(PREPARED_LAST_READ);
      const name = values.length > 0 && marked ? this.nameOf(text) : undefined;
      const carriesDeferred = ahead.length > (beginHeld ? 1 : 0);
      if (name !== undefined && text.includes(GENERIC_PLAN_MARK))
        ahead.push({ text: FORCE_GENERIC, values: [] });
      if (ahead.length > 0 || behind.length > 0) {
        const batch = new BatchQuery(ahead, text, values, name, behind);
        ahead = [];
        beginHeld = false;
        return new Promise((resolve, reject) => {
          client.query(
            batch as never,
            ((error: Error | null, result: unknown) => {
              if (error && carriesDeferred) deferredFailed = error;
              return error ? reject(error) : resolve(result);
            }) as never,
          );
        });
      }
      return name === undefined
        ? client.query(text, values as unknown[])
        : client.query({ name, text, values: values as unknown[] });
    };
    const query = async (
      textOrCursor: string | PostgresCursor<unknown>,
      values: ReadonlyArray<unknown> = [],
    ) => {
      if (typeof textOrCursor !== 'string') {
        // A cursor keeps its portal across round trips: what is held goes first, on its own.
        if (ahead.length > 0) await send('select 1', []);
        return client.query(textOrCursor as never);
      }
      const text = textOrCursor;
      if (values.length === 0 && isBegin(text)) {
        deferredFailed = null;
        ahead = [{ text, values: [] }];
        beginHeld = true;
        readOnlyBegin = text.endsWith(' read only') ? text : null;
        inTransaction = true;
        ended = false;
        return heldResult('BEGIN');
      }
      if (ended) {
        ended = false;
        // Its COMMIT went with the last read or statement: nothing left to end.
        if (text === 'commit' || text === 'rollback') {
          inTransaction = false;
          return heldResult(text.toUpperCase());
        }
        // A statement after it: in a read-only transaction again (a write there fails).
        ahead = [{ text: readOnlyBegin ?? READ_ONLY_AGAIN, values: [] }];
        beginHeld = true;
      }
      const lastRead = readOnlyBegin !== null && text.endsWith(LAST_READ_MARK);
      if (
        (lastRead || (inTransaction && text.endsWith(LAST_STATEMENT_MARK))) &&
        !text.endsWith(DEFERRED_MARK)
      ) {
        const result = await send(text, values, [{ text: 'commit', values: [] }]);
        ended = true;
        return result;
      }
      if (text === 'commit' || text === 'rollback') inTransaction = false;
      if (text.endsWith(DEFERRED_MARK)) {
        // Prepared like any marked statement (`PREPARED` before the deferred mark).
        const name = values.length > 0 && text.includes(MARK) ? this.nameOf(text) : undefined;
        ahead.push({ text, values: [...values], name });
        return heldResult('DEFERRED');
      }
      if (text === 'rollback' && ahead.length > 0) {
        const sent = !beginHeld;
        ahead = [];
        beginHeld = false;
        // Nothing reached the server: there is no transaction to roll back.
        if (!sent) return heldResult('ROLLBACK');
      }
      if (text === 'commit' && deferredFailed) {
        const error = deferredFailed;
        deferredFailed = null;
        // The COMMIT fails with the error that aborted the transaction (Kysely then rolls it back).
        throw error;
      }
      if (text === 'commit' && beginHeld && ahead.length === 1) {
        // A transaction with no statement: nothing to send.
        ahead = [];
        beginHeld = false;
        return heldResult('COMMIT');
      }
      return send(text, values);
    };
    return {
      query: query as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => {
        // Kysely ends every transaction before releasing; anything still held is dropped with the
        // connection rather than sent ahead of another transaction's statement.
        const dirty = ahead.length > 0 && !beginHeld;
        ahead = [];
        beginHeld = false;
        readOnlyBegin = null;
        inTransaction = false;
        ended = false;
        deferredFailed = null;
        client.release(destroy || dirty);
      },
    };
  }
}

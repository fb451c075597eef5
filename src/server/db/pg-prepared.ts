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

const MARK = '/* prepared */';

/**
 * The mark of a statement to prepare (`.modifyEnd(PREPARED)`): a look-up whose best plan does not
 * depend on its parameters' values. A comment, so the embedded engine and an unprepared pool
 * simply ignore it.
 */
export const PREPARED = sql.raw(MARK);

/** Distinct statement texts named per process by default (the application has a few hundred). */
export const DEFAULT_NAMED_STATEMENTS = 500;

export class PreparingPool implements PostgresPool {
  readonly #pool: pg.Pool;
  readonly #limit: number;
  /** Statement text → its name, or null when seen once. */
  readonly #names = new Map<string, string | null>();
  #named = 0;
  readonly #clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();

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

  #wrap(client: pg.PoolClient): PostgresPoolClient {
    const query = (textOrCursor: string | PostgresCursor<unknown>, values?: ReadonlyArray<unknown>) => {
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
      const name =
        values && values.length > 0 && textOrCursor.endsWith(MARK) ? this.nameOf(textOrCursor) : undefined;
      return name === undefined
        ? client.query(textOrCursor, values as unknown[])
        : client.query({ name, text: textOrCursor, values: values as unknown[] });
    };
    return {
      query: query as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  }
}

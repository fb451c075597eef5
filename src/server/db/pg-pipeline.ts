/**
 * Several statements of one transaction in one write and one round trip on PostgreSQL.
 *
 * node-postgres sends every statement as its own protocol exchange (Parse, Bind, Describe, Execute,
 * Sync) and waits for its answer before the next: a request's `begin`, its statements and its
 * `commit` are each a socket write and a round trip, and under load the writes alone were about a
 * third of the server's CPU (bench/README.md). A `BatchQuery` is one statement preceded by others
 * whose results nobody reads — the transaction's `begin`, a write held until the commit (the
 * request's audit rows) — written together, corked into one socket write, and closed by a single
 * Sync:
 *
 *   Parse/Bind/Execute (begin)  …  Parse/Bind/Describe/Execute (the statement)  Sync
 *
 * In the extended protocol an error makes the server skip everything up to the Sync, so if any
 * statement of the batch fails none after it runs: a failed `begin` never lets the statement run
 * outside a transaction, a failed audit INSERT never lets its `commit` through (the transaction is
 * aborted and rolled back by the caller). The batch answers with the last statement's result, or
 * with the first error. See docs/adr/0012-statements-sent-together.md.
 */
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const { prepareValue } = require('pg/lib/utils.js') as { prepareValue: (value: unknown) => unknown };

/** A statement sent ahead of another, its result discarded; `name`: prepared once per connection. */
export interface Ahead {
  text: string;
  values: readonly unknown[];
  name?: string;
}

/** The internals of node-postgres' connection a query writes to (not in its type declarations). */
interface WireConnection {
  stream: { cork?: () => void; uncork?: () => void };
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  parse(message: { text: string; name?: string; types?: unknown }): void;
  close(message: { type: 'S' | 'P'; name: string }): void;
  bind(message: {
    portal?: string;
    statement?: string;
    values?: readonly unknown[];
    valueMapper?: (value: unknown) => unknown;
  }): void;
  describe(message: { type: 'P' | 'S'; name: string }): void;
  execute(message: { portal?: string; rows?: number }): void;
  sync(): void;
}

interface QueryInternals {
  text: string;
  name?: string;
  values?: unknown[];
  types?: unknown;
  portal: string;
  hasBeenParsed(connection: WireConnection): boolean;
  handleCommandComplete(message: unknown, connection: WireConnection): void;
  handleDataRow(message: unknown): void;
  handleReadyForQuery(connection: WireConnection): void;
}

const BaseQuery = pg.Query as unknown as new (config: {
  text: string;
  name?: string;
  values?: unknown[];
}) => QueryInternals;

const identity = (value: unknown) => value;

/**
 * The statement `text` (named `name` when given: prepared once per connection) preceded by `ahead`
 * and followed by `behind` (a read-only transaction's COMMIT), sent as one batch. Pass it to
 * `client.query(batch)`; it resolves like the statement alone would.
 */
export class BatchQuery extends BaseQuery {
  readonly #ahead: readonly Ahead[];
  readonly #behind: readonly Ahead[];
  /** CommandCompletes still to come from the statements ahead (theirs are not the answer). */
  #pending: number;
  /** Whether the statement's own CommandComplete came: what follows is the statements behind. */
  #answered = false;
  /** Named statements ahead prepared by this batch: name → text. */
  readonly #parsing = new Map<string, string>();
  #connection: WireConnection | null = null;

  constructor(
    ahead: readonly Ahead[],
    text: string,
    values: readonly unknown[],
    name?: string,
    behind: readonly Ahead[] = [],
  ) {
    super({ text, name, values: [...values] });
    this.#ahead = ahead;
    this.#behind = behind;
    this.#pending = ahead.length;
  }

  /** Writes the whole batch (node-postgres calls it when the connection is free). */
  submit(connection: WireConnection): Error | null {
    const self = this as unknown as QueryInternals;
    const previous =
      self.name && (connection.parsedStatements[self.name] ?? connection.submittedNamedStatements[self.name]);
    if (previous && previous !== self.text) {
      return new Error(
        `Prepared statements must be unique - '${self.name}' was used for a different statement`,
      );
    }
    // Values are converted before anything is written: a value that cannot be sent fails the batch
    // with nothing on the wire.
    let aheadValues: unknown[][];
    let behindValues: unknown[][];
    let values: unknown[];
    try {
      aheadValues = this.#ahead.map((a) => a.values.map((v) => prepareValue(v)));
      behindValues = this.#behind.map((a) => a.values.map((v) => prepareValue(v)));
      values = (self.values ?? []).map((v) => prepareValue(v));
    } catch (error) {
      return error as Error;
    }
    connection.stream.cork?.();
    try {
      // A named statement not yet prepared on this connection is parsed first, so that the first
      // ParseComplete (which node-postgres credits to the query's name) is its own.
      const parseNamed = self.name !== undefined && !self.hasBeenParsed(connection);
      if (parseNamed && self.name) {
        connection.parse({ text: self.text, name: self.name, types: self.types });
        connection.submittedNamedStatements[self.name] = self.text;
      }
      // A named statement ahead not yet prepared on this connection: prepared here, after a Close
      // of the name (no error when there is none), since a failed batch leaves it unknown whether
      // its Parse ran. Known as prepared once the batch succeeds (`handleReadyForQuery`).
      for (const a of this.#ahead) {
        if (!a.name || connection.parsedStatements[a.name] === a.text || this.#parsing.has(a.name)) continue;
        connection.close({ type: 'S', name: a.name });
        connection.parse({ text: a.text, name: a.name });
        this.#parsing.set(a.name, a.text);
      }
      this.#connection = connection;
      this.#ahead.forEach((a, i) => {
        if (!a.name) connection.parse({ text: a.text });
        connection.bind({ statement: a.name, values: aheadValues[i], valueMapper: identity });
        connection.execute({});
      });
      if (!self.name) connection.parse({ text: self.text, types: self.types });
      connection.bind({
        portal: self.portal,
        statement: self.name,
        values,
        valueMapper: identity,
      });
      connection.describe({ type: 'P', name: self.portal });
      connection.execute({ portal: self.portal });
      this.#behind.forEach((b, i) => {
        connection.parse({ text: b.text });
        connection.bind({ values: behindValues[i], valueMapper: identity });
        connection.execute({});
      });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  /**
   * The batch succeeded: the statements ahead that it prepared are known as prepared on its
   * connection. (node-postgres calls this only after a batch without error; after a failed one they
   * stay unknown and are prepared again, after a Close, next time.)
   */
  override handleReadyForQuery(connection: WireConnection): void {
    const target = this.#connection ?? connection;
    for (const [name, text] of this.#parsing) target.parsedStatements[name] = text;
    super.handleReadyForQuery(connection);
  }

  override handleCommandComplete(message: unknown, connection: WireConnection): void {
    if (this.#pending > 0) {
      this.#pending--;
      return;
    }
    // A statement behind (the COMMIT) completing: the answer is already complete.
    if (this.#answered) return;
    this.#answered = true;
    super.handleCommandComplete(message, connection);
  }

  override handleDataRow(message: unknown): void {
    // The statements ahead and behind are not described: rows of theirs (none is expected) are not
    // the answer.
    if (this.#pending > 0 || this.#answered) return;
    super.handleDataRow(message);
  }
}

/** The statements that open a transaction, as Kysely's PostgreSQL driver sends them. */
const BEGIN = /^(?:begin|start transaction(?: isolation level [a-z ]+?)?(?: read only| read write)?)$/;

export function isBegin(text: string): boolean {
  return BEGIN.test(text);
}

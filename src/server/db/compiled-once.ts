/**
 * Hot queries compiled once. Kysely builds and compiles every query anew: each request walked the
 * same operation trees to produce the same SQL text (about a seventh of the server's CPU under
 * load, bench/README.md). A query run through `runCompiled` is built once per `shape` with
 * placeholders where its values go, compiled, and kept; later runs only put the values into the
 * kept parameter list and execute the kept SQL.
 *
 * The `shape` must name everything that changes the SQL text besides the values (the actor's role,
 * which filters are present, how many rows an INSERT has…); the builder receives only the
 * placeholders, so a value it would read in JavaScript is not there to read. Under test
 * (`NODE_ENV=test`, as the test runner sets it for the servers it starts too) every run is also built
 * and compiled the usual way and compared with the kept one — SQL text and every parameter — and a
 * difference throws: a shape that misses something fails the tests on the first request that
 * differs. A deployment (`npm start`, which sets no NODE_ENV) does not pay for the second compile.
 */
import { createQueryId, type Compilable, type CompiledQuery } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import type { Trx } from './database.js';
import { queryActor, type Actor } from '../access/actor.js';

/** Where the value of argument `index` goes. */
class Slot {
  constructor(readonly index: number) {}
}

interface Kept {
  sql: string;
  query: CompiledQuery['query'];
  /** Per parameter: the argument it takes, or a value fixed by the shape. */
  parameters: readonly (Slot | { fixed: unknown })[];
}

const kept = new Map<string, Kept>();
/** Shapes kept at most (a few per role and query; a bound against a shape that embeds a value). */
const MAX_KEPT = 500;

/** On under test: every run compared with a fresh compile. */
let verify = process.env.NODE_ENV === 'test';

/** For tests of this module: compare with a fresh compile or not. */
export function verifyCompiled(on: boolean): void {
  verify = on;
}

function keep<O, A extends readonly unknown[]>(
  shape: string,
  arity: number,
  build: (args: A) => Compilable<O>,
): Kept {
  // The builder is typed for the values; it gets placeholders, which Kysely passes through as values.
  const slots = Array.from({ length: arity }, (_, i) => new Slot(i)) as unknown as A;
  const compiled = build(slots).compile();
  const used = new Set<number>();
  const parameters = compiled.parameters.map((p) => {
    if (p instanceof Slot) {
      used.add(p.index);
      return p;
    }
    return { fixed: p };
  });
  // An argument that is not a parameter was read in JavaScript (or dropped): it must be in the shape.
  if (used.size !== arity)
    throw new Error(`compiled query "${shape}": an argument is not a parameter of the SQL`);
  return { sql: compiled.sql, query: compiled.query, parameters };
}

/**
 * Runs the query `build(args)` — compiled once per `shape`, then only given `args` — in `trx`, and
 * returns its rows.
 */
export async function runCompiled<O, const A extends readonly unknown[]>(
  trx: Trx,
  shape: string,
  args: A,
  build: (args: A) => Compilable<O>,
  /** The same query built the ordinary way from everything it could read (the whole actor): what
   * the comparison under test checks against; `build(args)` by default. */
  original: () => Compilable<O> = () => build(args),
): Promise<O[]> {
  let query = kept.get(shape);
  if (!query) {
    query = keep(shape, args.length, build);
    if (kept.size < MAX_KEPT) kept.set(shape, query);
  }
  const parameters = query.parameters.map((p) => (p instanceof Slot ? args[p.index] : p.fixed));
  if (verify) {
    const fresh = original().compile();
    if (fresh.sql !== query.sql || !isDeepStrictEqual(fresh.parameters, parameters))
      throw new Error(`compiled query "${shape}" differs from a fresh compile: its shape misses something`);
  }
  const compiled: CompiledQuery<O> = {
    sql: query.sql,
    parameters,
    query: query.query,
    queryId: createQueryId(),
  };
  const result = await trx.executeQuery<O>(compiled);
  return result.rows;
}

/**
 * Runs `query(trx, actor, id)` — one record read through the actor's scope (a door) — compiled once
 * per `name` and role: the actor's institution and user ids and `id` are its values (queryActor).
 */
export function runCompiledForActor<O>(
  trx: Trx,
  name: string,
  actor: Actor,
  id: string,
  query: (trx: Trx, actor: Actor, id: string) => Compilable<O>,
): Promise<O[]> {
  return runCompiled(
    trx,
    `${name}:${actor.role}`,
    [actor.institutionId, actor.userId, id],
    ([institutionId, userId, recordId]) =>
      query(trx, queryActor(actor.role, institutionId, userId), recordId),
    () => query(trx, actor, id),
  );
}

/**
 * The sequencer and the tree in the database. `foldAudit` appends committed audit rows to the RFC 6962
 * tree, batch by batch, under the one row lock of `audit_tree_state` (several app servers may run
 * it; whoever holds the lock folds, the others skip). Order: rows are taken in (xid, seq) order, and
 * only rows whose transaction ended before every transaction still running began (xid below the
 * snapshot's xmin), so a row committed later never lands behind one already folded: a row's position
 * is fixed only once nothing can come before it (docs/AUDIT.md, "Order").
 */
import { sql } from 'kysely';
import type { Database, Trx } from '../db/database.js';
import { leafHashOfRow, VALUE_COLUMNS } from './audit.js';
import {
  appendLeaf,
  consistencyProof,
  frontierRoot,
  inclusionProof,
  nodeHash,
  splitPoint,
  type Frontier,
  type Hash,
} from './merkle.js';

const buf = (v: Uint8Array | Buffer): Buffer => (Buffer.isBuffer(v) ? v : Buffer.from(v));

export interface TreeHead {
  size: number;
  root: Hash;
}

interface StateRow {
  size: number;
  root: Buffer;
  frontier: Array<[number, string]> | string;
  cursor_xid: number;
  cursor_seq: number;
  seq_floor: number;
  cluster_id: string | null;
}

function frontierOf(state: StateRow): Frontier {
  const list = typeof state.frontier === 'string' ? JSON.parse(state.frontier) : state.frontier;
  return {
    size: Number(state.size),
    nodes: (list as Array<[number, string]>).map(([height, hex]) => ({
      height,
      hash: Buffer.from(hex, 'hex'),
    })),
  };
}

/** What the sequencer reads of each row: its values, its place and hashes, and its transaction. */
const LEAF_COLUMNS = ['seq', ...VALUE_COLUMNS, 'prev_hash', 'hash', 'xid'] as const;

/** One batch under the sequencer lock. Returns null when another server holds it. */
async function foldBatch(
  trx: Trx,
  wait: boolean,
  limit: number,
): Promise<{ folded: number; head: TreeHead } | null> {
  const lockMode = wait ? sql`for update` : sql`for update skip locked`;
  const { rows: states } =
    await sql<StateRow>`select * from audit_tree_state where id = 1 ${lockMode}`.execute(trx);
  const state = states[0];
  if (!state) return null;
  const { rows: env } = await sql<{ cluster: string; xmin: number }>`
    select (select system_identifier::text from pg_control_system()) as cluster,
           pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin`.execute(trx);
  const { cluster, xmin } = env[0]!;
  let cursorXid = Number(state.cursor_xid);
  let cursorSeq = Number(state.cursor_seq);
  let seqFloor = Number(state.seq_floor);

  let rows;
  if (state.cluster_id !== null && state.cluster_id !== cluster) {
    // A logical restore into another cluster: transaction ids started again from low numbers. With
    // writers held off, fold every row not yet in the tree, then continue from the highest seq (every
    // later row draws a higher one from the sequence).
    await sql`lock table audit_events in share row exclusive mode`.execute(trx);
    rows = await trx
      .selectFrom('audit_events as e')
      .select(LEAF_COLUMNS.map((c) => `e.${c}` as const))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('audit_tree_leaves as l').select('l.idx').whereRef('l.seq', '=', 'e.seq'))),
      )
      .orderBy('e.xid')
      .orderBy('e.seq')
      .execute();
    const max = await trx
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('seq').as('max'))
      .executeTakeFirst();
    cursorXid = -1;
    cursorSeq = -1;
    seqFloor = Number(max?.max ?? 0);
  } else {
    rows = await trx
      .selectFrom('audit_events')
      .select([...LEAF_COLUMNS])
      .where(sql<boolean>`(xid, seq) > (${cursorXid}, ${cursorSeq})`)
      .where('xid', '<', xmin)
      .where('seq', '>', seqFloor)
      .orderBy('xid')
      .orderBy('seq')
      .limit(limit)
      .execute();
    const last = rows[rows.length - 1];
    if (last) {
      cursorXid = Number(last.xid);
      cursorSeq = Number(last.seq);
    }
  }

  const frontier = frontierOf(state);
  const leaves: Array<{ idx: number; seq: number; hash: Buffer }> = [];
  const nodes: Array<{ height: number; idx: number; hash: Buffer }> = [];
  for (const row of rows) {
    const hash = leafHashOfRow(row);
    leaves.push({ idx: frontier.size, seq: Number(row.seq), hash });
    appendLeaf(frontier, hash, (height, idx, h) => nodes.push({ height, idx, hash: h }));
  }
  if (leaves.length)
    await insertColumns(trx, 'audit_tree_leaves', {
      idx: leaves.map((l) => l.idx),
      seq: leaves.map((l) => l.seq),
      hash: leaves.map((l) => l.hash),
    });
  if (nodes.length)
    await insertColumns(trx, 'audit_tree_nodes', {
      height: nodes.map((n) => n.height),
      idx: nodes.map((n) => n.idx),
      hash: nodes.map((n) => n.hash),
    });
  const root = frontierRoot(frontier);
  if (rows.length || state.cluster_id !== cluster)
    await trx
      .updateTable('audit_tree_state')
      .set({
        size: frontier.size,
        root,
        frontier: JSON.stringify(frontier.nodes.map((n) => [n.height, n.hash.toString('hex')])),
        cursor_xid: cursorXid,
        cursor_seq: cursorSeq,
        seq_floor: seqFloor,
        cluster_id: cluster,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', 1)
      .execute();
  return { folded: rows.length, head: { size: frontier.size, root } };
}

/** A SHA-256 hash's length: the tree stores nothing else. */
const HASH_BYTES = 32;

/**
 * Appends rows to a tree table given column by column — whole numbers and hashes — in one statement
 * with one parameter per column: whole numbers as one comma-separated text, unnested in the database;
 * hashes (SHA-256, 32 bytes each) as one binary value, the row's hash cut from it by position. A
 * batch holds up to `limit` rows and as many nodes; built as a multi-row VALUES, Kysely's building and
 * compiling of thousands of values and node-postgres' serialising of three parameters per row were
 * most of the sequencer's JavaScript time per row, and the hashes' hex the largest part of what was
 * left (bench/README.md).
 */
async function insertColumns(
  trx: Trx,
  table: 'audit_tree_leaves' | 'audit_tree_nodes',
  columns: Record<string, ReadonlyArray<number | Buffer>>,
): Promise<void> {
  const names = Object.keys(columns);
  const numbers = names.filter((name) => !(columns[name]![0] instanceof Buffer));
  const values = names.map((name) => {
    const column = columns[name]!;
    if (numbers.includes(name)) return sql`cast(t.c${sql.raw(String(numbers.indexOf(name)))} as bigint)`;
    if (column.some((hash) => !(hash instanceof Buffer) || hash.length !== HASH_BYTES))
      throw new Error(`${table}.${name}: every hash must be ${HASH_BYTES} bytes`);
    const all = Buffer.concat(column as Buffer[], column.length * HASH_BYTES);
    return sql`substring(cast(${all} as bytea) from (cast(t.n as integer) - 1) * ${sql.lit(HASH_BYTES)} + 1 for ${sql.lit(HASH_BYTES)})`;
  });
  const texts = numbers.map((name) => columns[name]!.join(','));
  await sql`insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
    select ${sql.join(values)}
    from unnest(${sql.join(texts.map((text) => sql`string_to_array(${text}, ',')`))})
      with ordinality as t(${sql.join([...numbers.map((_, i) => sql.raw(`c${i}`)), sql.raw('n')])})`.execute(
    trx,
  );
}

export interface FoldOptions {
  /** Wait for the sequencer lock (on demand) instead of leaving the work to whoever holds it. */
  wait?: boolean;
  batch?: number;
}

/** Folds every settled audit row into the tree; returns the tree head (null: another server is folding). */
export async function foldAudit(
  db: Database,
  options: FoldOptions = {},
): Promise<{ folded: number; head: TreeHead } | null> {
  const limit = options.batch ?? 5000;
  let total = 0;
  for (;;) {
    const result = await db.transaction((trx) => foldBatch(trx, options.wait ?? false, limit));
    if (!result) return null;
    total += result.folded;
    if (result.folded < limit) return { folded: total, head: result.head };
  }
}

/** The current tree head, as stored (no folding). */
export async function treeHead(trx: Trx): Promise<TreeHead> {
  const row = await trx
    .selectFrom('audit_tree_state')
    .select(['size', 'root'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { size: Number(row.size), root: buf(row.root) };
}

/**
 * The hash of leaves [lo, hi) from the stored perfect subtrees: an aligned power-of-two range is one
 * look-up, any other range splits as RFC 6962 does.
 */
export function subtreeOracle(trx: Trx) {
  const cache = new Map<string, Hash>();
  const stored = async (height: number, idx: number): Promise<Hash> => {
    const key = `${height}:${idx}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const row =
      height === 0
        ? await trx.selectFrom('audit_tree_leaves').select('hash').where('idx', '=', idx).executeTakeFirst()
        : await trx
            .selectFrom('audit_tree_nodes')
            .select('hash')
            .where('height', '=', height)
            .where('idx', '=', idx)
            .executeTakeFirst();
    if (!row) throw new Error(`audit tree node ${key} is missing`);
    const hash = buf(row.hash);
    cache.set(key, hash);
    return hash;
  };
  const subtree = async (lo: number, hi: number): Promise<Hash> => {
    const n = hi - lo;
    if ((n & (n - 1)) === 0 && lo % n === 0) return stored(Math.log2(n), lo / n);
    const k = splitPoint(n);
    return nodeHash(await subtree(lo, lo + k), await subtree(lo + k, hi));
  };
  return subtree;
}

export async function proveInclusion(trx: Trx, seq: number, size: number) {
  const leaf = await trx
    .selectFrom('audit_tree_leaves')
    .select(['idx', 'hash'])
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!leaf || Number(leaf.idx) >= size) return null;
  const index = Number(leaf.idx);
  const proof = await inclusionProof(index, size, subtreeOracle(trx));
  return { index, leafHash: buf(leaf.hash), proof };
}

export async function proveConsistency(trx: Trx, from: number, to: number): Promise<Hash[]> {
  return consistencyProof(from, to, subtreeOracle(trx));
}

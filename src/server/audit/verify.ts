/**
 * Verification of the whole audit tree: every leaf is recomputed from its row (so an edited, removed
 * or reordered row is found), the tree is rebuilt from those leaves, and its root at the anchor's size
 * must equal the anchor's root — a checkpoint that a witness cosigned, or one saved elsewhere. A
 * superuser who deletes the newest rows, or rewrites a row and recomputes every stored hash after it,
 * cannot produce the root the witness signed.
 */
import type { Database } from '../db/database.js';
import { leafHashOfRow } from './audit.js';
import { appendLeaf, emptyFrontier, frontierRoot, type Hash } from './merkle.js';
import { foldAudit, treeHead } from './tree.js';

export interface VerifyResult {
  ok: boolean;
  /** Leaves recomputed from their rows. */
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  /** The size of the checkpoint the tree was checked against (null: none). */
  anchorSize?: number | null;
}

export interface Anchor {
  size: number;
  root: Hash;
}

const buf = (v: Uint8Array | Buffer): Buffer => (Buffer.isBuffer(v) ? v : Buffer.from(v));

export async function verifyAuditTree(
  db: Database,
  anchor: Anchor | null,
  options: { pageSize?: number; fold?: boolean } = {},
): Promise<VerifyResult> {
  const pageSize = options.pageSize ?? 5000;
  if (options.fold !== false) await foldAudit(db, { wait: true });
  const frontier = emptyFrontier();
  const anchorSize = anchor?.size ?? null;
  const fail = (firstBrokenSeq: number | null, reason: string): VerifyResult => ({
    ok: false,
    checked: frontier.size,
    firstBrokenSeq,
    reason,
    anchorSize,
  });
  let anchorChecked = anchor === null || anchor.size === 0;
  if (anchor && anchor.size === 0 && !anchor.root.equals(frontierRoot(frontier)))
    return fail(null, 'the checkpoint of the empty tree has a wrong root');
  for (;;) {
    const rows = await db.transaction(
      (trx) =>
        trx
          .selectFrom('audit_tree_leaves as l')
          .leftJoin('audit_events as e', 'e.seq', 'l.seq')
          .select([
            'l.idx',
            'l.seq as leaf_seq',
            'l.hash as leaf_hash',
            'e.seq',
            'e.at',
            'e.actor_user_id',
            'e.actor_username',
            'e.actor_institution_id',
            'e.actor_role',
            'e.action',
            'e.outcome',
            'e.resource_type',
            'e.resource_id',
            'e.purpose',
            'e.request_id',
            'e.changed_fields',
            'e.prev_hash',
            'e.hash',
          ])
          .where('l.idx', '>=', frontier.size)
          .orderBy('l.idx')
          .limit(pageSize)
          .execute(),
      { readOnly: true },
    );
    for (const row of rows) {
      const leafSeq = Number(row.leaf_seq);
      if (Number(row.idx) !== frontier.size)
        return fail(leafSeq, `leaf ${frontier.size} of the tree is missing`);
      if (row.seq === null || row.at === null || row.action === null || row.outcome === null)
        return fail(leafSeq, `audit row ${leafSeq} (leaf ${frontier.size}) is missing`);
      const hash = leafHashOfRow({
        ...row,
        seq: row.seq,
        at: row.at,
        action: row.action,
        outcome: row.outcome,
        changed_fields: row.changed_fields ?? [],
      });
      if (!hash.equals(buf(row.leaf_hash)))
        return fail(leafSeq, `audit row ${leafSeq} was altered (its leaf hash differs)`);
      appendLeaf(frontier, hash);
      if (anchor && frontier.size === anchor.size) {
        if (!frontierRoot(frontier).equals(anchor.root))
          return fail(null, `the first ${anchor.size} entries do not have the root of the checkpoint`);
        anchorChecked = true;
      }
    }
    if (rows.length < pageSize) break;
  }
  if (!anchorChecked)
    return fail(
      null,
      `the tree has ${frontier.size} entries, fewer than the ${anchorSize} of the checkpoint`,
    );
  const head = await db.transaction((trx) => treeHead(trx), { readOnly: true });
  if (head.size !== frontier.size || !head.root.equals(frontierRoot(frontier)))
    return fail(null, 'the stored tree head does not match the leaves');
  return { ok: true, checked: frontier.size, firstBrokenSeq: null, reason: null, anchorSize };
}

/** The database's own check (the DPO's button): against the newest checkpoint stored in it, if any. */
export async function verifyAuditChain(db: Database): Promise<VerifyResult> {
  const latest = await db.transaction(
    (trx) =>
      trx
        .selectFrom('audit_checkpoints')
        .select(['size', 'root'])
        .orderBy('size', 'desc')
        .limit(1)
        .executeTakeFirst(),
    { readOnly: true },
  );
  return verifyAuditTree(db, latest ? { size: Number(latest.size), root: buf(latest.root) } : null);
}

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, proofs and their verification (pure).
 * Leaves are SHA-256(0x00 || data), interior nodes SHA-256(0x01 || left || right); the tree of n
 * leaves splits at the largest power of two below n. Proof generation asks a `SubtreeHash` oracle for
 * the hash of a range of leaves, so the caller decides where hashes come from (memory or database).
 */
import crypto from 'node:crypto';

export type Hash = Buffer;

export const EMPTY_ROOT: Hash = crypto.createHash('sha256').digest();

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

/**
 * SHA-256 of `bytes` in one call (`crypto.hash`, Node ≥ 20.12) where there is one: every audit row
 * costs a leaf hash and on average one node hash when it is folded, and a Hash object per digest was
 * most of that (bench/README.md, "The audit fold's hashes").
 */
const sha256: (bytes: Buffer) => Buffer =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (bytes) =>
        (crypto as unknown as { hash: (a: string, d: Buffer, e: 'buffer') => Buffer }).hash(
          'sha256',
          bytes,
          'buffer',
        )
    : (bytes) => crypto.createHash('sha256').update(bytes).digest();

export function leafHash(data: Buffer | string): Hash {
  return sha256(Buffer.concat([LEAF_PREFIX, typeof data === 'string' ? Buffer.from(data, 'utf8') : data]));
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return sha256(Buffer.concat([NODE_PREFIX, left, right], 1 + left.length + right.length));
}

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The right edge of a tree being built leaf by leaf: the roots of its perfect subtrees, largest
 * first, with their heights. Appending a leaf merges equal heights, like binary addition; each merge
 * is a completed perfect subtree (`onNode` receives it, to be stored for proofs).
 */
export interface Frontier {
  size: number;
  nodes: Array<{ height: number; hash: Hash }>;
}

export function emptyFrontier(): Frontier {
  return { size: 0, nodes: [] };
}

export function appendLeaf(
  frontier: Frontier,
  hash: Hash,
  onNode?: (height: number, index: number, hash: Hash) => void,
): void {
  const index = frontier.size;
  frontier.nodes.push({ height: 0, hash });
  frontier.size++;
  for (;;) {
    const n = frontier.nodes.length;
    if (n < 2 || frontier.nodes[n - 1]!.height !== frontier.nodes[n - 2]!.height) break;
    const right = frontier.nodes.pop()!;
    const left = frontier.nodes.pop()!;
    const height = left.height + 1;
    const merged = nodeHash(left.hash, right.hash);
    frontier.nodes.push({ height, hash: merged });
    onNode?.(height, Math.floor(index / 2 ** height), merged);
  }
}

export function frontierRoot(frontier: Frontier): Hash {
  if (frontier.nodes.length === 0) return EMPTY_ROOT;
  let root = frontier.nodes[frontier.nodes.length - 1]!.hash;
  for (let i = frontier.nodes.length - 2; i >= 0; i--) root = nodeHash(frontier.nodes[i]!.hash, root);
  return root;
}

/** Root of a list of leaf hashes (MTH of RFC 6962). */
export function rootOf(leaves: readonly Hash[]): Hash {
  const f = emptyFrontier();
  for (const leaf of leaves) appendLeaf(f, leaf);
  return frontierRoot(f);
}

/** Hash of the leaves [lo, hi) of the tree. */
export type SubtreeHash = (lo: number, hi: number) => Promise<Hash>;

/** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf m in the tree of size n. */
export async function inclusionProof(index: number, size: number, subtree: SubtreeHash): Promise<Hash[]> {
  if (index < 0 || index >= size) throw new RangeError('leaf index outside the tree');
  const path = async (m: number, lo: number, hi: number): Promise<Hash[]> => {
    if (hi - lo <= 1) return [];
    const k = splitPoint(hi - lo);
    return m < k
      ? [...(await path(m, lo, lo + k)), await subtree(lo + k, hi)]
      : [...(await path(m - k, lo + k, hi)), await subtree(lo, lo + k)];
  };
  return path(index, 0, size);
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the consistency proof between tree sizes m and n. */
export async function consistencyProof(m: number, n: number, subtree: SubtreeHash): Promise<Hash[]> {
  if (m < 0 || m > n) throw new RangeError('the old size must not exceed the new one');
  if (m === 0 || m === n) return [];
  const sub = async (m: number, lo: number, hi: number, complete: boolean): Promise<Hash[]> => {
    if (m === hi - lo) return complete ? [] : [await subtree(lo, hi)];
    const k = splitPoint(hi - lo);
    return m <= k
      ? [...(await sub(m, lo, lo + k, complete)), await subtree(lo + k, hi)]
      : [...(await sub(m - k, lo + k, hi, false)), await subtree(lo, lo + k)];
  };
  return sub(m, 0, n, true);
}

/** The node numbers `fn` and `sn` that RFC 9162's verifications walk up the tree with. */
interface Walk {
  fn: bigint;
  sn: bigint;
}

/** "Right-shift fn and sn one time": one level up. */
function up(walk: Walk): void {
  walk.fn >>= 1n;
  walk.sn >>= 1n;
}

/** "If LSB(fn) is not set, right-shift fn and sn equally until either LSB(fn) is set or fn is 0." */
function upToRightChild(walk: Walk): void {
  if ((walk.fn & 1n) === 1n) return;
  do up(walk);
  while ((walk.fn & 1n) === 0n && walk.fn !== 0n);
}

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Hash,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (index < 0 || index >= size) return false;
  const walk = { fn: BigInt(index), sn: BigInt(size - 1) };
  let r = leaf;
  for (const p of proof) {
    if (walk.sn === 0n) return false;
    if ((walk.fn & 1n) === 1n || walk.fn === walk.sn) {
      r = nodeHash(p, r);
      upToRightChild(walk);
    } else {
      r = nodeHash(r, p);
    }
    up(walk);
  }
  return walk.sn === 0n && r.equals(root);
}

/** RFC 9162 §2.1.4.2. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  proof: readonly Hash[],
): boolean {
  if (first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  const path = [...proof];
  if ((first & (first - 1)) === 0) path.unshift(firstRoot);
  if (path.length === 0) return false;
  const walk = { fn: BigInt(first - 1), sn: BigInt(second - 1) };
  while ((walk.fn & 1n) === 1n) up(walk);
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (walk.sn === 0n) return false;
    if ((walk.fn & 1n) === 1n || walk.fn === walk.sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      upToRightChild(walk);
    } else {
      sr = nodeHash(sr, c);
    }
    up(walk);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && walk.sn === 0n;
}

import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendLeaf,
  consistencyProof,
  emptyFrontier,
  EMPTY_ROOT,
  frontierRoot,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '../../src/server/audit/merkle.js';

/** MTH of RFC 6962 written straight from its definition, to check the incremental one against. */
function mth(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`entry ${i}`));
const oracle = (leaves: Hash[]) => async (lo: number, hi: number) => mth(leaves.slice(lo, hi));

describe('RFC 6962 Merkle tree', () => {
  it('hashes as the RFC 6962 test vectors do', () => {
    // certificate-transparency-go's merkle tests: the empty tree and the leaf of empty data.
    expect(EMPTY_ROOT.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(leafHash('').toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    // The 8-leaf reference tree of RFC 6962's tests: its root.
    const data = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ];
    const leaves = data.map((h) => leafHash(Buffer.from(h, 'hex')));
    expect(rootOf(leaves).toString('hex')).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
    expect(rootOf(leaves.slice(0, 3)).toString('hex')).toBe(
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    );
  });

  it('the incremental root equals the recursive definition, and stored nodes are the perfect subtrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 }), (n) => {
        const leaves = leavesOf(n);
        const f = emptyFrontier();
        for (const leaf of leaves)
          appendLeaf(f, leaf, (height, index, hash) => {
            const lo = index * 2 ** height;
            expect(hash.equals(mth(leaves.slice(lo, lo + 2 ** height)))).toBe(true);
          });
        expect(frontierRoot(f).equals(mth(leaves))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('inclusion proofs verify, and fail for another leaf, index or root', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 40 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
        async ([n, m]) => {
          const leaves = leavesOf(n);
          const root = mth(leaves);
          const proof = await inclusionProof(m, n, oracle(leaves));
          expect(verifyInclusion(m, n, leaves[m]!, proof, root)).toBe(true);
          expect(verifyInclusion(m, n, leafHash('forged'), proof, root)).toBe(false);
          expect(verifyInclusion(m, n, leaves[m]!, proof, leafHash('other root'))).toBe(false);
          if (n > 1) expect(verifyInclusion((m + 1) % n, n, leaves[m]!, proof, root)).toBe(false);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('consistency proofs verify between any two sizes and fail for a rewritten history', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 40 })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))),
        async ([m, n]) => {
          const leaves = leavesOf(n);
          const proof = await consistencyProof(m, n, oracle(leaves));
          expect(verifyConsistency(m, n, mth(leaves.slice(0, m)), mth(leaves), proof)).toBe(true);
          // Rewrite one old entry and recompute the whole new tree: the old root no longer fits.
          const forged = [...leaves];
          forged[crypto.randomInt(m)] = leafHash('rewritten');
          const forgedProof = await consistencyProof(m, n, oracle(forged));
          expect(verifyConsistency(m, n, mth(leaves.slice(0, m)), mth(forged), forgedProof)).toBe(false);
          if (m < n) expect(verifyConsistency(n, m, mth(leaves), mth(leaves.slice(0, m)), proof)).toBe(false);
        },
      ),
      { numRuns: 80 },
    );
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyedNumber } from './bloom.js';
import { KeyHasher } from './clk-keys.js';

const key = createHash('sha256').update('nanduti clk keys unit test key').digest();
const what = { fields: ['block:a', 'block:typo', 'train:a'], bipartite: [false, true, false] };

/** Records' keys in clear, laid out as `ClkRecord.keys`, and what `keyedNumber` makes of them. */
function records(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const lists = [
      Array.from({ length: i % 4 }, (_, k) => i * 1000 + k),
      i % 3 === 0 ? [] : [2 * (i + 7), 2 * (i + 7) + 1],
      [2 ** 40 + i],
    ];
    const expected = lists.map((list, l) =>
      list.map((k) =>
        what.bipartite[l]
          ? 2 * keyedNumber(key, what.fields[l]!, String(Math.floor(k / 2))) + (k % 2)
          : keyedNumber(key, what.fields[l]!, String(k)),
      ),
    );
    return { lists, expected };
  });
}

async function hashed(threads: number, blockSize: number) {
  const rs = records(300);
  const hasher = new KeyHasher(key, what, blockSize, threads);
  const views = rs.map(({ lists }) => {
    const size = 2 + lists.length + lists.reduce((n, l) => n + l.length, 0);
    const out = hasher.take(size);
    out[0] = 2;
    out[1] = 1;
    let end = 2 + lists.length;
    lists.forEach((list, l) => {
      out.set(list, end);
      end += list.length;
      out[2 + l] = end;
    });
    return out;
  });
  // Time for the worker to start (tsx compiles it from source here) and hash a block handed to it.
  for (let waited = 0; threads > 1 && hasher.byWorker() === 0 && waited < 120_000; waited += 100)
    await new Promise((done) => setTimeout(done, 100));
  hasher.finish();
  if (threads > 1) expect(hasher.byWorker()).toBeGreaterThan(0);
  return rs.map(({ expected }, i) => {
    const v = views[i]!;
    const got: number[][] = [];
    let from = 2 + 3;
    for (let l = 0; l < 3; l++) {
      got.push([...v.subarray(from, v[2 + l]!)]);
      from = v[2 + l]!;
    }
    return { got, expected };
  });
}

describe('KeyHasher', () => {
  it('hashes every key in place as keyedNumber does, a bipartite side kept, on one thread', async () => {
    for (const { got, expected } of await hashed(1, 64)) expect(got).toEqual(expected);
  });

  it('gives the same keys on two threads, the blocks shared between them', async () => {
    // Blocks of 64 entries: some forty blocks, some taken by the worker, some by the caller.
    for (const { got, expected } of await hashed(2, 64)) expect(got).toEqual(expected);
  }, 180_000);
});

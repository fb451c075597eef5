import { describe, expect, it } from 'vitest';
import { candidatePairs, typoNeighbours, type BlockingRule } from './blocking.js';
import { Vocabulary } from './record.js';

describe('typoNeighbours', () => {
  it('finds the population’s words one letter wrong, missing, added or swapped away', () => {
    const vocab = new Vocabulary();
    for (const w of ['gonzalez', 'gonzlez', 'gonzaelz', 'gonzalezz', 'gomzalez', 'benitez', 'gonzales'])
      vocab.id(w, true);
    const near = typoNeighbours(vocab);
    const words = (w: string) =>
      near(vocab.id(w))
        .map((id) => vocab.words[id])
        .sort();
    expect(words('gonzalez')).toEqual(['gomzalez', 'gonzaelz', 'gonzales', 'gonzalezz', 'gonzlez']);
    expect(words('benitez')).toEqual([]);
    // A word the population never used (an intake query) finds its neighbours too.
    expect(words('gonzalex')).toEqual(['gonzales', 'gonzalez']);
  });
});

describe('bipartite blocking rules', () => {
  it('pairs records on opposite sides of a block only, never a record with itself', () => {
    const records = [
      { source: 'a', keys: [2 * 7] },
      { source: 'a', keys: [2 * 7] },
      { source: 'a', keys: [2 * 7 + 1] },
      { source: 'a', keys: [2 * 7, 2 * 7 + 1] },
      { source: 'a', keys: [2 * 9 + 1] },
    ];
    const rule: BlockingRule<(typeof records)[number]> = {
      name: 'typo',
      bipartite: true,
      keys: (r) => r.keys,
    };
    const got = candidatePairs(records, [rule]);
    const pairs = Array.from(got.left, (i, k) => `${i}-${got.right[k]}`);
    expect(pairs).toEqual(['0-2', '0-3', '1-2', '1-3', '2-3']);
  });
});

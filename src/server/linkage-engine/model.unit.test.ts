import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatWeights, matchWeightAt, NULL_LEVEL, probabilityOf, scoreRange } from './model.js';

describe('scoreRange', () => {
  it('gives the same numbers as probabilityOf(matchWeightAt(...)), missing levels included', () => {
    const levels = [7, 8, 8, 2, 2, 3, 3, 3];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 8, maxLength: 8 }), {
          minLength: 8,
          maxLength: 8,
        }),
        fc.array(
          fc.tuple(
            fc.array(fc.nat(7), { minLength: 8, maxLength: 8 }),
            fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
            fc.float({ min: -4, max: 4, noNaN: true }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        fc.double({ min: -30, max: 0, noNaN: true }),
        (rows, pairs, prior) => {
          const weights = levels.map((n, x) => Float64Array.from(rows[x]!.slice(0, n)));
          const c = levels.length;
          const vectors = new Uint8Array(pairs.length * c);
          const tf = new Float32Array(pairs.length);
          pairs.forEach(([vector, missing, bits], k) => {
            vector.forEach((level, x) => {
              vectors[k * c + x] = missing[x] ? NULL_LEVEL : level % levels[x]!;
            });
            tf[k] = bits;
          });
          const out = new Float64Array(pairs.length);
          scoreRange(flatWeights(weights), c, prior, vectors, tf, 0, pairs.length, out);
          const expected = pairs.map((_, k) =>
            probabilityOf(matchWeightAt(weights, prior, vectors, k * c, tf[k]!)),
          );
          expect([...out]).toEqual(expected);
        },
      ),
    );
  });
});

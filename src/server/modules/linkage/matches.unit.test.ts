/**
 * The intake look-up scores with the latest batch's model. After an upgrade that added a level to
 * a comparison, the levels the stored model knows keep their weights (by level name) and only the
 * new level weighs nothing until the next batch.
 */
import { describe, expect, it } from 'vitest';
import { weightsFor, type StoredModel } from './matches.service.js';

const model: StoredModel = {
  lambda: 0.01,
  comparisons: [
    {
      name: 'birth',
      levels: ['different', 'within 7 years', 'exact'],
      m: [0.05, 0.3, 0.65],
      u: [0.8, 0.15, 0.05],
    },
  ],
};

describe('weights of a stored model', () => {
  it('keeps the weights of the levels the model knows, by name, when a level was added since', () => {
    const [birth] = weightsFor(
      [{ name: 'birth', levels: ['different', 'within 7 years', 'within 4 years', 'exact'] }],
      model,
    );
    expect([...birth!]).toEqual([Math.log2(0.05 / 0.8), 1, 0, Math.log2(0.65 / 0.05)]);
  });

  it('gives no weight to a comparison the model does not know', () => {
    const [unknown] = weightsFor([{ name: 'document', levels: ['different', 'exact'] }], model);
    expect([...unknown!]).toEqual([0, 0]);
  });

  it('reads an unchanged comparison as stored', () => {
    const [birth] = weightsFor([{ name: 'birth', levels: ['different', 'within 7 years', 'exact'] }], model);
    expect([...birth!].map((w) => Math.round(w * 1000) / 1000)).toEqual([-4, 1, 3.7]);
  });
});

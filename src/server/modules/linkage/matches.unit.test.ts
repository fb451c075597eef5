/**
 * The intake look-up scores with the latest batch's model. After an upgrade that added a level to
 * a comparison, the levels the stored model knows keep their weights (by level name) and only the
 * new level weighs nothing until the next batch.
 */
import { describe, expect, it } from 'vitest';
import { SURNAME } from '../../linkage-engine/comparisons.js';
import { surnamesConflict, weightsFor, type StoredModel } from './matches.service.js';

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

  it('weighs a level split out of a stored one as the stored one until the next batch', () => {
    const stored = {
      lambda: 0.1,
      comparisons: [
        {
          name: 'birth',
          levels: ['different', 'estimated age within 2 years', 'exact'],
          m: [0.1, 0.4, 0.5],
          u: [0.9, 0.1, 0.001],
        },
      ],
    };
    const [birth] = weightsFor(
      [
        {
          name: 'birth',
          levels: ['different', 'two estimated ages within 2 years', 'estimated age within 2 years', 'exact'],
        },
      ],
      stored,
    );
    expect(birth![1]).toBe(2);
    expect(birth![2]).toBe(2);
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

describe('surnames that conflict at intake', () => {
  const full = { firstSurname: 'Benítez', secondSurname: 'Ortiz' };
  const lone = (firstSurname: string, secondSurname: string | null = null) => ({
    firstSurname,
    secondSurname,
  });
  it('are two complete pairs of surnames at the level "different"', () => {
    expect(surnamesConflict(full, lone('Vera', 'Gómez'), SURNAME.different)).toBe(true);
  });
  it('are a complete pair and a lone surname that is neither of them', () => {
    expect(surnamesConflict(full, lone('Vera'), SURNAME.different)).toBe(true);
    expect(surnamesConflict(lone('Vera', ''), full, SURNAME.different)).toBe(true);
  });
  it("are not two lone surnames (the father's and the mother's), nor any level of agreement", () => {
    expect(surnamesConflict(lone('Ortiz'), lone('Benítez'), SURNAME.different)).toBe(false);
    expect(surnamesConflict(full, lone('Venítez', 'Ortiz'), SURNAME.misspelt)).toBe(false);
    expect(surnamesConflict(full, lone('Benites', 'Ortis'), SURNAME.similar)).toBe(false);
    expect(surnamesConflict(full, lone('Vera'), SURNAME.missing)).toBe(false);
  });
});

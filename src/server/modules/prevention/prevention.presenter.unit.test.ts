/**
 * The participant totals of a training must add up whichever way they are cut: overall, per sex
 * and per institution (the statistics module will report all three, and they must agree).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTICIPANT_SEXES } from '../../../shared/api-prevention.js';
import { presentTraining, totalsOf, type Cell, type TrainingRow } from './prevention.presenter.js';

const INSTITUTIONS = ['i-1', 'i-2', 'i-3', null] as const;
const row: TrainingRow = {
  id: 't',
  institution_id: 'i-1',
  unit_id: null,
  title: 'Taller',
  kind: 'Workshop',
  held_on: '2026-05-12',
  ends_on: null,
  modality: 'virtual',
  department: null,
  place: null,
  audience_institution_ids: [],
  topics: ['Other'],
  institution_code: 'A',
  institution_name: 'A',
};
const refs = new Map(
  ['i-1', 'i-2', 'i-3'].map((id) => [id, { id, code: id.toUpperCase(), name: id }] as const),
);
/** Grids as the database holds them: at most one cell per (institution, sex). */
const grids = fc
  .uniqueArray(
    fc.record({
      institution_id: fc.constantFrom(...INSTITUTIONS),
      sex: fc.constantFrom(...PARTICIPANT_SEXES),
      count: fc.integer({ min: 0, max: 100_000 }),
    }),
    { selector: (c) => `${c.institution_id}|${c.sex}`, maxLength: 12 },
  )
  .map((cells) => cells as Cell[]);

describe('training participant totals', () => {
  it('agree overall, per sex and per institution for every grid', () => {
    fc.assert(
      fc.property(grids, (cells) => {
        const view = presentTraining(row, cells, refs, false);
        const sum = cells.reduce((n, c) => n + c.count, 0);
        expect(view.participants.total).toBe(sum);
        expect(Object.values(view.participants.bySex).reduce((a, b) => a + b, 0)).toBe(sum);
        expect(view.byInstitution.reduce((n, r) => n + r.total, 0)).toBe(sum);
        for (const sex of PARTICIPANT_SEXES) {
          expect(view.byInstitution.reduce((n, r) => n + r.bySex[sex], 0)).toBe(view.participants.bySex[sex]);
        }
      }),
    );
  });

  it('reports every sex, with zero where there is none', () => {
    expect(totalsOf([])).toEqual({ total: 0, bySex: { Female: 0, Male: 0, Unspecified: 0 } });
    expect(totalsOf([{ sex: 'Male', count: 3 }])).toEqual({
      total: 3,
      bySex: { Female: 0, Male: 3, Unspecified: 0 },
    });
  });
});

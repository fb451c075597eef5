import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROCEDURAL_STAGES } from '../../../shared/api-prosecution.js';
import {
  checkOutcome,
  checkStage,
  furthestStage,
  nextStages,
  STAGE_RANK,
  type Stage,
  type StageRecord,
} from './stage-machine.js';

const at = (stage: Stage, occurredOn = '2025-01-01'): StageRecord => ({ stage, occurredOn });
const FULL: StageRecord[] = [
  at('imputacion', '2025-01-10'),
  at('acusacion', '2025-03-01'),
  at('juicio_oral', '2025-08-01'),
  at('sentencia', '2025-08-20'),
];

describe('procedural stages', () => {
  it('accepts the ordinary procedure in order, with a charge', () => {
    const history: StageRecord[] = [];
    for (const next of FULL) {
      expect(checkStage(history, next, 1)).toBeNull();
      history.push(next);
    }
    expect(checkStage(history, at('apelacion', '2025-09-01'), 1)).toBeNull();
  });

  it('starts only with imputación', () => {
    for (const stage of PROCEDURAL_STAGES.filter((s) => s !== 'imputacion'))
      expect(checkStage([], at(stage), 1)?.code).toBe('invalid_stage_transition');
  });

  it('never skips to a sentence without a charge', () => {
    const history = FULL.slice(0, 3);
    expect(checkStage(history, at('sentencia', '2025-08-20'), 0)?.code).toBe('sentence_without_charge');
    expect(checkStage(history, at('sentencia', '2025-08-20'), 2)).toBeNull();
  });

  it('does not let a stage be dated before the previous one', () => {
    expect(checkStage(FULL.slice(0, 1), at('acusacion', '2025-01-09'), 1)).toEqual({
      code: 'stage_date_before_previous',
      params: { previous: '2025-01-10' },
    });
    expect(checkStage(FULL.slice(0, 1), at('acusacion', '2025-01-10'), 1)).toBeNull();
  });

  it('ends at sobreseimiento and salida alternativa, from imputación or acusación only', () => {
    for (const exit of ['sobreseimiento', 'salida_alternativa'] as const) {
      expect(checkStage(FULL.slice(0, 1), at(exit, '2025-02-01'), 1)).toBeNull();
      expect(checkStage(FULL.slice(0, 2), at(exit, '2025-04-01'), 1)).toBeNull();
      expect(checkStage(FULL.slice(0, 3), at(exit, '2025-09-01'), 1)?.code).toBe('invalid_stage_transition');
      expect(nextStages([...FULL.slice(0, 1), at(exit, '2025-02-01')])).toEqual([]);
    }
  });

  it('never goes backwards: every accepted stage is new, and past the last one (or an exit)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROCEDURAL_STAGES), { maxLength: 12 }), (tries) => {
        const history: StageRecord[] = [];
        for (const stage of tries) {
          const next = at(stage, '2025-05-05');
          if (checkStage(history, next, 1) === null) {
            const last = history.at(-1);
            const exit = stage === 'sobreseimiento' || stage === 'salida_alternativa';
            if (last && !exit) expect(STAGE_RANK[stage]).toBeGreaterThan(STAGE_RANK[last.stage]);
            expect(history.some((h) => h.stage === stage)).toBe(false);
            history.push(next);
          }
        }
        expect(history.length).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('records a conviction or acquittal only with or after a sentence, dismissal also after sobreseimiento', () => {
    expect(checkOutcome(FULL.slice(0, 3), 'convicted', '2025-09-01')?.code).toBe('outcome_needs_sentence');
    expect(checkOutcome(FULL, 'convicted', '2025-08-20')).toBeNull();
    expect(checkOutcome(FULL, 'convicted', '2025-08-19')?.code).toBe('outcome_date_before_stage');
    const dismissed = [at('imputacion', '2025-01-10'), at('sobreseimiento', '2025-02-10')];
    expect(checkOutcome(dismissed, 'dismissed', '2025-02-10')).toBeNull();
    expect(checkOutcome(dismissed, 'acquitted', '2025-02-10')?.code).toBe('outcome_needs_sentence');
    expect(checkOutcome([], 'dismissed', '2025-02-10')?.code).toBe('outcome_needs_sentence');
  });

  it('names the furthest stage among defendants', () => {
    expect(furthestStage([null, 'acusacion', 'imputacion'])).toBe('acusacion');
    expect(furthestStage([null])).toBeNull();
  });
});

/**
 * The field-by-field levels intake and the review list show: a level whose two values are the same
 * is graded "agree", even where the engine weighs it below its best level. Synthetic names.
 */
import { describe, expect, it } from 'vitest';
import type { LinkPerson } from '../../linkage-engine/record.js';
import { gradeOf, pairLevels } from './levels.js';
import { SURNAME_LEVELS } from '../../linkage-engine/comparisons.js';

function person(id: string, fields: Partial<LinkPerson>): LinkPerson {
  return { id, source: 'A', givenNames: 'Arasy', dateOfBirth: '2001-03-09', sex: 'F', ...fields };
}

function surnameLevel(a: Partial<LinkPerson>, b: Partial<LinkPerson>) {
  const persons = new Map([person('a', a), person('b', b)].map((p) => [p.id, p]));
  const [levels] = pairLevels(persons, [['a', 'b']]);
  return levels!.find((l) => l.comparison === 'surnames');
}

describe('grades of the levels shown', () => {
  it('grades one surname on each side, the same, as agree', () => {
    expect(surnameLevel({ firstSurname: 'Benítez' }, { firstSurname: 'Benítez' })).toEqual({
      comparison: 'surnames',
      level: 'the same, one surname each',
      grade: 'agree',
    });
  });

  it('still grades a dropped or a misspelt surname as close, and two different ones as differ', () => {
    const both = { firstSurname: 'Benítez', secondSurname: 'Ocampo' };
    expect(surnameLevel(both, { firstSurname: 'Benítez' })).toMatchObject({
      level: 'one missing, the first kept',
      grade: 'close',
    });
    expect(surnameLevel(both, { firstSurname: 'Benítez', secondSurname: 'Ocampi' })).toMatchObject({
      level: 'one the same, the other misspelt',
      grade: 'close',
    });
    expect(surnameLevel(both, both)).toMatchObject({ level: 'same (any order)', grade: 'agree' });
    expect(surnameLevel({ firstSurname: 'Benítez' }, { firstSurname: 'Aquino' })).toMatchObject({
      grade: 'differ',
    });
  });

  it('grades by position otherwise: 0 differ, the best agree, between close', () => {
    expect(gradeOf(0, SURNAME_LEVELS)).toBe('differ');
    expect(gradeOf(1, SURNAME_LEVELS)).toBe('close');
    expect(gradeOf(SURNAME_LEVELS.length - 1, SURNAME_LEVELS)).toBe('agree');
  });
});

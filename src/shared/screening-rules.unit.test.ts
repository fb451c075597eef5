import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTION_KINDS } from './api-identification.js';
import {
  AGE_FLAGS,
  ageAt,
  assess,
  childStatus,
  duplicateQuestionIds,
  unknownQuestionIds,
  type Answer,
  type Assessment,
  type ChildStatus,
  type RuleDefinition,
} from './screening-rules.js';

const section = (kind: string, ...ids: string[]) => ({ kind, questions: ids.map((id) => ({ id })) });
const definition: RuleDefinition = {
  sections: [
    section('act', 'act.recruitment', 'act.transport'),
    section('means', 'means.deception', 'means.threat'),
    section('purpose', 'purpose.forced_labour'),
    section('forced_labour', 'fl.debt_bondage', 'fl.isolation'),
    section('child', 'child.out_of_school'),
    section('vulnerability', 'vul.indigenous'),
  ],
};
const facts = (over: Partial<Parameters<typeof childStatus>[0]>) =>
  childStatus({
    dateOfBirth: null,
    estimatedAge: null,
    ageApproximate: false,
    factsDate: '2026-03-01',
    recordedOn: '2026-06-01',
    ...over,
  });

describe('ageAt', () => {
  it('counts whole years and goes up on the birthday itself', () => {
    expect(ageAt('2008-03-02', '2026-03-01')).toBe(17); // 17 years 364 days
    expect(ageAt('2008-03-01', '2026-03-01')).toBe(18);
    expect(ageAt('2008-03-01', '2008-03-01')).toBe(0);
  });
  it('gives someone born on 29 February the birthday on 1 March in common years', () => {
    expect(ageAt('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageAt('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageAt('2008-02-29', '2028-02-29')).toBe(20);
    expect(ageAt('2008-02-29', '2028-02-28')).toBe(19);
  });
  it('refuses facts before the birth and impossible dates', () => {
    expect(() => ageAt('2010-05-01', '2010-04-30')).toThrow(RangeError);
    expect(() => ageAt('2010-02-30', '2020-01-01')).toThrow(RangeError);
    expect(() => ageAt('01/02/2010', '2020-01-01')).toThrow(RangeError);
  });
});

describe('childStatus', () => {
  it('a date of birth: 17 years 364 days is a child, the 18th birthday is an adult', () => {
    expect(facts({ dateOfBirth: '2008-03-02' })).toEqual({ child: 'yes', ageAtFacts: 17, flags: [] });
    expect(facts({ dateOfBirth: '2008-03-01' })).toEqual({ child: 'no', ageAtFacts: 18, flags: [] });
  });
  it('a leap-day birth is still a child on 28 February of the 18th year', () => {
    expect(facts({ dateOfBirth: '2008-02-29', factsDate: '2026-02-28' }).child).toBe('yes');
    expect(facts({ dateOfBirth: '2008-02-29', factsDate: '2026-03-01' }).child).toBe('no');
  });
  it('uses the age at the facts, not today', () => {
    // 19 when recorded, but 16 when the facts happened.
    expect(facts({ dateOfBirth: '2007-01-01', factsDate: '2023-06-01' })).toMatchObject({
      child: 'yes',
      ageAtFacts: 16,
    });
  });
  it('an estimated age under 18 is a child; the estimate is carried back to the facts', () => {
    expect(facts({ estimatedAge: 16 })).toEqual({
      child: 'yes',
      ageAtFacts: 16,
      flags: [AGE_FLAGS.fromEstimate],
    });
    expect(facts({ estimatedAge: 19, factsDate: '2024-05-31' })).toMatchObject({
      child: 'yes',
      ageAtFacts: 17,
    });
    expect(facts({ estimatedAge: 25 })).toMatchObject({ child: 'no', ageAtFacts: 25 });
  });
  it('an approximate age of 18 to 20 is unknown and flagged', () => {
    for (const estimatedAge of [18, 19, 20]) {
      expect(facts({ estimatedAge, ageApproximate: true })).toEqual({
        child: 'unknown',
        ageAtFacts: estimatedAge,
        flags: [AGE_FLAGS.fromEstimate, AGE_FLAGS.nearMajority],
      });
    }
    expect(facts({ estimatedAge: 21, ageApproximate: true }).child).toBe('no');
    expect(facts({ estimatedAge: 18, ageApproximate: false }).child).toBe('no');
    expect(facts({ dateOfBirth: '2007-01-01', ageApproximate: true })).toMatchObject({
      child: 'unknown',
      flags: [AGE_FLAGS.nearMajority],
    });
  });
  it('no date of birth and no estimate: treated as possibly a child and flagged', () => {
    expect(facts({})).toEqual({
      child: 'unknown',
      ageAtFacts: null,
      flags: ['age_unknown_treated_as_possible_child'],
    });
  });
  it('refuses facts before the birth', () => {
    expect(() => facts({ dateOfBirth: '2026-04-01' })).toThrow(RangeError);
    expect(() => facts({ estimatedAge: 1, factsDate: '2020-01-01' })).toThrow(RangeError);
  });
});

describe('assess', () => {
  const yes = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'yes' as const]));
  it('an adult with act, means and purpose is a presumed victim', () => {
    const result = assess(
      definition,
      yes('act.recruitment', 'means.deception', 'purpose.forced_labour'),
      'no',
    );
    expect(result).toMatchObject({ act: true, means: true, purpose: true, assessment: 'presumed_victim' });
  });
  it('an adult without a means is a possible victim; a child (or possible child) needs no means', () => {
    const answers = yes('act.transport', 'purpose.forced_labour');
    expect(assess(definition, answers, 'no').assessment).toBe('possible_victim');
    expect(assess(definition, answers, 'yes').assessment).toBe('presumed_victim');
    expect(assess(definition, answers, 'unknown').assessment).toBe('presumed_victim');
  });
  it('indicators alone make a possible victim; vulnerability alone makes no indication', () => {
    const result = assess(definition, yes('fl.debt_bondage', 'fl.isolation', 'child.out_of_school'), 'no');
    expect(result).toMatchObject({ indicatorCount: 3, assessment: 'possible_victim' });
    expect(assess(definition, yes('vul.indigenous'), 'yes')).toMatchObject({
      vulnerabilityCount: 1,
      assessment: 'no_indication',
    });
    expect(
      assess(definition, { 'act.recruitment': 'unknown', 'means.threat': 'no' }, 'unknown').assessment,
    ).toBe('no_indication');
  });
  it('a child whose exploitation is described without coercion is a presumed victim; child indicators of exploitation count toward the purpose', () => {
    const v2: RuleDefinition = {
      sections: [
        section('act', 'act.recruitment'),
        section('means', 'means.threat'),
        section('purpose', 'purpose.sexual_exploitation'),
        {
          kind: 'child',
          questions: [{ id: 'child.sexual_contact', towardPurpose: true }, { id: 'child.out_of_school' }],
        },
      ],
    };
    const described = assess(v2, yes('act.recruitment', 'purpose.sexual_exploitation'), 'yes');
    expect(described).toMatchObject({
      means: false,
      assessment: 'presumed_victim',
      law4788: { assessment: 'offence', aggravating: ['child'] },
    });
    const byIndicator = assess(v2, yes('act.recruitment', 'child.sexual_contact'), 'unknown');
    expect(byIndicator).toMatchObject({ purpose: true, childPurposeCount: 1, assessment: 'presumed_victim' });
    // A context indicator is not exploitation; and for an adult no child indicator is a purpose.
    expect(assess(v2, yes('act.recruitment', 'child.out_of_school'), 'yes').assessment).toBe(
      'possible_victim',
    );
    expect(assess(v2, yes('act.recruitment', 'child.sexual_contact'), 'no')).toMatchObject({
      purpose: false,
      childPurposeCount: 0,
      assessment: 'possible_victim',
    });
  });
  it('Law 4788: an adult without means is an offence (possible victim by Palermo); means aggravate', () => {
    const noMeans = assess(definition, yes('act.transport', 'purpose.forced_labour'), 'no');
    expect(noMeans).toMatchObject({
      assessment: 'possible_victim',
      law4788: { assessment: 'offence', aggravating: [] },
    });
    const withMeans = assess(definition, yes('act.transport', 'purpose.forced_labour', 'means.threat'), 'no');
    expect(withMeans.law4788).toEqual({ assessment: 'offence', aggravating: ['means'] });
    expect(assess(definition, yes('means.threat'), 'no').law4788.assessment).toBe('possible_offence');
    expect(assess(definition, {}, 'no').law4788.assessment).toBe('no_indication');
  });
  it('lists duplicate and unknown question ids', () => {
    const twice = { sections: [section('act', 'a.x', 'a.y'), section('means', 'a.x')] };
    expect(duplicateQuestionIds(twice)).toEqual(['a.x']);
    expect(unknownQuestionIds(definition, { 'act.recruitment': 'yes', 'nope.q': 'no' })).toEqual(['nope.q']);
  });
});

// ---- properties, for every instrument shape and every set of answers ---------------------------
const MAX_QUESTIONS = 40;
const definitionArb = fc
  .array(fc.record({ kind: fc.constantFrom(...SECTION_KINDS), size: fc.integer({ min: 1, max: 4 }) }), {
    minLength: 1,
    maxLength: 10,
  })
  .map((shape) => ({
    sections: shape.map(({ kind, size }, s) =>
      section(kind, ...Array.from({ length: size }, (_, q) => `s${s}.q${q}`)),
    ),
  }));
const answerArb = fc.option(fc.constantFrom<Answer>('yes', 'no', 'unknown'), { nil: undefined });
const screeningArb = fc
  .tuple(definitionArb, fc.array(answerArb, { minLength: MAX_QUESTIONS, maxLength: MAX_QUESTIONS }))
  .map(([def, values]) => {
    const ids = def.sections.flatMap((s) => s.questions.map((q) => q.id));
    const answers: Record<string, Answer> = {};
    ids.forEach((id, i) => {
      if (values[i] !== undefined) answers[id] = values[i];
    });
    return { def, ids, answers };
  });
const childArb = fc.constantFrom<ChildStatus>('yes', 'no', 'unknown');
const rank: Record<Assessment, number> = { no_indication: 0, possible_victim: 1, presumed_victim: 2 };
const kindOf = (def: RuleDefinition, id: string) =>
  def.sections.find((s) => s.questions.some((q) => q.id === id))!.kind;

describe('assessment properties', () => {
  it('an adult is never a presumed victim without a means', () => {
    fc.assert(
      fc.property(screeningArb, ({ def, answers }) => {
        const result = assess(def, answers, 'no');
        if (!result.means) expect(result.assessment).not.toBe('presumed_victim');
      }),
      { numRuns: 2000 },
    );
  });
  it('Law 4788 finds an offence exactly when there is an act and a purpose, and whenever Palermo presumes a victim', () => {
    fc.assert(
      fc.property(screeningArb, childArb, ({ def, answers }, child) => {
        const result = assess(def, answers, child);
        expect(result.law4788.assessment === 'offence').toBe(result.act && result.purpose);
        if (result.assessment === 'presumed_victim') expect(result.law4788.assessment).toBe('offence');
        expect(result.law4788.aggravating.includes('means')).toBe(result.means);
      }),
      { numRuns: 2000 },
    );
  });
  it('adding a "yes" never lowers the assessment (monotonic)', () => {
    fc.assert(
      fc.property(screeningArb, childArb, fc.nat(), ({ def, ids, answers }, child, pick) => {
        const id = ids[pick % ids.length]!;
        const before = assess(def, answers, child).assessment;
        const after = assess(def, { ...answers, [id]: 'yes' }, child).assessment;
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
      }),
      { numRuns: 2000 },
    );
  });
  it('a possible child never lowers the assessment compared with an adult', () => {
    fc.assert(
      fc.property(screeningArb, fc.constantFrom<ChildStatus>('yes', 'unknown'), ({ def, answers }, child) => {
        expect(rank[assess(def, answers, child).assessment]).toBeGreaterThanOrEqual(
          rank[assess(def, answers, 'no').assessment],
        );
      }),
    );
  });
  it('"no indication" exactly when no "yes" outside the vulnerability section', () => {
    fc.assert(
      fc.property(screeningArb, childArb, ({ def, answers }, child) => {
        const anyYes = Object.entries(answers).some(
          ([id, a]) => a === 'yes' && kindOf(def, id) !== 'vulnerability',
        );
        expect(assess(def, answers, child).assessment === 'no_indication').toBe(!anyYes);
      }),
      { numRuns: 2000 },
    );
  });
});

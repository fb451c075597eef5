import { describe, expect, it } from 'vitest';
import {
  CheckDuplicatesRequest,
  CreateCaseRequest,
  CreatePersonRequest,
} from '../../../shared/api-identification.js';
import { SubmitIntakeRequest } from '../../../shared/api-devices.js';
import {
  caseRequest,
  initialValues,
  intakeRequest,
  newDraft,
  personRequest,
  reachableSteps,
  screeningPreview,
  todayInParaguay,
  withValues,
} from './state.js';

describe('intake form values', () => {
  const values = initialValues('2026-03-10');

  it('turns an empty person form into a valid request apart from the required name', () => {
    const request = personRequest(values.person);
    expect(CreatePersonRequest.safeParse(request).success).toBe(false);
    const named = personRequest({ ...values.person, givenNames: 'Ana' });
    expect(CreatePersonRequest.parse(named)).toMatchObject({
      givenNames: 'Ana',
      nationalities: ['PY'],
      sex: 'Unknown',
    });
    // The duplicate check takes the same fields.
    expect(CheckDuplicatesRequest.safeParse(named).success).toBe(true);
  });

  it('sends an estimated age as a number, another country as its code, and no number without a document', () => {
    const request = personRequest({
      ...values.person,
      givenNames: 'Ana',
      estimatedAge: 16,
      nationality: 'other',
      otherCountry: ' br ',
      documentType: 'None',
      documentNumber: '123',
      indigenous: false,
      indigenousCommunity: 'ignored',
    });
    expect(request).toMatchObject({
      estimatedAge: 16,
      nationalities: ['BR'],
      documentType: 'None',
      documentNumber: null,
      indigenousCommunity: null,
    });
  });

  it('sends a pseudonym as such, and a draft saved before the field as a name', () => {
    const named = { ...values.person, givenNames: 'Flor' };
    expect(personRequest({ ...named, pseudonym: true }).pseudonym).toBe(true);
    const { pseudonym: _, ...oldDraft } = named;
    expect(personRequest(oldDraft as typeof named).pseudonym).toBe(false);
  });

  it('needs a detection method for the case', () => {
    expect(CreateCaseRequest.safeParse(caseRequest(values.case)).success).toBe(false);
    const request = caseRequest({ ...values.case, detectionMethod: 'Hotline' });
    expect(CreateCaseRequest.parse(request)).toMatchObject({
      detectionMethod: 'Hotline',
      detectedOn: '2026-03-10',
    });
  });

  it('opens each step once the one before is checked, and closes it when that step changes', () => {
    const draft = newDraft('2026-03-10');
    expect(reachableSteps(draft)).toEqual(['person']);
    const chosen = { ...draft, person: { kind: 'new' as const, name: 'Ana', confirmNotDuplicate: false } };
    expect(reachableSteps(chosen)).toEqual(['person', 'case']);
    const all = { ...chosen, caseChecked: true, screeningVersion: 1 };
    expect(reachableSteps(all)).toEqual(['person', 'case', 'screening', 'decision']);
    expect(reachableSteps(withValues(all, 'case', { ...all.values.case, narrative: 'x' }))).toEqual([
      'person',
      'case',
    ]);
    expect(
      reachableSteps(withValues(all, 'person', { ...all.values.person, givenNames: 'Ana María' })),
    ).toEqual(['person']);
  });

  it('makes one valid intake request of a checked draft, with an existing person or a new one', () => {
    const draft = newDraft('2026-03-10');
    const values = {
      ...draft.values,
      person: { ...draft.values.person, givenNames: 'Ana', dateOfBirth: '2001-01-02' },
      case: { ...draft.values.case, detectionMethod: 'Hotline' },
      screening: { factsDate: '', answers: { 'act.recruitment': 'yes' as const } },
    };
    const checked = { ...draft, values, caseChecked: true, screeningVersion: 1 };
    expect(() => intakeRequest(checked, null)).toThrow();
    const fresh = intakeRequest(
      { ...checked, person: { kind: 'new', name: 'Ana', confirmNotDuplicate: true } },
      null,
    );
    expect(SubmitIntakeRequest.parse(fresh)).toMatchObject({
      person: { givenNames: 'Ana', confirmNotDuplicate: true },
      personId: null,
      screening: { factsDate: '2026-03-10', instrumentVersion: 1 },
      decision: null,
    });
    const existing = intakeRequest(
      { ...checked, person: { kind: 'existing', id: crypto.randomUUID(), name: 'Ana' } },
      { status: 'PossibleVictimOfTrafficking', decidedOn: '2026-03-10', reason: 'Indicios.' },
    );
    expect(SubmitIntakeRequest.parse(existing)).toMatchObject({
      person: null,
      decision: { reason: 'Indicios.' },
    });
  });

  it('previews the assessment with the person’s age as typed, and refuses facts before the birth', () => {
    const definition = {
      sections: [
        { id: 'a', kind: 'act', questions: [{ id: 'act.recruitment' }] },
        { id: 'p', kind: 'purpose', questions: [{ id: 'purpose.sexual' }] },
      ],
    };
    const values = initialValues('2026-03-10');
    const child = {
      ...values,
      person: { ...values.person, dateOfBirth: '2012-01-01' },
      screening: {
        factsDate: '2026-01-01',
        answers: { 'act.recruitment': 'yes', 'purpose.sexual': 'yes' } as const,
      },
    };
    expect(screeningPreview(definition, child, '2026-03-10')).toMatchObject({
      child: 'yes',
      ageAtFacts: 14,
      assessment: 'presumed_victim',
    });
    const before = { ...child, screening: { ...child.screening, factsDate: '2011-01-01' } };
    expect(() => screeningPreview(definition, before, '2026-03-10')).toThrow(RangeError);
  });

  it("gives today's date in Paraguay", () => {
    expect(todayInParaguay(new Date('2026-01-01T02:00:00Z'))).toBe('2025-12-31');
  });
});

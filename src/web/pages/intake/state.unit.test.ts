import { describe, expect, it } from 'vitest';
import {
  CheckDuplicatesRequest,
  CreateCaseRequest,
  CreatePersonRequest,
} from '../../../shared/api-identification.js';
import { caseRequest, initialValues, personRequest, reachableSteps, todayInParaguay } from './state.js';

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

  it('needs a detection method for the case', () => {
    expect(CreateCaseRequest.safeParse(caseRequest(values.case)).success).toBe(false);
    const request = caseRequest({ ...values.case, detectionMethod: 'Hotline' });
    expect(CreateCaseRequest.parse(request)).toMatchObject({
      detectionMethod: 'Hotline',
      detectedOn: '2026-03-10',
    });
  });

  it('opens each step once the one before is saved', () => {
    expect(reachableSteps({})).toEqual(['person']);
    expect(reachableSteps({ person: { id: 'p', name: 'x' } })).toEqual(['person', 'case']);
    expect(
      reachableSteps({
        person: { id: 'p', name: 'x' },
        case: { id: 'c', reference: 'r', personLinked: false },
      }),
    ).toEqual(['person', 'case']);
  });

  it("gives today's date in Paraguay", () => {
    expect(todayInParaguay(new Date('2026-01-01T02:00:00Z'))).toBe('2025-12-31');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBandOf, ageRangeOf, match, type Candidate, type Profile } from './matching.js';

const candidate = (overrides: Partial<Candidate> = {}): Candidate => ({
  providerId: 'p',
  providerServiceId: 's',
  name: 'Proveedor',
  institutionCode: 'MINMUJER',
  department: 'PY-ASU',
  serviceType: 'Shelter',
  departments: ['PY-ASU'],
  capacity: 5,
  occupancy: 0,
  sexes: [],
  minAge: null,
  maxAge: null,
  nationalities: [],
  languages: [],
  ...overrides,
});
const adultMan: Profile = { sex: 'Male', age: 40, nationalities: ['PY'], languages: ['gn'] };

describe('matching', () => {
  it('puts every age in the band whose range holds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (age) => {
        const range = ageRangeOf(ageBandOf(age))!;
        return range[0] <= age && age <= range[1];
      }),
    );
    expect(ageBandOf(null)).toBe('Unknown');
  });

  it('says why a need is unmet, in the order the search narrows', () => {
    const need = { serviceType: 'Shelter', department: 'PY-ASU' };
    expect(match([candidate({ departments: ['PY-10'] })], need, adultMan).unmetReason).toBe(
      'not_offered_in_department',
    );
    expect(match([candidate({ sexes: ['Female'] })], need, adultMan).unmetReason).toBe(
      'no_provider_for_profile',
    );
    expect(match([candidate({ occupancy: 5 })], need, adultMan).unmetReason).toBe('no_capacity');
    expect(match([candidate()], need, adultMan)).toMatchObject({ unmetReason: null, matches: [{ free: 5 }] });
  });

  it('never offers a full bed service, and orders matches nearest first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (capacity, occupancy) => {
        fc.pre(occupancy <= capacity);
        const result = match(
          [candidate({ capacity, occupancy })],
          { serviceType: 'Shelter', department: 'PY-ASU' },
          adultMan,
        );
        return (result.matches.length === 1) === occupancy < capacity;
      }),
    );
    const near = candidate({ name: 'B', department: 'PY-11', departments: ['PY-ASU'] });
    const far = candidate({ name: 'A', department: 'PY-16', departments: ['PY-ASU'] });
    const result = match([far, near], { serviceType: 'Shelter', department: 'PY-ASU' }, adultMan);
    expect(result.matches.map((m) => m.name)).toEqual(['B', 'A']);
  });

  it('checks age limits only when the age is known', () => {
    const adultsOnly = candidate({ minAge: 18 });
    const need = { serviceType: 'Shelter', department: 'PY-ASU' };
    expect(match([adultsOnly], need, { ...adultMan, age: 15 }).unmetReason).toBe('no_provider_for_profile');
    expect(match([adultsOnly], need, { ...adultMan, age: null }).unmetReason).toBeNull();
  });
});

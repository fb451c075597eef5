/**
 * The child's-consent rule reads the screening's age bands: whoever the screening treats as a child
 * or possibly a child by a known age (under 18, or an approximate 18–20) does not consent alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMinor, ownConsentOfChild, typedMinor } from './minor-consent.js';
import { childStatus } from './screening-rules.js';

describe('isMinor', () => {
  it('treats an approximate age of 18 to 20 as possibly a child, an exact one as an adult', () => {
    expect(isMinor(17, false)).toBe(true);
    expect(isMinor(18, false)).toBe(false);
    for (const age of [18, 19, 20]) expect(isMinor(age, true)).toBe(true);
    expect(isMinor(21, true)).toBe(false);
    expect(isMinor(null, true)).toBe(false);
  });

  it('agrees with the screening’s child rule for every known age', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.boolean(), (age, approximate) => {
        const screening = childStatus({
          dateOfBirth: null,
          estimatedAge: age,
          ageApproximate: approximate,
          factsDate: '2026-06-01',
          recordedOn: '2026-06-01',
        });
        expect(isMinor(age, approximate)).toBe(screening.child !== 'no');
      }),
    );
  });

  it('refuses the own consent of a typed person who may be a child', () => {
    const on = '2026-06-01';
    const own = { kind: 'consent', givenBy: 'Person' };
    expect(ownConsentOfChild(own, typedMinor({ estimatedAge: 19, ageApproximate: true }, on))).toBe(true);
    expect(ownConsentOfChild(own, typedMinor({ estimatedAge: 19, ageApproximate: false }, on))).toBe(false);
    expect(ownConsentOfChild(own, typedMinor({ dateOfBirth: '2006-01-01', ageApproximate: true }, on))).toBe(
      true,
    );
    expect(ownConsentOfChild({ ...own, givenBy: 'LegalGuardian' }, true)).toBe(false);
  });
});

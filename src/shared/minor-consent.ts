/**
 * A child's consent (docs/MINORS-CONSENT.md), as pure rules the server and the web share: a person
 * under 18 — by the date of birth, or the estimated age recorded when a child is presumed — does not
 * consent alone; a parent, a legal guardian or an authority gives the consent. The server applies it
 * to the stored person (`recordConsent`); the offline intake applies it to the person typed in,
 * before the intake is queued, so the device does not hold a consent the server will refuse.
 */
import { ageAt } from './screening-rules.js';

/** Under 18 by what is known of the person; an unknown age is not (record an estimate instead). */
export function isMinor(age: number | null): boolean {
  return age !== null && age < 18;
}

/**
 * The age on `on` (YYYY-MM-DD) of a person as typed: from the date of birth when given, else the
 * estimated age (taken as of today, as the server stores it); null when neither is known or the
 * date of birth is not a real date before `on`.
 */
export function typedAge(
  person: { dateOfBirth?: string | null | undefined; estimatedAge?: number | null | undefined },
  on: string,
): number | null {
  if (person.dateOfBirth) {
    try {
      return ageAt(person.dateOfBirth, on);
    } catch {
      return null;
    }
  }
  return person.estimatedAge ?? null;
}

/** A consent the person gave alone while a child: refused (`minor_consent_needs_representative`). */
export function ownConsentOfChild(
  consent: { kind: string; givenBy?: string | null | undefined },
  age: number | null,
): boolean {
  return consent.kind === 'consent' && consent.givenBy === 'Person' && isMinor(age);
}

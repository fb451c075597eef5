/**
 * A child's consent (docs/MINORS-CONSENT.md), as pure rules the server and the web share: a person
 * who is or may be a child — under 18 by the date of birth or the estimated age, or of an
 * approximate age from 18 to 20 (the screening's "possibly a child", `ageBand`) — does not consent
 * alone; a parent, a legal guardian or an authority gives the consent. The server applies it to the
 * stored person (`recordConsent`, `createReferral`); the offline intake applies it to the person
 * typed in, before the intake is queued, so the device does not hold a consent the server will
 * refuse.
 */
import { ageAt, ageBand } from './screening-rules.js';

/**
 * A child, or possibly one, by what is known of the person: under 18, or an approximate age of 18
 * to 20 (the screening's child rule, `ageBand`). An unknown age is not (record an estimate instead).
 */
export function isMinor(age: number | null, approximate: boolean): boolean {
  return age !== null && ageBand(age, approximate) !== 'adult';
}

/** A person as typed in a form or a request (a new person of an intake). */
export interface TypedAge {
  dateOfBirth?: string | null | undefined;
  estimatedAge?: number | null | undefined;
  ageApproximate?: boolean | undefined;
}

/**
 * The age on `on` (YYYY-MM-DD) of a person as typed: from the date of birth when given, else the
 * estimated age (taken as of today, as the server stores it); null when neither is known or the
 * date of birth is not a real date before `on`.
 */
export function typedAge(person: TypedAge, on: string): number | null {
  if (person.dateOfBirth) {
    try {
      return ageAt(person.dateOfBirth, on);
    } catch {
      return null;
    }
  }
  return person.estimatedAge ?? null;
}

/** Whether a person as typed is, or may be, a child on `on` (`isMinor` of the typed age). */
export function typedMinor(person: TypedAge, on: string): boolean {
  return isMinor(typedAge(person, on), person.ageApproximate ?? false);
}

/** A consent the person gave alone while (possibly) a child: refused (`minor_consent_needs_representative`). */
export function ownConsentOfChild(
  consent: { kind: string; givenBy?: string | null | undefined },
  minor: boolean,
): boolean {
  return consent.kind === 'consent' && consent.givenBy === 'Person' && minor;
}

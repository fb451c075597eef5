/**
 * A generated registration as intake stores it (`PersonInput`) or asks the duplicate warning about
 * it (`findPersonMatches`' input): the benchmarks that store the harder generator's records in a
 * database (database.ts, match-key-writes.ts). Only synthetic records.
 */
import type { LinkPerson } from '../../src/server/linkage-engine/record.js';
import type { findPersonMatches } from '../../src/server/modules/linkage/matches.service.js';
import type { PersonInput } from '../../src/server/modules/persons/person-record.js';

/** The generator's date (with or without dashes) as YYYY-MM-DD. */
export function isoDate(date: string | null | undefined): string | null {
  const d = date?.replace(/-/g, '');
  return d ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
}

/** The fields a registration and its look-up share. */
function common(p: LinkPerson) {
  return {
    givenNames: p.givenNames || 'NN',
    firstSurname: p.firstSurname ?? null,
    secondSurname: p.secondSurname ?? null,
    aliases: [...(p.aliases ?? [])],
    pseudonym: false,
    dateOfBirth: isoDate(p.dateOfBirth),
    estimatedAge: p.estimatedAge ?? null,
    sex: p.sex === 'Female' || p.sex === 'Male' ? p.sex : 'Unknown',
    nationalities: [...(p.nationalities ?? [])],
    documentNumber: p.documentNumber ?? null,
    residenceDepartment: p.department ?? null,
    residenceDistrict: p.district ?? null,
  } as const;
}

/** The registration as intake stores it. */
export function personInputOf(p: LinkPerson): PersonInput {
  return {
    ...common(p),
    birthYear: p.dateOfBirth ? null : (p.birthYear ?? null),
    ageApproximate: p.estimatedAge !== null && p.estimatedAge !== undefined,
    documentType: p.documentNumber ? 'CedulaPY' : null,
    languages: [],
    interpreterNeeded: false,
    indigenous: false,
  } as unknown as PersonInput;
}

/** The registration as the duplicate warning is asked about it. */
export function matchInputOf(p: LinkPerson): Parameters<typeof findPersonMatches>[2] {
  return common(p) as Parameters<typeof findPersonMatches>[2];
}

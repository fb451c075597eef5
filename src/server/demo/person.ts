/**
 * One synthetic person: names (Spanish and Guaraní given names, compound ones, Zipf-distributed
 * surnames), age or only an estimate, nationality, document, languages, indigenous community, residence.
 */
import type { PersonInput } from '../modules/persons/person-record.js';
import type { Rng } from './prng.js';
import {
  COMMUNITY_WORDS,
  DEPARTMENT_TABLE,
  DISABILITIES,
  DISTRICTS,
  FEMALE_COMPOUND_TABLE,
  FEMALE_GUARANI_NAMES,
  FEMALE_NAME_TABLE,
  INDIGENOUS_DEPARTMENT_TABLE,
  MALE_COMPOUND_TABLE,
  MALE_GUARANI_NAMES,
  MALE_NAME_TABLE,
  FOREIGN_NATIONALITY_TABLE,
  NICKNAMES,
  PEOPLES,
  SURNAME_TABLE,
} from './vocabulary.js';

export interface PersonSpec {
  sex: 'Female' | 'Male' | 'Unknown';
  /** Age in whole years on the detection date. */
  age: number;
  detectedOn: string;
  /** Foreign victims exploited in Paraguay are drawn with a foreign nationality. */
  foreign: boolean;
}

/**
 * One or two given names: a Guaraní name for about one person in eight; otherwise a usual compound
 * (María José, Juan Carlos) for about one in seven, or a free second name for about a third.
 */
function givenName(rng: Rng, female: boolean): string {
  if (rng.chance(0.12)) {
    const first = rng.pick(female ? FEMALE_GUARANI_NAMES : MALE_GUARANI_NAMES);
    if (!rng.chance(0.4)) return first;
    return `${first} ${(female ? FEMALE_NAME_TABLE : MALE_NAME_TABLE).draw(rng)}`;
  }
  if (rng.chance(0.15)) return (female ? FEMALE_COMPOUND_TABLE : MALE_COMPOUND_TABLE).draw(rng);
  const names = female ? FEMALE_NAME_TABLE : MALE_NAME_TABLE;
  const first = names.draw(rng);
  if (!rng.chance(0.35)) return first;
  const second = names.draw(rng);
  return second === first ? first : `${first} ${second}`;
}

/** A date `age` years (and some days) before `on`, as YYYY-MM-DD. */
export function birthDate(rng: Rng, on: string, age: number): string {
  const reference = new Date(`${on}T00:00:00Z`);
  const birthday = Date.UTC(
    reference.getUTCFullYear() - age,
    reference.getUTCMonth(),
    reference.getUTCDate(),
  );
  // Between `age` and `age + 1` years before the reference date.
  return new Date(birthday - rng.int(1, 364) * 86_400_000).toISOString().slice(0, 10);
}

function documentOf(
  rng: Rng,
  nationality: string,
  age: number,
): Pick<PersonInput, 'documentType' | 'documentNumber'> {
  if (nationality === 'PY') {
    if (rng.chance(age < 18 ? 0.35 : 0.2)) return { documentType: 'None', documentNumber: null };
    if (age < 10 && rng.chance(0.5))
      return { documentType: 'BirthCertificate', documentNumber: String(rng.int(100000, 999999)) };
    return { documentType: 'CedulaPY', documentNumber: String(rng.int(1000000, 7999999)) };
  }
  if (rng.chance(0.3)) return { documentType: 'None', documentNumber: null };
  if (rng.chance(0.6)) {
    const letters = String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25));
    return { documentType: 'Passport', documentNumber: `${letters}${rng.int(1000000, 9999999)}` };
  }
  return { documentType: 'ForeignId', documentNumber: String(rng.int(10000000, 99999999)) };
}

function languagesOf(rng: Rng, nationality: string, indigenous: boolean): PersonInput['languages'] {
  if (nationality === 'BR') return rng.chance(0.5) ? ['pt', 'es'] : ['pt'];
  if (nationality === 'CN' || nationality === 'ID') return rng.chance(0.3) ? ['other', 'es'] : ['other'];
  if (nationality !== 'PY') return ['es'];
  if (indigenous) {
    // The peoples with most speakers first (a rough order, not census weights).
    const own = rng.pick([
      'gun',
      'gun',
      'nhd',
      'nhd',
      'pta',
      'pta',
      'cag',
      'enx',
      'guq',
      'tob',
      'ayo',
    ] as const);
    const x = rng.float();
    return x < 0.5 ? [own, 'gn'] : x < 0.7 ? [own] : ['gn', 'es'];
  }
  const x = rng.float();
  return x < 0.6 ? ['es', 'gn'] : x < 0.78 ? ['gn'] : ['es'];
}

function phone(rng: Rng): string {
  return `+595 9${rng.int(71, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
}

/** Draws one person for `spec`; everything comes from `rng`, so the same seed gives the same person. */
export function drawPerson(rng: Rng, spec: PersonSpec): PersonInput {
  const female = spec.sex === 'Female' || (spec.sex === 'Unknown' && rng.chance(0.5));
  const nationality = spec.foreign ? FOREIGN_NATIONALITY_TABLE.draw(rng) : 'PY';
  const nationalities = nationality === 'PY' && rng.chance(0.02) ? ['PY', 'AR'] : [nationality];
  const indigenous = nationality === 'PY' && rng.chance(0.09);
  const residenceDepartment =
    nationality === 'PY' || rng.chance(0.5)
      ? ((indigenous ? INDIGENOUS_DEPARTMENT_TABLE : DEPARTMENT_TABLE).draw(
          rng,
        ) as PersonInput['residenceDepartment'])
      : null;
  const approximate = rng.chance(spec.age < 18 ? 0.2 : 0.12);
  const dateOfBirth = approximate ? null : birthDate(rng, spec.detectedOn, spec.age);
  const firstSurname = rng.chance(0.98) ? SURNAME_TABLE.draw(rng) : null;
  const languages = languagesOf(rng, nationality, indigenous);
  return {
    givenNames: givenName(rng, female),
    firstSurname,
    secondSurname: firstSurname && rng.chance(0.85) ? SURNAME_TABLE.draw(rng) : null,
    aliases: rng.chance(0.1) ? [rng.pick(NICKNAMES)] : [],
    pseudonym: false,
    sex: spec.sex,
    gender: rng.chance(0.2)
      ? null
      : female
        ? 'Feminine'
        : rng.chance(0.02)
          ? 'TransgenderFeminine'
          : 'Masculine',
    dateOfBirth,
    estimatedAge: approximate ? spec.age : null,
    ageApproximate: approximate,
    nationalities,
    ...documentOf(rng, nationality, spec.age),
    languages,
    interpreterNeeded: !languages.includes('es') && !languages.includes('gn'),
    indigenous,
    indigenousCommunity:
      indigenous && rng.chance(0.8) ? `${rng.pick(PEOPLES)} — ${rng.pick(COMMUNITY_WORDS)}` : null,
    disability: rng.chance(0.03) ? rng.pick(DISABILITIES) : null,
    contact: spec.age >= 14 && rng.chance(0.55) ? phone(rng) : null,
    residenceDepartment,
    residenceDistrict:
      residenceDepartment && rng.chance(0.95) ? rng.pick(DISTRICTS[residenceDepartment]!) : null,
  };
}

/**
 * A labelled synthetic Paraguayan population for the linkage benchmark: persons drawn by the demo
 * generator (src/server/demo/person.ts: Spanish and Guaraní given names, Zipf surnames, estimated
 * ages, documents, places), each registered by 1–5 institutions, every registration corrupted the
 * way intake forms are: typos, spelling variants, swapped or dropped surnames, nicknames, a dropped
 * second given name, birth-date errors, an estimated age instead of the date, a missing document or
 * transposed digits, a moved residence. Deterministic for a seed.
 */
import { drawPerson } from '../../src/server/demo/person.js';
import { Rng } from '../../src/server/demo/prng.js';
import type { PersonInput } from '../../src/server/modules/persons/person-record.js';
import type { LinkPerson } from '../../src/server/linkage-engine/record.js';
import type { Labelled } from './febrl.js';

const INSTITUTIONS = ['PNPTU', 'MP-UFETESI', 'MINMUJER', 'MINNA', 'NGO'];
/** How many institutions registered one person: most once, some up to five times. */
const COPIES = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5];
const NICKNAMES: Record<string, string[]> = {
  María: ['Mary', 'Mari'],
  Juana: ['Juani'],
  José: ['Pepe'],
  Lourdes: ['Lulú'],
  Teresa: ['Tere'],
  Natalia: ['Naty'],
  Fátima: ['Fati'],
  Luis: ['Lucho'],
  Gustavo: ['Tavo'],
  Sergio: ['Checho'],
  Rodrigo: ['Rodri'],
};
/** Spelling variants a clerk writes (each a pair of substrings). */
const VARIANTS: [RegExp, string][] = [
  [/v/, 'b'],
  [/b/, 'v'],
  [/ll/, 'y'],
  [/z$/, 's'],
  [/s$/, 'z'],
  [/^([AEIOU])/, 'H$1'],
  [/ñ/, 'n'],
  [/[áéíóú]/, (m: string) => m.normalize('NFD')[0]!] as unknown as [RegExp, string],
];

function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word;
  const i = rng.int(1, word.length - 2);
  const letters = 'abcdefghijlmnoprstuvy';
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + rng.pick([...letters]) + word.slice(i);
    case 2:
      return word.slice(0, i) + rng.pick([...letters]) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

function variant(rng: Rng, word: string): string {
  const [pattern, replacement] = rng.pick(VARIANTS);
  return word.replace(pattern, replacement);
}

function misspell(rng: Rng, word: string | null | undefined): string | null {
  if (!word) return null;
  if (rng.chance(0.12)) return variant(rng, word);
  if (rng.chance(0.06)) return typo(rng, word);
  return word;
}

function shiftDate(rng: Rng, dob: string): string {
  const [y, m, d] = dob.split('-');
  switch (rng.int(0, 2)) {
    case 0:
      return Number(d) <= 12 ? `${y}-${d}-${m}` : `${y}-${m}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    case 1:
      return `${Number(y) + rng.pick([-1, 1])}-${m}-${d}`;
    default:
      return `${y}-${m}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  }
}

function transpose(rng: Rng, doc: string): string {
  const i = rng.int(0, doc.length - 2);
  return doc.slice(0, i) + doc[i + 1] + doc[i] + doc.slice(i + 2);
}

/** One institution's registration of `p`. */
function register(rng: Rng, p: PersonInput, id: string, source: string, year: number): LinkPerson {
  let given = p.givenNames.split(' ');
  if (given.length > 1 && rng.chance(0.25)) given = given.slice(0, 1);
  const nick = NICKNAMES[given[0]!];
  if (nick && rng.chance(0.2)) given[0] = rng.pick(nick);
  let first = misspell(rng, p.firstSurname);
  let second = misspell(rng, p.secondSurname);
  // The mother's surname is the one usually left out; a clerk may also write the two in either order.
  if (second && rng.chance(0.2)) second = null;
  if (second && rng.chance(0.15)) [first, second] = [second, first];
  let dateOfBirth = p.dateOfBirth;
  let birthYear = dateOfBirth ? Number(dateOfBirth.slice(0, 4)) : year - (p.estimatedAge ?? 30);
  if (dateOfBirth && rng.chance(0.08)) dateOfBirth = shiftDate(rng, dateOfBirth);
  if (dateOfBirth && rng.chance(0.1)) {
    dateOfBirth = null;
    birthYear += rng.int(-2, 2);
  }
  let documentNumber = p.documentNumber;
  if (documentNumber && rng.chance(0.3)) documentNumber = null;
  else if (documentNumber && rng.chance(0.05)) documentNumber = transpose(rng, documentNumber);
  const moved = rng.chance(0.15);
  return {
    id,
    source,
    givenNames: given.map((g) => misspell(rng, g) ?? g).join(' '),
    firstSurname: first,
    secondSurname: second,
    aliases: rng.chance(0.5) ? p.aliases : [],
    dateOfBirth,
    birthYear,
    sex: rng.chance(0.03) ? 'Unknown' : p.sex,
    nationalities: rng.chance(0.05) ? [] : p.nationalities,
    documentNumber,
    department: moved ? null : (p.residenceDepartment ?? null),
    district: moved || rng.chance(0.3) ? null : (p.residenceDistrict ?? null),
  };
}

/**
 * One true person of a benchmark population, as met at intake on 1 June 2026: a child three times in
 * ten (8–17, else 18–55), a woman three in four, a foreign national one in ten.
 */
export function drawTruePerson(rng: Rng) {
  const age = rng.chance(0.3) ? rng.int(8, 17) : rng.int(18, 55);
  const sex: 'Female' | 'Male' = rng.chance(0.75) ? 'Female' : 'Male';
  return {
    age,
    sex,
    person: drawPerson(rng, { sex, age, detectedOn: '2026-06-01', foreign: rng.chance(0.1) }),
  };
}

/** `persons` distinct persons and their registrations, with each registration's true person. */
export function paraguayanPopulation(persons: number, seed = 7): Labelled {
  const rng = new Rng(seed);
  const records: LinkPerson[] = [];
  const entities: string[] = [];
  for (let n = 0; n < persons; n++) {
    const { person: p } = drawTruePerson(rng);
    const copies = rng.pick(COPIES);
    for (const source of rng.sample(INSTITUTIONS, copies)) {
      records.push(register(rng, p, `${n}-${source}`, source, 2026));
      entities.push(String(n));
    }
  }
  return { records, entities };
}

/**
 * The harder Paraguayan generator: how intake staff of several institutions really register one
 * person, each error a documented rate (`SETTINGS`), so the engine is evaluated across several
 * settings rather than fitted to one. Persons come from the demo generator (Spanish and Guaraní
 * given names, Zipf surnames, documents, places); each is registered by 1–5 institutions, each
 * registration written independently:
 *
 * - birth: an age estimated by eye (off by several years, often rounded to 5) with the date it was
 *   recorded; only a birth year; day and month swapped; a wrong digit;
 * - given names: a hypocoristic or a regular diminutive (Spanish -ita/-ito, Guaraní -’i, -mi), a
 *   Portuguese or regional form, a compound name cut to its first or its second word;
 * - surnames: the mother's (or the father's) dropped, both swapped, a married woman's "de X" added;
 * - spelling: phonetic respellings (c/s/z, ll/y, b/v, h, j/g, k/qu, i/y, doubled letters, ñ),
 *   phone-keyboard typos (a neighbouring key, a doubled or missed letter, two letters swapped),
 *   accents lost;
 * - document: missing, a digit mistyped or two swapped, or another country's document;
 * - nationality and department recorded differently by different institutions; sex not recorded.
 *
 * No rule names particular persons; the error model is the same for every name. Deterministic for a
 * seed. Run `npx tsx bench/linkage/hard.ts [setting]` to print a setting's parameters.
 */
import { Rng } from '../../src/server/demo/prng.js';
import { SURNAME_TABLE } from '../../src/server/demo/vocabulary.js';
import type { LinkPerson } from '../../src/server/linkage-engine/record.js';
import type { Labelled } from './febrl.js';
import { diminutive, HYPOCORISTICS, REGIONAL_FORMS } from './hypocoristics.js';
import { drawTruePerson } from './population.js';

/** Every rate of the error model (probabilities per registration unless said otherwise). */
export interface Setting {
  /** Registrations whose birth is an age estimated by eye (no date). */
  estimatedAge: number;
  /** Standard deviation, in years, of the error of an estimated age. */
  ageErrorSd: number;
  /** Estimated ages rounded to the nearest 5 ("about 15", "about 20"). */
  ageRoundTo5: number;
  /** Registrations with only the birth year. */
  birthYearOnly: number;
  /** Full dates with day and month swapped (when both are ≤ 12), or one digit mistyped. */
  dayMonthSwap: number;
  dateTypo: number;
  /** A given name replaced by a hypocoristic, diminutive or regional form. */
  nickname: number;
  /** A compound given name cut to its first (2/3) or its second (1/3) word. */
  compoundCut: number;
  /** One surname dropped (the mother's 3 in 4 times); no surname at all. */
  surnameDrop: number;
  noSurname: number;
  /** The two surnames written in the other order. */
  surnameSwap: number;
  /** An adult woman registered with a married "de X" after her surnames. */
  marriedDe: number;
  /** Per name word: a phonetic respelling; a phone-keyboard typo. */
  phonetic: number;
  keyboardTypo: number;
  /**
   * Share of keyboard typos that may fall on a word's first letter too (0: never, the documented
   * settings; 1: any letter alike). Intake staff mistype first letters less often than others, but
   * they do, and blocking on initials or prefixes does not see it.
   */
  typoAtStart?: number;
  /** Registrations written without accents (and ñ as n). */
  accentsLost: number;
  /** Document not recorded; one digit mistyped or two swapped; another country's document. */
  documentMissing: number;
  documentTypo: number;
  otherDocument: number;
  /** Nationality and department recorded differently (or left out) by this institution. */
  nationalityDiffers: number;
  departmentDiffers: number;
  sexMissing: number;
  // Phenomena the first four settings leave out (absent there, so their records are unchanged;
  // the `shifted` setting sets them). Each is what intake staff do, not what the engine models.
  /**
   * A given name shortened by the regular patterns of Spanish hypocoristics, made from the name
   * itself and not taken from any list: the first two syllables (Sebastián → Seba, Valentín → Vale),
   * those with the last vowel made -i or -y (Gabriela → Gabi, Daniel → Dani, Yanina → Yany), or the
   * last two syllables (Cristina → Tina, Fernando → Nando). Lists of nicknames never hold them all.
   */
  freeShortForm?: number;
  /** Per registration with two or more given names: the second written as its initial ("Juan B."). */
  secondInitial?: number;
  /** Given names and surnames written in each other's fields (the form read "apellidos, nombres"). */
  fieldsSwapped?: number;
  /** Of the married "de X": the mother's surname replaced by it (González de Benítez), not kept. */
  marriedReplaces?: number;
  /** Years added on average to an estimated age (a minor taken for older, or the reverse). */
  ageBias?: number;
  /** Sex recorded as the other one. */
  sexWrong?: number;
  /**
   * Per name word beginning with j or y before a vowel: the other letter (Guaraní written with the
   * Spanish alphabet or the Guaraní one: Jasy / Yasy, Yegros / Jegros, Juan / Yuan is rarer).
   */
  jyRespelling?: number;
  /** The document written with a prefix and points ("C.I. 4.123.456", "CI N° 4123456"). */
  documentPrefix?: number;
}

export const SETTINGS: Record<string, Setting> = {
  clean: {
    estimatedAge: 0.05,
    ageErrorSd: 1,
    ageRoundTo5: 0.1,
    birthYearOnly: 0.02,
    dayMonthSwap: 0.01,
    dateTypo: 0.01,
    nickname: 0.03,
    compoundCut: 0.1,
    surnameDrop: 0.05,
    noSurname: 0,
    surnameSwap: 0.03,
    marriedDe: 0.03,
    phonetic: 0.02,
    keyboardTypo: 0.01,
    accentsLost: 0.3,
    documentMissing: 0.2,
    documentTypo: 0.01,
    otherDocument: 0.01,
    nationalityDiffers: 0.01,
    departmentDiffers: 0.05,
    sexMissing: 0.01,
  },
  moderate: {
    estimatedAge: 0.15,
    ageErrorSd: 2,
    ageRoundTo5: 0.4,
    birthYearOnly: 0.05,
    dayMonthSwap: 0.03,
    dateTypo: 0.03,
    nickname: 0.1,
    compoundCut: 0.3,
    surnameDrop: 0.18,
    noSurname: 0.01,
    surnameSwap: 0.08,
    marriedDe: 0.12,
    phonetic: 0.06,
    keyboardTypo: 0.04,
    accentsLost: 0.5,
    documentMissing: 0.4,
    documentTypo: 0.04,
    otherDocument: 0.03,
    nationalityDiffers: 0.04,
    departmentDiffers: 0.15,
    sexMissing: 0.03,
  },
  hard: {
    estimatedAge: 0.25,
    ageErrorSd: 3,
    ageRoundTo5: 0.6,
    birthYearOnly: 0.08,
    dayMonthSwap: 0.05,
    dateTypo: 0.05,
    nickname: 0.18,
    compoundCut: 0.4,
    surnameDrop: 0.25,
    noSurname: 0.02,
    surnameSwap: 0.12,
    marriedDe: 0.2,
    phonetic: 0.1,
    keyboardTypo: 0.07,
    accentsLost: 0.6,
    documentMissing: 0.5,
    documentTypo: 0.07,
    otherDocument: 0.05,
    nationalityDiffers: 0.07,
    departmentDiffers: 0.25,
    sexMissing: 0.05,
  },
  'very-hard': {
    estimatedAge: 0.35,
    ageErrorSd: 4.5,
    ageRoundTo5: 0.8,
    birthYearOnly: 0.1,
    dayMonthSwap: 0.08,
    dateTypo: 0.08,
    nickname: 0.25,
    compoundCut: 0.5,
    surnameDrop: 0.35,
    noSurname: 0.04,
    surnameSwap: 0.15,
    marriedDe: 0.3,
    phonetic: 0.15,
    keyboardTypo: 0.1,
    accentsLost: 0.7,
    documentMissing: 0.6,
    documentTypo: 0.1,
    otherDocument: 0.08,
    nationalityDiffers: 0.1,
    departmentDiffers: 0.35,
    sexMissing: 0.08,
  },
  /**
   * Not a harder copy of `hard` but a different mix (issue 15: the engine must hold on data whose
   * error rates and kinds it was not fitted to): more estimated ages, further off and biased, fewer
   * listed nicknames but short forms made by the regular patterns, more surnames dropped and the
   * married "de X" replacing the mother's, documents with prefixes, names in each other's fields,
   * Guaraní j/y, sex recorded wrong.
   */
  shifted: {
    estimatedAge: 0.3,
    ageErrorSd: 3.5,
    ageRoundTo5: 0.5,
    birthYearOnly: 0.1,
    dayMonthSwap: 0.08,
    dateTypo: 0.04,
    nickname: 0.08,
    compoundCut: 0.5,
    surnameDrop: 0.3,
    noSurname: 0.03,
    surnameSwap: 0.06,
    marriedDe: 0.25,
    phonetic: 0.12,
    keyboardTypo: 0.05,
    typoAtStart: 0.2,
    accentsLost: 0.7,
    documentMissing: 0.55,
    documentTypo: 0.05,
    otherDocument: 0.06,
    nationalityDiffers: 0.1,
    departmentDiffers: 0.2,
    sexMissing: 0.04,
    freeShortForm: 0.08,
    secondInitial: 0.1,
    fieldsSwapped: 0.03,
    marriedReplaces: 0.5,
    ageBias: 1.5,
    sexWrong: 0.01,
    jyRespelling: 0.3,
    documentPrefix: 0.15,
  },
};

const INSTITUTIONS = ['PNPTU', 'MP-UFETESI', 'MINMUJER', 'MINNA', 'CODENI', 'NGO'];
/** How many institutions registered one person: most once, some up to five times. */
const COPIES = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5];
const DEPARTMENTS = ['PY-ASU', 'PY-11', 'PY-10', 'PY-7', 'PY-2', 'PY-5', 'PY-3', 'PY-9', 'PY-1', 'PY-13'];
const OTHER_NATIONALITIES = ['AR', 'BR', 'BO', 'UY'];

/** Phonetic respellings a clerk makes when writing a name heard aloud (pattern, replacement). */
const RESPELLINGS: [RegExp, string][] = [
  [/c([ei])/, 's$1'],
  [/s([ei])/, 'c$1'],
  [/z/, 's'],
  [/s$/, 'z'],
  [/s/, 'z'],
  [/ll/, 'y'],
  [/y([aeiou])/, 'll$1'],
  [/v/, 'b'],
  [/b/, 'v'],
  [/^h/, ''],
  [/^([aeiou])/, 'h$1'],
  [/j/, 'g'],
  [/g([ei])/, 'j$1'],
  [/qu/, 'k'],
  [/c([aou])/, 'k$1'],
  [/k/, 'c'],
  [/y$/, 'i'],
  [/i$/, 'y'],
  [/rr/, 'r'],
  [/([lnrst])/, '$1$1'],
  [/ñ/, 'ni'],
  [/x/, 'j'],
  [/gu([ei])/, 'g$1'],
];

/** Neighbouring keys on a phone's QWERTY keyboard (Spanish layout: ñ beside l). */
const KEYBOARD = ['qwertyuiop', 'asdfghjklñ', 'zxcvbnm'];
function neighbour(rng: Rng, letter: string): string {
  for (let row = 0; row < KEYBOARD.length; row++) {
    const at = KEYBOARD[row]!.indexOf(letter);
    if (at < 0) continue;
    const options: string[] = [];
    if (at > 0) options.push(KEYBOARD[row]![at - 1]!);
    if (at + 1 < KEYBOARD[row]!.length) options.push(KEYBOARD[row]![at + 1]!);
    for (const r of [row - 1, row + 1]) {
      const line = KEYBOARD[r];
      if (line && line[at]) options.push(line[at]!);
    }
    return rng.pick(options);
  }
  return letter;
}

/** Keeps the case of the first letter of `model` in `word`. */
function likeCase(model: string, word: string): string {
  if (word.length === 0) return word;
  return model[0] === model[0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}

function respell(rng: Rng, word: string): string {
  const lower = word.toLowerCase();
  // A few tries: not every respelling applies to every word.
  for (let attempt = 0; attempt < 6; attempt++) {
    const [pattern, replacement] = rng.pick(RESPELLINGS);
    const out = lower.replace(pattern, replacement);
    if (out !== lower && out.length >= 2) return likeCase(word, out);
  }
  return word;
}

function keyboardTypo(rng: Rng, word: string, atStart: number): string {
  if (word.length < 3) return word;
  // (No draw for `atStart` 0: the documented settings give the same records as before it existed.)
  const i = rng.int(atStart > 0 && rng.chance(atStart) ? 0 : 1, word.length - 1);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + neighbour(rng, word[i]!.toLowerCase()) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
  }
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** A name word as one clerk writes it. */
function write(rng: Rng, s: Setting, word: string): string {
  let w = word;
  if (rng.chance(s.phonetic)) w = respell(rng, w);
  if (rng.chance(s.keyboardTypo)) w = keyboardTypo(rng, w, s.typoAtStart ?? 0);
  return w;
}

function nickname(rng: Rng, name: string): string {
  const forms = HYPOCORISTICS.get(name);
  const regional = REGIONAL_FORMS.get(name);
  const x = rng.float();
  if (forms && x < 0.7) return rng.pick(forms);
  if (regional && x < 0.85) return rng.pick(regional);
  return diminutive(name, rng.int(0, 2)) ?? (forms ? rng.pick(forms) : name);
}

/** Vowels of Spanish and Guaraní, with and without accents (for syllable cuts). */
const VOWEL = /[aeiouyáéíóúãẽĩõũỹ]/i;

/**
 * A short form made from the name by the regular patterns (no list): the first two syllables,
 * those with -i, or the last two syllables. Syllables are cut roughly (a vowel run ends one).
 */
export function shortForm(rng: Rng, name: string): string {
  const plain = stripAccents(name);
  const lower = plain.toLowerCase();
  // Ends of vowel runs: the positions after each syllable's nucleus.
  const ends: number[] = [];
  for (let i = 0; i < lower.length; i++)
    if (VOWEL.test(lower[i]!) && !VOWEL.test(lower[i + 1] ?? '')) ends.push(i + 1);
  if (ends.length < 3) return name;
  const x = rng.float();
  if (x < 0.4) return plain.slice(0, ends[1]!);
  if (x < 0.7) {
    const stem = plain.slice(0, ends[1]! - 1);
    return /[iy]$/i.test(stem) ? stem : `${stem}${rng.chance(0.5) ? 'i' : 'y'}`;
  }
  // The last two syllables: from the consonant before the second-last nucleus.
  let start = ends[ends.length - 3]!;
  while (start < lower.length && !VOWEL.test(lower[start]!)) start++;
  // Back to the onset: one consonant (two for ch, ll, rr).
  start = Math.max(ends[ends.length - 3]!, start - (/(ch|ll|rr)$/.test(lower.slice(0, start)) ? 2 : 1));
  const tail = plain.slice(start);
  return tail.length >= 3 ? tail[0]!.toUpperCase() + tail.slice(1) : name;
}

/** A cédula with points between thousands (4123456 → 4.123.456). */
function withPoints(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, '.');
}

/** J and Y swapped at the start of a word (Jasy → Yasy, Yegros → Jegros), case kept. */
function swapJy(word: string): string {
  const swap: Record<string, string> = { J: 'Y', j: 'y', Y: 'J', y: 'j' };
  return swap[word[0]!]! + word.slice(1);
}

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Age in whole years on `on` of a person born on `dob` (both YYYY-MM-DD). */
function ageOn(dob: string, on: string): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - y - (om < m || (om === m && od < d) ? 1 : 0);
}

/** A normal deviate (Box–Muller). */
function gaussian(rng: Rng): number {
  const u = Math.max(rng.float(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float());
}

interface TruePerson {
  given: string[];
  first: string | null;
  second: string | null;
  sex: 'Female' | 'Male';
  dob: string;
  document: string | null;
  nationality: string;
  department: string | null;
}

function register(rng: Rng, s: Setting, p: TruePerson, id: string, source: string): LinkPerson {
  // The day this institution registered the person: within the last three years.
  const recordedOn = isoDay(Date.UTC(2023, 6, 1) + rng.int(0, 3 * 365) * DAY_MS);
  let given = [...p.given];
  if (given.length > 1 && rng.chance(s.compoundCut)) given = rng.chance(2 / 3) ? [given[0]!] : [given[1]!];
  if (rng.chance(s.nickname)) {
    const at = rng.int(0, given.length - 1);
    given[at] = nickname(rng, given[at]!);
  }
  if (s.freeShortForm && rng.chance(s.freeShortForm)) {
    const at = rng.int(0, given.length - 1);
    given[at] = shortForm(rng, given[at]!);
  }
  let first = p.first;
  let second = p.second;
  if (rng.chance(s.noSurname)) first = second = null;
  else if (second && rng.chance(s.surnameDrop)) {
    if (rng.chance(0.75)) second = null;
    else [first, second] = [second, null];
  }
  if (first && second && rng.chance(s.surnameSwap)) [first, second] = [second, first];
  const adult = ageOn(p.dob, recordedOn) >= 20;
  let married: string | null = null;
  if (p.sex === 'Female' && adult && first && rng.chance(s.marriedDe)) {
    married = SURNAME_TABLE.draw(rng);
    // "González de Benítez": the mother's surname gives way to the husband's.
    if (second && s.marriedReplaces && rng.chance(s.marriedReplaces)) second = null;
  }
  const words = (text: string | null) =>
    text === null
      ? null
      : text
          .split(' ')
          .map((w) => write(rng, s, w))
          .join(' ');
  let givenNames = given.map((g) => write(rng, s, g)).join(' ');
  if (given.length > 1 && s.secondInitial && rng.chance(s.secondInitial)) {
    const words = givenNames.split(' ');
    words[1] = `${words[1]!.slice(0, 1).toUpperCase()}.`;
    givenNames = words.join(' ');
  }
  let firstSurname = words(first);
  let secondSurname = words(second);
  if (married !== null) {
    if (secondSurname === null) firstSurname = `${firstSurname} de ${married}`;
    else secondSurname = `${secondSurname} de ${married}`;
  }
  if (s.jyRespelling) {
    const jy = (text: string) =>
      text
        .split(' ')
        .map((w) => (/^[JjYy][aeiouáéíóúãẽĩõũỹ]/.test(w) && rng.chance(s.jyRespelling!) ? swapJy(w) : w))
        .join(' ');
    givenNames = jy(givenNames);
    firstSurname = firstSurname && jy(firstSurname);
    secondSurname = secondSurname && jy(secondSurname);
  }
  if (rng.chance(s.accentsLost)) {
    givenNames = stripAccents(givenNames);
    firstSurname = firstSurname && stripAccents(firstSurname);
    secondSurname = secondSurname && stripAccents(secondSurname);
  }
  // Birth as this clerk recorded it.
  let dateOfBirth: string | null = null;
  let birthYear: number | null = null;
  let estimatedAge: number | null = null;
  let ageRecordedOn: string | null = null;
  const x = rng.float();
  if (x < s.estimatedAge) {
    let age = ageOn(p.dob, recordedOn) + (s.ageBias ?? 0) + gaussian(rng) * s.ageErrorSd;
    if (rng.chance(s.ageRoundTo5)) age = Math.round(age / 5) * 5;
    estimatedAge = Math.max(0, Math.round(age));
    ageRecordedOn = recordedOn;
  } else if (x < s.estimatedAge + s.birthYearOnly) {
    birthYear = Number(p.dob.slice(0, 4));
  } else {
    const [y, m, d] = p.dob.split('-') as [string, string, string];
    dateOfBirth = p.dob;
    if (Number(d) <= 12 && d !== m && rng.chance(s.dayMonthSwap)) dateOfBirth = `${y}-${d}-${m}`;
    else if (rng.chance(s.dateTypo)) {
      const digits = [...dateOfBirth.replace(/-/g, '')];
      // A digit of the year's last two, of the month's last or of the day.
      const at = rng.pick([2, 3, 5, 6, 7]);
      digits[at] = String(rng.int(0, 9));
      const t = digits.join('');
      const candidate = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6)}`;
      if (!Number.isNaN(Date.parse(`${candidate}T00:00:00Z`)) && isoDay(Date.parse(candidate)) === candidate)
        dateOfBirth = candidate;
    }
  }
  let documentNumber = p.document;
  if (rng.chance(s.documentMissing)) documentNumber = null;
  else if (rng.chance(s.otherDocument))
    documentNumber = rng.chance(0.5)
      ? String(rng.int(20_000_000, 49_999_999))
      : `FG${rng.int(100000, 999999)}`;
  else if (documentNumber && rng.chance(s.documentTypo)) {
    const digits = [...documentNumber];
    const i = rng.int(0, digits.length - 2);
    if (rng.chance(0.5)) [digits[i], digits[i + 1]] = [digits[i + 1]!, digits[i]!];
    else digits[i] = String(rng.int(0, 9));
    documentNumber = digits.join('');
  }
  if (documentNumber && /^\d{5,}$/.test(documentNumber) && s.documentPrefix && rng.chance(s.documentPrefix))
    documentNumber = `${rng.pick(['C.I. ', 'CI ', 'CI N° ', 'C.I.N° ', 'Nº '])}${
      rng.chance(0.6) ? withPoints(documentNumber) : documentNumber
    }`;
  const nationality = rng.chance(s.nationalityDiffers)
    ? rng.chance(0.5)
      ? []
      : [rng.pick(OTHER_NATIONALITIES)]
    : [p.nationality];
  const department = rng.chance(s.departmentDiffers)
    ? rng.chance(0.4)
      ? null
      : rng.pick(DEPARTMENTS)
    : p.department;
  let sex: 'Female' | 'Male' | null = rng.chance(s.sexMissing) ? null : p.sex;
  if (sex && s.sexWrong && rng.chance(s.sexWrong)) sex = sex === 'Female' ? 'Male' : 'Female';
  if (s.fieldsSwapped && firstSurname && rng.chance(s.fieldsSwapped)) {
    // The surnames in the given-name field, the given names in the surname fields.
    const names = givenNames.split(' ');
    const surnames = [firstSurname, secondSurname].filter((x): x is string => x !== null).join(' ');
    firstSurname = names[0]!;
    secondSurname = names.length > 1 ? names.slice(1).join(' ') : null;
    givenNames = surnames;
  }
  return {
    id,
    source,
    givenNames,
    firstSurname,
    secondSurname,
    dateOfBirth,
    birthYear,
    estimatedAge,
    ageRecordedOn,
    sex,
    nationalities: nationality,
    documentNumber,
    department,
  };
}

/** `persons` distinct persons registered under `setting`, with each registration's true person. */
export function hardPopulation(persons: number, setting: Setting | string = 'hard', seed = 11): Labelled {
  const s = typeof setting === 'string' ? parseSetting(setting) : setting;
  const rng = new Rng(seed);
  const records: LinkPerson[] = [];
  const entities: string[] = [];
  for (let n = 0; n < persons; n++) {
    const { age, sex, person: drawn } = drawTruePerson(rng);
    // Every person has a true date of birth, whatever each institution recorded.
    const dob =
      drawn.dateOfBirth ??
      isoDay(Date.UTC(2026 - age - 1, 5, 2) + rng.int(0, 364) * DAY_MS).replace(
        /^(\d{4})-02-29$/,
        '$1-02-28',
      );
    const p: TruePerson = {
      given: drawn.givenNames.split(' '),
      first: drawn.firstSurname ?? null,
      second: drawn.secondSurname ?? null,
      sex,
      dob,
      document: drawn.documentNumber ?? null,
      nationality: drawn.nationalities?.[0] ?? 'PY',
      department: drawn.residenceDepartment ?? null,
    };
    const copies = rng.pick(COPIES);
    for (const source of rng.sample(INSTITUTIONS, copies)) {
      records.push(register(rng, s, p, `${n}-${source}`, source));
      entities.push(String(n));
    }
  }
  return { records, entities };
}

/** Rates a setting may leave out (the generator then never draws them). */
const OPTIONAL_RATES = [
  'typoAtStart',
  'freeShortForm',
  'secondInitial',
  'fieldsSwapped',
  'marriedReplaces',
  'ageBias',
  'sexWrong',
  'jyRespelling',
  'documentPrefix',
];

/**
 * A setting by name, with rates moved after a `+`: `hard+noSurname=0.08+estimatedAge=0.4` is the
 * hard setting with those two rates changed (every script that takes a setting's name takes this).
 */
export function parseSetting(text: string): Setting {
  const [name, ...moves] = text.split('+');
  const base = SETTINGS[name!];
  if (!base) throw new Error(`unknown setting ${name}; one of ${Object.keys(SETTINGS).join(', ')}`);
  const s: Setting = { ...base };
  for (const move of moves) {
    const [key, value] = move.split('=');
    if (
      !(key! in s || OPTIONAL_RATES.includes(key!)) ||
      value === undefined ||
      !Number.isFinite(Number(value))
    )
      throw new Error(`unknown rate or value in ${move}; rates: ${Object.keys(s).join(', ')}`);
    s[key as keyof Setting] = Number(value);
  }
  return s;
}

/** One line naming a setting's rates, printed beside its figures. */
export function describeSetting(name: string): string {
  const s = parseSetting(name);
  return `${name}: ${Object.entries(s)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`;
}

if (process.argv[1]?.endsWith('hard.ts')) {
  const names = process.argv[2] ? [process.argv[2]] : Object.keys(SETTINGS);
  for (const name of names) console.log(describeSetting(name));
  const sample = hardPopulation(5, process.argv[2] ?? 'hard');
  for (const r of sample.records) console.log(JSON.stringify(r));
}

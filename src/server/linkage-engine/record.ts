/**
 * The person as the linkage engine sees it, and its prepared form: name parts cut into words and
 * folded to the phonetic keys of persons/name-normalize.ts (the same keys the blind-indexed
 * name_tokens hold), interned as small integers so that the national batch compares numbers, not
 * strings; the date of birth or an estimated year; sex, nationalities, document and place.
 */
import { documentKey, nameWords, normalizeName, phoneticKey } from '../modules/persons/name-normalize.js';
import { canonicalGiven, givenNameForms } from './nicknames.js';

/** One person record from one institution (plaintext, inside the service that may read it). */
export interface LinkPerson {
  id: string;
  /** Institution (or data set) the record comes from. */
  source: string;
  givenNames: string;
  firstSurname?: string | null;
  secondSurname?: string | null;
  aliases?: readonly string[];
  /** YYYY-MM-DD or YYYYMMDD. */
  dateOfBirth?: string | null;
  /** Year of birth when only the year is known (or, without `estimatedAge`, an estimated year). */
  birthYear?: number | null;
  /** An age estimated by eye, in years, on `ageRecordedOn` (when there is no date of birth). */
  estimatedAge?: number | null;
  /** YYYY-MM-DD: the day `estimatedAge` was estimated. */
  ageRecordedOn?: string | null;
  sex?: string | null;
  nationalities?: readonly string[];
  documentNumber?: string | null;
  department?: string | null;
  district?: string | null;
  postcode?: string | null;
  address?: string | null;
}

/**
 * A 48-bit FNV-1a-style hash of a string (two 32-bit lanes with different seeds); `skip` leaves
 * out the character at that position (the deletion neighbourhood of a document, without building
 * the shortened strings).
 */
export function stableHash(text: string, skip = -1): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    if (i === skip) continue;
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 65_536 + ((b >>> 0) >>> 16);
}

/** Strings ⇄ small integers, with how often each was seen (for term-frequency adjustment). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Word → its phonetic key and canonical (nickname-resolved) key, computed once per word. */
  readonly keys = new Map<string, { key: string; canonical: string }>();
  /** A name field as written → its normalised words (names repeat: normalise each spelling once). */
  readonly fields = new Map<string, string[]>();
  /** A given-name word → the ids of the names it may stand for (nicknames.ts `givenNameForms`). */
  readonly forms = new Map<string, number[]>();
  /** A given-names field as written → its prepared part (record.ts `prepare`). */
  readonly givenParts = new Map<string, GivenPart>();
  /**
   * The two surname fields as written (the first, then the second) → their prepared part; by the
   * two strings, not one key made of both (a string built and hashed for every record).
   */
  readonly surnameParts = new Map<string, Map<string, SurnamePart>>();
  /** How many prepared parts `surnameParts` holds. */
  surnamePartCount = 0;
  /** A surname field as written → how many of its words are the person's own (`ownSurnameWords`). */
  readonly ownWords = new Map<string, number>();
  readonly words: string[] = [];
  /** A hash of each word that does not depend on the order words were added (blocking keys). */
  readonly stable: number[] = [];
  readonly counts: number[] = [];
  total = 0;

  /** The id of `word`, adding it when new; `count` records one more occurrence. */
  id(word: string, count = false): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.stable.push(stableHash(word));
      this.counts.push(0);
    }
    if (count) {
      this.counts[id]!++;
      this.total++;
    }
    return id;
  }

  /** Records one more occurrence of each of `ids`. */
  count(ids: readonly number[]): void {
    for (let x = 0; x < ids.length; x++) this.counts[ids[x]!]!++;
    this.total += ids.length;
  }

  /** The id of `word` if it is known, without adding it. */
  find(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Relative frequency of id among counted occurrences (0 when nothing was counted). */
  frequency(id: number): number {
    return this.total === 0 ? 0 : (this.counts[id] ?? 0) / this.total;
  }
}

/** A record ready for comparison. Word arrays hold Vocabulary ids. */
export interface Prepared {
  index: number;
  id: string;
  source: string;
  /** Phonetic keys of the given names, in order, and their canonical forms (nicknames resolved). */
  given: number[];
  givenCanonical: number[];
  /** Every name the given names may stand for (a short form shared by two names gives both). */
  givenForms: number[];
  /** Normalised given-name words (exact spelling). */
  givenWords: number[];
  /** Phonetic keys of the first then the second surname's words. */
  surnames: number[];
  surnameWords: number[];
  /**
   * How many of the surname words are the person's own: a married woman's "de X" (González de
   * Maidana) adds her husband's surname, often in place of her second one. Below 2, a surname
   * may have been dropped (blocking pairs such a record with those that have both).
   */
  ownSurnames: number;
  /**
   * The surname keys of the person's own (`surnames` without a married "de X"); the same array as
   * `surnames` when there is none.
   */
  ownSurnameKeys: number[];
  aliases: number[];
  /** YYYYMMDD or null. */
  dob: string | null;
  /** The birth year (for an estimated age, the year of the middle of its interval). */
  year: number | null;
  /**
   * When the person was born, as an interval of fractional years: its middle and half its width
   * (0 for a date of birth; 0.5 for a year alone, or an age in whole years on a known day).
   */
  birthMid: number | null;
  birthHalf: number;
  /** The birth comes from an age estimated by eye (it may be several years off). */
  estimated: boolean;
  sex: string | null;
  nationalities: readonly string[];
  document: string | null;
  department: string | null;
  district: string | null;
  postcode: string | null;
  address: string | null;
}

function clean(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  return v.length > 0 ? v : null;
}

/** YYYYMMDD from YYYY-MM-DD or YYYYMMDD; null when it is not a plausible date string. */
export function compactDate(value: string | null | undefined): string | null {
  if (!value) return null;
  // The two forms every record comes in, without a regular expression (a million dates a batch).
  if (value.length === 8 && digitsAt(value, 0, 8)) return value;
  if (
    value.length === 10 &&
    value[4] === '-' &&
    value[7] === '-' &&
    digitsAt(value, 0, 4) &&
    digitsAt(value, 5, 7) &&
    digitsAt(value, 8, 10)
  )
    return value.slice(0, 4) + value.slice(5, 7) + value.slice(8, 10);
  const digits = value.replace(/\D/g, '');
  return digits.length === 8 ? digits : null;
}

/** Whether the characters of `text` from `from` to `to` are all ASCII digits. */
function digitsAt(text: string, from: number, to: number): boolean {
  for (let x = from; x < to; x++) {
    const c = text.charCodeAt(x);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The number written by the ASCII digits of `text` from `from` to `to`. */
function numberAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let x = from; x < to; x++) n = n * 10 + text.charCodeAt(x) - 48;
  return n;
}

/** A YYYYMMDD or YYYY-MM-DD day as a fractional year (1990-07-02 ≈ 1990.5). */
export function fractionalYear(day: string): number | null {
  const d = compactDate(day);
  if (d === null) return null;
  const year = numberAt(d, 0, 4);
  const ms = Date.UTC(year, numberAt(d, 4, 6) - 1, numberAt(d, 6, 8));
  if (Number.isNaN(ms)) return null;
  return year + (ms - Date.UTC(year, 0, 1)) / (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1));
}

/**
 * When a person was born, as an interval: a date of birth is a point; a year alone is that year;
 * an age of A years estimated on day D means born between D − A − 1 and D − A (the interval is
 * placed by the day the age was estimated, not turned into a birth year). Without the day, the
 * estimate falls back to the birth year derived from it.
 */
export function birthInterval(
  dob: string | null,
  person: Pick<LinkPerson, 'birthYear' | 'estimatedAge' | 'ageRecordedOn'>,
): { mid: number; half: number; estimated: boolean } | null {
  if (dob !== null) {
    const at = fractionalYear(dob);
    if (at !== null) return { mid: at, half: 0, estimated: false };
  }
  const age = person.estimatedAge;
  if (age !== null && age !== undefined && Number.isFinite(age)) {
    const on = person.ageRecordedOn ? fractionalYear(person.ageRecordedOn) : null;
    if (on !== null) return { mid: on - age - 0.5, half: 0.5, estimated: true };
    if (person.birthYear !== null && person.birthYear !== undefined)
      return { mid: person.birthYear + 0.5, half: 0.5, estimated: true };
  }
  if (person.birthYear !== null && person.birthYear !== undefined)
    return { mid: person.birthYear + 0.5, half: 0.5, estimated: false };
  return null;
}

/**
 * Surname words of a field that are the person's own: those before a married "de X". Computed once
 * per field as written: surname pairs are mostly new (at 300,000 registrations 103,000 pairs of
 * 23,000 fields), and each new pair normalised both fields twice (4 % of the batch's CPU).
 */
function ownSurnameWords(vocab: Vocabulary, field: string | null | undefined): number {
  if (!field) return 0;
  let own = vocab.ownWords.get(field);
  if (own === undefined) {
    const words = normalizeName(field).split(' ');
    const married = words.indexOf('de', 1);
    own = nameWords((married > 0 ? words.slice(0, married) : words).join(' ')).length;
    if (vocab.ownWords.size < CACHED) vocab.ownWords.set(field, own);
  }
  return own;
}

/** How many name words of a field are a married "de X" (after the person's own). */
function marriedWords(vocab: Vocabulary, field: string | null | undefined, words: readonly string[]): number {
  return field ? words.length - ownSurnameWords(vocab, field) : 0;
}

/** Entries a cache of the vocabulary holds at most (names repeat: a million covers a nation's). */
const CACHED = 1_000_000;

/** The normalised words of a name field (each spelling normalised once). */
function fieldWords(vocab: Vocabulary, field: string | null | undefined): string[] {
  if (!field) return [];
  let w = vocab.fields.get(field);
  if (!w) {
    w = nameWords(field);
    if (vocab.fields.size < CACHED) vocab.fields.set(field, w);
  }
  return w;
}

/** A word's phonetic key and canonical (nickname-resolved) key, computed once per word. */
function keysOf(vocab: Vocabulary, word: string): { key: string; canonical: string } {
  let k = vocab.keys.get(word);
  if (!k) {
    k = { key: phoneticKey(word), canonical: phoneticKey(canonicalGiven(word)) };
    vocab.keys.set(word, k);
  }
  return k;
}

/** The ids of every name a given-name word may stand for, computed once per word. */
function formsOf(vocab: Vocabulary, word: string): number[] {
  let f = vocab.forms.get(word);
  if (!f) {
    f = givenNameForms(word).map((n) => vocab.id(phoneticKey(n)));
    vocab.forms.set(word, f);
  }
  return f;
}

/** The ids of the phonetic keys of `words` (counted when `count`). */
function keyIds(vocab: Vocabulary, words: readonly string[], count: boolean): number[] {
  const ids = new Array<number>(words.length);
  for (let x = 0; x < words.length; x++) ids[x] = vocab.id(keysOf(vocab, words[x]!).key, count);
  return ids;
}

/** The ids of `words` as written (counted when `count`). */
function wordIds(vocab: Vocabulary, words: readonly string[], count: boolean): number[] {
  const ids = new Array<number>(words.length);
  for (let x = 0; x < words.length; x++) ids[x] = vocab.id(words[x]!, count);
  return ids;
}

/**
 * The given-name part of a prepared record, the same for every record whose given names are
 * written alike, so shared by them (at 1,000,000 registrations a few hundred thousand spellings:
 * each is prepared once, and the records hold one set of arrays per spelling instead of four
 * arrays each, which the collector no longer traces a million times). Prepared arrays are never
 * changed after preparation.
 */
interface GivenPart {
  given: number[];
  givenCanonical: number[];
  givenForms: number[];
  givenWords: number[];
}

/** The surname part, shared alike by the records whose two surname fields are written alike. */
interface SurnamePart {
  surnames: number[];
  /** Filled by the first record of these surnames, once its given names are prepared. */
  surnameWords: number[] | undefined;
  ownSurnames: number;
  ownSurnameKeys: number[];
}

function givenPart(vocab: Vocabulary, field: string, count: boolean): GivenPart {
  const cached = vocab.givenParts.get(field);
  if (cached) {
    if (count) {
      vocab.count(cached.given);
      vocab.count(cached.givenWords);
    }
    return cached;
  }
  // Ids are assigned in the order the fields below were always prepared in (keys, canonical
  // forms, every form, written words): a vocabulary does not depend on the cache.
  const words = fieldWords(vocab, field);
  const given = keyIds(vocab, words, count);
  const givenCanonical = new Array<number>(words.length);
  for (let x = 0; x < words.length; x++) givenCanonical[x] = vocab.id(keysOf(vocab, words[x]!).canonical);
  const forms = new Set<number>();
  for (const w of words) for (const f of formsOf(vocab, w)) forms.add(f);
  // Written words are counted too: the typo rules correct a rare spelling towards a common one.
  const part = { given, givenCanonical, givenForms: [...forms], givenWords: wordIds(vocab, words, count) };
  if (vocab.givenParts.size < CACHED) vocab.givenParts.set(field, part);
  return part;
}

function surnamePart(
  vocab: Vocabulary,
  first: string | null | undefined,
  second: string | null | undefined,
  count: boolean,
): SurnamePart {
  const seconds = vocab.surnameParts.get(first ?? '');
  const cached = seconds?.get(second ?? '');
  if (cached) {
    if (count) vocab.count(cached.surnames);
    return cached;
  }
  const firstWords = fieldWords(vocab, first);
  const secondWords = fieldWords(vocab, second);
  const surnameWords = [...firstWords, ...secondWords];
  const surnames = keyIds(vocab, surnameWords, count);
  // A married "de X" ends its field: the own words are each field's words before it.
  const marriedFirst = marriedWords(vocab, first, firstWords);
  const marriedSecond = marriedWords(vocab, second, secondWords);
  const ownSurnameKeys =
    marriedFirst === 0 && marriedSecond === 0
      ? surnames
      : surnames.filter((_, x) =>
          x < firstWords.length
            ? x < firstWords.length - marriedFirst
            : x < surnameWords.length - marriedSecond,
        );
  const part = {
    surnames,
    surnameWords: undefined,
    ownSurnames: ownSurnameWords(vocab, first) + ownSurnameWords(vocab, second),
    ownSurnameKeys,
  };
  if (vocab.surnamePartCount < CACHED) {
    if (seconds) seconds.set(second ?? '', part);
    else vocab.surnameParts.set(first ?? '', new Map([[second ?? '', part]]));
    vocab.surnamePartCount++;
  }
  return part;
}

/** The written surname ids of `part` (its surname fields' words), counted when `count`. */
function surnameWordIds(
  vocab: Vocabulary,
  part: SurnamePart,
  first: string | null | undefined,
  second: string | null | undefined,
  count: boolean,
): number[] {
  if (part.surnameWords !== undefined) {
    if (count) vocab.count(part.surnameWords);
    return part.surnameWords;
  }
  const ids = wordIds(vocab, [...fieldWords(vocab, first), ...fieldWords(vocab, second)], count);
  part.surnameWords = ids;
  return ids;
}

/** The ids of a record without aliases: one array shared by all (prepared arrays never change). */
const NO_IDS: number[] = [];

/**
 * Prepares `person` as the `index`-th record. `countTerms` adds its name keys to the vocabulary's
 * frequencies: true for the population being linked, false for a query at intake.
 */
export function prepare(person: LinkPerson, index: number, vocab: Vocabulary, countTerms = true): Prepared {
  const dob = compactDate(person.dateOfBirth);
  const birth = birthInterval(dob, person);
  const year = dob ? Number(dob.slice(0, 4)) : birth === null ? null : Math.floor(birth.mid);
  const sex = person.sex && person.sex !== 'Unknown' ? person.sex.toLowerCase() : null;
  const surname = surnamePart(vocab, person.firstSurname, person.secondSurname, countTerms);
  const given = person.givenNames
    ? givenPart(vocab, person.givenNames, countTerms)
    : { given: [], givenCanonical: [], givenForms: [], givenWords: [] };
  const surnameWords = surnameWordIds(vocab, surname, person.firstSurname, person.secondSurname, countTerms);
  return {
    index,
    id: person.id,
    source: person.source,
    given: given.given,
    givenCanonical: given.givenCanonical,
    givenForms: given.givenForms,
    givenWords: given.givenWords,
    surnames: surname.surnames,
    surnameWords,
    ownSurnames: surname.ownSurnames,
    ownSurnameKeys: surname.ownSurnameKeys,
    aliases:
      person.aliases === undefined || person.aliases.length === 0
        ? NO_IDS
        : person.aliases.flatMap(nameWords).map((w) => vocab.id(keysOf(vocab, w).canonical)),
    dob,
    year,
    birthMid: birth?.mid ?? null,
    birthHalf: birth?.half ?? 0,
    estimated: birth?.estimated ?? false,
    sex: clean(sex),
    nationalities: person.nationalities ?? [],
    document: documentKey(person.documentNumber),
    department: clean(person.department),
    district: clean(person.district),
    postcode: clean(person.postcode),
    address: clean(person.address),
  };
}

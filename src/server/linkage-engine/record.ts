/**
 * The person as the linkage engine sees it, and its prepared form: name parts cut into words and
 * folded to the phonetic keys of persons/name-normalize.ts (the same keys the blind-indexed
 * name_tokens hold), interned as small integers so that the national batch compares numbers, not
 * strings; the date of birth or an estimated year; sex, nationalities, document and place.
 */
import { documentKey, nameWords, phoneticKey } from '../modules/persons/name-normalize.js';
import { canonicalGiven } from './nicknames.js';

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
  /** Year of birth when only an age was estimated (birth_year of persons). */
  birthYear?: number | null;
  sex?: string | null;
  nationalities?: readonly string[];
  documentNumber?: string | null;
  department?: string | null;
  district?: string | null;
  postcode?: string | null;
  address?: string | null;
}

/** A 48-bit FNV-1a-style hash of a string (two 32-bit lanes with different seeds). */
function stableHash(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
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
  /** Normalised given-name words (exact spelling). */
  givenWords: number[];
  /** Phonetic keys of the first then the second surname's words. */
  surnames: number[];
  surnameWords: number[];
  aliases: number[];
  /** YYYYMMDD or null. */
  dob: string | null;
  year: number | null;
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
  const digits = value.replace(/\D/g, '');
  return digits.length === 8 ? digits : null;
}

/**
 * Prepares `person` as the `index`-th record. `countTerms` adds its name keys to the vocabulary's
 * frequencies: true for the population being linked, false for a query at intake.
 */
export function prepare(person: LinkPerson, index: number, vocab: Vocabulary, countTerms = true): Prepared {
  const words = (field: string | null | undefined): string[] => {
    if (!field) return [];
    let w = vocab.fields.get(field);
    if (!w) {
      w = nameWords(field);
      if (vocab.fields.size < 1_000_000) vocab.fields.set(field, w);
    }
    return w;
  };
  const givenWords = words(person.givenNames);
  const surnameWords = [...words(person.firstSurname), ...words(person.secondSurname)];
  const keysOf = (word: string) => {
    let k = vocab.keys.get(word);
    if (!k) {
      k = { key: phoneticKey(word), canonical: phoneticKey(canonicalGiven(word)) };
      vocab.keys.set(word, k);
    }
    return k;
  };
  const key = (word: string) => vocab.id(keysOf(word).key, countTerms);
  const canonical = (word: string) => vocab.id(keysOf(word).canonical);
  const dob = compactDate(person.dateOfBirth);
  const year = dob ? Number(dob.slice(0, 4)) : (person.birthYear ?? null);
  const sex = person.sex && person.sex !== 'Unknown' ? person.sex.toLowerCase() : null;
  return {
    index,
    id: person.id,
    source: person.source,
    given: givenWords.map(key),
    givenCanonical: givenWords.map(canonical),
    // Written words are counted too: the typo rules correct a rare spelling towards a common one.
    givenWords: givenWords.map((w) => vocab.id(w, countTerms)),
    surnames: surnameWords.map(key),
    surnameWords: surnameWords.map((w) => vocab.id(w, countTerms)),
    aliases: (person.aliases ?? []).flatMap(nameWords).map(canonical),
    dob,
    year,
    sex: clean(sex),
    nationalities: person.nationalities ?? [],
    document: documentKey(person.documentNumber),
    department: clean(person.department),
    district: clean(person.district),
    postcode: clean(person.postcode),
    address: clean(person.address),
  };
}

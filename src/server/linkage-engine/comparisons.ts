/**
 * Graded comparisons of two prepared person records, as in Splink: each returns a level from 0
 * (disagree) to the best, or -1 when a value is missing on either side (no evidence either way).
 * Names compare on phonetic keys first (Spanish and Guaraní spelling variants are equal keys), then
 * subsets (a dropped surname, a dropped second given name), nicknames, then Jaro–Winkler for typos.
 */
import type { Prepared, Vocabulary } from './record.js';
import { damerauWithin, jaroWinkler } from './strings.js';

/** One graded comparison over records of type R. */
export interface Comparison<R> {
  name: string;
  /** Labels of the levels, from 0 (disagree) to the best agreement. */
  levels: readonly string[];
  /** The level of the pair, or -1 when either side lacks the value. */
  compare(a: R, b: R): number;
  /**
   * Term-frequency adjustment (Splink's tf): extra weight in bits for a pair at one of `tfLevels`,
   * positive for a rare agreed value (a rare surname), negative for a common one (González).
   */
  tfAdjust?(a: R, b: R): number;
  tfLevels?: readonly number[];
}

/**
 * Levels of the given-name comparison (plaintext and CLK alike). `one shared`: both records carry a
 * name the other lacks and share another, with no nickname or typo between the names they do not
 * share ("Juan Carlos" / "José Carlos", "María Elena" / "Elena Sofía"): what two persons of one
 * family or of a common second name have. It was read as a nickname (the shared name is one of the
 * names either may stand for): among the hard setting's candidates 12 % of such pairs were one
 * person's, against 27 % of real nicknames. Whichever name is shared: "María Elena" / "María José"
 * (the same first name) is one shared too, not "first or subset" (1.5 % one person's, against 12 %
 * for a real subset). `phonetic`: every name of both records agrees once spelling and short forms
 * are read — the same keys, or a name shared and the others one name but for a typo or a nickname
 * ("María Elena" / "María Elna", "Pepe Luis" / "José Luis": 53–78 % one person's).
 */
export const GIVEN_LEVELS = [
  'different',
  'one shared',
  'similar',
  'nickname',
  'first or subset',
  'phonetic',
  'exact',
] as const;

/** The given-name levels by name. */
export const GIVEN = {
  different: 0,
  shared: 1,
  similar: 2,
  nickname: 3,
  firstOrSubset: 4,
  phonetic: 5,
  exact: 6,
} as const;

/** The given-name levels that take the term-frequency adjustment (every agreeing one). */
export const GIVEN_TF_LEVELS: readonly number[] = [
  GIVEN.shared,
  GIVEN.similar,
  GIVEN.nickname,
  GIVEN.firstOrSubset,
  GIVEN.phonetic,
  GIVEN.exact,
];

/**
 * Levels of the birth comparison (plaintext and CLK alike). Two ages estimated by eye have levels
 * of their own: their errors add up, so two estimates a year apart say less than an estimate a
 * year from a written date (hard setting at 36,912 records: 5.5–6.1 % of the candidate pairs with
 * two estimates 0–4 years apart are one person's, against 8–11 % for an estimate and a date or a
 * year), and EM weighs each apart.
 */
export const BIRTH_LEVELS = [
  'different',
  'two estimated ages within 7 years',
  'two estimated ages within 4 years',
  'two estimated ages within 2 years',
  'estimated age within 7 years',
  'estimated age within 4 years',
  'estimated age within 2 years',
  'within 3 years',
  'within a year',
  'one typo or day/month swapped',
  'exact',
] as const;

/**
 * Levels that were part of another before they had their own: a model stored before the level
 * existed weighs a pair on it as it then did (`weightsFor`, modules/linkage/matches.service.ts),
 * until the next batch estimates it. By comparison name, new level → the level it was part of.
 */
export const FORMER_LEVELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  birth: {
    'two estimated ages within 7 years': 'estimated age within 7 years',
    'two estimated ages within 4 years': 'estimated age within 4 years',
    'two estimated ages within 2 years': 'estimated age within 2 years',
  },
};

/** The birth levels by name. */
export const BIRTH = {
  different: 0,
  /** The lowest of the three levels of two estimated ages (within 7, 4, 2 years). */
  twoEstimates: 1,
  /** The lowest of the three levels of one estimated age beside a date or a year. */
  estimate: 4,
  within3: 7,
  withinYear: 8,
  typo: 9,
  exact: 10,
} as const;

/**
 * Levels of the surname comparison (plaintext and CLK alike). A surname missing on one side is
 * told apart by which one was kept: a Paraguayan's first surname is the one used alone, so two
 * registrations that begin with the same surname are likelier one person's than a lone surname
 * found second in the other's (the mother's surname, or another person sharing it).
 */
export const SURNAME_LEVELS = [
  'different',
  'similar',
  'one shared',
  'one missing',
  'one missing, the first kept',
  'the same, one surname each',
  'one the same, the other misspelt',
  'same (any order)',
] as const;

/**
 * The surname levels by name. Two records that each carry a single surname, the same, say less
 * than two that agree on both: both registrations dropped one (or the person has one), and a lone
 * shared surname is what siblings, cousins and namesakes have (hard setting's candidates: 36 % one
 * person's, against 76 % for both surnames). Two records that both carry two surnames, one the same
 * and the other a typo of it ("Franco Gonzalez" / "Franco Gonzallez"), say more than a dropped
 * surname (66–71 % one person's, against 25–50 %): both surnames are there and agree but for a
 * letter.
 */
export const SURNAME = {
  different: 0,
  similar: 1,
  shared: 2,
  missing: 3,
  firstKept: 4,
  lone: 5,
  misspelt: 6,
  same: 7,
} as const;

/** The surname levels that take the term-frequency adjustment of the rarest shared surname. */
export const SURNAME_TF_LEVELS: readonly number[] = [
  SURNAME.missing,
  SURNAME.firstKept,
  SURNAME.lone,
  SURNAME.misspelt,
  SURNAME.same,
];

/** Term frequencies of one family of keys (given names or surnames) over a population. */
export class TermTable {
  private readonly counts = new Map<number, number>();
  private total = 0;
  private sumSquares = 0;
  /** adjustment() per id, computed once (NaN: not yet). */
  private cache = new Float64Array(0);

  add(ids: readonly number[]): void {
    for (const id of new Set(ids)) {
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      this.total++;
    }
  }

  finish(): void {
    this.sumSquares = 0;
    for (const c of this.counts.values()) this.sumSquares += (c / this.total) ** 2;
    let largest = 0;
    for (const id of this.counts.keys()) largest = Math.max(largest, id);
    this.cache = new Float64Array(largest + 1).fill(NaN);
  }

  /**
   * log2(Σ tf² / tf(term)), bounded to ±6 bits: 0 for a term of average frequency; the value two
   * random records agreeing on this term is less (or more) likely than agreement in general.
   */
  adjustment(id: number): number {
    const cached = this.cache[id];
    if (cached !== undefined && !Number.isNaN(cached)) return cached;
    const value = this.compute(id);
    if (id < this.cache.length) this.cache[id] = value;
    return value;
  }

  private compute(id: number): number {
    return termAdjustment(this.counts.get(id), this.total, this.sumSquares);
  }

  /** Every counted id with the number of records holding it (after `finish`). */
  counted(): ReadonlyMap<number, number> {
    return this.counts;
  }

  /** The sum over records of their distinct ids, and Σ (count / total)² (after `finish`). */
  totals(): { total: number; sumSquares: number } {
    return { total: this.total, sumSquares: this.sumSquares };
  }
}

/**
 * The term-frequency adjustment of a term held by `count` records (undefined: by one, or none) among
 * `total`, where Σ tf² is `sumSquares`: log2(Σ tf² / tf), bounded to ±6 bits. `TermTable`'s, and the
 * intake's from a batch's stored counts (modules/linkage/name-frequencies.ts).
 */
export function termAdjustment(count: number | undefined, total: number, sumSquares: number): number {
  if (total === 0 || sumSquares === 0) return 0;
  const tf = Math.max((count ?? 1) / total, 1e-6);
  return Math.max(-6, Math.min(6, Math.log2(sumSquares / tf)));
}

// Name arrays hold one to four ids: loops over them beat building Sets for every pair.

/** Every id of a is in b. */
export function isSubset(a: readonly number[], b: readonly number[]): boolean {
  for (let x = 0; x < a.length; x++) if (!b.includes(a[x]!)) return false;
  return true;
}

/** Some id of a is in b. */
export function anyShared(a: readonly number[], b: readonly number[]): boolean {
  for (let x = 0; x < a.length; x++) if (b.includes(a[x]!)) return true;
  return false;
}

/** Jaro–Winkler at which two name words count as a typo of each other. */
export const SIMILAR = 0.88;

/**
 * Two name words that are a typo of each other: Jaro–Winkler ≥ 0.88, or one edit apart (a wrong,
 * extra or missing letter, or two letters swapped) when both have at least four letters. Jaro–Winkler
 * alone misses one wrong letter in a short word ("juan"/"juzn" 0.87, "hugo"/"higo" 0.85, "rafael"/
 * "rzfael" 0.84), the commonest keyboard typo; below four letters one edit is most of the word
 * ("ana"/"ara").
 */
export function namesSimilar(a: string, b: string): boolean {
  if (jaroWinkler(a, b) >= SIMILAR) return true;
  return a.length >= 4 && b.length >= 4 && damerauWithin(a, b, 1) <= 1;
}

/**
 * `namesSimilar` between vocabulary words, memoised per pair of word ids in a direct-mapped
 * table of typed arrays (up to 2^22 slots: a collision only recomputes): the national batch asks the same
 * few hundred thousand pairs of names millions of times, and a Map of every pair outgrows memory.
 */
export function nameSimilarity(vocab: { readonly words: readonly string[] }) {
  // A table in proportion to the vocabulary (a query at intake has a few hundred words; the
  // national batch fills the 2^22 slots).
  let bits = 12;
  while (bits < 22 && 1 << bits < vocab.words.length * 32) bits++;
  const slots = 1 << bits;
  const keys = new Float64Array(slots).fill(-1);
  const values = new Uint8Array(slots);
  return (x: number, y: number): boolean => {
    if (x === y) return true;
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const key = lo * 4_194_304 + hi;
    const slot = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) >>> (32 - bits);
    if (keys[slot] === key) return values[slot] === 1;
    const similar = namesSimilar(vocab.words[x]!, vocab.words[y]!);
    keys[slot] = key;
    values[slot] = similar ? 1 : 0;
    return similar;
  };
}

/** Some pair of the first `limit` words of a and of b is similar. */
function anySimilar(
  sim: (x: number, y: number) => boolean,
  a: readonly number[],
  b: readonly number[],
  limit: number,
): boolean {
  for (let x = 0; x < Math.min(a.length, limit); x++)
    for (let y = 0; y < Math.min(b.length, limit); y++) if (sim(a[x]!, b[y]!)) return true;
  return false;
}

/**
 * Every word of the record with fewer words is similar to some word of the other: the surnames
 * differ only by typos ("Gonzalez" / "Gomzalez", "Benites Ortis" / "Benítez Ortiz" misspelt).
 * A single similar word beside another surname altogether ("Benítez Ortiz" / "Benites Aquino")
 * is two families, not one person misspelt: among the hard setting's candidates such pairs were
 * 5 % one person's, a lone surname similar to the other's 66 %.
 */
function allSimilar(
  sim: (x: number, y: number) => boolean,
  a: readonly number[],
  b: readonly number[],
): boolean {
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  for (let x = 0; x < fewer.length; x++) {
    let found = false;
    for (let y = 0; y < more.length && !found; y++) found = sim(fewer[x]!, more[y]!);
    if (!found) return false;
  }
  return fewer.length > 0;
}

/** The largest adjustment among the ids a and b share (the rarest agreed name), -Infinity if none. */
function rarest(table: TermTable, a: readonly number[], b: readonly number[]): number {
  let best = -Infinity;
  for (let x = 0; x < a.length; x++) {
    const id = a[x]!;
    if (b.includes(id)) best = Math.max(best, table.adjustment(id));
  }
  return best;
}

/** The largest adjustment among the ids a and b share (the rarest agreed name), 0 if none. */
function rarestShared(table: TermTable, a: readonly number[], b: readonly number[]): number {
  const best = rarest(table, a, b);
  return best === -Infinity ? 0 : best;
}

/** Some word of a is similar to a word of b, both of keys the other side lacks. */
function unsharedSimilar(sim: (x: number, y: number) => boolean, a: Prepared, b: Prepared): boolean {
  for (let x = 0; x < a.surnames.length; x++) {
    if (b.surnames.includes(a.surnames[x]!)) continue;
    for (let y = 0; y < b.surnames.length; y++) {
      if (a.surnames.includes(b.surnames[y]!)) continue;
      if (sim(a.surnameWords[x]!, b.surnameWords[y]!)) return true;
    }
  }
  return false;
}

/**
 * Some given name of a that b lacks and one of b that a lacks are one name: the same once
 * nicknames are resolved ("Pepe Luis" / "José Luis"), or a typo of each other.
 */
function unsharedGivenRelated(sim: (x: number, y: number) => boolean, a: Prepared, b: Prepared): boolean {
  for (let x = 0; x < a.given.length; x++) {
    if (b.given.includes(a.given[x]!)) continue;
    for (let y = 0; y < b.given.length; y++) {
      if (a.given.includes(b.given[y]!)) continue;
      if (a.givenCanonical[x] === b.givenCanonical[y] || sim(a.givenWords[x]!, b.givenWords[y]!)) return true;
    }
  }
  return false;
}

/**
 * Given names and surnames written in each other's fields ("Sotelo González | Amalia" against
 * "Amalia | Sotelo González": a form read as "apellidos y nombres", a name dictated surname first),
 * measured by phonetic keys (`…Keys`) and written words (`…Words`) of each record's given-name and
 * surname fields, compared across: a's given names with b's surnames, and a's surnames with b's
 * given names. Each crossing is *held* when one side's keys are all in the other's (a compound name
 * cut, a surname dropped) and *related* when they share a key or two words are a typo of each other
 * (`sim`: Gladys / Glayds, José / Yosé, a married "de X" in the given-name field). 3 when both
 * crossings are the same keys, 2 when both are held, 1 when both are at least related, 0 when the
 * fields are not crossed. Symmetric in a and b. The comparisons ask it only when the names disagree
 * field by field.
 */
export function crossedFields(
  sim: (x: number, y: number) => boolean,
  aGivenKeys: readonly number[],
  aGivenWords: readonly number[],
  aSurnameKeys: readonly number[],
  aSurnameWords: readonly number[],
  bGivenKeys: readonly number[],
  bGivenWords: readonly number[],
  bSurnameKeys: readonly number[],
  bSurnameWords: readonly number[],
): number {
  if (
    aGivenKeys.length === 0 ||
    aSurnameKeys.length === 0 ||
    bGivenKeys.length === 0 ||
    bSurnameKeys.length === 0
  )
    return 0;
  const one = crossing(sim, aGivenKeys, aGivenWords, bSurnameKeys, bSurnameWords);
  if (one === 0) return 0;
  const two = crossing(sim, bGivenKeys, bGivenWords, aSurnameKeys, aSurnameWords);
  return Math.min(one, two);
}

/** One crossing of `crossedFields`: 3 the same keys, 2 one side's keys in the other's, 1 related, 0 not. */
function crossing(
  sim: (x: number, y: number) => boolean,
  aKeys: readonly number[],
  aWords: readonly number[],
  bKeys: readonly number[],
  bWords: readonly number[],
): number {
  const ab = isSubset(aKeys, bKeys);
  const ba = isSubset(bKeys, aKeys);
  if (ab && ba) return 3;
  if (ab || ba) return 2;
  if (anyShared(aKeys, bKeys)) return 1;
  for (let x = 0; x < Math.min(aWords.length, 3); x++)
    for (let y = 0; y < Math.min(bWords.length, 3); y++) if (sim(aWords[x]!, bWords[y]!)) return 1;
  return 0;
}

/** The given-name level of names found in each other's fields, by `crossedFields`. */
export const CROSSED_GIVEN = [GIVEN.different, GIVEN.similar, GIVEN.firstOrSubset, GIVEN.phonetic] as const;
/** The surname level of names found in each other's fields, by `crossedFields`. */
export const CROSSED_SURNAMES = [SURNAME.different, SURNAME.similar, SURNAME.missing, SURNAME.lone] as const;

/** `crossedFields` of two prepared records. */
function crossedOf(sim: (x: number, y: number) => boolean, a: Prepared, b: Prepared): number {
  return crossedFields(
    sim,
    a.given,
    a.givenWords,
    a.surnames,
    a.surnameWords,
    b.given,
    b.givenWords,
    b.surnames,
    b.surnameWords,
  );
}

/** Some given name or alias of a (nicknames resolved) is one of b's. */
function aliasShared(a: Prepared, b: Prepared): boolean {
  return (
    anyShared(a.givenForms, b.givenForms) ||
    anyShared(a.givenForms, b.aliases) ||
    anyShared(a.aliases, b.givenForms) ||
    anyShared(a.aliases, b.aliases)
  );
}

/** Jaro–Winkler of two place names, cached (a few hundred districts). */
function placeSimilarity() {
  const cache = new Map<string, Map<string, number>>();
  return (a: string, b: string): number => {
    let row = cache.get(a);
    if (!row) cache.set(a, (row = new Map()));
    let s = row.get(b);
    if (s === undefined) row.set(b, (s = jaroWinkler(a, b)));
    return s;
  };
}

/** Years between two birth intervals (0 when they overlap). */
export function birthDistance(a: Prepared, b: Prepared): number {
  return Math.max(0, Math.abs(a.birthMid! - b.birthMid!) - a.birthHalf - b.birthHalf);
}

/**
 * The birth level of two records without two full dates: from the distance between their birth
 * intervals (middles and half widths). An age estimated by eye has levels of its own (EM gives
 * them their own weights), with a wider tolerance: estimates are often several years off.
 */
export function birthLevel(
  midA: number,
  halfA: number,
  midB: number,
  halfB: number,
  estimates: number,
): number {
  const d = Math.max(0, Math.abs(midA - midB) - halfA - halfB);
  return estimatedLevel(d, estimates);
}

/**
 * The birth level of two births `apart` years apart when `estimates` of them (0, 1 or 2) are ages
 * estimated by eye: within 2, 4 or 7 years for estimates (two estimates on levels of their own),
 * within 1 or 3 years for years alone.
 */
export function estimatedLevel(apart: number, estimates: number): number {
  if (estimates > 0) {
    const base = estimates > 1 ? BIRTH.twoEstimates : BIRTH.estimate;
    return apart <= 2 ? base + 2 : apart <= 4 ? base + 1 : apart <= 7 ? base : BIRTH.different;
  }
  return apart <= 1 ? BIRTH.withinYear : apart <= 3 ? BIRTH.within3 : BIRTH.different;
}

function intervalLevel(a: Prepared, b: Prepared): number {
  if (a.birthMid === null || b.birthMid === null) return -1;
  return birthLevel(a.birthMid, a.birthHalf, b.birthMid, b.birthHalf, +a.estimated + +b.estimated);
}

/** 19900512 vs 19901205: day and month swapped (characters compared: no substring per pair). */
export function daySwapped(a: string, b: string): boolean {
  for (let i = 0; i < 4; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return (
    a.charCodeAt(4) === b.charCodeAt(6) &&
    a.charCodeAt(5) === b.charCodeAt(7) &&
    a.charCodeAt(6) === b.charCodeAt(4) &&
    a.charCodeAt(7) === b.charCodeAt(5)
  );
}

/**
 * Two full dates of birth that cannot be one person's: more than two typos apart (one in each
 * registration) and not day and month swapped (19900512 / 19901205). Dates a few months apart are
 * not excused: at 100,000 records, two persons of one common name born the same year chained
 * through an estimated age (docs/LINKAGE.md, "Blocking at scale").
 */
export function datesConflict(a: string, b: string): boolean {
  if (a === b || damerauWithin(a, b, 2) <= 2) return false;
  if (daySwapped(a, b)) return false;
  return true;
}

/** A YYYYMMDD date with day and month in a fixed order (the smaller first): a swap gives the same. */
export function dayMonthEither(dob: string): string {
  const m = dob.slice(4, 6);
  const d = dob.slice(6, 8);
  return dob.slice(0, 4) + (m < d ? m + d : d + m);
}

/**
 * The kind of a document number as far as its characters show it: its length and where it has
 * letters (a cédula "4512398" is 7 digits, a passport "FG545026" two letters and six digits, a
 * neighbour country's identity number 8 digits). Two numbers of different kinds may both be one
 * person's (she holds a cédula and a passport), so they are not evidence against each other.
 */
export function documentShape(document: string): string {
  return `${document.length}:${document.replace(/[0-9]/g, '9').replace(/[^9]/g, 'A')}`;
}

/**
 * `documentShape(a) === documentShape(b)` without building the two strings (the comparisons ask
 * it of millions of pairs): the same length, digits at the same places.
 */
export function sameDocumentShape(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if ((x >= 48 && x <= 57) !== (y >= 48 && y <= 57)) return false;
  }
  return true;
}

/** The same ids in the same order. */
export function sameWords(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let x = 0; x < a.length; x++) if (a[x] !== b[x]) return false;
  return true;
}

/** The term frequencies of given names and of surnames over `population`. */
export function personTermTables(population: readonly Prepared[]): {
  givenTf: TermTable;
  surnameTf: TermTable;
} {
  const givenTf = new TermTable();
  const surnameTf = new TermTable();
  for (const r of population) {
    givenTf.add(r.given);
    surnameTf.add(r.surnames);
  }
  givenTf.finish();
  surnameTf.finish();
  return { givenTf, surnameTf };
}

/**
 * The comparisons for persons, with term frequencies taken from `population` (the records being
 * linked; at intake, the records searched).
 */
export function personComparisons(
  vocab: Vocabulary,
  population: readonly Prepared[],
  tables = personTermTables(population),
): Comparison<Prepared>[] {
  const { givenTf, surnameTf } = tables;
  const sim = nameSimilarity(vocab);
  const placeSim = placeSimilarity();

  const given: Comparison<Prepared> = {
    name: 'given_names',
    levels: GIVEN_LEVELS,
    compare(a, b) {
      if (a.given.length === 0 || b.given.length === 0) return -1;
      if (sameWords(a.givenWords, b.givenWords)) return GIVEN.exact;
      const subA = isSubset(a.given, b.given);
      const subB = isSubset(b.given, a.given);
      if (subA && subB) return GIVEN.phonetic;
      if (subA || subB) return GIVEN.firstOrSubset;
      if (anyShared(a.given, b.given)) return unsharedGivenRelated(sim, a, b) ? GIVEN.phonetic : GIVEN.shared;
      const crossed = crossedOf(sim, a, b);
      if (crossed > 1) return CROSSED_GIVEN[crossed]!;
      if (aliasShared(a, b)) return GIVEN.nickname;
      return anySimilar(sim, a.givenWords, b.givenWords, 2) ? GIVEN.similar : CROSSED_GIVEN[crossed]!;
    },
    // The rarest given name the two share: "María" alone says little, "Arasy" much. A nickname
    // weighs by the name it stands for: "Mari" for María says as little as María itself.
    tfAdjust(a, b) {
      const written = rarest(givenTf, a.given, b.given);
      if (written !== -Infinity) return written;
      const resolved = rarest(givenTf, a.givenForms, b.givenForms);
      if (resolved !== -Infinity) return resolved;
      const canonical = rarest(givenTf, a.givenCanonical, b.givenCanonical);
      if (canonical !== -Infinity) return canonical;
      // A typo weighs by the name it misspells, the commoner of the two words: "Mraia" for María
      // says little, "Arasi" for Arasy much, and "Mario"/"María" (two common names) little.
      // Over every similar pair of the first two words (the same whichever record comes first).
      let typo = Infinity;
      for (let x = 0; x < Math.min(a.givenWords.length, 2); x++)
        for (let y = 0; y < Math.min(b.givenWords.length, 2); y++)
          if (sim(a.givenWords[x]!, b.givenWords[y]!))
            typo = Math.min(typo, givenTf.adjustment(a.given[x]!), givenTf.adjustment(b.given[y]!));
      return typo === Infinity ? 0 : typo;
    },
    tfLevels: GIVEN_TF_LEVELS,
  };

  const surnames: Comparison<Prepared> = {
    name: 'surnames',
    levels: SURNAME_LEVELS,
    compare(a, b) {
      if (a.surnames.length === 0 || b.surnames.length === 0) return -1;
      const subA = isSubset(a.surnames, b.surnames);
      const subB = isSubset(b.surnames, a.surnames);
      if (subA && subB) return a.surnames.length < 2 || b.surnames.length < 2 ? SURNAME.lone : SURNAME.same;
      if (anyShared(a.surnames, b.surnames)) {
        const missing = a.surnames[0] === b.surnames[0] ? SURNAME.firstKept : SURNAME.missing;
        if (subA || subB) return missing;
        // A married "de X" in place of a dropped surname ("González de Maidana" / "González
        // Benítez"): one side's own surnames inside the other's is a surname missing, not another
        // person sharing one.
        if (
          (a.ownSurnameKeys.length > 0 && isSubset(a.ownSurnameKeys, b.surnames)) ||
          (b.ownSurnameKeys.length > 0 && isSubset(b.ownSurnameKeys, a.surnames))
        )
          return missing;
        return unsharedSimilar(sim, a, b) ? SURNAME.misspelt : SURNAME.shared;
      }
      const crossed = crossedOf(sim, a, b);
      if (crossed > 1) return CROSSED_SURNAMES[crossed]!;
      return allSimilar(sim, a.surnameWords, b.surnameWords) ? SURNAME.similar : CROSSED_SURNAMES[crossed]!;
    },
    tfAdjust: (a, b) => rarestShared(surnameTf, a.surnames, b.surnames),
    tfLevels: SURNAME_TF_LEVELS,
  };

  const birth: Comparison<Prepared> = {
    name: 'birth',
    levels: BIRTH_LEVELS,
    compare(a, b) {
      if (a.dob !== null && b.dob !== null) {
        if (a.dob === b.dob) return BIRTH.exact;
        if (damerauWithin(a.dob, b.dob, 1) <= 1 || daySwapped(a.dob, b.dob)) return BIRTH.typo;
        // Two written dates neither one typo apart nor swapped are two persons', however near:
        // "within a year" is for years alone and estimates, which blur the day. Two typos (one in
        // each registration) are excused by the safeguard (`datesConflict`), not weighed as a
        // near birth: among the hard setting's candidates, 4 pairs of one person and 674 of two
        // had two full dates two digits apart, and "within a year" weighed them +3.3 bits.
        return BIRTH.different;
      }
      return intervalLevel(a, b);
    },
  };

  const sex: Comparison<Prepared> = {
    name: 'sex',
    levels: ['different', 'same'],
    compare: (a, b) => (a.sex === null || b.sex === null ? -1 : a.sex === b.sex ? 1 : 0),
  };

  const nationality: Comparison<Prepared> = {
    name: 'nationality',
    levels: ['different', 'shared'],
    compare(a, b) {
      if (a.nationalities.length === 0 || b.nationalities.length === 0) return -1;
      for (const n of a.nationalities) if (b.nationalities.includes(n)) return 1;
      return 0;
    },
  };

  const document: Comparison<Prepared> = {
    name: 'document',
    levels: ['different', 'one digit or transposition', 'exact'],
    compare(a, b) {
      if (a.document === null || b.document === null) return -1;
      if (a.document === b.document) return 2;
      if (damerauWithin(a.document, b.document, 1) <= 1) return 1;
      // Two documents of different kinds say nothing (as a missing one), not "different".
      return sameDocumentShape(a.document, b.document) ? 0 : -1;
    },
  };

  const place: Comparison<Prepared> = {
    name: 'place',
    levels: ['different', 'department or postcode', 'district'],
    compare(a, b) {
      const hasA = a.district ?? a.department ?? a.postcode;
      const hasB = b.district ?? b.department ?? b.postcode;
      if (hasA === null || hasB === null) return -1;
      if (a.district !== null && a.district === b.district) return 2;
      if (a.district !== null && b.district !== null && placeSim(a.district, b.district) >= 0.92) return 2;
      if (
        (a.department !== null && a.department === b.department) ||
        (a.postcode !== null && a.postcode === b.postcode)
      )
        return 1;
      return 0;
    },
  };

  const address: Comparison<Prepared> = {
    name: 'address',
    levels: ['different', 'similar', 'exact'],
    compare(a, b) {
      if (a.address === null || b.address === null) return -1;
      if (a.address === b.address) return 2;
      return jaroWinkler(a.address, b.address) >= SIMILAR ? 1 : 0;
    },
  };

  return [given, surnames, birth, sex, nationality, document, place, address];
}

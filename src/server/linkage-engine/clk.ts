/**
 * The privacy-preserving mode. Each institution encodes its own records with a secret shared
 * between the institutions (never stored with the linkage tables): keyed Bloom filters of the
 * phonetic name bigrams, of the date and of the document, keyed tokens for sex, nationality, place
 * and for the blocking keys. The linkage service sees only these encodings and runs the same
 * Fellegi–Sunter steps on Dice similarities. See docs/LINKAGE.md for the threat model.
 */
import {
  keysOf,
  personBlockingRules,
  personTrainingRules,
  type BlockingRule,
  type KeySink,
} from './blocking.js';
import {
  anyShared,
  BIRTH,
  BIRTH_LEVELS,
  dayMonthEither,
  documentShape,
  estimatedLevel,
  GIVEN,
  GIVEN_LEVELS,
  GIVEN_TF_LEVELS,
  isSubset,
  sameWords,
  SURNAME,
  SURNAME_LEVELS,
  SURNAME_TF_LEVELS,
  TermTable,
  type Comparison,
} from './comparisons.js';
import { bigrams, dice, diceOverlap, filterHash, KeyedEncoder, type Filter } from './bloom.js';
import { KeyHasher } from './clk-keys.js';
import { Slabs } from './slabs.js';
import type { HardEvidence } from './cluster.js';
import { linkPrepared, type LinkageResult, type LinkOptions } from './linkage.js';
import { prepare, Vocabulary, type LinkPerson, type Prepared } from './record.js';

/** What leaves an institution for one person: encodings only, and its record id. */
export interface ClkRecord {
  id: string;
  source: string;
  given: Filter | null;
  surnames: Filter | null;
  dob: Filter | null;
  dobToken: string | null;
  /** Keyed token of the year with day and month in a fixed order (a swap gives the same token). */
  dobEither?: string | null;
  /** A filter of the date's eight digits with their positions (how many digits two dates share). */
  dobDigits?: Filter | null;
  /**
   * Keyed token of the birth year (for an estimated age, the middle of its interval), and of the
   * years from 8 before to 8 after it, in order (`near[8]` is `year`): the position of the other
   * record's year among them is the difference of years, and nothing else is revealed.
   */
  year: string | null;
  near: string[];
  /** The birth is an age estimated by eye (a flag: it says how the age was recorded, not the age). */
  estimated: boolean;
  sex: string | null;
  nationalities: string[];
  document: Filter | null;
  documentToken: string | null;
  documentAnagram: string | null;
  /** Keyed token of the document's kind (`documentShape`: its length and where it has letters). */
  documentShape?: string | null;
  district: string | null;
  region: string | null;
  address: Filter | null;
  /**
   * Keyed word tokens (48 bits of an HMAC per word), so that the service reads names as the
   * plaintext levels do (docs/LINKAGE.md, "Privacy-preserving mode"): the given names' phonetic
   * keys in order, their written spellings, the names they may stand for (nicknames resolved), their
   * canonical forms and aliases (one token space: a nickname on one side meets the name on the
   * other); the surnames' phonetic keys, first then second, and the person's own (without a married
   * "de X"). Encodings made before these existed have none and compare on the filters alone.
   */
  givenKeys?: number[];
  givenWritten?: number[];
  givenFormKeys?: number[];
  givenCanonicalKeys?: number[];
  aliasKeys?: number[];
  surnameKeys?: number[];
  ownSurnameKeys?: number[];
  /**
   * Per name word (the first two given names, every surname word; aligned with `givenKeys` and
   * `surnameKeys`), keyed tokens of the written word and of the word with one letter deleted, for
   * words of four letters or more: two words one edit apart (a wrong, extra or missing letter, two
   * letters swapped) share one, as `namesSimilar` reads them in clear.
   */
  givenEdits?: number[][];
  surnameEdits?: number[][];
  /**
   * Keyed blocking keys per blocking rule (the rules of the plaintext mode, in order), then per
   * training rule, in one array (`clkKeyLists` reads it back as lists): `[B, T, end of list 0, …, end
   * of list B + T − 1, keys…]`, each list's keys from the previous list's end (the first from
   * 2 + B + T). A view into a block of memory shared by many records: 27 arrays a record cost twice
   * their keys (`clkKeys`; bench/README.md, "CLK at the independent set's size: the command").
   */
  keys: Float64Array;
}

/** Rows of `clkKeys` per shared block of memory (64k keys, 512 kB). */
const KEY_SLAB = 1 << 16;

/** Entries of `ClkRecord.keys` for these lists: `[B, T, ends…, keys…]`. */
function keysSize(blocks: readonly (readonly number[])[], training: readonly (readonly number[])[]): number {
  let size = 2 + blocks.length + training.length;
  for (const l of blocks) size += l.length;
  for (const l of training) size += l.length;
  return size;
}

/** Writes one record's lists, `blocks` then `training`, into `out` (`keysSize` entries). */
function writeKeys(
  out: Float64Array,
  blocks: readonly (readonly number[])[],
  training: readonly (readonly number[])[],
): Float64Array {
  out[0] = blocks.length;
  out[1] = training.length;
  let end = 2 + blocks.length + training.length;
  let n = 2;
  for (const group of [blocks, training])
    for (const list of group) {
      out.set(list, end);
      end += list.length;
      out[n++] = end;
    }
  return out;
}

/** One record's keys of blocking rule `rule` (or, with `training`, of training rule `rule`) to `out`. */
export function addClkKeys(r: ClkRecord, rule: number, training: boolean, out: KeySink): void {
  const k = r.keys;
  const blocks = k[0]!;
  const lists = blocks + k[1]!;
  const list = training ? blocks + rule : rule;
  if (rule >= (training ? k[1]! : blocks)) return;
  const from = list === 0 ? 2 + lists : k[1 + list]!;
  const to = k[2 + list]!;
  for (let x = from; x < to; x++) out.add(k[x]!);
}

/** A record's keys as lists per blocking rule and per training rule (`nanduti link encode`'s file). */
export function clkKeyLists(r: ClkRecord): { blocks: number[][]; training: number[][] } {
  const lists = (count: number, training: boolean) =>
    Array.from({ length: count }, (_, rule) => {
      const keys: number[] = [];
      addClkKeys(r, rule, training, { add: (key) => keys.push(key) });
      return keys;
    });
  return { blocks: lists(r.keys[0]!, false), training: lists(r.keys[1]!, true) };
}

/** The blocks of memory of the records read back from files (`clkKeys`). */
const readSlabs = new Slabs((length) => new Float64Array(length), KEY_SLAB);

/**
 * `ClkRecord.keys` of lists per blocking rule and per training rule, for a record read back from a
 * file: in the blocks of memory the records read share (a block of its own per record would hold
 * 512 kB for each).
 */
export function clkKeys(
  blocks: readonly (readonly number[])[],
  training: readonly (readonly number[])[],
): Float64Array {
  return writeKeys(readSlabs.take(keysSize(blocks, training)), blocks, training);
}

/** How many years either side of the birth year are encoded (`ClkRecord.near`). */
const NEAR = 8;

/** A word and its one-letter deletions (words of four letters or more; none for shorter ones). */
export function oneEditNeighbourhood(word: string): string[] {
  if (word.length < 4) return [];
  const out = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/**
 * Encodes persons for linkage under `key` (done by the institution that holds them). The phonetic
 * keys are computed in clear first, so spelling variants share bigrams.
 */
export function encodeClk(
  persons: readonly LinkPerson[],
  key: Uint8Array,
  options: EncodeOptions = {},
): ClkRecord[] {
  const vocab = new Vocabulary();
  // All records first: the typo rules' likely corrections depend on how often each name is seen.
  const prepared: (Prepared | null)[] = persons.map((person, i) => prepare(person, i, vocab));
  const rules = personBlockingRules(vocab);
  const training = personTrainingRules(vocab);
  const blockFields = rules.map((rule) => `block:${rule.name}`);
  const trainingFields = training.map((t) => `train:${t.rule.name}`);
  const words = (ids: readonly number[]) => ids.map((id) => vocab.words[id]!);
  // Names, bigrams, years, places and blocking keys repeat: one HMAC per distinct field and value.
  const encoder = new KeyedEncoder(key);
  const word = (field: string, w: string) => encoder.word(field, w);
  const filterOf = (field: string, tokens: string[]) =>
    tokens.length === 0 ? null : encoder.filter(field, tokens);
  const editCache = new Map<string, number[]>();
  const edits = (field: string, w: string) => {
    const cacheKey = `${field}\u0000${w}`;
    let v = editCache.get(cacheKey);
    if (v === undefined) editCache.set(cacheKey, (v = oneEditNeighbourhood(w).map((e) => word(field, e))));
    return v;
  };
  // The keys are written in clear and hashed in place at the end, on two threads with `threads`.
  const hasher = new KeyHasher(
    key,
    {
      fields: [...blockFields, ...trainingFields],
      bipartite: [...rules.map((rule) => rule.bipartite === true), ...training.map(() => false)],
    },
    KEY_SLAB,
    options.threads ?? 1,
  );
  const keysOfRecord = (r: Prepared): Float64Array => {
    const blocks = rules.map((rule) => keysOf(rule, r));
    const trainingKeys = training.map((t) => keysOf(t.rule, r));
    return writeKeys(hasher.take(keysSize(blocks, trainingKeys)), blocks, trainingKeys);
  };
  // The keyed tokens of the years about a birth year: one list per year, shared by its records.
  const nearByYear = new Map<number, string[]>();
  const nearOf = (year: number | null): string[] => {
    if (year === null) return NO_YEARS;
    let near = nearByYear.get(year);
    if (near === undefined)
      nearByYear.set(
        year,
        (near = Array.from({ length: 2 * NEAR + 1 }, (_, k) =>
          encoder.token('year', String(year - NEAR + k)),
        )),
      );
    return near;
  };
  const givenToken = (ids: readonly number[]) => ids.map((id) => word('given-word', vocab.words[id]!));
  const surnameToken = (ids: readonly number[]) => ids.map((id) => word('surname-word', vocab.words[id]!));
  const encodeOne = (r: Prepared): ClkRecord => {
    const token = (field: string, value: string | null) =>
      value === null ? null : encoder.token(field, value);
    const near = nearOf(r.year);
    return {
      id: r.id,
      source: r.source,
      given: filterOf('given', [
        ...words(r.given).flatMap(bigrams),
        ...words([...r.givenForms, ...r.aliases]).map((w) => `word:${w}`),
      ]),
      surnames: filterOf('surnames', words(r.surnames).flatMap(bigrams)),
      dob:
        r.dob === null
          ? null
          : encoder.filter('dob', [`y${r.dob.slice(0, 4)}`, `m${r.dob.slice(4, 6)}`, `d${r.dob.slice(6)}`]),
      dobToken: token('dob', r.dob),
      dobEither: token('dob-either', r.dob === null ? null : dayMonthEither(r.dob)),
      dobDigits:
        r.dob === null
          ? null
          : encoder.filter(
              'dob-digits',
              [...r.dob].map((c, x) => `${x}${c}`),
            ),
      year: near[NEAR] ?? null,
      near,
      estimated: r.estimated,
      sex: token('sex', r.sex),
      nationalities: r.nationalities.map((n) => encoder.token('nationality', n)),
      document: r.document === null ? null : encoder.filter('document', bigrams(r.document)),
      documentToken: token('document', r.document),
      documentAnagram: token(
        'document-anagram',
        r.document === null ? null : [...r.document].sort().join(''),
      ),
      documentShape: token('document-shape', r.document === null ? null : documentShape(r.document)),
      district: token('district', r.district),
      region: token('region', r.department ?? r.postcode),
      address: r.address === null ? null : encoder.filter('address', bigrams(r.address)),
      givenKeys: givenToken(r.given),
      givenWritten: r.givenWords.map((id) => word('given-written', vocab.words[id]!)),
      givenFormKeys: givenToken(r.givenForms),
      givenCanonicalKeys: givenToken(r.givenCanonical),
      aliasKeys: givenToken(r.aliases),
      surnameKeys: surnameToken(r.surnames),
      ownSurnameKeys: surnameToken(r.ownSurnameKeys),
      givenEdits: r.givenWords.slice(0, 2).map((id) => edits('given-edit', vocab.words[id]!)),
      surnameEdits: r.surnameWords.map((id) => edits('surname-edit', vocab.words[id]!)),
      // Hashed by `hasher.finish()` (clk-keys.ts): a bipartite rule's side (the key's last bit)
      // stays in the clear; it only says which of the two words of a typo block the record holds.
      keys: keysOfRecord(r),
    };
  };
  // Each prepared record (its values in clear) let go as soon as it is encoded: the encodings and
  // the prepared records are not all held at once.
  const out: ClkRecord[] = [];
  for (let i = 0; i < prepared.length; i++) {
    out.push(encodeOne(prepared[i]!));
    prepared[i] = null;
  }
  hasher.finish();
  return out;
}

export interface EncodeOptions {
  /**
   * Threads hashing the blocking keys (1 or 2; clk-keys.ts): the same encodings either way, in
   * about two thirds of the time on two cores.
   */
  threads?: number;
}

/** The `near` of every record without a birth year. */
const NO_YEARS: string[] = [];

function diceLevel(a: Filter | null, b: Filter | null, cuts: readonly number[]): number {
  if (a === null || b === null) return -1;
  const d = dice(a, b);
  let level = 0;
  cuts.forEach((cut, i) => {
    if (d >= cut) level = i + 1;
  });
  return level;
}

/**
 * The level of two name filters, as the plaintext levels read names: equal; a typo (Dice high, no
 * filter inside the other); one field's words all in the other's (a surname dropped, a married
 * "de X" added, a compound given name cut: the overlap coefficient near 1, where Dice alone would
 * put it beside two names sharing half their bigrams); then two Dice bands.
 */
function nameLevel(
  a: Filter | null,
  b: Filter | null,
  typo: number,
  bands: readonly [number, number],
): number {
  if (a === null || b === null) return -1;
  const { dice: d, overlap } = diceOverlap(a, b);
  if (d >= 0.999) return 5;
  if (overlap >= CONTAINED && Math.min(a.ones, b.ones) <= WORD_SHORTER * Math.max(a.ones, b.ones)) return 3;
  if (d >= typo) return 4;
  return d >= bands[1] ? 2 : d >= bands[0] ? 1 : 0;
}

/** Overlap coefficient at which one name filter counts as inside the other (a few bits of noise). */
const CONTAINED = 0.95;

/**
 * How much smaller the inner filter must be: a whole word less (a surname dropped, "de X" added, a
 * given name cut) sets a tenth of the bits or more, while a letter added ("Ayala"/"Gayala") sets one
 * bigram's bits, which under about one key in ten all collide with the longer name's other bits.
 */
const WORD_SHORTER = 0.9;

/**
 * Term frequencies of whole name filters over `population` (equal filters: equal encoded names): the
 * adjustment of two records agreeing on a rare encoded name (comparisons.ts `TermTable`). It uses
 * only what the encodings show the linkage service anyway (how often a filter recurs).
 */
function filterFrequencies(
  population: readonly ClkRecord[],
  field: 'given' | 'surnames',
): (f: Filter) => number {
  const table = new TermTable();
  const byHash = new Map<number, number>();
  const idOf = new Map<Filter, number>();
  for (const r of population) {
    const f = r[field];
    if (f === null) continue;
    const h = filterHash(f);
    let id = byHash.get(h);
    if (id === undefined) byHash.set(h, (id = byHash.size));
    idOf.set(f, id);
    table.add([id]);
  }
  table.finish();
  return (f) => {
    const id = idOf.get(f);
    return id === undefined ? 0 : table.adjustment(id);
  };
}

/**
 * Term frequencies of keyed word tokens over `lists` (comparisons.ts `TermTable`, keyed by the
 * 48-bit tokens): the adjustment of two records agreeing on a rare encoded name word. Equal tokens
 * are visible to the service anyway (as equal filters are), and so is how often each recurs.
 */
function tokenFrequencies(lists: Iterable<readonly number[] | undefined>): (token: number) => number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const list of lists) {
    if (!list) continue;
    for (const t of new Set(list)) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      total++;
    }
  }
  let sumSquares = 0;
  for (const c of counts.values()) sumSquares += (c / total) ** 2;
  const cache = new Map<number, number>();
  return (token) => {
    let v = cache.get(token);
    if (v === undefined) {
      const tf = Math.max((counts.get(token) ?? 1) / Math.max(total, 1), 1e-6);
      v = total === 0 || sumSquares === 0 ? 0 : Math.max(-6, Math.min(6, Math.log2(sumSquares / tf)));
      cache.set(token, v);
    }
    return v;
  };
}

/** The largest adjustment among the tokens a and b share, -Infinity if none. */
function rarestToken(adjust: (t: number) => number, a: readonly number[], b: readonly number[]): number {
  let best = -Infinity;
  for (const t of a) if (b.includes(t)) best = Math.max(best, adjust(t));
  return best;
}

/** Two words one edit apart: their one-edit neighbourhoods (keyed) share a token. */
function editsShared(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b) return false;
  for (const t of a) if (b.includes(t)) return true;
  return false;
}

/** Given-name levels (as in clear, comparisons.ts). */
/** Surname levels (as in clear). */

/** Whole-filter Dice at which two given-name or surname fields count as a typo of each other. */
const SIMILAR_DICE = 0.85;

/**
 * The given-name level of two encodings, as in clear: exact spelling, the same phonetic keys (or a
 * name shared and the others one but for a typo or a nickname), one side's names inside the other's,
 * a name shared and another not, a nickname (a name either side may stand
 * for), a typo (two of the first two words one edit apart, or the whole filters nearly equal).
 * Encodings without word tokens fall back to the filters: equal, one inside the other, Dice.
 */
function givenLevel(a: ClkRecord, b: ClkRecord): number {
  if (a.given === null || b.given === null) return -1;
  if (a.givenKeys && b.givenKeys && a.givenWritten && b.givenWritten) {
    if (sameWords(a.givenWritten, b.givenWritten)) return GIVEN.exact;
    const subA = isSubset(a.givenKeys, b.givenKeys);
    const subB = isSubset(b.givenKeys, a.givenKeys);
    if (subA && subB) return GIVEN.phonetic;
    if (subA || subB) return GIVEN.firstOrSubset;
    if (anyShared(a.givenKeys, b.givenKeys))
      return unsharedGivenRelated(a, b) ? GIVEN.phonetic : GIVEN.shared;
    const fa = a.givenFormKeys ?? [];
    const fb = b.givenFormKeys ?? [];
    const xa = a.aliasKeys ?? [];
    const xb = b.aliasKeys ?? [];
    if (anyShared(fa, fb) || anyShared(fa, xb) || anyShared(xa, fb) || anyShared(xa, xb))
      return GIVEN.nickname;
    if (someWordsOneEdit(a.givenEdits, b.givenEdits)) return GIVEN.similar;
    return dice(a.given, b.given) >= SIMILAR_DICE ? GIVEN.similar : GIVEN.different;
  }
  const level = nameLevel(a.given, b.given, 0.9, [0.6, 0.75]);
  return level === 5
    ? GIVEN.exact
    : level === 3
      ? GIVEN.firstOrSubset
      : level === 4 || level === 2
        ? GIVEN.similar
        : GIVEN.different;
}

/**
 * As in clear: a given name of a that b lacks and one of b that a lacks are one name once nicknames
 * are resolved (the canonical tokens, aligned with `givenKeys`), or one edit apart.
 */
function unsharedGivenRelated(a: ClkRecord, b: ClkRecord): boolean {
  const ka = a.givenKeys!;
  const kb = b.givenKeys!;
  const ca = a.givenCanonicalKeys ?? [];
  const cb = b.givenCanonicalKeys ?? [];
  for (let x = 0; x < ka.length; x++) {
    if (kb.includes(ka[x]!)) continue;
    for (let y = 0; y < kb.length; y++) {
      if (ka.includes(kb[y]!)) continue;
      if ((ca[x] !== undefined && ca[x] === cb[y]) || editsShared(a.givenEdits?.[x], b.givenEdits?.[y]))
        return true;
    }
  }
  return false;
}

/** Some word of a is one edit from some word of b. */
function someWordsOneEdit(a: readonly number[][] | undefined, b: readonly number[][] | undefined): boolean {
  if (!a || !b) return false;
  for (const x of a) for (const y of b) if (editsShared(x, y)) return true;
  return false;
}

/**
 * Every word of the encoding with fewer words is one edit from some word of the other (as
 * `allSimilar` in clear: the surnames differ only by typos, not one similar beside another surname).
 */
function everyWordOneEdit(a: readonly number[][] | undefined, b: readonly number[][] | undefined): boolean {
  if (!a || !b || a.length === 0 || b.length === 0) return false;
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  return fewer.every((x) => more.some((y) => editsShared(x, y)));
}

/** Some surname word of a one edit from one of b, both of keys the other side lacks. */
function unsharedOneEdit(a: ClkRecord, b: ClkRecord): boolean {
  const ka = a.surnameKeys!;
  const kb = b.surnameKeys!;
  for (let x = 0; x < ka.length; x++) {
    if (kb.includes(ka[x]!)) continue;
    for (let y = 0; y < kb.length; y++) {
      if (ka.includes(kb[y]!)) continue;
      if (editsShared(a.surnameEdits?.[x], b.surnameEdits?.[y])) return true;
    }
  }
  return false;
}

/**
 * The surname level of two encodings, as in clear: the same keys in any order, one missing (one
 * side's inside the other's, a married "de X" in place of a dropped surname, or a shared surname
 * and the other one edit apart), one shared, a typo, different. Encodings without word tokens fall
 * back to the filters.
 */
function surnameLevel(a: ClkRecord, b: ClkRecord): number {
  if (a.surnames === null || b.surnames === null) return -1;
  const ka = a.surnameKeys;
  const kb = b.surnameKeys;
  if (ka && kb && ka.length > 0 && kb.length > 0) {
    const subA = isSubset(ka, kb);
    const subB = isSubset(kb, ka);
    if (subA && subB) return ka.length < 2 || kb.length < 2 ? SURNAME.lone : SURNAME.same;
    if (anyShared(ka, kb)) {
      const missing = ka[0] === kb[0] ? SURNAME.firstKept : SURNAME.missing;
      if (subA || subB) return missing;
      const oa = a.ownSurnameKeys ?? [];
      const ob = b.ownSurnameKeys ?? [];
      if ((oa.length > 0 && isSubset(oa, kb)) || (ob.length > 0 && isSubset(ob, ka))) return missing;
      return unsharedOneEdit(a, b) ? SURNAME.misspelt : SURNAME.shared;
    }
    if (everyWordOneEdit(a.surnameEdits, b.surnameEdits)) return SURNAME.similar;
    return dice(a.surnames, b.surnames) >= SIMILAR_DICE ? SURNAME.similar : SURNAME.different;
  }
  const level = nameLevel(a.surnames, b.surnames, 0.8, [0.55, 0.7]);
  return level === 5
    ? SURNAME.same
    : level === 3
      ? SURNAME.missing
      : level === 4
        ? SURNAME.similar
        : level >= 1
          ? SURNAME.shared
          : SURNAME.different;
}

/**
 * The comparisons of the privacy-preserving mode, level for level like the plaintext ones, with
 * term frequencies of the encoded names taken from `population` (the records being linked): of
 * the word tokens where the encodings have them, else of whole filters.
 */
export function clkComparisons(population: readonly ClkRecord[] = []): Comparison<ClkRecord>[] {
  const givenFilterTf = filterFrequencies(population, 'given');
  const surnameFilterTf = filterFrequencies(population, 'surnames');
  const givenTf = tokenFrequencies(population.map((r) => r.givenKeys));
  const surnameTf = tokenFrequencies(population.map((r) => r.surnameKeys));
  return [
    {
      name: 'given_names',
      levels: GIVEN_LEVELS,
      compare: givenLevel,
      // As in clear: the rarest name the two share, written, resolved or canonical; a typo weighs
      // by the commoner of the two words it joins.
      tfAdjust(a, b) {
        if (!a.givenKeys || !b.givenKeys)
          return givenLevel(a, b) === GIVEN.exact ? givenFilterTf(a.given!) : 0;
        const written = rarestToken(givenTf, a.givenKeys, b.givenKeys);
        if (written !== -Infinity) return written;
        const resolved = rarestToken(givenTf, a.givenFormKeys ?? [], b.givenFormKeys ?? []);
        if (resolved !== -Infinity) return resolved;
        const canonical = rarestToken(givenTf, a.givenCanonicalKeys ?? [], b.givenCanonicalKeys ?? []);
        if (canonical !== -Infinity) return canonical;
        let typo = Infinity;
        const ea = a.givenEdits ?? [];
        const eb = b.givenEdits ?? [];
        for (let x = 0; x < ea.length; x++)
          for (let y = 0; y < eb.length; y++)
            if (editsShared(ea[x], eb[y]))
              typo = Math.min(typo, givenTf(a.givenKeys[x] ?? 0), givenTf(b.givenKeys[y] ?? 0));
        return typo === Infinity ? 0 : typo;
      },
      tfLevels: GIVEN_TF_LEVELS,
    },
    {
      name: 'surnames',
      levels: SURNAME_LEVELS,
      compare: surnameLevel,
      tfAdjust(a, b) {
        if (!a.surnameKeys || !b.surnameKeys)
          return surnameLevel(a, b) === SURNAME.same ? surnameFilterTf(a.surnames!) : 0;
        const best = rarestToken(surnameTf, a.surnameKeys, b.surnameKeys);
        return best === -Infinity ? 0 : best;
      },
      tfLevels: SURNAME_TF_LEVELS,
    },
    {
      name: 'birth',
      levels: BIRTH_LEVELS,
      compare(a, b) {
        if (a.dobToken !== null && a.dobToken === b.dobToken) return BIRTH.exact;
        // One typo, as in clear: seven of the eight digits in place (Dice of the digit filters ≥
        // 0.8; six of eight leave about 0.75). Encodings without the digit filter: two of year,
        // month and day agreeing.
        if (a.dobDigits != null && b.dobDigits != null) {
          if (dice(a.dobDigits, b.dobDigits) >= 0.8) return BIRTH.typo;
        } else if (a.dob !== null && b.dob !== null && dice(a.dob, b.dob) >= 0.6) return BIRTH.typo;
        if (a.dobEither != null && a.dobEither === b.dobEither) return BIRTH.typo;
        // Two written dates neither one typo apart nor swapped are two persons' (as in clear).
        if (a.dob !== null && b.dob !== null) return BIRTH.different;
        if (a.year === null || b.year === null) return -1;
        const at = b.near.indexOf(a.year);
        const years = at < 0 ? Infinity : Math.abs(at - NEAR);
        // As in clear (comparisons.ts): an estimate or a year alone is an interval about a year wide,
        // so whole years apart are about one year more than the intervals' distance.
        if (a.estimated || b.estimated) return estimatedLevel(years - 1, +a.estimated + +b.estimated);
        return years <= 1 ? BIRTH.withinYear : years <= 3 ? BIRTH.within3 : BIRTH.different;
      },
    },
    {
      name: 'sex',
      levels: ['different', 'same'],
      compare: (a, b) => (a.sex === null || b.sex === null ? -1 : a.sex === b.sex ? 1 : 0),
    },
    {
      name: 'nationality',
      levels: ['different', 'shared'],
      compare: (a, b) =>
        a.nationalities.length === 0 || b.nationalities.length === 0
          ? -1
          : a.nationalities.some((n) => b.nationalities.includes(n))
            ? 1
            : 0,
    },
    {
      name: 'document',
      levels: ['different', 'one digit or transposition', 'exact'],
      compare(a, b) {
        if (a.documentToken === null || b.documentToken === null) return -1;
        if (a.documentToken === b.documentToken) return 2;
        if (a.documentAnagram === b.documentAnagram || diceLevel(a.document, b.document, [0.6]) === 1)
          return 1;
        // Documents of different kinds say nothing (as in clear).
        return a.documentShape != null && b.documentShape != null && a.documentShape !== b.documentShape
          ? -1
          : 0;
      },
    },
    {
      name: 'place',
      levels: ['different', 'department or postcode', 'district'],
      compare(a, b) {
        if ((a.district ?? a.region) === null || (b.district ?? b.region) === null) return -1;
        if (a.district !== null && a.district === b.district) return 2;
        return a.region !== null && a.region === b.region ? 1 : 0;
      },
    },
    {
      name: 'address',
      levels: ['different', 'similar', 'exact'],
      compare: (a, b) => diceLevel(a.address, b.address, [0.7, 0.95]),
    },
  ];
}

/** Links encoded records: the same blocking (on keyed keys), model and clustering as in clear. */
export function linkClk(records: readonly ClkRecord[], options: LinkOptions = {}): LinkageResult {
  const rules: BlockingRule<ClkRecord>[] = personBlockingRules(new Vocabulary()).map((rule, i) => ({
    name: rule.name,
    bipartite: rule.bipartite,
    maxPairs: rule.maxPairs,
    perRecord: rule.perRecord,
    keys: (r, out) => addClkKeys(r, i, false, out),
  }));
  const training = personTrainingRules(new Vocabulary()).map((t, i) => ({
    rule: { name: t.rule.name, keys: (r: ClkRecord, out: KeySink) => addClkKeys(r, i, true, out) },
    ignore: t.ignore,
  }));
  return linkPrepared(records, clkComparisons(records), rules, training, options, {}, clkEvidence(records));
}

/**
 * Two encoded full dates of birth that cannot be one person's, as `datesConflict` in clear: not
 * day and month swapped (the `dobEither` tokens differ) and more than two of their eight digits
 * differ (Dice of the digit filters below 0.7: two wrong digits leave about 0.75, three 0.63).
 * Encodings written before the digit filter existed fall back to years more than two apart and
 * month and day not both agreeing.
 */
export function clkDatesConflict(a: ClkRecord, b: ClkRecord): boolean {
  if (a.dob === null || b.dob === null || a.dobToken === b.dobToken) return false;
  if (a.dobEither != null && a.dobEither === b.dobEither) return false;
  if (a.dobDigits != null && b.dobDigits != null) return dice(a.dobDigits, b.dobDigits) < 0.7;
  if (a.year === null) return false;
  const at = b.near.indexOf(a.year);
  const years = at < 0 ? Infinity : Math.abs(at - NEAR);
  return years > 2 && dice(a.dob, b.dob) < 0.6;
}

/**
 * The cluster safeguard on encodings (cluster.ts): a document or a date of birth is identified by
 * its keyed token, and two of them conflict as in clear, measured on their filters. Documents: not
 * the same digits in another order (anagram tokens) and a bigram Dice below 0.45 (more than about
 * two edits apart: one wrong digit leaves about 0.75, two about 0.5). Dates: years more than two
 * apart (the `near` tokens) and not both month and day agreeing (Dice of the date filter < 0.6).
 */
export function clkEvidence(records: readonly ClkRecord[]): HardEvidence {
  const byDocument = new Map<string, ClkRecord>();
  const byDate = new Map<string, ClkRecord>();
  for (const r of records) {
    if (r.documentToken !== null && !byDocument.has(r.documentToken)) byDocument.set(r.documentToken, r);
    if (r.dobToken !== null && !byDate.has(r.dobToken)) byDate.set(r.dobToken, r);
  }
  return {
    document: (i) => records[i]!.documentToken,
    dob: (i) => records[i]!.dobToken,
    documentsClash(x, y) {
      const a = byDocument.get(x)!;
      const b = byDocument.get(y)!;
      if (x === y || a.documentAnagram === b.documentAnagram) return false;
      if (a.documentShape != null && b.documentShape != null && a.documentShape !== b.documentShape)
        return false;
      return a.document !== null && b.document !== null && dice(a.document, b.document) < 0.45;
    },
    datesClash: (x, y) => x !== y && clkDatesConflict(byDate.get(x)!, byDate.get(y)!),
  };
}

/**
 * Prepared persons as typed columns, for the national batch's comparisons: every record's fixed
 * fields in one row of 8 integers (32 bytes: two records to a cache line), its names, aliases,
 * nationalities and document as short lists in one pool of integers (a spelling of the given names
 * or of the surnames is written once and shared by every record that writes it alike), its birth
 * interval in a column of its own. The columns live in shared memory: the main thread writes them
 * once and every thread of the batch reads the same bytes. The comparisons read a pair as two rows
 * and a few entries of the pool instead of two objects, a dozen arrays and strings each a pointer
 * away (bench/README.md, "The 1M batch: typed columns for the comparisons"), and give the same levels
 * and term-frequency bits as `personComparisons` (comparisons.ts) on the objects, which stays the
 * definition (a property test compares the two).
 */
import {
  BIRTH,
  CROSSED_GIVEN,
  CROSSED_SURNAMES,
  GIVEN,
  GIVEN_TF_LEVELS,
  SIMILAR,
  SURNAME,
  SURNAME_TF_LEVELS,
  birthLevel,
  nameSimilarity,
  type TermTable,
} from './comparisons.js';
import type { HardEvidence } from './cluster.js';
import { NULL_LEVEL } from './model.js';
import type { Prepared } from './record.js';
import { jaroWinkler } from './strings.js';

/** Integers per row: given part, surname part, aliases, dob, document, nationalities, flags, department. */
const ROW = 8;
const R_GIVEN = 0;
const R_SURNAME = 1;
const R_ALIASES = 2;
const R_DOB = 3;
const R_DOCUMENT = 4;
const R_NATIONALITY = 5;
const R_FLAGS = 6;
const R_DEPARTMENT = 7;
/** Flags: the sex's id in the low 16 bits (0: none), then an estimated birth, then district/postcode/address. */
const ESTIMATED = 1 << 16;
const HAS_EXTRA = 1 << 17;
/** Per record in `extra`: district, postcode, address (−1: none). */
const EXTRA = 3;

/** The columns of a population (typed arrays over shared memory, and the place and address texts). */
export interface PersonColumns {
  count: number;
  rows: Int32Array;
  /** Middle and half width of the birth interval (half width −1: unknown). */
  birth: Float64Array;
  extra: Int32Array;
  pool: Int32Array;
  /** Departments, districts and postcodes by id (one table: equal ids are equal texts). */
  places: readonly string[];
  addresses: readonly string[];
}

/** An Int32Array that grows by doubling (the pool, while it is written). */
class Growing {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  list(ids: readonly number[]): void {
    for (let x = 0; x < ids.length; x++) this.push(ids[x]!);
  }
}

function shared<T extends Int32Array | Float64Array>(
  make: (buffer: SharedArrayBuffer) => T,
  bytes: number,
): T {
  return make(new SharedArrayBuffer(Math.max(bytes, 8)));
}

/** Strings ⇄ ids in order of first appearance. */
function interner(table: string[]) {
  const ids = new Map<string, number>();
  return (value: string | null): number => {
    if (value === null) return -1;
    let id = ids.get(value);
    if (id === undefined) {
      id = table.length;
      ids.set(value, id);
      table.push(value);
    }
    return id;
  };
}

/** The columns of `records` (prepared with one vocabulary), in shared memory. */
export function personColumns(records: readonly Prepared[]): PersonColumns {
  const n = records.length;
  const rows = shared((b) => new Int32Array(b), n * ROW * 4);
  const birth = shared((b) => new Float64Array(b), n * 2 * 8);
  const extra = shared((b) => new Int32Array(b), n * EXTRA * 4);
  const pool = new Growing();
  // Offset 0: an empty list of every kind (given and surname parts have two counts, then the ids).
  pool.push(0);
  pool.push(0);
  // Name parts are shared by the records that write them alike (record.ts): one entry per part,
  // known by its first array and checked by all of them (a record prepared apart gets its own).
  type Parts = Map<readonly number[], { at: number; lists: readonly (readonly number[])[] }>;
  const givenParts: Parts = new Map();
  const surnameParts: Parts = new Map();
  /** The offset of a name part: [first list's length, last list's length, every list's ids]. */
  const part = (parts: Parts, lists: readonly (readonly number[])[]): number => {
    const known = parts.get(lists[0]!);
    if (known !== undefined && known.lists.every((list, x) => list === lists[x])) return known.at;
    const at = pool.length;
    pool.push(lists[0]!.length);
    pool.push(lists[lists.length - 1]!.length);
    for (const list of lists) pool.list(list);
    if (known === undefined) parts.set(lists[0]!, { at, lists });
    return at;
  };
  const documents = new Map<string, number>();
  const nationalitySets = new Map<string, number>();
  const nationality = interner([]);
  const sexes = interner(['']);
  const places: string[] = [];
  const place = interner(places);
  const addresses: string[] = [];
  const address = interner(addresses);
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const row = i * ROW;
    const given =
      r.given.length === 0 ? 0 : part(givenParts, [r.given, r.givenCanonical, r.givenWords, r.givenForms]);
    const surname =
      r.surnames.length === 0 ? 0 : part(surnameParts, [r.surnames, r.surnameWords, r.ownSurnameKeys]);
    let aliases = 0;
    if (r.aliases.length > 0) {
      aliases = pool.length;
      pool.push(r.aliases.length);
      pool.list(r.aliases);
    }
    let document = -1;
    if (r.document !== null) {
      const known = documents.get(r.document);
      if (known !== undefined) document = known;
      else {
        document = pool.length;
        pool.push(r.document.length);
        for (let x = 0; x < r.document.length; x++) pool.push(r.document.charCodeAt(x));
        documents.set(r.document, document);
      }
    }
    let nationalities = -1;
    if (r.nationalities.length > 0) {
      const key = r.nationalities.join('\u0000');
      const known = nationalitySets.get(key);
      if (known !== undefined) nationalities = known;
      else {
        nationalities = pool.length;
        pool.push(r.nationalities.length);
        for (const code of r.nationalities) pool.push(nationality(code));
        nationalitySets.set(key, nationalities);
      }
    }
    const sex = r.sex === null ? 0 : sexes(r.sex);
    if (sex > 0xffff) throw new Error('too many distinct values of sex');
    const hasExtra = r.district !== null || r.postcode !== null || r.address !== null;
    rows[row + R_GIVEN] = given;
    rows[row + R_SURNAME] = surname;
    rows[row + R_ALIASES] = aliases;
    // A date of birth is 8 digits (record.ts compactDate): as a number, and back by its digits.
    rows[row + R_DOB] = r.dob === null ? -1 : Number(r.dob);
    rows[row + R_DOCUMENT] = document;
    rows[row + R_NATIONALITY] = nationalities;
    rows[row + R_FLAGS] = sex | (r.estimated ? ESTIMATED : 0) | (hasExtra ? HAS_EXTRA : 0);
    rows[row + R_DEPARTMENT] = place(r.department);
    birth[2 * i] = r.birthMid ?? 0;
    birth[2 * i + 1] = r.birthMid === null ? -1 : r.birthHalf;
    extra[i * EXTRA] = place(r.district);
    extra[i * EXTRA + 1] = place(r.postcode);
    extra[i * EXTRA + 2] = address(r.address);
  }
  const data = shared((b) => new Int32Array(b), pool.length * 4);
  data.set(pool.data.subarray(0, pool.length));
  return { count: n, rows, birth, extra, pool: data, places, addresses };
}

/**
 * The cluster safeguard's hard evidence (cluster.ts) read from the columns: the same document and
 * date of birth texts as `personEvidence` on the prepared records, so that the batch need not keep
 * the records through the comparisons. A document is made once per entry of the pool (equal
 * documents share one), a date from its 8 digits.
 */
export function columnEvidence({ rows, pool }: PersonColumns): HardEvidence {
  const documents = new Map<number, string>();
  return {
    document(i) {
      const at = rows[i * ROW + R_DOCUMENT]!;
      if (at < 0) return null;
      let text = documents.get(at);
      if (text === undefined) {
        text = String.fromCharCode(...pool.subarray(at + 1, at + 1 + pool[at]!));
        documents.set(at, text);
      }
      return text;
    },
    dob(i) {
      const date = rows[i * ROW + R_DOB]!;
      return date < 0 ? null : String(date).padStart(8, '0');
    },
  };
}

/** Digit `d` (0: the first of 8) of a YYYYMMDD date held as a number. */
function digit(date: number, d: number): number {
  return Math.floor(date / 10 ** (7 - d)) % 10;
}

/**
 * Two 8-digit dates at most one typo apart (`damerauWithin(a, b, 1) <= 1` on their texts): equal
 * lengths, so one substitution or one swap of adjacent digits.
 */
function datesNear(a: number, b: number): boolean {
  let first = -1;
  let count = 0;
  for (let d = 0; d < 8; d++) {
    if (digit(a, d) === digit(b, d)) continue;
    if (count === 0) first = d;
    if (++count > 2) return false;
  }
  if (count <= 1) return true;
  return (
    digit(b, first) === digit(a, first + 1) &&
    digit(b, first + 1) === digit(a, first) &&
    digit(a, first + 1) !== digit(b, first + 1)
  );
}

/** Day and month swapped (`daySwapped` on the texts). */
function daySwappedDates(a: number, b: number): boolean {
  if (Math.floor(a / 10_000) !== Math.floor(b / 10_000)) return false;
  return Math.floor(a / 100) % 100 === b % 100 && a % 100 === Math.floor(b / 100) % 100;
}

/**
 * The comparisons of `personComparisons` over columns, all of a pair at once: `compare` writes the
 * vectors and tf bits of the pairs (left[k], right[k]) as `comparePairs` (model.ts) does. The term
 * tables are the population's (`personTermTables`), the word similarities the vocabulary's.
 */
export function personColumnComparer(
  vocab: { readonly words: readonly string[] },
  columns: PersonColumns,
  tables: { givenTf: TermTable; surnameTf: TermTable },
) {
  const { rows, birth, extra, pool, places, addresses } = columns;
  const { givenTf, surnameTf } = tables;
  const sim = nameSimilarity(vocab);
  const placeCache = new Map<number, number>();
  const placeSim = (x: number, y: number): number => {
    const key = x * 2_097_152 + y;
    let s = placeCache.get(key);
    if (s === undefined) placeCache.set(key, (s = jaroWinkler(places[x]!, places[y]!)));
    return s;
  };

  /** Every id of pool[a, a+la) is in pool[b, b+lb). */
  const subset = (a: number, la: number, b: number, lb: number): boolean => {
    for (let x = 0; x < la; x++) if (!has(b, lb, pool[a + x]!)) return false;
    return true;
  };
  const has = (b: number, lb: number, id: number): boolean => {
    for (let y = 0; y < lb; y++) if (pool[b + y] === id) return true;
    return false;
  };
  const shares = (a: number, la: number, b: number, lb: number): boolean => {
    for (let x = 0; x < la; x++) if (has(b, lb, pool[a + x]!)) return true;
    return false;
  };
  /** The largest adjustment among the ids both lists hold, -Infinity if none. */
  const rarest = (table: TermTable, a: number, la: number, b: number, lb: number): number => {
    let best = -Infinity;
    for (let x = 0; x < la; x++) {
      const id = pool[a + x]!;
      if (has(b, lb, id)) best = Math.max(best, table.adjustment(id));
    }
    return best;
  };

  // Given part at g: [L, F, keys × L, canonical × L, written × L, forms × F].
  /**
   * `crossedFields` (comparisons.ts) of the given part at g and the surname part at s of two
   * records: each one's given names against the other's surnames, by keys and written words.
   */
  function crossedAt(ga: number, sa: number, gb: number, sb: number): number {
    const lga = pool[ga]!;
    const lsa = pool[sa]!;
    const lgb = pool[gb]!;
    const lsb = pool[sb]!;
    if (lga === 0 || lsa === 0 || lgb === 0 || lsb === 0) return 0;
    // Given keys at g + 2, written given words at g + 2 + 2L; surname keys at s + 2, words at s + 2 + L.
    const one = crossing(ga + 2, ga + 2 + 2 * lga, lga, sb + 2, sb + 2 + lsb, lsb);
    if (one === 0) return 0;
    return Math.min(one, crossing(gb + 2, gb + 2 + 2 * lgb, lgb, sa + 2, sa + 2 + lsa, lsa));
  }

  function crossing(ka: number, wa: number, la: number, kb: number, wb: number, lb: number): number {
    const ab = subset(ka, la, kb, lb);
    const ba = subset(kb, lb, ka, la);
    if (ab && ba) return 3;
    if (ab || ba) return 2;
    if (shares(ka, la, kb, lb)) return 1;
    for (let x = 0; x < Math.min(la, 3); x++)
      for (let y = 0; y < Math.min(lb, 3); y++) if (sim(pool[wa + x]!, pool[wb + y]!)) return 1;
    return 0;
  }

  function givenLevel(ga: number, gb: number, sa: number, sb: number, aa: number, ab: number): number {
    const la = pool[ga]!;
    const lb = pool[gb]!;
    if (la === 0 || lb === 0) return -1;
    const ka = ga + 2;
    const kb = gb + 2;
    const wa = ka + 2 * la;
    const wb = kb + 2 * lb;
    if (la === lb) {
      let same = true;
      for (let x = 0; x < la && same; x++) same = pool[wa + x] === pool[wb + x];
      if (same) return GIVEN.exact;
    }
    const subA = subset(ka, la, kb, lb);
    const subB = subset(kb, lb, ka, la);
    if (subA && subB) return GIVEN.phonetic;
    if (subA || subB) return GIVEN.firstOrSubset;
    if (shares(ka, la, kb, lb)) return unsharedGivenRelated(ka, la, kb, lb) ? GIVEN.phonetic : GIVEN.shared;
    const crossed = crossedAt(ga, sa, gb, sb);
    if (crossed > 1) return CROSSED_GIVEN[crossed]!;
    const fa = ka + 3 * la;
    const fb = kb + 3 * lb;
    const nfa = pool[ga + 1]!;
    const nfb = pool[gb + 1]!;
    const na = pool[aa]!;
    const nb = pool[ab]!;
    if (
      shares(fa, nfa, fb, nfb) ||
      shares(fa, nfa, ab + 1, nb) ||
      shares(aa + 1, na, fb, nfb) ||
      shares(aa + 1, na, ab + 1, nb)
    )
      return GIVEN.nickname;
    for (let x = 0; x < Math.min(la, 2); x++)
      for (let y = 0; y < Math.min(lb, 2); y++) if (sim(pool[wa + x]!, pool[wb + y]!)) return GIVEN.similar;
    return CROSSED_GIVEN[crossed]!;
  }

  function unsharedGivenRelated(ka: number, la: number, kb: number, lb: number): boolean {
    for (let x = 0; x < la; x++) {
      if (has(kb, lb, pool[ka + x]!)) continue;
      for (let y = 0; y < lb; y++) {
        if (has(ka, la, pool[kb + y]!)) continue;
        if (pool[ka + la + x] === pool[kb + lb + y] || sim(pool[ka + 2 * la + x]!, pool[kb + 2 * lb + y]!))
          return true;
      }
    }
    return false;
  }

  function givenTfBits(ga: number, gb: number): number {
    const la = pool[ga]!;
    const lb = pool[gb]!;
    const ka = ga + 2;
    const kb = gb + 2;
    const written = rarest(givenTf, ka, la, kb, lb);
    if (written !== -Infinity) return written;
    const resolved = rarest(givenTf, ka + 3 * la, pool[ga + 1]!, kb + 3 * lb, pool[gb + 1]!);
    if (resolved !== -Infinity) return resolved;
    const canonical = rarest(givenTf, ka + la, la, kb + lb, lb);
    if (canonical !== -Infinity) return canonical;
    let typo = Infinity;
    for (let x = 0; x < Math.min(la, 2); x++)
      for (let y = 0; y < Math.min(lb, 2); y++)
        if (sim(pool[ka + 2 * la + x]!, pool[kb + 2 * lb + y]!))
          typo = Math.min(typo, givenTf.adjustment(pool[ka + x]!), givenTf.adjustment(pool[kb + y]!));
    return typo === Infinity ? 0 : typo;
  }

  // Surname part at s: [L, O, keys × L, written × L, own keys × O].
  function surnameLevel(sa: number, sb: number, ga: number, gb: number): number {
    const la = pool[sa]!;
    const lb = pool[sb]!;
    if (la === 0 || lb === 0) return -1;
    const ka = sa + 2;
    const kb = sb + 2;
    const subA = subset(ka, la, kb, lb);
    const subB = subset(kb, lb, ka, la);
    if (subA && subB) return la < 2 || lb < 2 ? SURNAME.lone : SURNAME.same;
    if (shares(ka, la, kb, lb)) {
      const missing = pool[ka] === pool[kb] ? SURNAME.firstKept : SURNAME.missing;
      if (subA || subB) return missing;
      const oa = pool[sa + 1]!;
      const ob = pool[sb + 1]!;
      if ((oa > 0 && subset(ka + 2 * la, oa, kb, lb)) || (ob > 0 && subset(kb + 2 * lb, ob, ka, la)))
        return missing;
      // A word of a whose key b lacks similar to a word of b whose key a lacks.
      for (let x = 0; x < la; x++) {
        if (has(kb, lb, pool[ka + x]!)) continue;
        for (let y = 0; y < lb; y++) {
          if (has(ka, la, pool[kb + y]!)) continue;
          if (sim(pool[ka + la + x]!, pool[kb + lb + y]!)) return SURNAME.misspelt;
        }
      }
      return SURNAME.shared;
    }
    const crossed = crossedAt(ga, sa, gb, sb);
    if (crossed > 1) return CROSSED_SURNAMES[crossed]!;
    // Every word of the record with fewer words similar to some word of the other.
    const fewer = la <= lb;
    const wf = fewer ? ka + la : kb + lb;
    const lf = fewer ? la : lb;
    const wm = fewer ? kb + lb : ka + la;
    const lm = fewer ? lb : la;
    for (let x = 0; x < lf; x++) {
      let found = false;
      for (let y = 0; y < lm && !found; y++) found = sim(pool[wf + x]!, pool[wm + y]!);
      if (!found) return CROSSED_SURNAMES[crossed]!;
    }
    return lf > 0 ? SURNAME.similar : CROSSED_SURNAMES[crossed]!;
  }

  function birthOf(i: number, j: number): number {
    const da = rows[i * ROW + R_DOB]!;
    const db = rows[j * ROW + R_DOB]!;
    if (da >= 0 && db >= 0) {
      if (da === db) return BIRTH.exact;
      return datesNear(da, db) || daySwappedDates(da, db) ? BIRTH.typo : BIRTH.different;
    }
    const ha = birth[2 * i + 1]!;
    const hb = birth[2 * j + 1]!;
    if (ha < 0 || hb < 0) return -1;
    const estimates =
      +((rows[i * ROW + R_FLAGS]! & ESTIMATED) !== 0) + +((rows[j * ROW + R_FLAGS]! & ESTIMATED) !== 0);
    return birthLevel(birth[2 * i]!, ha, birth[2 * j]!, hb, estimates);
  }

  function nationalityOf(na: number, nb: number): number {
    if (na < 0 || nb < 0) return -1;
    return shares(na + 1, pool[na]!, nb + 1, pool[nb]!) ? 1 : 0;
  }

  /** Document entries at a and b: [length, characters…]; equal texts share one entry. */
  function documentOf(a: number, b: number): number {
    if (a < 0 || b < 0) return -1;
    if (a === b) return 2;
    const la = pool[a]!;
    const lb = pool[b]!;
    if (la === lb) {
      // One substitution or one swap of adjacent characters (damerauWithin on equal lengths).
      let first = -1;
      let count = 0;
      for (let x = 1; x <= la && count <= 2; x++) {
        if (pool[a + x] === pool[b + x]) continue;
        if (count === 0) first = x;
        count++;
      }
      if (count <= 1) return 1;
      if (
        count === 2 &&
        pool[b + first] === pool[a + first + 1] &&
        pool[b + first + 1] === pool[a + first] &&
        pool[a + first + 1] !== pool[b + first + 1]
      )
        return 1;
      // The same kind of document: digits at the same places (sameDocumentShape).
      for (let x = 1; x <= la; x++) {
        const p = pool[a + x]!;
        const q = pool[b + x]!;
        if ((p >= 48 && p <= 57) !== (q >= 48 && q <= 57)) return -1;
      }
      return 0;
    }
    if (Math.abs(la - lb) === 1) {
      // One character more in the longer: the shorter is the longer without it.
      const s = la < lb ? a : b;
      const ls = la < lb ? la : lb;
      const l = la < lb ? b : a;
      let x = 0;
      while (x < ls && pool[s + 1 + x] === pool[l + 1 + x]) x++;
      while (x < ls && pool[s + 1 + x] === pool[l + 2 + x]) x++;
      if (x === ls) return 1;
    }
    return -1;
  }

  function placeOf(i: number, j: number): number {
    const fa = rows[i * ROW + R_FLAGS]!;
    const fb = rows[j * ROW + R_FLAGS]!;
    const depA = rows[i * ROW + R_DEPARTMENT]!;
    const depB = rows[j * ROW + R_DEPARTMENT]!;
    if ((fa & HAS_EXTRA) === 0 && (fb & HAS_EXTRA) === 0) {
      if (depA < 0 || depB < 0) return -1;
      return depA === depB ? 1 : 0;
    }
    const distA = extra[i * EXTRA]!;
    const distB = extra[j * EXTRA]!;
    const postA = extra[i * EXTRA + 1]!;
    const postB = extra[j * EXTRA + 1]!;
    if ((distA < 0 && depA < 0 && postA < 0) || (distB < 0 && depB < 0 && postB < 0)) return -1;
    if (distA >= 0 && distA === distB) return 2;
    if (distA >= 0 && distB >= 0 && placeSim(distA, distB) >= 0.92) return 2;
    if ((depA >= 0 && depA === depB) || (postA >= 0 && postA === postB)) return 1;
    return 0;
  }

  function addressOf(i: number, j: number): number {
    const a = extra[i * EXTRA + 2]!;
    const b = extra[j * EXTRA + 2]!;
    if (a < 0 || b < 0) return -1;
    if (a === b) return 2;
    return jaroWinkler(addresses[a]!, addresses[b]!) >= SIMILAR ? 1 : 0;
  }

  return {
    /** Comparisons per pair (as `personComparisons`). */
    comparisons: 8,
    compare(
      left: Uint32Array,
      right: Uint32Array,
      count: number,
      out?: { vectors: Uint8Array; tf: Float32Array; at: number },
    ): { vectors: Uint8Array; tf: Float32Array } {
      const c = 8;
      const vectors = out
        ? out.vectors.subarray(out.at * c, (out.at + count) * c)
        : new Uint8Array(count * c);
      const tf = out ? out.tf.subarray(out.at, out.at + count) : new Float32Array(count);
      for (let k = 0; k < count; k++) {
        const i = left[k]!;
        const j = right[k]!;
        const ri = i * ROW;
        const rj = j * ROW;
        const ga = rows[ri + R_GIVEN]!;
        const gb = rows[rj + R_GIVEN]!;
        const sa = rows[ri + R_SURNAME]!;
        const sb = rows[rj + R_SURNAME]!;
        const levels = k * c;
        let bits = 0;
        const given = givenLevel(ga, gb, sa, sb, rows[ri + R_ALIASES]!, rows[rj + R_ALIASES]!);
        if (given >= 0 && GIVEN_TF_LEVELS.includes(given)) bits += givenTfBits(ga, gb);
        const surname = surnameLevel(sa, sb, ga, gb);
        if (surname >= 0 && SURNAME_TF_LEVELS.includes(surname))
          bits += rarestOrZero(rarest(surnameTf, sa + 2, pool[sa]!, sb + 2, pool[sb]!));
        // Written one by one, with no function made per pair (a closure per pair cost a third of
        // the worker's compare phase at 300,000 under tsx: bench/README.md, "The 1M batch: records
        // dropped before the comparisons").
        vectors[levels] = levelByte(given);
        vectors[levels + 1] = levelByte(surname);
        vectors[levels + 2] = levelByte(birthOf(i, j));
        vectors[levels + 3] = levelByte(sexOf(rows[ri + R_FLAGS]! & 0xffff, rows[rj + R_FLAGS]! & 0xffff));
        vectors[levels + 4] = levelByte(nationalityOf(rows[ri + R_NATIONALITY]!, rows[rj + R_NATIONALITY]!));
        vectors[levels + 5] = levelByte(documentOf(rows[ri + R_DOCUMENT]!, rows[rj + R_DOCUMENT]!));
        vectors[levels + 6] = levelByte(placeOf(i, j));
        vectors[levels + 7] = levelByte(addressOf(i, j));
        tf[k] = bits;
      }
      return { vectors, tf };
    },
  };
}

/** A level as the vectors hold it (a missing one as NULL_LEVEL). */
function levelByte(level: number): number {
  return level < 0 ? NULL_LEVEL : level;
}

function rarestOrZero(best: number): number {
  return best === -Infinity ? 0 : best;
}

function sexOf(a: number, b: number): number {
  return a === 0 || b === 0 ? -1 : a === b ? 1 : 0;
}

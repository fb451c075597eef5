/**
 * The name-frequency tables of a national batch, kept with its run so that the intake look-up weighs
 * a shared name as the batch did (Splink's term-frequency adjustment, comparisons.ts `TermTable`):
 * "Arasy" shared says much, "María" little. Without them intake scored every agreeing name with the
 * level's average weight; the frequencies of its own candidates (who share the query's names) would
 * have penalised exactly the names they share.
 *
 * Stored compactly (migration 2026-12-07T10-30-00_linkage_name_frequencies): one row per name key held
 * by two persons or more, keyed by the key's blind index (the same HMAC `persons.name_tokens` holds,
 * so nothing the persons table does not already say), and per family the totals the adjustment
 * needs (in the run's model). A key held by one person is not stored: the engine counts a key it has
 * not seen as held by one (`TermTable`), so leaving them out changes no weight, and they are most of
 * the keys and the ones nearest to a single person.
 */
import { termAdjustment, TermTable } from '../../linkage-engine/comparisons.js';
import type { LinkPerson, Prepared, Vocabulary } from '../../linkage-engine/record.js';
import { nameWords, phoneticKey } from '../persons/name-normalize.js';

export type NameFamily = 'given' | 'surname';

/** Per family, what the adjustment needs besides one key's count (stored in the run's model). */
export interface FamilyTotals {
  /** Sum over records of their distinct keys of the family (`TermTable` total). */
  total: number;
  /** Σ (count / total)² over every key, singletons included. */
  sumSquares: number;
}

export interface NameFrequencies {
  given: Map<string, number>;
  surname: Map<string, number>;
  totals: Record<NameFamily, FamilyTotals>;
}

/** The distinct phonetic keys of name fields, memoised per spelling (names repeat). */
function keysMemo() {
  const memo = new Map<string, string[]>();
  return (text: string): string[] => {
    let keys = memo.get(text);
    if (!keys) {
      keys = [...new Set(nameWords(text).map(phoneticKey))];
      if (memo.size < 1_000_000) memo.set(text, keys);
    }
    return keys;
  };
}

function totalsOf(counts: ReadonlyMap<string, number>): FamilyTotals {
  let total = 0;
  for (const c of counts.values()) total += c;
  let sumSquares = 0;
  if (total > 0) for (const c of counts.values()) sumSquares += (c / total) ** 2;
  return { total, sumSquares };
}

/**
 * How many of `persons` hold each given-name key and each surname key: what the batch's
 * `personTermTables` counts over the same persons prepared (record.ts: a record's `given` are the
 * phonetic keys of its given-name words, its `surnames` those of both surname fields).
 */
export function nameFrequencies(persons: readonly LinkPerson[]): NameFrequencies {
  const given = new Map<string, number>();
  const surname = new Map<string, number>();
  const givenKeys = keysMemo();
  const surnameKeys = keysMemo();
  const add = (counts: Map<string, number>, keys: readonly string[]) => {
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  for (const p of persons) {
    if (p.givenNames) add(given, givenKeys(p.givenNames));
    // The two fields' words together, as the record's surnames (a word in both counts once).
    const first = p.firstSurname ?? '';
    const second = p.secondSurname ?? '';
    if (first || second) add(surname, surnameKeys(second ? `${first} ${second}` : first));
  }
  return { given, surname, totals: { given: totalsOf(given), surname: totalsOf(surname) } };
}

/**
 * A family's term frequencies as stored by a batch: `countOf(id)` is the stored count of the
 * vocabulary id's key (undefined: held by one person, or by none). The adjustment is `TermTable`'s.
 */
export class StoredTermTable extends TermTable {
  constructor(
    private readonly countOf: (id: number) => number | undefined,
    private readonly totals: FamilyTotals,
  ) {
    super();
  }

  override adjustment(id: number): number {
    return termAdjustment(this.countOf(id), this.totals.total, this.totals.sumSquares);
  }
}

/**
 * The vocabulary ids whose frequencies a look-up of `query` among `records` can ask
 * (comparisons.ts `personComparisons`, the adjustments): the names a candidate shares with the query
 * are the query's (its given-name keys, their nickname forms and canonical names; its surname keys),
 * and a typo weighs by the commoner of the first two given names on either side.
 */
export function idsToWeigh(query: Prepared, records: readonly Prepared[]): Record<NameFamily, Set<number>> {
  const given = new Set([...query.given, ...query.givenForms, ...query.givenCanonical]);
  for (const r of records) for (let x = 0; x < Math.min(r.given.length, 2); x++) given.add(r.given[x]!);
  return { given, surname: new Set(query.surnames) };
}

/** The blind index of each id's key (`index`: the name blind index). */
export function tokensOf(
  vocab: Vocabulary,
  ids: ReadonlySet<number>,
  index: (key: string) => string,
): Map<number, string> {
  return new Map([...ids].map((id) => [id, index(vocab.words[id]!)]));
}

/** A family's stored count of each id, from the rows read by blind index (`tokensOf`). */
export function storedCounts(
  tokens: ReadonlyMap<number, string>,
  rows: readonly { token: string; persons: number }[],
): (id: number) => number | undefined {
  const byToken = new Map(rows.map((r) => [r.token, r.persons]));
  const counts = new Map<number, number>();
  for (const [id, token] of tokens) {
    const n = byToken.get(token);
    if (n !== undefined) counts.set(id, n);
  }
  return (id) => counts.get(id);
}

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
import type { PersonNameTables } from '../../linkage-engine/linkage.js';
import type { Prepared, Vocabulary } from '../../linkage-engine/record.js';

export type NameFamily = 'given' | 'surname';

/** Per family, what the adjustment needs besides one key's count (stored in the run's model). */
export interface FamilyTotals {
  /** Sum over records of their distinct keys of the family (`TermTable` total). */
  total: number;
  /** Σ (count / total)² over every key, singletons included. */
  sumSquares: number;
}

export interface NameFrequencies {
  /** Name key → persons holding it, keys held by two persons or more (the rows a run stores). */
  given: Map<string, number>;
  surname: Map<string, number>;
  totals: Record<NameFamily, FamilyTotals>;
}

/**
 * The frequencies a batch weighed names by, as a run stores them: read from the engine's own term
 * tables (`LinkageResult.names`; a record's `given` are the phonetic keys of its given-name words,
 * its `surnames` those of both surname fields), not counted again over the persons. Keys held by
 * one person are left out (see above); the totals count every key.
 */
export function frequenciesOf(names: PersonNameTables): NameFrequencies {
  const held = (table: TermTable) => {
    const out = new Map<string, number>();
    for (const [id, persons] of table.counted()) if (persons > 1) out.set(names.words[id]!, persons);
    return out;
  };
  return {
    given: held(names.givenTf),
    surname: held(names.surnameTf),
    totals: { given: names.givenTf.totals(), surname: names.surnameTf.totals() },
  };
}

/**
 * A family's term frequencies as stored by a batch: `countOf(id)` is the stored count of the
 * vocabulary id's key (undefined: held by one person, or by none). The adjustment is `TermTable`'s.
 */
export class StoredTermTable extends TermTable {
  constructor(
    private readonly countOf: (id: number) => number | undefined,
    private readonly family: FamilyTotals,
  ) {
    super();
  }

  override adjustment(id: number): number {
    return termAdjustment(this.countOf(id), this.family.total, this.family.sumSquares);
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

/**
 * The field-by-field reasons of a pair, as intake and the review list show them: each comparison's
 * level (the engine's label) and its grade, agree / close / differ. Computed with the engine's own
 * comparisons (estimated ages as intervals, nicknames, phonetic spellings), never with values.
 */
import type { Comparison } from '../../linkage-engine/comparisons.js';
import { personComparisons } from '../../linkage-engine/comparisons.js';
import { preparePersons } from '../../linkage-engine/linkage.js';
import type { LinkPerson, Prepared } from '../../linkage-engine/record.js';

export type Grade = 'agree' | 'close' | 'differ';
export interface PairLevel {
  comparison: string;
  level: string;
  grade: Grade;
}

/** The grade of `level` among a comparison's `levels` (0 = differ, the best = agree). */
export function gradeOf(level: number, levels: readonly string[]): Grade {
  return level <= 0 ? 'differ' : level >= levels.length - 1 ? 'agree' : 'close';
}

/** The levels of one pair under `comparisons`; comparisons with a missing value are left out. */
export function levelsOf(
  comparisons: readonly Comparison<Prepared>[],
  a: Prepared,
  b: Prepared,
): PairLevel[] {
  const out: PairLevel[] = [];
  for (const c of comparisons) {
    const level = c.compare(a, b);
    if (level >= 0)
      out.push({ comparison: c.name, level: c.levels[level]!, grade: gradeOf(level, c.levels) });
  }
  return out;
}

/** The levels of several pairs of persons (by id), each computed once. */
export function pairLevels(
  persons: ReadonlyMap<string, LinkPerson>,
  pairs: readonly (readonly [string, string])[],
): PairLevel[][] {
  const list = [...persons.values()];
  const at = new Map(list.map((p, i) => [p.id, i]));
  const { vocab, records } = preparePersons(list);
  const comparisons = personComparisons(vocab, records);
  return pairs.map(([x, y]) => {
    const i = at.get(x);
    const j = at.get(y);
    return i === undefined || j === undefined ? [] : levelsOf(comparisons, records[i]!, records[j]!);
  });
}

/**
 * The field-by-field reasons of a pair, as intake and the review list show them: each comparison's
 * level (the engine's label) and its grade, agree / close / differ. Computed with the engine's own
 * comparisons (estimated ages as intervals, nicknames, phonetic spellings), never with values.
 */
import type { Comparison } from '../../linkage-engine/comparisons.js';
import { personComparisons, SURNAME, SURNAME_LEVELS } from '../../linkage-engine/comparisons.js';
import { preparePersons } from '../../linkage-engine/linkage.js';
import type { LinkPerson, Prepared } from '../../linkage-engine/record.js';

export type Grade = 'agree' | 'close' | 'differ';
export interface PairLevel {
  comparison: string;
  level: string;
  grade: Grade;
}

/**
 * Levels below a comparison's best at which the two values shown are nonetheless identical: two
 * records that each carry one surname, the same ("Benítez" / "Benítez"), weigh less than two that
 * agree on both (the engine keeps them apart: siblings and namesakes share a lone surname), but
 * what the user sees is the same surname on both sides, and "close" read as a spelling difference.
 */
const IDENTICAL_BELOW_BEST: ReadonlySet<string> = new Set([SURNAME_LEVELS[SURNAME.lone]]);

/**
 * The grade of `level` among a comparison's `levels`: 0 = differ; the best, or a level whose values
 * are identical (`IDENTICAL_BELOW_BEST`) = agree; the rest close.
 */
export function gradeOf(level: number, levels: readonly string[]): Grade {
  if (level <= 0) return 'differ';
  return level >= levels.length - 1 || IDENTICAL_BELOW_BEST.has(levels[level]!) ? 'agree' : 'close';
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

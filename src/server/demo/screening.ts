/**
 * Demo screenings against the published instrument (its question ids read from the database at
 * run time), assessed with the same rules the API uses (src/shared/screening-rules.ts), and the
 * trafficking-status decisions a person then records.
 */
import type { Trx } from '../db/database.js';
import { assess, childStatus, type Answer, type RuleDefinition } from '../../shared/screening-rules.js';
import type { Rng } from './prng.js';

export interface LoadedInstrument {
  id: string;
  version: number;
  definition: RuleDefinition;
  /** Question ids per section kind. */
  byKind: Map<string, string[]>;
}

/** An instrument with its question ids grouped by section kind. */
export function instrumentOf(row: {
  id: string;
  version: number;
  definition: RuleDefinition;
}): LoadedInstrument {
  const byKind = new Map<string, string[]>();
  for (const section of row.definition.sections) {
    byKind.set(section.kind, [...(byKind.get(section.kind) ?? []), ...section.questions.map((q) => q.id)]);
  }
  return { id: row.id, version: row.version, definition: row.definition, byKind };
}

/** Version 1 when it is published, otherwise the latest published version; null when there is none. */
export async function loadInstrument(trx: Trx): Promise<LoadedInstrument | null> {
  const rows = await trx
    .selectFrom('screening_instruments')
    .select(['id', 'version', 'definition'])
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .execute();
  const row = rows.find((r) => r.version === 1) ?? rows[0];
  if (!row) return null;
  const definition = (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as RuleDefinition;
  return instrumentOf({ id: row.id, version: row.version, definition });
}

/** Which parts of the definition the interview brings out. */
export interface ScreeningTruth {
  act: boolean;
  means: boolean;
  purpose: boolean;
  /** Indicator and vulnerability section kinds with at least one "yes". */
  kinds: string[];
}

/** What the interview of a victim of this profile tends to reveal. */
export function drawTruth(
  rng: Rng,
  exploitationType: string,
  child: boolean,
  vulnerable: boolean,
): ScreeningTruth {
  if (rng.chance(0.03)) return { act: false, means: false, purpose: false, kinds: [] };
  const kinds: string[] = [];
  if (exploitationType === 'SexualExploitation') kinds.push('sexual_exploitation');
  if (exploitationType === 'Servitude') kinds.push('domestic_servitude');
  if (['ForcedLabour', 'ChildLabour', 'ForcedBegging'].includes(exploitationType)) {
    kinds.push('labour_exploitation', 'forced_labour');
  }
  if (child) kinds.push('child');
  if (vulnerable || rng.chance(0.5)) kinds.push('vulnerability');
  return {
    act: rng.chance(0.95),
    means: rng.chance(child ? 0.55 : 0.8),
    purpose: rng.chance(0.9),
    kinds: kinds.filter(() => rng.chance(0.9)),
  };
}

/**
 * Answers for a truth: one to three "yes" in each section kind that holds, and a few "no" or
 * "unknown" elsewhere (an interview does not go through every question).
 */
export function drawAnswers(
  rng: Rng,
  instrument: LoadedInstrument,
  truth: ScreeningTruth,
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  const yes = new Set(truth.kinds);
  if (truth.act) yes.add('act');
  if (truth.means) yes.add('means');
  if (truth.purpose) yes.add('purpose');
  for (const [kind, ids] of instrument.byKind) {
    if (yes.has(kind)) {
      for (const id of rng.sample(ids, rng.int(1, Math.min(3, ids.length)))) answers[id] = 'yes';
    } else if (['act', 'means', 'purpose'].includes(kind) || rng.chance(0.3)) {
      for (const id of rng.sample(ids, rng.int(1, Math.min(2, ids.length))))
        answers[id] = rng.chance(0.8) ? 'no' : 'unknown';
    }
  }
  return answers;
}

export interface ScreeningOutcome {
  answers: Record<string, Answer>;
  ageAtFacts: number | null;
  child: 'yes' | 'no' | 'unknown';
  flags: string[];
  act: boolean;
  means: boolean;
  purpose: boolean;
  indicatorCount: number;
  assessment: 'presumed_victim' | 'possible_victim' | 'no_indication';
  law4788: ReturnType<typeof assess>['law4788'];
}

/** A screening's stored values, computed with the shared rules (as submitScreening does). */
export function screen(
  instrument: LoadedInstrument,
  answers: Record<string, Answer>,
  age: { dateOfBirth: string | null; estimatedAge: number | null; ageApproximate: boolean },
  factsDate: string,
  recordedOn: string,
): ScreeningOutcome {
  const child = childStatus({ ...age, factsDate, recordedOn });
  const result = assess(instrument.definition, answers, child.child);
  return {
    answers,
    ageAtFacts: child.ageAtFacts,
    child: child.child,
    flags: child.flags,
    act: result.act,
    means: result.means,
    purpose: result.purpose,
    indicatorCount: result.indicatorCount,
    assessment: result.assessment,
    law4788: result.law4788,
  };
}

/** The status a person records after a screening (the tool guides, the person decides). */
export function decideStatus(rng: Rng, assessment: ScreeningOutcome['assessment']): string {
  const x = rng.float();
  if (assessment === 'presumed_victim') {
    return x < 0.7
      ? 'ActualVictimOfTrafficking'
      : x < 0.98
        ? 'PossibleVictimOfTrafficking'
        : 'NotAVictimOfTrafficking';
  }
  if (assessment === 'possible_victim') {
    return x < 0.7
      ? 'PossibleVictimOfTrafficking'
      : x < 0.8
        ? 'ActualVictimOfTrafficking'
        : 'NotAVictimOfTrafficking';
  }
  return x < 0.85 ? 'NotAVictimOfTrafficking' : 'PossibleVictimOfTrafficking';
}

/**
 * The procedural stages of one defendant (docs/DOMAIN.md §6), as a pure module:
 *
 *   (none) → imputación
 *   imputación → acusación | sobreseimiento | salida alternativa
 *   acusación → juicio oral | sentencia (procedimiento abreviado) | sobreseimiento | salida alternativa
 *   juicio oral → sentencia
 *   sentencia → apelación
 *   apelación, sobreseimiento, salida alternativa: final.
 *
 * A sentence needs at least one charge; a stage is never dated before the previous one. An outcome
 * (convicted, acquitted) belongs to a sentencia or an apelación; "dismissed" to a sobreseimiento.
 */
import type { OUTCOMES, PROCEDURAL_STAGES } from '../../../shared/api-prosecution.js';

export type Stage = (typeof PROCEDURAL_STAGES)[number];
export type OutcomeKind = (typeof OUTCOMES)[number];

const NEXT: Record<Stage | 'none', readonly Stage[]> = {
  none: ['imputacion'],
  imputacion: ['acusacion', 'sobreseimiento', 'salida_alternativa'],
  acusacion: ['juicio_oral', 'sentencia', 'sobreseimiento', 'salida_alternativa'],
  juicio_oral: ['sentencia'],
  sentencia: ['apelacion'],
  apelacion: [],
  sobreseimiento: [],
  salida_alternativa: [],
};

/** The order of the procedure, for "how far did it get" (exits rank with the stage they leave). */
export const STAGE_RANK: Record<Stage, number> = {
  imputacion: 1,
  sobreseimiento: 1,
  salida_alternativa: 1,
  acusacion: 2,
  juicio_oral: 3,
  sentencia: 4,
  apelacion: 5,
};

export interface StageRecord {
  stage: Stage;
  occurredOn: string;
}

export type StageRefusal =
  | { code: 'invalid_stage_transition'; params: { from: string; to: string } }
  | { code: 'sentence_without_charge'; params: Record<string, never> }
  | { code: 'stage_date_before_previous'; params: { previous: string } };

/** The stages that may come after `history` (ordered oldest first). */
export function nextStages(history: readonly StageRecord[]): readonly Stage[] {
  const last = history.at(-1)?.stage ?? 'none';
  return NEXT[last];
}

/** Why `next` may not follow `history`, or null when it may. */
export function checkStage(
  history: readonly StageRecord[],
  next: StageRecord,
  chargeCount: number,
): StageRefusal | null {
  const last = history.at(-1);
  if (!nextStages(history).includes(next.stage))
    return { code: 'invalid_stage_transition', params: { from: last?.stage ?? 'none', to: next.stage } };
  if (next.stage === 'sentencia' && chargeCount < 1) return { code: 'sentence_without_charge', params: {} };
  // ISO dates compare as strings.
  if (last && next.occurredOn < last.occurredOn)
    return { code: 'stage_date_before_previous', params: { previous: last.occurredOn } };
  return null;
}

export type OutcomeRefusal =
  | { code: 'outcome_needs_sentence'; params: { stage: string } }
  | { code: 'outcome_date_before_stage'; params: { stageDate: string } };

/** Why `outcome` may not be recorded at the defendant's current stage, or null. */
export function checkOutcome(
  history: readonly StageRecord[],
  outcome: OutcomeKind,
  decidedOn: string,
): OutcomeRefusal | null {
  const last = history.at(-1);
  const allowed: readonly Stage[] =
    outcome === 'dismissed' ? ['sobreseimiento', 'sentencia', 'apelacion'] : ['sentencia', 'apelacion'];
  if (!last || !allowed.includes(last.stage))
    return { code: 'outcome_needs_sentence', params: { stage: last?.stage ?? 'none' } };
  if (decidedOn < last.occurredOn)
    return { code: 'outcome_date_before_stage', params: { stageDate: last.occurredOn } };
  return null;
}

/** The furthest stage among several defendants' current stages. */
export function furthestStage(stages: ReadonlyArray<Stage | null>): Stage | null {
  let best: Stage | null = null;
  for (const stage of stages) if (stage && (!best || STAGE_RANK[stage] > STAGE_RANK[best])) best = stage;
  return best;
}

/**
 * The case timeline: what happened to a case, when and by whom. Details hold non-personal values
 * only (ids, codes, field names) — never names, narratives or places.
 */
import type { Actor } from '../../access/actor.js';
import type { Trx } from '../../db/database.js';

export interface TimelineEntry {
  caseId: string;
  actor: Actor;
  /** e.g. 'case_created', 'case_updated', 'person_added', 'screening_recorded'. */
  kind: string;
  details?: Record<string, string | number | boolean | null | readonly (string | number)[]>;
}

/** Appends one entry to a case's timeline, in the caller's transaction. */
export async function addTimeline(trx: Trx, entry: TimelineEntry): Promise<void> {
  await trx
    .insertInto('case_timeline')
    .values({
      case_id: entry.caseId,
      actor_user_id: entry.actor.userId,
      institution_id: entry.actor.institutionId,
      kind: entry.kind,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/**
 * The case timeline: what happened to a case, when and by whom. Details hold non-personal values
 * only (ids, codes, field names) — never names, narratives or places.
 */
import type { Actor } from '../../access/actor.js';
import type { Trx } from '../../db/database.js';
import { holdRows } from '../../db/write-batch.js';

export interface TimelineEntry {
  caseId: string;
  actor: Actor;
  /** e.g. 'case_created', 'case_updated', 'person_added', 'screening_recorded'. */
  kind: string;
  details?: Record<string, string | number | boolean | null | readonly (string | number)[]>;
}

/** Appends one entry to a case's timeline, in the caller's transaction. */
export async function addTimeline(trx: Trx, entry: TimelineEntry): Promise<void> {
  // Inside a write batch (write-batch.ts), the entry goes into the batch's one INSERT at its end.
  if (holdRows(trx, 'case_timeline', [entry], (held) => insertTimeline(trx, held))) return;
  await insertTimeline(trx, [entry]);
}

async function insertTimeline(trx: Trx, entries: readonly TimelineEntry[]): Promise<void> {
  await trx
    .insertInto('case_timeline')
    .values(
      entries.map((entry) => ({
        case_id: entry.caseId,
        actor_user_id: entry.actor.userId,
        institution_id: entry.actor.institutionId,
        kind: entry.kind,
        details: JSON.stringify(entry.details ?? {}),
      })),
    )
    .execute();
}

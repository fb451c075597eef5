/**
 * API shapes of case notes (docs/OFFLINE.md "Case notes"): free text on a case, append-only — a
 * correction is a new note, so a note has no version and an offline note never conflicts. Each note
 * carries a sensitivity label (src/shared/sensitivity.ts) or none (a working note): the label decides
 * which roles read it unmasked and whether it is copied to devices.
 */
import { z } from 'zod';
import { pageQuery, Uuid } from './api.js';
import type { SensitivityLabel } from './sensitivity.js';

/** The labels a note may carry; none (null) is a working note (visits, calls, next steps). */
export const NOTE_SENSITIVITIES = [
  'testimony',
  'health',
  'legal',
] as const satisfies readonly SensitivityLabel[];
export type NoteSensitivity = (typeof NOTE_SENSITIVITIES)[number];

/** How far ahead of the server's clock a device's "written at" may be (its clock may run fast). */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

export const AddCaseNoteRequest = z.strictObject({
  text: z.string().trim().min(1).max(4000),
  sensitivity: z.enum(NOTE_SENSITIVITIES).nullable().default(null),
  /** Sent by the offline queue: when the note was written on the device (never in the future). */
  madeOfflineAt: z.iso
    .datetime({ offset: true })
    .refine((at) => Date.parse(at) <= Date.now() + CLOCK_SKEW_MS, {
      message: 'issue.inFuture',
    })
    .optional(),
});

export const ListCaseNotesQuery = z.strictObject(pageQuery(1_000_000));

export const CaseNoteView = z.object({
  id: Uuid,
  caseId: Uuid,
  /** Null when masked for the reader's role, or erased. */
  text: z.string().nullable(),
  sensitivity: z.enum(NOTE_SENSITIVITIES).nullable(),
  /** The label is not one the reader's role needs: the text is withheld (docs/ACCESS-CONTROL.md). */
  masked: z.boolean(),
  author: z.string(),
  institutionCode: z.string(),
  createdAt: z.string(),
  /** When it was written on a device with no network, and which device (a synced offline note). */
  madeOfflineAt: z.string().nullable(),
  deviceId: Uuid.nullable(),
});
export type CaseNoteView = z.infer<typeof CaseNoteView>;

/** A case's notes, newest first. */
export const CaseNoteList = z.object({ items: z.array(CaseNoteView), total: z.number().int() });

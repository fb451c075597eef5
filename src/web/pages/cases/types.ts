/** Types the case page shares with its sections and dialogs (kept apart so they import no page). */
import type { z } from 'zod';
import type { CaseProtection } from '../../../shared/api-protection.js';

/** Shared by the sections: reports a change (the case reads itself again after every write). */
export interface CaseActions {
  changed(message: string): void;
}

/** A need of the protection panel, with its matches. */
export type Need = z.output<typeof CaseProtection>['needs'][number];

/** Types the case page shares with its sections and dialogs (kept apart so they import no page). */
import type { z } from 'zod';
import type { CaseView } from '../../../shared/api-identification.js';
import type { CaseProtection } from '../../../shared/api-protection.js';

/** Shared by the sections: reports a change and gives the page the case the server returned. */
export interface CaseActions {
  /** `view` is the case as the server answered a change; without it the page reloads the case. */
  changed(message: string, view?: CaseView): void;
}

/** A need of the protection panel, with its matches. */
export type Need = z.output<typeof CaseProtection>['needs'][number];

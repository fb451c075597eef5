/** The linkage operations the web app calls (identifying data in request bodies only). */
import type { z } from 'zod';
import { PersonMatches, type FindPersonMatchesRequest } from '../../../shared/api-linkage.js';
import { legacyCall as call } from '../../api.js';

/** Likely matches of the person being registered, among the persons the user may read. */
export function findPersonMatches(
  body: z.input<typeof FindPersonMatchesRequest>,
): Promise<z.output<typeof PersonMatches>> {
  return call('POST', '/api/linkage/matches', PersonMatches, { body });
}

/** The linkage operations the web app calls (identifying data in request bodies only). */
import type { z } from 'zod';
import {
  DecideMatchReviewResponse,
  MatchReviewList,
  PersonMatches,
  type FindPersonMatchesRequest,
} from '../../../shared/api-linkage.js';
import { legacyCall as call } from '../../api.js';

/** Likely matches of the person being registered, among the persons the user may read. */
export function findPersonMatches(
  body: z.input<typeof FindPersonMatchesRequest>,
): Promise<z.output<typeof PersonMatches>> {
  return call('POST', '/api/linkage/matches', PersonMatches, { body });
}

/** The pending reviews with a record the user may read. */
export function listMatchReviews(): Promise<z.output<typeof MatchReviewList>> {
  return call('GET', '/api/linkage/reviews', MatchReviewList);
}

/** Confirms (same person) or rejects (different persons) a review. */
export function decideMatchReview(
  id: string,
  decision: 'same' | 'different',
): Promise<z.output<typeof DecideMatchReviewResponse>> {
  return call('POST', `/api/linkage/reviews/${encodeURIComponent(id)}/decision`, DecideMatchReviewResponse, {
    body: { decision },
  });
}

/**
 * The referral state machine (docs/DOMAIN.md §5):
 *
 *   requested → accepted | declined (reason) | closed (reason) | withdrawn
 *   accepted  → in_progress (first service delivered) | completed | closed (reason) | withdrawn
 *   in_progress → completed | closed (reason) | withdrawn
 *   declined, completed, closed, withdrawn: final.
 *
 * Every change goes through `transition`, an update conditional on the state it starts from, so two
 * concurrent changes of one referral cannot both succeed. Lock order: referral, then the provider's
 * service (places), then the audit chain — the same in every operation, so none waits on another in a circle.
 */
import type { REFERRAL_STATES } from '../../../shared/catalogues.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import { releasePlace } from '../providers/providers.repository.js';
import { setNeedStatus } from './needs.repository.js';
import { moveReferralState } from './referrals.repository.js';

export type ReferralState = (typeof REFERRAL_STATES)[number];

const NEXT: Record<ReferralState, readonly ReferralState[]> = {
  requested: ['accepted', 'declined', 'closed', 'withdrawn'],
  accepted: ['in_progress', 'completed', 'closed', 'withdrawn'],
  in_progress: ['completed', 'closed', 'withdrawn'],
  declined: [],
  completed: [],
  closed: [],
  withdrawn: [],
};

export function canMove(from: string, to: ReferralState): boolean {
  return (NEXT[from as ReferralState] ?? []).includes(to);
}

/** Moves `referralId` from `from` to `to`, or answers 409 `invalid_referral_transition`. */
export async function transition(
  trx: Trx,
  referralId: string,
  from: string,
  to: ReferralState,
  changes: { state_reason?: string | null; holds_place?: boolean; service_due_on?: string } = {},
): Promise<void> {
  if (!canMove(from, to)) throw errors.conflict('invalid_referral_transition', { from, to });
  // False: another request changed it first.
  if (!(await moveReferralState(trx, referralId, from, to, changes)))
    throw errors.conflict('invalid_referral_transition', { from, to });
}

/** What a need becomes when its referral ends this way. */
const NEED_AFTER: Partial<Record<ReferralState, string>> = {
  completed: 'met',
  declined: 'open',
  closed: 'open',
  withdrawn: 'open',
};

/**
 * Ends a referral (completed, declined, closed, withdrawn): gives back the place it held and puts
 * its need back to open (or met, when completed).
 */
export async function endReferral(
  trx: Trx,
  referral: { id: string; state: string; holds_place: boolean; provider_service_id: string; need_id: string },
  to: 'completed' | 'declined' | 'closed' | 'withdrawn',
  stateReason: string | null,
): Promise<void> {
  await transition(trx, referral.id, referral.state, to, {
    holds_place: false,
    ...(stateReason !== null ? { state_reason: stateReason } : {}),
  });
  if (referral.holds_place) await releasePlace(trx, referral.provider_service_id);
  await setNeedStatus(trx, referral.need_id, NEED_AFTER[to]!);
}

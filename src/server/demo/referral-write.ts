/**
 * One demo referral and what followed it — answer, services delivered, end — as rows and case
 * timeline entries like the referral services write, with the texts encrypted under the same contexts.
 */
import { DEFAULT_SHARED_FIELDS, URGENCY_DUE_DAYS } from '../../shared/catalogues.js';
import { isBedService } from '../modules/providers/matching.js';
import type { DemoContext, Holds, ProtectionVictim } from './context.js';
import type { DemoOffer } from './directory.js';
import { addDays, LAST_DAY, timestampOn } from './plan.js';
import type { Rng } from './prng.js';
import * as texts from './protection-texts.js';
import { referralFlow } from './referral-flow.js';
import type { ChunkTables } from './tables.js';

export interface ReferralInput {
  need: { id: string; type: string; urgency: 'Immediate' | 'High' | 'Normal'; target: DemoOffer | null };
  consent: { id: string; fields: string[]; withdrawnOn: string | null };
  worker: string;
  needOn: string;
  holds: Holds;
}

/** Writes the referral of one need and what followed it; answers the referral's state. */
export function writeReferral(
  ctx: DemoContext,
  rng: Rng,
  ids: Rng,
  t: ChunkTables,
  v: ProtectionVictim,
  r: ReferralInput,
): string {
  const offer = r.need.target!;
  const bed = isBedService(offer.serviceType);
  const createdOn = atMost(addDays(r.needOn, rng.int(0, 3)), LAST_DAY);
  const dueDays = URGENCY_DUE_DAYS[r.need.urgency];
  const flow = referralFlow(rng, {
    serviceType: offer.serviceType,
    bed,
    createdOn,
    dueDays,
    placeFree: bed && v.caseIndex >= ctx.total - offer.holdingCases,
    withdrawnOn: r.consent.withdrawnOn && r.consent.withdrawnOn >= createdOn ? r.consent.withdrawnOn : null,
  });
  const id = ids.uuid();
  const createdAt = timestampOn(rng, createdOn);
  const dueAt = new Date(Date.parse(createdAt) + dueDays * 86_400_000).toISOString();
  const receiver = ctx.institutions.get(offer.institutionCode);
  const responder = receiver?.staff.length ? rng.pick(receiver.staff) : null;
  const code = offer.institutionCode;
  const shared = ['Repatriation', 'ResidencyRegularisation'].includes(offer.serviceType)
    ? r.consent.fields
    : DEFAULT_SHARED_FIELDS;
  const reason =
    flow.state === 'declined'
      ? flow.noPlace
        ? texts.noPlaceReason()
        : texts.declineReason(rng)
      : flow.state === 'closed'
        ? texts.closeReason(rng)
        : null;
  let updatedAt = createdAt;
  // What followed the request happened after it, even on the same day.
  const after = (day: string) => {
    const at = timestampOn(rng, day);
    return at < createdAt ? createdAt : at;
  };
  const events: Array<[string, string, Record<string, unknown>, string | null, string]> = [];
  if (flow.answeredOn) {
    const at = after(flow.answeredOn);
    events.push([
      at,
      flow.accepted ? 'referral_accepted' : 'referral_declined',
      { referralId: id, institutionCode: code },
      responder,
      offer.institutionId,
    ]);
    updatedAt = at;
  }
  flow.deliveries.forEach((day) => {
    const deliveryId = ids.uuid();
    const at = after(day);
    t.deliveries.add([
      deliveryId,
      id,
      day,
      ctx.crypto.encrypt(texts.deliveryText(rng, offer.serviceType), 'service_deliveries.description'),
      responder,
      offer.institutionId,
      at,
    ]);
    events.push([
      at,
      'service_delivered',
      { referralId: id, institutionCode: code, deliveryId, deliveredOn: day },
      responder,
      offer.institutionId,
    ]);
    if (at > updatedAt) updatedAt = at;
  });
  if (flow.endedOn && flow.state !== 'declined') {
    const at = after(flow.endedOn);
    if (flow.state === 'withdrawn')
      events.push([
        at,
        'referral_withdrawn',
        { referralId: id, consentId: r.consent.id },
        r.worker,
        v.owner.id,
      ]);
    else
      events.push([
        at,
        `referral_${flow.state}`,
        { referralId: id, institutionCode: code },
        responder,
        offer.institutionId,
      ]);
    if (at > updatedAt) updatedAt = at;
  }
  t.referrals.add([
    id,
    v.caseId,
    v.personId,
    r.need.id,
    r.consent.id,
    offer.providerServiceId,
    offer.serviceType,
    v.owner.id,
    offer.institutionId,
    flow.state,
    r.need.urgency,
    dueAt,
    shared,
    ctx.crypto.encryptNullable(rng.chance(0.4) ? texts.referralNote(rng) : null, 'referrals.note'),
    ctx.crypto.encryptNullable(reason, 'referrals.state_reason'),
    flow.holdsPlace,
    r.worker,
    createdAt,
    updatedAt,
  ]);
  v.timeline(
    createdAt,
    'referral_created',
    { referralId: id, serviceType: offer.serviceType, toInstitutionCode: code, sharedFields: shared },
    r.worker,
  );
  for (const [at, kind, details, actor, institution] of events)
    v.timeline(at, kind, details, actor, institution);
  if (flow.holdsPlace) r.holds[offer.providerServiceId] = (r.holds[offer.providerServiceId] ?? 0) + 1;
  return flow.state;
}

/** What a need becomes after its referral (as referral-state.ts sets it). */
export function needStatusAfter(state: string): string {
  if (state === 'completed') return 'met';
  return ['requested', 'accepted', 'in_progress'].includes(state) ? 'referred' : 'open';
}

const atMost = (a: string, b: string) => (a < b ? a : b);

/**
 * A whole intake in one request (submitIntake): what the intake wizard sends when the user confirms
 * it (docs/adr/0003-intake-draft.md), and what the offline app sends when the signal returns
 * (docs/OFFLINE.md "Sync"). The person (or an existing one the user recognised among the possible
 * duplicates), the case, the link, the screening, the decision, the events, the exploitation, the
 * needs and the consent are written by the same services as online, in one transaction: all or
 * nothing, validated, authorised and audited like online writes, under one Idempotency-Key. The
 * case's timeline records an offline capture with its device and when it was captured.
 *
 * The wizard's draft is kept on the device, encrypted under keys derived here for the user and a
 * day-long window (intakeDraftKeys).
 */
import type { z } from 'zod';
import type { SubmitIntakeRequest } from '../../../shared/api-devices.js';
import type { Ctx } from '../../core/context.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { createCase, linkPerson } from '../cases/cases.service.js';
import { addTraffickingEvent, recordExploitation } from '../cases/events.js';
import { addTimeline } from '../cases/timeline.js';
import { insertNewPerson } from '../persons/persons.service.js';
import { submitScreening } from '../screening/screening.service.js';
import { decideStatus } from '../screening/decision.service.js';
import { recordNeed } from '../referrals/needs.service.js';
import { minorConsentRefused, recordConsent } from '../referrals/consents.service.js';
import { AppError } from '../../core/errors.js';
import { inWriteBatch } from '../../db/write-batch.js';

type Input = z.output<typeof SubmitIntakeRequest>;

export async function submitIntake(ctx: Ctx, crypto: FieldCrypto, input: Input, deviceId: string | null) {
  // The audit rows and timeline entries of every step: one INSERT each at the end (write-batch.ts).
  return inWriteBatch(ctx.trx, () => writeIntake(ctx, crypto, input, deviceId));
}

async function writeIntake(ctx: Ctx, crypto: FieldCrypto, input: Input, deviceId: string | null) {
  const personId = input.person ? await insertNewPerson(ctx, crypto, input.person) : input.personId!;
  const loaded = await createCase(ctx, crypto, input.case);
  await linkPerson(ctx, loaded, { personId, role: 'PresumedVictim' });
  const screening = input.screening
    ? await submitScreening(ctx, crypto, loaded.id, { ...input.screening, personId })
    : null;
  const decision = input.decision
    ? await decideStatus(ctx, crypto, loaded.id, {
        ...input.decision,
        personId,
        screeningId: screening?.id ?? null,
      })
    : null;
  const eventIds: string[] = [];
  for (const event of input.events)
    eventIds.push((await addTraffickingEvent(ctx, crypto, loaded.id, { ...event, personId })).id);
  if (input.exploitation) await recordExploitation(ctx, loaded.id, personId, input.exploitation);
  const needIds: string[] = [];
  for (const need of input.needs)
    needIds.push((await recordNeed(ctx, crypto, loaded.id, { ...need, personId })).id);
  const consent = input.consent ? await intakeConsent(ctx, crypto, loaded.id, personId, input.consent) : null;
  // Only an offline capture: an online intake sent from a browser with a registered device is not one.
  if (input.capturedAt) {
    await addTimeline(ctx.trx, {
      caseId: loaded.id,
      actor: ctx.actor,
      kind: 'offline_capture',
      details: { deviceId, capturedAt: input.capturedAt ?? null },
    });
  }
  return {
    caseId: loaded.id,
    reference: loaded.reference,
    personId,
    screeningId: screening?.id ?? null,
    eventIds,
    decisionId: decision?.id ?? null,
    needIds,
    consentId: consent?.id ?? null,
  };
}

/** The consent, its refusal for a child (an existing person's age is known only here) on its field. */
async function intakeConsent(
  ctx: Ctx,
  crypto: FieldCrypto,
  caseId: string,
  personId: string,
  consent: NonNullable<Input['consent']>,
) {
  try {
    return await recordConsent(ctx, crypto, caseId, { ...consent, personId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'minor_consent_needs_representative')
      throw minorConsentRefused('body.consent.givenBy');
    throw error;
  }
}

/** A draft key's window: one day, counted from the epoch. */
export const DRAFT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A draft older than this is discarded on the device. */
export const DRAFT_MAX_AGE_HOURS = 24;

/**
 * The user's keys for the intake draft on the device: HMAC-SHA256 under the server's blind-index
 * key of the user and the window. Nothing is stored: the same user gets the same key within a
 * window, another user (another browser profile's sign-in) a different one, and once a window is
 * two behind its key is never released again, so an old draft cannot be read even by its author.
 */
export function intakeDraftKeys(crypto: FieldCrypto, userId: string, now = Date.now()) {
  const window = Math.floor(now / DRAFT_WINDOW_MS);
  const keyOf = (w: number) => ({
    window: w,
    key: crypto.blindIndex(`${userId}\u0000${w}`, 'intake_draft_key'),
  });
  return { current: keyOf(window), previous: keyOf(window - 1), maxAgeHours: DRAFT_MAX_AGE_HOURS };
}

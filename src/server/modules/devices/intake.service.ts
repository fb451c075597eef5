/**
 * A whole intake in one request (submitIntake, docs/OFFLINE.md "Sync"): what the offline app sends
 * when the signal returns. The person (or an existing one the user recognised among the possible
 * duplicates), the case, the link, the screening, the decision, the events, the exploitation, the
 * needs and the consent are written by the same services as online, in one transaction: all or
 * nothing, validated, authorised and audited like online writes, under one Idempotency-Key. The
 * case's timeline records the device and when the intake was captured.
 */
import type { z } from 'zod';
import type { SubmitIntakeRequest } from '../../../shared/api-devices.js';
import type { Ctx } from '../../core/context.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { createCase, linkPerson } from '../cases/cases.service.js';
import { addTraffickingEvent, recordExploitation } from '../cases/events.js';
import { addTimeline } from '../cases/timeline.js';
import { createPerson } from '../persons/persons.service.js';
import { submitScreening } from '../screening/screening.service.js';
import { decideStatus } from '../screening/decision.service.js';
import { recordNeed } from '../referrals/needs.service.js';
import { minorConsentRefused, recordConsent } from '../referrals/consents.service.js';
import { AppError } from '../../core/errors.js';

type Input = z.output<typeof SubmitIntakeRequest>;

export async function submitIntake(ctx: Ctx, crypto: FieldCrypto, input: Input, deviceId: string | null) {
  const personId = input.person ? (await createPerson(ctx, crypto, input.person)).id : input.personId!;
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
  if (deviceId || input.capturedAt) {
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

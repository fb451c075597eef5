/**
 * A whole intake in one request (submitIntake, docs/OFFLINE.md "Sync"): what the offline app sends
 * when the signal returns. The person (or an existing one the user recognised among the possible
 * duplicates), the case, the link, the screening and the events are written by the same services
 * as online, in one transaction: all or nothing, validated and audited like online writes, under
 * one Idempotency-Key. The case's timeline records the device and when the intake was captured.
 */
import type { z } from 'zod';
import type { SubmitIntakeRequest } from '../../../shared/api-devices.js';
import type { Ctx } from '../../core/context.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { createCase, linkPerson } from '../cases/cases.service.js';
import { addTraffickingEvent } from '../cases/events.js';
import { addTimeline } from '../cases/timeline.js';
import { createPerson } from '../persons/persons.service.js';
import { submitScreening } from '../screening/screening.service.js';

type Input = z.output<typeof SubmitIntakeRequest>;

export async function submitIntake(ctx: Ctx, crypto: FieldCrypto, input: Input, deviceId: string | null) {
  const personId = input.person ? (await createPerson(ctx, crypto, input.person)).id : input.personId!;
  const loaded = await createCase(ctx, crypto, input.case);
  await linkPerson(ctx, loaded, { personId, role: 'PresumedVictim' });
  const screening = input.screening
    ? await submitScreening(ctx, crypto, loaded.id, { ...input.screening, personId })
    : null;
  const eventIds: string[] = [];
  for (const event of input.events)
    eventIds.push((await addTraffickingEvent(ctx, crypto, loaded.id, { ...event, personId })).id);
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
  };
}

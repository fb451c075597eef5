/**
 * The protection status of a demo victim who is foreign (residency, return home) or a Paraguayan
 * found abroad (the consulate, repatriation), with the same rules as the API: a return is arranged
 * only when requested, a residency granted only when requested.
 */
import { addDays, dayAfter, LAST_DAY, timestampOn } from './plan.js';
import type { Rng } from './prng.js';
import type { ProtectionVictim } from './context.js';
import { consulateIn } from './protection-texts.js';
import type { ChunkTables } from './tables.js';

export function writeProtectionStatus(rng: Rng, t: ChunkTables, v: ProtectionVictim, foreign: boolean): void {
  if (!rng.chance(0.85)) return;
  const abroad = v.detectionCountry !== 'PY';
  const returnRequested = abroad ? rng.chance(0.85) : rng.chance(0.3);
  const residencyRequested = !abroad && foreign && rng.chance(0.55);
  const recordedOn = dayAfter(v.detectedOn, rng.int(1, 30));
  const at = timestampOn(rng, recordedOn);
  // Older cases had time to finish what was asked for.
  const settled = v.detectedOn < LAST_DAY.replace(/^\d{4}/, (y) => String(Number(y) - 1));
  const returnArranged = returnRequested && rng.chance(settled ? 0.85 : 0.4);
  // A reflection period for most identified foreign victims (30 to 90 days, from the recording).
  const reflection = foreign && v.status !== 'NotAVictimOfTrafficking' && rng.chance(0.6);
  const reflectionUntil = reflection ? addDays(recordedOn, rng.pick([30, 60, 90])) : null;
  // A return only after a risk assessment; made for most arranged ones, by the person's choice.
  const assessedOn = returnArranged ? dayAfter(recordedOn, rng.int(0, 10)) : null;
  const returnedOn =
    assessedOn && rng.chance(settled ? 0.9 : 0.5)
      ? (() => {
          const day = addDays(assessedOn, rng.int(3, 45));
          return day <= LAST_DAY ? day : null;
        })()
      : null;
  t.protectionStatus.add([
    v.caseId,
    v.personId,
    abroad ? 'PY' : (v.fields.nationalities[0] ?? null),
    abroad ? v.detectionCountry : 'PY',
    abroad ? consulateIn(v.detectionCountry) : null,
    returnRequested,
    returnArranged,
    residencyRequested,
    residencyRequested && rng.chance(settled ? 0.8 : 0.3),
    reflection ? recordedOn : null,
    reflectionUntil,
    returnedOn !== null && rng.chance(0.95),
    assessedOn,
    assessedOn ? rng.pick(['low', 'low', 'medium', 'high']) : null,
    returnedOn,
    // Non-punishment: mostly applied where it arose; a few victims still penalised.
    rng.chance(0.01),
    rng.chance(0.06),
    recordedOn,
    at,
  ]);
  v.timeline(at, 'protection_status_recorded', {
    personId: v.personId,
    fields: [
      'originCountry',
      'destinationCountry',
      ...(abroad ? ['consulate'] : []),
      'returnRequested',
      'returnArranged',
      'residencyRequested',
      'residencyGranted',
    ],
  });
}

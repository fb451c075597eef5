/**
 * The protection status of a demo victim who is foreign (residency, return home) or a Paraguayan
 * found abroad (the consulate, repatriation), with the same rules as the API: a return is arranged
 * only when requested, a residency granted only when requested.
 */
import { dayAfter, LAST_DAY, timestampOn } from './plan.js';
import type { Rng } from './prng.js';
import type { ProtectionVictim } from './context.js';
import { consulateIn } from './protection-texts.js';
import type { ChunkTables } from './tables.js';

export function writeProtectionStatus(rng: Rng, t: ChunkTables, v: ProtectionVictim, foreign: boolean): void {
  if (!rng.chance(0.85)) return;
  const abroad = v.detectionCountry !== 'PY';
  const returnRequested = abroad ? rng.chance(0.85) : rng.chance(0.3);
  const residencyRequested = !abroad && foreign && rng.chance(0.55);
  const at = timestampOn(rng, dayAfter(v.detectedOn, rng.int(1, 30)));
  // Older cases had time to finish what was asked for.
  const settled = v.detectedOn < LAST_DAY.replace(/^\d{4}/, (y) => String(Number(y) - 1));
  t.protectionStatus.add([
    v.caseId,
    v.personId,
    abroad ? 'PY' : (v.fields.nationalities[0] ?? null),
    abroad ? v.detectionCountry : 'PY',
    abroad ? consulateIn(v.detectionCountry) : null,
    returnRequested,
    returnRequested && rng.chance(settled ? 0.85 : 0.4),
    residencyRequested,
    residencyRequested && rng.chance(settled ? 0.8 : 0.3),
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

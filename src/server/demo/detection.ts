/**
 * How a demo case came to light and which institution opened it. Police operations and the hotline
 * dominate (seed 000); labour inspections find forced labour, consulates and border controls find
 * cases abroad, health and schools find children. The owning institution follows from the method
 * and the first victim: MINNA for children, the Ministry of Women for adult women, the police or
 * the prosecutor's unit otherwise.
 */
import type { DETECTION_METHODS } from '../../shared/catalogues.js';
import type { CaseShape } from './exploitation.js';
import { type Rng, Weighted } from './prng.js';

export type DetectionMethod = (typeof DETECTION_METHODS)[number];

const LABOUR_TYPES = new Set(['ForcedLabour', 'ChildLabour', 'Servitude', 'ForcedBegging']);

/** The distribution of detection methods for a case of this shape. */
export function detectionTable(shape: CaseShape): Weighted<DetectionMethod> {
  const labour = LABOUR_TYPES.has(shape.profile.type);
  const weights: Record<DetectionMethod, number> = {
    PoliceOperation: 30,
    Hotline: shape.ict ? 22 : 16,
    LabourInspection: labour ? 14 : 1,
    BorderControl: shape.abroad ? 10 : 3,
    Consulate: shape.abroad ? 12 : 0,
    HealthOrSchool: 7,
    NgoOutreach: 8,
    SelfReferral: 6,
    Other: 3,
  };
  return new Weighted((Object.entries(weights) as Array<[DetectionMethod, number]>).filter(([, w]) => w > 0));
}

/** Code of the institution that opens the case (one of CASE_INSTITUTIONS). */
export function ownerCode(rng: Rng, method: DetectionMethod, child: boolean, female: boolean): string {
  switch (method) {
    case 'PoliceOperation':
      return rng.chance(0.8) ? 'PNPTU' : 'MP-UFETESI';
    case 'LabourInspection':
      return child ? 'MINNA' : 'MTESS';
    case 'BorderControl':
      return rng.chance(0.7) ? 'DGM' : 'PNPTU';
    case 'Consulate':
      return 'MRE';
    case 'NgoOutreach':
      return 'NGO-LUNANUEVA';
    case 'HealthOrSchool':
      return child ? 'MINNA' : female ? 'MINMUJER' : 'PNPTU';
    case 'Hotline':
    case 'SelfReferral':
    case 'Other':
      if (child) return 'MINNA';
      if (female) return rng.chance(0.6) ? 'MINMUJER' : 'PNPTU';
      return rng.chance(0.5) ? 'MP-UFETESI' : 'PNPTU';
  }
}

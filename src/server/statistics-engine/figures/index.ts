/** Every figure, in report order. */
import type { Area, FigureId } from '../../../shared/api-statistics.js';
import type { FigureDefinition } from '../figure.js';
import { ictFigures } from './ict.js';
import { identificationFigures } from './identification.js';
import { preventionFigures } from './prevention.js';
import { prosecutionFigures } from './prosecution.js';
import { protectionFigures } from './protection.js';
import { protectionStatusFigures } from './protection-status.js';

export const FIGURES: readonly FigureDefinition[] = [
  ...identificationFigures,
  ...protectionFigures,
  ...protectionStatusFigures,
  ...ictFigures,
  ...prosecutionFigures,
  ...preventionFigures,
];

const byId = new Map(FIGURES.map((figure) => [figure.id, figure]));

/** The definition of one figure. */
export function figure(id: FigureId): FigureDefinition {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown figure ${id}`);
  return found;
}

/** Figures of an area, in order. */
export function figuresOf(area: Area): FigureDefinition[] {
  return FIGURES.filter((f) => f.area === area);
}

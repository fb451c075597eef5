/**
 * How a figure is declared. A figure says what it counts (the unit and the fact table), on which date
 * basis, under which condition, which institution it is attributed to and how it may be broken down;
 * the engine (engine.ts) turns that into SQL the same way for every screen, export and the public site.
 * Adding a figure is one `defineFigure` in the area's file under figures/.
 */
import type { Area, DimensionId, FigureId } from '../../shared/api-statistics.js';

/** The fact tables (src/server/db/migrations/2026-11-24T18-30-00_statistics.ts); `p` is always stat_persons. */
export type Fact = 'persons' | 'services' | 'referrals' | 'needs';
export const FACT_TABLE: Record<Fact, string> = {
  persons: 'stat_persons',
  services: 'stat_services',
  referrals: 'stat_referrals',
  needs: 'stat_needs',
};

export interface Text {
  es: string;
  en: string;
}

export interface FigureDefinition {
  id: FigureId;
  area: Area;
  /** What one counted unit is. `persons` counts distinct person keys (person-key.ts). */
  unit: 'persons' | 'referrals' | 'needs' | 'deliveries' | 'days';
  fact: Fact;
  /** `persons`: distinct person keys; `rows`: fact rows; `medianDays`: median of `valueColumn`. */
  measure: 'persons' | 'rows' | 'medianDays';
  /** SQL column (over `p` = stat_persons, `f` = the fact) holding the date the figure is counted on. */
  date: string;
  /** Fixed SQL condition (constants only, never user input). */
  where?: string;
  /** Column of the institution the figure is attributed to (the `institution` filter and breakdown). */
  institution: string;
  /** For `medianDays`. */
  valueColumn?: string;
  breakdowns: readonly DimensionId[];
  title: Text;
  definition: Text;
}

/** Every figure may be broken down by these person dimensions. */
export const PERSON_BREAKDOWNS: readonly DimensionId[] = [
  'year',
  'department',
  'institution',
  'sex',
  'ageGroup',
  'ageBand',
  'nationality',
  'exploitation',
  'ict',
  'platform',
];

/** Declares a figure (identity function that checks the shape). */
export function defineFigure(definition: FigureDefinition): FigureDefinition {
  return definition;
}

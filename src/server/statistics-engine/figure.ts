/**
 * How a figure is declared. A figure says what it counts (the unit and the fact table), on which date
 * basis, under which condition, which institution it is attributed to and how it may be broken down;
 * the engine (engine.ts) turns that into SQL the same way for every screen, export and the public site.
 * Adding a figure is one `defineFigure` in the area's file under figures/.
 */
import type { Area, DimensionId, FigureId, Unit } from '../../shared/api-statistics.js';

/**
 * The fact tables (src/server/db/migrations/2026-11-24T18-30-00_statistics.ts); `p` is always
 * stat_persons. `source`: a figure that counts no victim (prosecution, prevention) reads its own
 * source query (`FigureDefinition.source`) as `f`, without person facts.
 */
export type Fact = 'persons' | 'services' | 'referrals' | 'needs' | 'source';
export const FACT_TABLE: Record<Exclude<Fact, 'source'>, string> = {
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
  unit: Unit;
  fact: Fact;
  /**
   * `persons`: distinct person keys; `rows`: fact rows; `medianDays`: median of `valueColumn` (days
   * or months); `sum`: sum of `valueColumn` (participants, persons arrested, reach).
   */
  measure: 'persons' | 'rows' | 'medianDays' | 'sum';
  /**
   * For `fact: 'source'`: the SQL (constants only) of one row per counted unit, read as `f`; it
   * provides `institution_id` and the columns named in `columns`.
   */
  source?: string;
  /**
   * For `fact: 'source'`: the column of each dimension this figure has besides year and institution
   * (its breakdowns and filters). A filter without a column here is refused with 400.
   */
  columns?: Partial<Record<DimensionId, string>>;
  /** SQL column (over `p` = stat_persons, `f` = the fact) holding the date the figure is counted on. */
  date: string;
  /** Fixed SQL condition (constants only, never user input). */
  where?: string;
  /** Column of the institution the figure is attributed to (the `institution` filter and breakdown). */
  institution: string;
  /** For `medianDays` and `sum`. */
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

/**
 * The data join of the department map (pure, tested without a browser): a figure's values by
 * department code → one area per department of the catalogue, each a value, zero or suppressed, and
 * the colour classes. A suppressed value (null: under the disclosure threshold, or "<3" for an
 * analyst) keeps no number: its area is drawn with the suppressed pattern, and the classes are built
 * from the published values only, so neither the colour nor the legend's ranges depend on it.
 */
import { PY_DEPARTMENTS, type DepartmentCode } from '../../departments.js';

/** A value of the figure under a key; `value` null = suppressed. */
export interface KeyedValue {
  key: string;
  value: number | null;
}

export type AreaState = 'value' | 'zero' | 'suppressed';

export interface MapArea {
  code: DepartmentCode;
  name: string;
  state: AreaState;
  /** The published value (0 for a department with no one counted); null when suppressed. */
  value: number | null;
  /** Index into `MapClasses.classes` for a positive value; null otherwise. */
  level: number | null;
}

export interface MapClass {
  /** The smallest and largest published value in the class. */
  from: number;
  to: number;
}

export interface MapJoin {
  areas: MapArea[];
  classes: MapClass[];
  /** Values under keys that are not on the map (Unknown, a merged group). */
  outside: KeyedValue[];
  /** Whether any area is suppressed (the legend then shows the pattern). */
  anySuppressed: boolean;
}

const CODES = new Set<string>(PY_DEPARTMENTS.map((d) => d.code));

/**
 * Joins `rows` to the 18 areas. A department absent from the rows had no one counted (a zero, which
 * disclosure control publishes). Positive values fall into at most `classCount` classes of about
 * equal size (quantiles of the distinct published values), each labelled by its members' range.
 */
export function joinDepartments(rows: readonly KeyedValue[], classCount = 5): MapJoin {
  const byCode = new Map<string, number | null>();
  const outside: KeyedValue[] = [];
  for (const row of rows) {
    if (CODES.has(row.key)) byCode.set(row.key, row.value);
    else outside.push(row);
  }
  const positive = [...new Set([...byCode.values()].filter((v): v is number => v !== null && v > 0))].sort(
    (a, b) => a - b,
  );
  const count = Math.min(classCount, positive.length);
  // Class i holds the distinct values positive[floor(i*n/count) .. floor((i+1)*n/count) - 1].
  const classes: MapClass[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor((i * positive.length) / count);
    const end = Math.floor(((i + 1) * positive.length) / count) - 1;
    classes.push({ from: positive[start]!, to: positive[end]! });
  }
  const levelOf = (value: number) => classes.findIndex((c) => value >= c.from && value <= c.to);
  const areas = PY_DEPARTMENTS.map(({ code, name }): MapArea => {
    const value = byCode.has(code) ? byCode.get(code)! : 0;
    if (value === null) return { code, name, state: 'suppressed', value: null, level: null };
    if (value <= 0) return { code, name, state: 'zero', value: 0, level: null };
    return { code, name, state: 'value', value, level: levelOf(value) };
  });
  return { areas, classes, outside, anySuppressed: areas.some((a) => a.state === 'suppressed') };
}

/**
 * A colour-blind-safe sequential scale (ColorBrewer "Blues", light to dark) for up to five classes;
 * fewer classes take evenly spread steps so the darkest is always the largest.
 */
const BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export function classColour(level: number, classCount: number): string {
  if (classCount <= 1) return BLUES[2];
  const step = Math.round((level * (BLUES.length - 1)) / (classCount - 1));
  return BLUES[step]!;
}
export const ZERO_COLOUR = '#ffffff';

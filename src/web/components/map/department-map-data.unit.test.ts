import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PY_DEPARTMENTS } from '../../departments.js';
import { classColour, joinDepartments, type KeyedValue } from './department-map-data.js';

const CODES = PY_DEPARTMENTS.map((d) => d.code);

describe('the department map’s data join', () => {
  it('shows a suppressed department as suppressed: no value, no class, no colour from it', () => {
    const join = joinDepartments([
      { key: 'PY-11', value: 120 },
      { key: 'PY-ASU', value: 45 },
      { key: 'PY-10', value: null },
      { key: 'PY-7', value: 12 },
    ]);
    const suppressed = join.areas.find((a) => a.code === 'PY-10')!;
    expect(suppressed).toEqual({
      code: 'PY-10',
      name: 'Alto Paraná',
      state: 'suppressed',
      value: null,
      level: null,
    });
    expect(join.anySuppressed).toBe(true);
    expect(join.areas.find((a) => a.code === 'PY-11')).toMatchObject({
      state: 'value',
      value: 120,
      level: 2,
    });
    // Absent from the rows: nobody counted there.
    expect(join.areas.find((a) => a.code === 'PY-19')).toMatchObject({
      state: 'zero',
      value: 0,
      level: null,
    });
    expect(join.classes).toEqual([
      { from: 12, to: 12 },
      { from: 45, to: 45 },
      { from: 120, to: 120 },
    ]);
  });

  it('has the 18 areas of the catalogue, in its order, and keeps other keys apart', () => {
    const join = joinDepartments([
      { key: 'Unknown', value: 7 },
      { key: 'other', value: null },
      { key: 'PY-3', value: 30 },
    ]);
    expect(join.areas.map((a) => a.code)).toEqual(CODES);
    expect(join.outside).toEqual([
      { key: 'Unknown', value: 7 },
      { key: 'other', value: null },
    ]);
    expect(join.anySuppressed).toBe(false);
  });

  it('for any rows, the classes and colours are those of the published values alone', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5000 }));
    const rowsArb = fc
      .subarray(CODES, { minLength: 0 })
      .chain((codes) =>
        fc.tuple(...codes.map((code) => value.map((v): KeyedValue => ({ key: code, value: v })))),
      );
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 7 }), (rows, classCount) => {
        const join = joinDepartments(rows, classCount);
        const withoutSuppressed = joinDepartments(
          rows.filter((r) => r.value !== null),
          classCount,
        );
        expect(join.classes).toEqual(withoutSuppressed.classes);
        expect(join.classes.length).toBeLessThanOrEqual(classCount);
        for (const area of join.areas) {
          const row = rows.find((r) => r.key === area.code);
          if (row && row.value === null) {
            expect(area).toMatchObject({ state: 'suppressed', value: null, level: null });
          } else if (area.state === 'value') {
            const c = join.classes[area.level!]!;
            expect(area.value).toBeGreaterThanOrEqual(c.from);
            expect(area.value).toBeLessThanOrEqual(c.to);
          } else {
            expect(area).toMatchObject({ state: 'zero', value: 0, level: null });
          }
        }
        // Classes are ordered and do not overlap.
        join.classes.forEach((c, i) => {
          expect(c.from).toBeLessThanOrEqual(c.to);
          if (i > 0) expect(c.from).toBeGreaterThan(join.classes[i - 1]!.to);
        });
      }),
    );
  });

  it('darkens with the class, the largest always the darkest', () => {
    for (let count = 1; count <= 5; count++) {
      const colours = Array.from({ length: count }, (_, level) => classColour(level, count));
      expect(new Set(colours).size).toBe(count);
      if (count > 1) expect(colours[count - 1]).toBe('#08519c');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { columnEvidence, personColumnComparer, personColumns } from './columns.js';
import { personComparisons, personTermTables } from './comparisons.js';
import { personEvidence, preparePersons, seededRandom } from './linkage.js';
import { comparePairs } from './model.js';
import type { LinkPerson } from './record.js';
import { hardPopulation } from '../../../bench/linkage/hard.js';

/** Persons with every field the bench's generator leaves empty, drawn from small sets so pairs agree. */
function unusual(count: number, random: () => number): LinkPerson[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    id: `u${i}`,
    source: pick(['A', 'B']),
    givenNames: pick(['María José', 'Pepe', 'José Luis', 'Arasy', '', 'Mari', 'Juan Carlos']),
    firstSurname: pick(['González de Maidana', 'Benítez', 'Benites', null, 'Caballero']),
    secondSurname: pick(['Ortiz', 'Ortis', null, 'Maidana']),
    aliases: pick([[], [], ['Pepe'], ['Mari', 'Chela']]),
    dateOfBirth: pick([null, '1990-05-12', '1990-12-05', '1990-05-21', '1909-05-12', '0990-05-12']),
    birthYear: pick([null, 1990, 1987]),
    estimatedAge: pick([null, 16, 35]),
    ageRecordedOn: pick([null, '2024-03-01']),
    sex: pick([null, 'F', 'M', 'Unknown', 'X']),
    nationalities: pick([[], ['PY'], ['AR', 'PY'], ['BR']]),
    documentNumber: pick([
      null,
      '4512398',
      '4512389',
      '451239',
      '45123988',
      'FG545026',
      'FG545062',
      '4.512.398',
    ]),
    department: pick([null, 'PY-11', 'PY-2']),
    district: pick([null, 'Luque', 'Luqe', 'Areguá']),
    postcode: pick([null, '2060', '2100']),
    address: pick([null, 'Calle Palma 123', 'Calle Palma 132', 'Mcal. López 500']),
  }));
}

function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return k;
  return -1;
}

describe('comparisons over typed columns', () => {
  it('give the levels and tf bits of personComparisons on the objects, for every pair asked', () => {
    const random = seededRandom(5);
    // The shifted setting's records too: names in each other's fields, short forms, initials.
    const persons = [
      ...hardPopulation(600, 'hard', 7).records,
      ...hardPopulation(300, 'shifted', 7).records,
      ...unusual(400, random),
    ];
    const { vocab, records } = preparePersons(persons);
    const tables = personTermTables(records);
    const comparisons = personComparisons(vocab, records, tables);
    const comparer = personColumnComparer(vocab, personColumns(records), tables);
    const n = records.length;
    // Random pairs, and every pair of the unusual records and of neighbours (same person, often).
    const left: number[] = [];
    const right: number[] = [];
    for (let k = 0; k < 20_000; k++) {
      left.push(Math.floor(random() * n));
      right.push(Math.floor(random() * n));
    }
    for (let i = n - 400; i < n; i++)
      for (let j = n - 400; j < n; j++) {
        left.push(i);
        right.push(j);
      }
    for (let i = 0; i + 1 < n; i++) {
      left.push(i);
      right.push(i + 1);
    }
    const l = Uint32Array.from(left);
    const r = Uint32Array.from(right);
    const objects = comparePairs(records, comparisons, l, r, l.length);
    const columns = comparer.compare(l, r, l.length);
    // The first position where the two differ (−1: none), not a deep equality of 1.4 million
    // values, which took most of the test's seconds.
    expect(firstDifference(columns.vectors, objects.vectors)).toBe(-1);
    expect(firstDifference(columns.tf, objects.tf)).toBe(-1);
    // Every comparison met several levels (the test is not all missing values).
    for (let x = 0; x < comparisons.length; x++) {
      const seen = new Set<number>();
      for (let k = 0; k < l.length; k++) seen.add(objects.vectors[k * comparisons.length + x]!);
      expect(seen.size).toBeGreaterThan(2);
    }
    // 1,200 records and 181,000 pairs compared both ways: seconds on a loaded machine.
  }, 60_000);

  it("give the cluster safeguard the records' own documents and dates of birth", () => {
    const persons = [...hardPopulation(300, 'hard', 5).records, ...unusual(300, seededRandom(4))];
    const { records } = preparePersons(persons);
    const objects = personEvidence(records);
    const columns = columnEvidence(personColumns(records));
    for (let i = 0; i < records.length; i++) {
      expect(columns.document(i)).toBe(objects.document(i));
      expect(columns.dob(i)).toBe(objects.dob(i));
    }
    expect(records.some((r) => r.document === null) && records.some((r) => r.dob === null)).toBe(true);
  });

  it('writes into a shared array from the given pair on', () => {
    const { vocab, records } = preparePersons(unusual(50, seededRandom(9)));
    const comparer = personColumnComparer(vocab, personColumns(records), personTermTables(records));
    const left = Uint32Array.from({ length: 49 }, (_, k) => k);
    const right = Uint32Array.from({ length: 49 }, (_, k) => 49 - k);
    const own = comparer.compare(left, right, 49);
    const vectors = new Uint8Array(new SharedArrayBuffer(52 * 8)).fill(7);
    const tf = new Float32Array(new SharedArrayBuffer(52 * 4)).fill(7);
    comparer.compare(left, right, 49, { vectors, tf, at: 2 });
    expect(vectors.subarray(16, 51 * 8)).toEqual(own.vectors);
    expect(tf.subarray(2, 51)).toEqual(own.tf);
    expect([...vectors.subarray(0, 16), ...vectors.subarray(51 * 8)].every((v) => v === 7)).toBe(true);
  });
});

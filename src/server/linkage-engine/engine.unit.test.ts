import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAll, candidatePairs, type BlockingRule } from './blocking.js';
import { bigrams, bloomFilter, dice } from './bloom.js';
import { clkComparisons, encodeClk, linkClk } from './clk.js';
import { clusterPairs } from './cluster.js';
import { personComparisons, type Comparison } from './comparisons.js';
import {
  DEFAULT_THRESHOLDS,
  linkPersons,
  linkPersonsParallel,
  preparePersons,
  seededRandom,
} from './linkage.js';
import { comparePairs, trainModel } from './model.js';
import type { LinkPerson } from './record.js';
import { referenceU } from './reference-u.js';
import { hardPopulation } from '../../../bench/linkage/hard.js';
import { drawPerson } from '../demo/person.js';
import { Rng } from '../demo/prng.js';

describe('candidatePairs', () => {
  it('yields exactly the pairs that share a key of some rule, each once, i < j', () => {
    const record = fc.record({
      source: fc.constantFrom('A', 'B'),
      k1: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 2 }),
      k2: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), fc.boolean(), (records, linkOnly) => {
        const rules: BlockingRule<(typeof records)[number]>[] = [
          { name: 'one', keys: (r, out) => addAll(out, r.k1) },
          { name: 'two', keys: (r, out) => addAll(out, r.k2) },
        ];
        // Every block compared all against all (no sorted neighbourhood at these sizes).
        const c = candidatePairs(records, rules, { linkOnly, maxBlock: 5_000 });
        const got = new Set<string>();
        for (let k = 0; k < c.count; k++) {
          expect(c.left[k]!).toBeLessThan(c.right[k]!);
          const key = `${c.left[k]},${c.right[k]}`;
          expect(got.has(key)).toBe(false);
          got.add(key);
        }
        const expected = new Set<string>();
        records.forEach((a, i) =>
          records.forEach((b, j) => {
            if (j <= i || (linkOnly && a.source === b.source)) return;
            if (a.k1.some((k) => b.k1.includes(k)) || a.k2.some((k) => b.k2.includes(k)))
              expected.add(`${i},${j}`);
          }),
        );
        expect([...got].sort()).toEqual([...expected].sort());
      }),
    );
  });

  it('compares a block larger than maxBlock by sorted neighbourhood: only pairs sharing a key, each once', () => {
    const record = fc.record({
      source: fc.constantFrom('A', 'B'),
      k1: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.integer({ min: 2, max: 4 }), (records, window) => {
        const rules: BlockingRule<(typeof records)[number]>[] = [
          { name: 'one', keys: (r, out) => addAll(out, r.k1) },
        ];
        const c = candidatePairs(records, rules, { maxBlock: 3, window });
        const got = new Set<string>();
        for (let k = 0; k < c.count; k++) {
          const [i, j] = [c.left[k]!, c.right[k]!];
          expect(i).toBeLessThan(j);
          expect(records[i]!.k1.some((x) => records[j]!.k1.includes(x))).toBe(true);
          expect(got.has(`${i},${j}`)).toBe(false);
          got.add(`${i},${j}`);
        }
        // Neighbours in a block of one key are always compared.
        for (const key of [0, 1, 2]) {
          const members = records.map((r, i) => (r.k1.includes(key) ? i : -1)).filter((i) => i >= 0);
          for (let x = 0; x + 1 < members.length; x++)
            expect(got.has(`${members[x]},${members[x + 1]}`)).toBe(true);
        }
      }),
    );
  });
});

describe('clusterPairs', () => {
  it('labels two records alike exactly when a path of linked pairs joins them', () => {
    const pair = fc.tuple(
      fc.integer({ min: 0, max: 11 }),
      fc.integer({ min: 0, max: 11 }),
      fc.double({ min: 0, max: 1 }),
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 20 }), (pairs) => {
        const n = 12;
        const labels = clusterPairs(
          n,
          Uint32Array.from(pairs.map((p) => p[0])),
          Uint32Array.from(pairs.map((p) => p[1])),
          Float64Array.from(pairs.map((p) => p[2])),
          0.5,
        );
        const reach = (from: number) => {
          const seen = new Set([from]);
          const stack = [from];
          while (stack.length > 0) {
            const x = stack.pop()!;
            for (const [a, b, p] of pairs)
              if (p >= 0.5)
                for (const [u, v] of [
                  [a, b],
                  [b, a],
                ] as const)
                  if (u === x && !seen.has(v)) {
                    seen.add(v);
                    stack.push(v);
                  }
          }
          return seen;
        };
        for (let i = 0; i < n; i++) {
          const r = reach(i);
          for (let j = 0; j < n; j++) expect(labels[i] === labels[j]).toBe(r.has(j));
          expect(labels[i]).toBe(Math.min(...r));
        }
      }),
    );
  });
});

describe('trainModel', () => {
  it('recovers m, u and the share of matches from unlabelled vectors', () => {
    // Two comparisons with three levels; 20 % matches.
    // Three comparisons: with fewer, a two-class mixture is not identifiable.
    const m = [
      [0.05, 0.15, 0.8],
      [0.1, 0.2, 0.7],
      [0.1, 0.1, 0.8],
    ];
    const u = [
      [0.8, 0.15, 0.05],
      [0.7, 0.2, 0.1],
      [0.6, 0.3, 0.1],
    ];
    const random = seededRandom(3);
    const draw = (p: number[]) => {
      const x = random();
      return x < p[0]! ? 0 : x < p[0]! + p[1]! ? 1 : 2;
    };
    const n = 50_000;
    const vectors = new Uint8Array(n * 3);
    for (let k = 0; k < n; k++) {
      const params = random() < 0.2 ? m : u;
      for (let x = 0; x < 3; x++) vectors[k * 3 + x] = draw(params[x]!);
    }
    const comparisons: Comparison<unknown>[] = ['a', 'b', 'c'].map((name) => ({
      name,
      levels: ['no', 'close', 'yes'],
      compare: () => 0,
    }));
    // Start u away from the truth: EM has to find it.
    const u0 = u.map(() => [0.5, 0.3, 0.2]);
    const model = trainModel(comparisons, vectors, u0, { iterations: 500, estimateU: true, tolerance: 1e-9 });
    expect(model.lambda).toBeCloseTo(0.2, 1);
    model.comparisons.forEach((c, x) => {
      c.m.forEach((v, l) => expect(Math.abs(v - m[x]![l]!)).toBeLessThan(0.05));
      c.u.forEach((v, l) => expect(Math.abs(v - u[x]![l]!)).toBeLessThan(0.05));
    });
  });
});

// Synthetic persons: one woman registered three times, and others who only look alike.
const persons: LinkPerson[] = [
  {
    id: 'p1',
    source: 'PNPTU',
    givenNames: 'Zunilda',
    firstSurname: 'Insfrán',
    secondSurname: 'Mereles',
    dateOfBirth: '1999-03-14',
    sex: 'Female',
    documentNumber: '4123987',
  },
  {
    id: 'm1',
    source: 'MINMUJER',
    givenNames: 'Sunilda',
    firstSurname: 'Mereles',
    secondSurname: 'Insfran',
    dateOfBirth: '1999-14-03',
    sex: 'Female',
  },
  {
    id: 'n1',
    source: 'NGO',
    givenNames: 'Zunilda',
    firstSurname: 'Ynsfrán',
    birthYear: 1998,
    sex: 'Female',
    documentNumber: '4129387',
  },
  {
    id: 'x1',
    source: 'PNPTU',
    givenNames: 'Rosa',
    firstSurname: 'González',
    secondSurname: 'Vera',
    dateOfBirth: '1985-06-01',
    sex: 'Female',
  },
  {
    id: 'x2',
    source: 'MINNA',
    givenNames: 'Derlis',
    firstSurname: 'Ortiz',
    dateOfBirth: '2010-01-09',
    sex: 'Male',
  },
];
// Others: 600 distinct persons from the demo generator, so that the model has a population to learn from.
const rng = new Rng(11);
for (let i = 0; i < 600; i++) {
  const p = drawPerson(rng, {
    sex: i % 4 === 0 ? 'Male' : 'Female',
    age: 10 + (i % 40),
    detectedOn: '2026-01-01',
    foreign: false,
  });
  persons.push({
    id: `f${i}`,
    source: ['PNPTU', 'NGO', 'MINNA'][i % 3]!,
    givenNames: p.givenNames,
    firstSurname: p.firstSurname,
    secondSurname: p.secondSurname,
    dateOfBirth: p.dateOfBirth,
    birthYear: p.dateOfBirth ? null : 2026 - (p.estimatedAge ?? 0),
    sex: p.sex,
    nationalities: p.nationalities,
    documentNumber: p.documentNumber,
    department: p.residenceDepartment,
    district: p.residenceDistrict,
  });
}

describe('linkPersons and linkClk', () => {
  it('puts the three registrations of one woman in one cluster and leaves the others apart', () => {
    const options = { uSamples: 20_000 };
    const results = [
      linkPersons(persons, options),
      linkClk(encodeClk(persons, new Uint8Array(32).fill(7)), options),
    ];
    for (const result of results) {
      const label = result.clusters[0];
      expect(result.clusters[1]).toBe(label);
      expect(result.clusters[2]).toBe(label);
      expect(result.clusters[3]).not.toBe(label);
      expect(result.clusters[4]).not.toBe(label);
      expect(result.clusters[3]).toBe(3);
    }
  }, 60_000);
});

describe('a file of a few records', () => {
  // u comes from random pairs of the records themselves; in a file this small most of those pairs
  // are the file's own duplicates, so exact agreement looked common and weighed nothing: the
  // same woman registered twice, one with an estimated age, stayed two persons.
  const records: LinkPerson[] = [
    {
      id: 'a',
      source: 'PNPTU',
      givenNames: 'Yanina Sofia',
      firstSurname: 'Caseres',
      secondSurname: 'Duarte',
      sex: 'Female',
      estimatedAge: 16,
      ageRecordedOn: '2026-03-01',
      department: 'PY-11',
    },
    {
      id: 'b',
      source: 'MINNA',
      givenNames: 'Yanina Sofía',
      firstSurname: 'Cáceres',
      secondSurname: 'Duarte',
      sex: 'Female',
      dateOfBirth: '2010-04-02',
      department: 'PY-11',
    },
    {
      id: 'c',
      source: 'MINNA',
      givenNames: 'Ramona',
      firstSurname: 'Duarte',
      sex: 'Female',
      dateOfBirth: '1971-09-30',
      department: 'PY-11',
    },
  ];

  it('links the same person registered twice, and leaves a third person apart', () => {
    const result = linkPersons(records);
    expect(result.clusters[0]).toBe(result.clusters[1]);
    expect(result.clusters[2]).not.toBe(result.clusters[0]);
  });

  // The encoded name levels had no population reference ("one inside the other" and the surnames'
  // typo band were missing from it), so the names' u came from the three records alone and an
  // equal encoded name weighed under 2 bits: the estimated age stayed apart.
  it('links them in the privacy-preserving mode too, under several keys', () => {
    for (const fill of [1, 7, 200]) {
      const result = linkClk(encodeClk(records, new Uint8Array(32).fill(fill)), { uSamples: 5_000 });
      expect(result.clusters[0]).toBe(result.clusters[1]);
      expect(result.clusters[2]).not.toBe(result.clusters[0]);
    }
  }, 60_000);

  it('has a population reference for every level of the name comparisons, in clear and encoded', () => {
    const { vocab, records: prepared } = preparePersons(records);
    const names = (cs: readonly { name: string; levels: readonly string[] }[]) =>
      cs.filter((c) => c.name === 'given_names' || c.name === 'surnames');
    for (const c of [...names(personComparisons(vocab, prepared)), ...names(clkComparisons())])
      expect(referenceU(c), `${c.name}: ${c.levels.join(', ')}`).toBeDefined();
  });
});

describe('the default thresholds', () => {
  // Measured on every generator setting, FEBRL 3 and 4, both modes (bench/README.md): linking from
  // 0.85 raised cluster F1 everywhere and kept cluster precision above 98 % at 100,000 records.
  it('link from 0.85 and queue for review from 0.3', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ match: 0.85, review: 0.3 });
  });
});

describe('keyed Bloom filters', () => {
  it('give Dice 1 for equal tokens, and unrelated filters under another key', () => {
    const key = new Uint8Array(32).fill(1);
    const a = bloomFilter(key, 'surnames', bigrams('gonsales'));
    expect(dice(a, bloomFilter(key, 'surnames', bigrams('gonsales')))).toBe(1);
    expect(dice(a, bloomFilter(key, 'surnames', bigrams('gonsalez')))).toBeGreaterThan(0.7);
    expect(dice(a, bloomFilter(key, 'surnames', bigrams('ortis')))).toBeLessThan(0.4);
    const other = bloomFilter(new Uint8Array(32).fill(2), 'surnames', bigrams('gonsales'));
    expect(dice(a, other)).toBeLessThan(0.6);
  });

  it('encodes nothing in clear', () => {
    const [r] = encodeClk([persons[0]!], new Uint8Array(32).fill(9));
    const text = JSON.stringify(r, (_, v: unknown) => (v instanceof Uint32Array ? [...v] : v));
    for (const clear of ['zunilda', 'insfr', 'mereles', '1999', '4123987', 'female'])
      expect(text.toLowerCase()).not.toContain(clear);
  });
});

describe('linkPersonsParallel', () => {
  it('gives the same pairs, probabilities and clusters as linkPersons when workers block and compare', async () => {
    const options = { uSamples: 20_000 };
    const single = linkPersons(persons, options);
    const parallel = await linkPersonsParallel(persons, { ...options, threads: 3, parallelFrom: 0 });
    expect(parallel.candidates).toBe(single.candidates);
    expect(parallel.left).toEqual(single.left);
    expect(parallel.right).toEqual(single.right);
    // Each pair counted for the first rule that found it, whichever thread blocked on that rule.
    expect(parallel.perRule).toEqual(single.perRule);
    expect(parallel.skippedBlocks).toBe(single.skippedBlocks);
    expect(parallel.matches).toEqual(single.matches);
    expect(parallel.review).toEqual(single.review);
    expect(parallel.clusters).toEqual(single.clusters);
    expect(single.matches.length).toBeGreaterThan(0);
  }, 120_000);

  it('trains on a sample of the records split between the threads as linkPersons does alone', async () => {
    // A sample smaller than the population: the sessions' pairs index the sample, and the threads
    // compare them by their records' indexes in the whole population.
    const { records } = hardPopulation(1_500, 'moderate', 3);
    const options = { uSamples: 20_000, trainingRecords: 1_500 };
    const single = linkPersons(records, options);
    const parallel = await linkPersonsParallel(records, { ...options, threads: 2, parallelFrom: 0 });
    expect(parallel.model).toEqual(single.model);
    expect(parallel.probabilities).toEqual(single.probabilities);
    expect(parallel.clusters).toEqual(single.clusters);
    // The sample changes the model: the sessions did not just fall back to the candidates.
    expect(linkPersons(records, { uSamples: 20_000 }).model).not.toEqual(single.model);
  }, 120_000);
});

describe('comparePairs into a shared array', () => {
  it('writes from the given pair on the same vectors and tf bits it returns in arrays of its own', () => {
    const { vocab, records } = preparePersons(persons);
    const comparisons = personComparisons(vocab, records);
    const n = records.length;
    const left = Uint32Array.from({ length: n - 1 }, (_, k) => k);
    const right = Uint32Array.from({ length: n - 1 }, (_, k) => n - 1 - k);
    const own = comparePairs(records, comparisons, left, right, n - 1);
    const c = comparisons.length;
    const vectors = new Uint8Array(new SharedArrayBuffer((n + 2) * c)).fill(7);
    const tf = new Float32Array(new SharedArrayBuffer((n + 2) * 4)).fill(7);
    comparePairs(records, comparisons, left, right, n - 1, { vectors, tf, at: 2 });
    expect(vectors.subarray(2 * c, (n + 1) * c)).toEqual(own.vectors);
    expect(tf.subarray(2, n + 1)).toEqual(own.tf);
    // Nothing written outside its pairs.
    expect([...vectors.subarray(0, 2 * c), ...vectors.subarray((n + 1) * c)].every((v) => v === 7)).toBe(
      true,
    );
    expect(own.tf.some((bits) => bits !== 0)).toBe(true);
  });
});

describe('prepare', () => {
  it('prepares a record alike whether its names were met before or not, and counts every occurrence', () => {
    const person = (id: string, givenNames: string, first: string | null, second: string | null) =>
      ({ id, source: 'A', givenNames, firstSurname: first, secondSurname: second }) satisfies LinkPerson;
    const persons = [
      person('a', 'María José', 'González de Maidana', null),
      person('b', 'Nilda', 'Benítez', 'Caballero'),
      person('c', 'María José', 'González de Maidana', null),
      person('d', 'María José', 'Benítez', 'Caballero'),
      person('e', 'Nilda', 'González de', 'Maidana'),
    ];
    const { vocab, records } = preparePersons(persons);
    // Each record as a lone population: the same words, keys, own surnames and married part.
    const words = (r: (typeof records)[number], v: typeof vocab) => ({
      given: r.given.map((x) => v.words[x]),
      givenCanonical: r.givenCanonical.map((x) => v.words[x]),
      givenForms: r.givenForms.map((x) => v.words[x]).sort(),
      givenWords: r.givenWords.map((x) => v.words[x]),
      surnames: r.surnames.map((x) => v.words[x]),
      surnameWords: r.surnameWords.map((x) => v.words[x]),
      ownSurnameKeys: r.ownSurnameKeys.map((x) => v.words[x]),
      ownSurnames: r.ownSurnames,
    });
    records.forEach((r, i) => {
      const alone = preparePersons([persons[i]!]);
      expect(words(r, vocab)).toEqual(words(alone.records[0]!, alone.vocab));
    });
    expect(records[2]!.ownSurnames).toBe(1);
    expect(records[4]!.ownSurnames).toBe(2);
    // Term counts: every occurrence (written words and keys), however many records share a spelling.
    const expected = new Array<number>(vocab.words.length).fill(0);
    for (const r of records)
      for (const id of [...r.given, ...r.givenWords, ...r.surnames, ...r.surnameWords]) expected[id]!++;
    expect(vocab.counts).toEqual(expected);
    expect(vocab.total).toBe(expected.reduce((a, b) => a + b, 0));
    expect(expected[vocab.find('nilda')!]).toBe(4);
  });
});

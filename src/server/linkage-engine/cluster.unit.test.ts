import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterLinks,
  datesConflict,
  documentsConflict,
  strongestFirst,
  type HardEvidence,
} from './cluster.js';

/** Evidence of records given as [document, date of birth] pairs. */
function evidenceOf(values: readonly (readonly [string | null, string | null])[]): HardEvidence {
  return { document: (i) => values[i]![0], dob: (i) => values[i]![1] };
}

describe('documentsConflict', () => {
  it('accepts up to two wrong, missing or swapped digits and digits in another order', () => {
    expect(documentsConflict('4123456', '4123456')).toBe(false);
    expect(documentsConflict('4123456', '4123457')).toBe(false);
    expect(documentsConflict('4123456', '412356')).toBe(false);
    expect(documentsConflict('4123456', '4213456')).toBe(false);
    expect(documentsConflict('4123456', '6123454')).toBe(false);
    expect(documentsConflict('4123456', '4128459')).toBe(false);
  });

  it('refuses two different numbers', () => {
    expect(documentsConflict('4123456', '3987654')).toBe(true);
    expect(documentsConflict('4123456', '4125999')).toBe(true);
  });

  it('does not hold documents of different kinds against each other (a cédula and a passport)', () => {
    expect(documentsConflict('3919858', 'FG545026')).toBe(false);
    expect(documentsConflict('3293421', '20682338')).toBe(false);
    expect(documentsConflict('FG545026', 'FG913377')).toBe(true);
  });
});

describe('datesConflict', () => {
  it('accepts two typos (a wrong year digit included) and a swapped day and month', () => {
    expect(datesConflict('19900512', '19900512')).toBe(false);
    expect(datesConflict('19900512', '19900513')).toBe(false);
    expect(datesConflict('19900512', '19901205')).toBe(false);
    expect(datesConflict('19900512', '19890512')).toBe(false);
    expect(datesConflict('19900512', '19600515')).toBe(false);
  });

  it('refuses dates more than two typos apart, however near in time', () => {
    expect(datesConflict('19900512', '19920101')).toBe(true);
    expect(datesConflict('19771002', '19770305')).toBe(true);
    expect(datesConflict('19900512', '19950320')).toBe(true);
    expect(datesConflict('19900512', '19600101')).toBe(true);
    expect(datesConflict('19700101', '19990731')).toBe(true);
  });
});

describe('clusterLinks with hard evidence', () => {
  it('refuses the link that would chain two persons with different documents through a third', () => {
    // 0 and 2 have different documents; 1 (no document) matches both through a common name.
    const evidence = evidenceOf([
      ['4123456', '19900512'],
      [null, null],
      ['3987654', '19900512'],
    ]);
    const { labels, decision } = clusterLinks(
      3,
      Uint32Array.from([0, 1]),
      Uint32Array.from([1, 2]),
      Float64Array.from([0.99, 0.95]),
      0.9,
      evidence,
    );
    // The stronger link (0–1) is kept; 1–2 would put both documents in one cluster.
    expect([...labels]).toEqual([0, 0, 2]);
    expect([...decision]).toEqual([1, 2]);
  });

  it('refuses a link between clusters whose dates of birth are years apart', () => {
    const evidence = evidenceOf([
      [null, '19900512'],
      [null, null],
      [null, '19600101'],
    ]);
    const { labels, decision } = clusterLinks(
      3,
      Uint32Array.from([1, 0]),
      Uint32Array.from([2, 1]),
      Float64Array.from([0.97, 0.93]),
      0.9,
      evidence,
    );
    expect([...labels]).toEqual([0, 1, 1]);
    expect([...decision]).toEqual([1, 2]);
  });

  it("does not hold a pair's own two values against it (its score weighed them)", () => {
    const evidence = evidenceOf([
      ['4123456', '19900512'],
      ['3987654', '19600101'],
    ]);
    const { labels, decision } = clusterLinks(
      2,
      Uint32Array.from([0]),
      Uint32Array.from([1]),
      Float64Array.from([0.95]),
      0.9,
      evidence,
    );
    expect([...labels]).toEqual([0, 0]);
    expect([...decision]).toEqual([1]);
  });

  it('puts conflicting values in one cluster only through a link whose own records hold them', () => {
    const doc = fc.constantFrom(null, '1000001', '1000010', '1002222', '2222222', '3333333');
    const dob = fc.constantFrom(null, '19900101', '19910101', '19700101', '19601231');
    const pair = fc.tuple(
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 0, max: 9 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(doc, dob), { minLength: 10, maxLength: 10 }),
        fc.array(pair, { maxLength: 25 }),
        (values, pairs) => {
          const { labels, decision } = clusterLinks(
            10,
            Uint32Array.from(pairs.map((p) => p[0])),
            Uint32Array.from(pairs.map((p) => p[1])),
            Float64Array.from(pairs.map((p) => p[2])),
            0.5,
            evidenceOf(values),
          );
          // Values (field 0 or 1) that some link's own two records hold, in either order.
          const ownedByLink = (field: 0 | 1, x: string, y: string) =>
            pairs.some(
              ([a, b], k) =>
                decision[k] === 1 &&
                ((values[a]![field] === x && values[b]![field] === y) ||
                  (values[a]![field] === y && values[b]![field] === x)),
            );
          for (let i = 0; i < 10; i++)
            for (let j = i + 1; j < 10; j++) {
              if (labels[i] !== labels[j]) continue;
              const [da, ba] = values[i]!;
              const [db, bb] = values[j]!;
              if (da !== null && db !== null && documentsConflict(da, db))
                expect(ownedByLink(0, da, db)).toBe(true);
              if (ba !== null && bb !== null && datesConflict(ba, bb))
                expect(ownedByLink(1, ba, bb)).toBe(true);
            }
          pairs.forEach(([a, b, p], k) => {
            if (p < 0.5) expect(decision[k]).toBe(0);
            if (decision[k] === 1) expect(labels[a]).toBe(labels[b]);
            if (decision[k] === 2) expect(labels[a]).not.toBe(labels[b]);
          });
        },
      ),
    );
  });

  it('without evidence, links every pair at or above the threshold', () => {
    const { labels, decision } = clusterLinks(
      3,
      Uint32Array.from([0, 1]),
      Uint32Array.from([1, 2]),
      Float64Array.from([0.99, 0.5]),
      0.9,
    );
    expect([...labels]).toEqual([0, 0, 2]);
    expect([...decision]).toEqual([1, 0]);
  });
});

describe('clusterLinks with pairs scored apart', () => {
  it('does not join two clusters while a pair between them scored as two persons', () => {
    // 0–1 and 2–3 are links; 1–2 links too, but 0–3 was compared and scored far below.
    const left = Uint32Array.from([0, 2, 1, 0]);
    const right = Uint32Array.from([1, 3, 2, 3]);
    const probabilities = Float64Array.from([0.99, 0.98, 0.93, 0.001]);
    const joined = clusterLinks(4, left, right, probabilities, 0.9);
    expect([...joined.labels]).toEqual([0, 0, 0, 0]);
    const apart = clusterLinks(4, left, right, probabilities, 0.9, undefined, { apartBelow: 0.01 });
    expect([...apart.labels]).toEqual([0, 0, 2, 2]);
    expect([...apart.decision]).toEqual([1, 1, 2, 0]);
    // A pair scored in the uncertain band is no evidence either way.
    const uncertain = Float64Array.from([0.99, 0.98, 0.93, 0.2]);
    expect([...clusterLinks(4, left, right, uncertain, 0.9, undefined, { apartBelow: 0.01 }).labels]).toEqual(
      [0, 0, 0, 0],
    );
  });

  it('looks at every member of the smaller cluster, after several joins', () => {
    // A chain 0–1–2–3 and 4–5; 5 and 0 scored apart: 3–4 must not join them.
    const left = Uint32Array.from([0, 1, 2, 4, 3, 0]);
    const right = Uint32Array.from([1, 2, 3, 5, 4, 5]);
    const probabilities = Float64Array.from([0.99, 0.99, 0.99, 0.99, 0.95, 0.0001]);
    const { labels, decision } = clusterLinks(6, left, right, probabilities, 0.9, undefined, {
      apartBelow: 0.01,
    });
    expect([...labels]).toEqual([0, 0, 0, 0, 4, 4]);
    expect(decision[4]).toBe(2);
  });
});

describe('clusterLinks between groups and between records alone', () => {
  it('joins two clusters of several records only when the pairs between them agree on average', () => {
    // 0–1 and 2–3 are strong links; 1–2 is a link too, but the other pairs between the groups are weak.
    const left = Uint32Array.from([0, 2, 1, 0, 0, 1]);
    const right = Uint32Array.from([1, 3, 2, 2, 3, 3]);
    const weak = Float64Array.from([0.99, 0.98, 0.9, 0.05, 0.1, 0.2]);
    const apart = clusterLinks(4, left, right, weak, 0.85, undefined, { groupsMeanAbove: 0.5 });
    expect([...apart.labels]).toEqual([0, 0, 2, 2]);
    expect(apart.decision[2]).toBe(2);
    // Without the rule the one strong pair chains the two groups.
    expect([...clusterLinks(4, left, right, weak, 0.85).labels]).toEqual([0, 0, 0, 0]);
    // Pairs that agree on average join them.
    const agreeing = Float64Array.from([0.99, 0.98, 0.9, 0.7, 0.6, 0.5]);
    const joined = clusterLinks(4, left, right, agreeing, 0.85, undefined, { groupsMeanAbove: 0.5 });
    expect([...joined.labels]).toEqual([0, 0, 0, 0]);
  });

  it('does not hold the average against a record joining a group', () => {
    // 2 alone joins the group 0–1 through one strong pair, though its pair with 0 is weak.
    const left = Uint32Array.from([0, 1, 0]);
    const right = Uint32Array.from([1, 2, 2]);
    const probabilities = Float64Array.from([0.99, 0.9, 0.05]);
    const { labels } = clusterLinks(3, left, right, probabilities, 0.85, undefined, { groupsMeanAbove: 0.5 });
    expect([...labels]).toEqual([0, 0, 0]);
  });

  it('links two records left alone at the lower probability, each to one other at most', () => {
    // 0–1 alone at 0.6: linked. 2–3 a link; 3–4 at 0.6: 3 is not alone. 5–6 at 0.7 before 6–7 at 0.65.
    const left = Uint32Array.from([0, 2, 3, 5, 6, 8]);
    const right = Uint32Array.from([1, 3, 4, 6, 7, 9]);
    const probabilities = Float64Array.from([0.6, 0.99, 0.6, 0.7, 0.65, 0.4]);
    const { labels, decision } = clusterLinks(10, left, right, probabilities, 0.85, undefined, {
      pairsAloneAbove: 0.5,
    });
    expect([...labels]).toEqual([0, 0, 2, 2, 4, 5, 5, 7, 8, 9]);
    expect([...decision]).toEqual([1, 1, 0, 1, 0, 0]);
  });
});

describe('records alone joining a cluster', () => {
  // 0–1 a link (0.95). Record 2 alone: 2–0 at 0.7 and 2–1 at `other`.
  const left = Uint32Array.from([0, 0, 1]);
  const right = Uint32Array.from([1, 2, 2]);
  const options = { pairsAloneAbove: 0.5, aloneJoinsMeanAbove: 0.5 };
  const run = (other: number, evidence?: HardEvidence) =>
    clusterLinks(3, left, right, Float64Array.from([0.95, 0.7, other]), 0.85, evidence, options);

  it('joins the cluster when its pairs with the members average the threshold of the option', () => {
    expect([...run(0.4).labels]).toEqual([0, 0, 0]);
    expect([...run(0.4).decision]).toEqual([1, 1, 0]);
  });

  it('stays alone when its pairs with the members average less', () => {
    expect([...run(0.2).labels]).toEqual([0, 0, 2]);
    // Without the option a record alone pairs only with another record alone.
    const without = clusterLinks(3, left, right, Float64Array.from([0.95, 0.7, 0.6]), 0.85, undefined, {
      pairsAloneAbove: 0.5,
    });
    expect([...without.labels]).toEqual([0, 0, 2]);
  });

  it('joins only a cluster with at least the given share of whose members it is a candidate pair', () => {
    // 0–1–2 linked (0.95). Record 3 alone: 3–0 at 0.8 only (one member of three), then 3–1 too.
    const l = Uint32Array.from([0, 1, 3]);
    const r = Uint32Array.from([1, 2, 0]);
    const met = { ...options, aloneJoinsMetShare: 0.5 };
    const one = clusterLinks(4, l, r, Float64Array.from([0.95, 0.95, 0.8]), 0.85, undefined, met);
    expect([...one.labels]).toEqual([0, 0, 0, 3]);
    const l2 = Uint32Array.from([0, 1, 3, 3]);
    const r2 = Uint32Array.from([1, 2, 0, 1]);
    const two = clusterLinks(4, l2, r2, Float64Array.from([0.95, 0.95, 0.8, 0.3]), 0.85, undefined, met);
    expect([...two.labels]).toEqual([0, 0, 0, 0]);
    // Without the share, one member met is enough.
    expect([
      ...clusterLinks(4, l, r, Float64Array.from([0.95, 0.95, 0.8]), 0.85, undefined, options).labels,
    ]).toEqual([0, 0, 0, 0]);
  });

  it('stays alone when a member holds a date of birth that cannot be its own', () => {
    const dates = ['19900512', null, '20010304'];
    const evidence: HardEvidence = { document: () => null, dob: (i) => dates[i] ?? null };
    // 1 has no date, 0 and 2 conflict: the pair 2–1 brings 2 to 0's cluster, and 0's date clashes.
    const l = Uint32Array.from([0, 1]);
    const r = Uint32Array.from([1, 2]);
    const { labels } = clusterLinks(3, l, r, Float64Array.from([0.95, 0.7]), 0.85, evidence, options);
    expect([...labels]).toEqual([0, 0, 2]);
  });
});

describe('records alone joining a cluster, as the rule reads', () => {
  /**
   * The rule written plainly (no evidence, no groups): components of the links at the threshold,
   * then the pairs of the band strongest first, ties by index, each record's pairs with the
   * cluster's members counted anew for every pair (as cluster.ts did before its tallies).
   */
  function plainly(n: number, left: Uint32Array, right: Uint32Array, p: Float64Array, share: number) {
    const root = Array.from({ length: n }, (_, i) => i);
    const find = (x: number): number => (root[x] === x ? x : find(root[x]!));
    const members = (r: number) => root.map((_, i) => i).filter((i) => find(i) === r);
    const union = (a: number, b: number) => {
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb) return;
      const [big, small] = members(ra).length >= members(rb).length ? [ra, rb] : [rb, ra];
      root[small] = big;
    };
    const taken = new Array<boolean>(n).fill(false);
    const order = (from: number, below: number) =>
      [...p.keys()].filter((k) => p[k]! >= from && p[k]! < below).sort((x, y) => p[y]! - p[x]! || x - y);
    for (const k of order(0.85, Infinity)) {
      union(left[k]!, right[k]!);
      taken[left[k]!] = taken[right[k]!] = true;
    }
    for (const k of order(0.5, 0.85)) {
      const [a, b] = [left[k]!, right[k]!];
      if ((taken[a] && taken[b]) || find(a) === find(b)) continue;
      if (!taken[a] && !taken[b]) {
        union(a, b);
        taken[a] = taken[b] = true;
        continue;
      }
      const [record, other] = taken[a] ? [b, a] : [a, b];
      const cluster = members(find(other));
      const met = [...p.keys()].filter(
        (j) =>
          (left[j] === record && cluster.includes(right[j]!)) ||
          (right[j] === record && cluster.includes(left[j]!)),
      );
      const mean = met.reduce((sum, j) => sum + p[j]!, 0) / met.length;
      if (met.length < share * cluster.length || mean < 0.4) continue;
      union(record, other);
      taken[record] = true;
    }
    return Array.from({ length: n }, (_, i) => Math.min(...members(find(i))));
  }

  it('counts the members that joined after the record was first weighed', () => {
    // Clusters 0–1 and 2–3 (0.95). Record 4 is weighed against 2–3 first (0.8: meets one of two,
    // stays alone); 5 joins 0–1 (0.75, 0.7); then 4 meets all three of 0–1–5 (0.6, 0.6 and 4–5 at 0.3).
    const left = Uint32Array.from([0, 2, 4, 5, 5, 4, 4, 4]);
    const right = Uint32Array.from([1, 3, 2, 0, 1, 0, 1, 5]);
    const p = Float64Array.from([0.95, 0.95, 0.8, 0.75, 0.7, 0.6, 0.6, 0.3]);
    const options = { pairsAloneAbove: 0.5, aloneJoinsMeanAbove: 0.4, aloneJoinsMetShare: 1 };
    expect([...clusterLinks(6, left, right, p, 0.85, undefined, options).labels]).toEqual([0, 0, 2, 2, 0, 0]);
    expect(plainly(6, left, right, p, 1)).toEqual([0, 0, 2, 2, 0, 0]);
  });

  it('gives the clusters of the rule on any pairs, as records alone join clusters and each other', () => {
    const n = 7;
    const pair = fc.tuple(
      fc.integer({ min: 0, max: n - 1 }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.constantFrom(0.95, 0.9, 0.8, 0.7, 0.6, 0.55, 0.3, 0.1),
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 21 }), fc.constantFrom(0, 0.5, 1), (pairs, share) => {
        const seen = new Set<string>();
        const kept = pairs.filter(([a, b]) => {
          const key = `${Math.min(a, b)} ${Math.max(a, b)}`;
          if (a === b || seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        const left = Uint32Array.from(kept, ([a]) => a);
        const right = Uint32Array.from(kept, ([, b]) => b);
        const p = Float64Array.from(kept, ([, , q]) => q);
        const { labels } = clusterLinks(n, left, right, p, 0.85, undefined, {
          pairsAloneAbove: 0.5,
          aloneJoinsMeanAbove: 0.4,
          aloneJoinsMetShare: share,
        });
        expect([...labels]).toEqual(plainly(n, left, right, p, share));
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('strongestFirst', () => {
  it('orders the pairs in range as a sort by descending probability, ties by index, would', () => {
    // Probabilities as the scores make them (1 / (1 + 2^-w)), with many ties, zeros and ones.
    const probability = fc.oneof(
      fc.constantFrom(0, 1, 0.5, 0.85, 0.3),
      fc.integer({ min: -60, max: 60 }).map((w) => 1 / (1 + 2 ** -w)),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(probability, { maxLength: 300 }),
        fc.constantFrom(0, 0.3, 0.5, 0.85),
        fc.constantFrom(0.85, 1, Infinity),
        (values, from, below) => {
          const probabilities = Float64Array.from(values);
          const expected = [...probabilities.keys()]
            .filter((k) => probabilities[k]! >= from && probabilities[k]! < below)
            .sort((a, b) => probabilities[b]! - probabilities[a]! || a - b);
          expect([...strongestFirst(probabilities, from, below)]).toEqual(expected);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { linkPersons, preparePersons } from './linkage.js';
import type { LinkPerson } from './record.js';
import { personSecondPass, type ScoredCandidates } from './second-pass.js';

const person = (id: string, fields: Partial<LinkPerson>): LinkPerson => ({
  id,
  source: 'a',
  givenNames: 'Belén',
  sex: 'F',
  ...fields,
});

// "Belén, ~31" (no surname, an estimated age) and namesakes born around the same years.
const people: LinkPerson[] = [
  person('alone', { estimatedAge: 31, ageRecordedOn: '2025-06-01' }),
  person('near', { firstSurname: 'Benítez', secondSurname: 'Fernández', dateOfBirth: '1994-03-02' }),
  person('far', { firstSurname: 'Ortiz', secondSurname: 'Paredes', dateOfBirth: '1999-05-05' }),
  person('other-name', { givenNames: 'Ana', firstSurname: 'Ortiz', dateOfBirth: '1994-01-01' }),
  person('male', { sex: 'M', firstSurname: 'Ortiz', dateOfBirth: '1994-01-01' }),
  person('too-old', { firstSurname: 'Ortiz', dateOfBirth: '1960-01-01' }),
];
const { records } = preparePersons(people);
const at = (id: string) => records.findIndex((r) => r.id === id);
const noPairs: ScoredCandidates = {
  left: new Uint32Array(0),
  right: new Uint32Array(0),
  count: 0,
  probabilities: new Float64Array(0),
};
/** A score that favours the pair (alone, near): 0.9, and 0.1 for any other. */
const score = (left: Uint32Array, right: Uint32Array, count: number) =>
  Float64Array.from({ length: count }, (_, k) =>
    Math.min(left[k]!, right[k]!) === Math.min(at('alone'), at('near')) &&
    Math.max(left[k]!, right[k]!) === Math.max(at('alone'), at('near'))
      ? 0.9
      : 0.1,
  );
const pairsOf = (added: { left: Uint32Array; right: Uint32Array; count: number }) =>
  Array.from({ length: added.count }, (_, k) =>
    [records[added.left[k]!]!.id, records[added.right[k]!]!.id].sort(),
  );

describe('personSecondPass', () => {
  it('compares a record nothing linked with its namesakes of its sex and years, and keeps the likeliest', () => {
    const added = personSecondPass(records, { scan: 40, count: 1 })(noPairs, 0.85, score);
    expect(pairsOf(added)).toContainEqual(['alone', 'near']);
    // Looked for: the surname-less estimated record; compared with the two Belén of its sex and years.
    const compared: string[][] = [];
    personSecondPass(records, { scan: 40, count: 10 })(noPairs, 0.85, (l, r, n) => {
      for (let k = 0; k < n; k++) compared.push([records[l[k]!]!.id, records[r[k]!]!.id].sort());
      return score(l, r, n);
    });
    expect(compared).toEqual(
      expect.arrayContaining([
        ['alone', 'near'],
        ['alone', 'far'],
      ]),
    );
    for (const pair of compared) {
      expect(pair).not.toContain('other-name');
      expect(pair).not.toContain('male');
      expect(pair).not.toContain('too-old');
    }
  });

  it('keeps only pairs at or above the floor', () => {
    const added = personSecondPass(records, { scan: 40, count: 5, floor: 0.5 })(noPairs, 0.85, score);
    expect(pairsOf(added)).toEqual([['alone', 'near']]);
  });

  it('does not look for a record the first pass linked, nor compare a pair again', () => {
    const linked: ScoredCandidates = {
      left: Uint32Array.of(at('alone')),
      right: Uint32Array.of(at('far')),
      count: 1,
      probabilities: Float64Array.of(0.95),
    };
    let compared = 0;
    personSecondPass(records, { scan: 40, count: 5 })(linked, 0.85, (l, r, n) => {
      for (let k = 0; k < n; k++) if (l[k] === at('alone') || r[k] === at('alone')) compared++;
      return score(l, r, n);
    });
    expect(compared).toBe(0);
    // Below the threshold: looked for, but the first pass's pair is not compared again.
    const weak = { ...linked, probabilities: Float64Array.of(0.2) };
    const seen: string[][] = [];
    personSecondPass(records, { scan: 40, count: 5 })(weak, 0.85, (l, r, n) => {
      for (let k = 0; k < n; k++) seen.push([records[l[k]!]!.id, records[r[k]!]!.id].sort());
      return score(l, r, n);
    });
    expect(seen).toContainEqual(['alone', 'near']);
    expect(seen).not.toContainEqual(['alone', 'far']);
  });

  it('compares at most `scan` records per record looked for, nearest years first', () => {
    const seen: string[][] = [];
    personSecondPass(records, { scan: 1, count: 5 })(noPairs, 0.85, (l, r, n) => {
      for (let k = 0; k < n; k++) seen.push([records[l[k]!]!.id, records[r[k]!]!.id].sort());
      return score(l, r, n);
    });
    // 2025 − 31 − 0.5: the middle of the interval is 1993 / 1994; 1999 is five years further.
    expect(seen.filter((p) => p.includes('alone'))).toEqual([['alone', 'near']]);
  });

  it('pairs only records of different sources when linking', () => {
    const added = personSecondPass(records, { scan: 40, count: 5, linkOnly: true })(noPairs, 0.85, score);
    expect(added.count).toBe(0);
  });
});

describe('linkPersons with the second pass', () => {
  it('adds its pairs only when asked, after every first-pass pair', () => {
    // Forty namesakes of one year beside the surname-less record.
    const many = [
      ...people,
      ...Array.from({ length: 40 }, (_, k) =>
        person(`n${k}`, {
          firstSurname: `Sur${k}`,
          secondSurname: 'Ortiz',
          dateOfBirth: `1994-01-${String((k % 28) + 1).padStart(2, '0')}`,
        }),
      ),
    ];
    const without = linkPersons(many);
    const withPass = linkPersons(many, { secondPass: { scan: 40, count: 2 } });
    expect(without.perRule['second pass']).toBeUndefined();
    const added = withPass.perRule['second pass'] ?? 0;
    expect(withPass.candidates).toBe(without.candidates + added);
    expect(Array.from(withPass.left.subarray(0, without.candidates))).toEqual(Array.from(without.left));
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clkComparisons, clkDatesConflict, clkEvidence, clkKeyLists, clkKeys, encodeClk } from './clk.js';
import { datesConflict } from './comparisons.js';
import type { LinkPerson } from './record.js';

// A fixed key: an encoding is a Bloom filter, so whether two dates three digits apart fall below the
// Dice threshold (0.63 expected against 0.7) depends on the key's hash collisions for a few keys in
// a hundred; the exact checks below use one key, and the rate over random keys is checked apart.
const key = createHash('sha256').update('nanduti clk unit test key').digest();
const person = (id: string, fields: Partial<LinkPerson>): LinkPerson => ({
  id,
  source: id,
  givenNames: 'Ana',
  firstSurname: 'Lua',
  ...fields,
});

describe('CLK dates and documents, as in clear', () => {
  const dates = [
    '1990-05-12',
    '1990-05-13',
    '1990-12-05',
    '1991-05-12',
    '1990-08-27',
    '1975-11-02',
    '1990-06-13',
  ];
  const clks = encodeClk(
    dates.map((d, k) => person(`d${k}`, { dateOfBirth: d })),
    key,
  );
  const birth = clkComparisons().find((c) => c.name === 'birth')!;

  it('tells two written dates that no pair of typos explains apart, in the comparison and the safeguard', () => {
    for (let x = 0; x < dates.length; x++)
      for (let y = 0; y < dates.length; y++) {
        const clear = datesConflict(dates[x]!.replace(/-/g, ''), dates[y]!.replace(/-/g, ''));
        expect(clkDatesConflict(clks[x]!, clks[y]!), `${dates[x]} ${dates[y]}`).toBe(clear);
        if (clear) expect(birth.compare(clks[x]!, clks[y]!)).toBe(0);
      }
    // Day and month swapped: "one typo or day/month swapped", as in clear.
    expect(birth.levels[birth.compare(clks[0]!, clks[2]!)]).toBe('one typo or day/month swapped');
    const evidence = clkEvidence(clks);
    expect(evidence.datesClash!(evidence.dob(0)!, evidence.dob(4)!)).toBe(true);
    expect(evidence.datesClash!(evidence.dob(0)!, evidence.dob(1)!)).toBe(false);
  });

  it('agrees with the clear comparison on almost every pair of dates, whatever the key', () => {
    let agree = 0;
    let total = 0;
    for (let k = 0; k < 60; k++) {
      const encoded = encodeClk(
        dates.map((d, i) => person(`d${i}`, { dateOfBirth: d })),
        randomBytes(32),
      );
      for (let x = 0; x < dates.length; x++)
        for (let y = x + 1; y < dates.length; y++) {
          total++;
          const clear = datesConflict(dates[x]!.replace(/-/g, ''), dates[y]!.replace(/-/g, ''));
          if (clkDatesConflict(encoded[x]!, encoded[y]!) === clear) agree++;
        }
    }
    expect(agree / total).toBeGreaterThan(0.97);
  });

  it('does not hold documents of different kinds against each other', () => {
    const docs = encodeClk(
      ['3919858', 'FG545026', '4123456', '3919885'].map((d, k) => person(`p${k}`, { documentNumber: d })),
      key,
    );
    const document = clkComparisons().find((c) => c.name === 'document')!;
    expect(document.compare(docs[0]!, docs[1]!)).toBe(-1);
    expect(document.compare(docs[0]!, docs[2]!)).toBe(0);
    expect(document.compare(docs[0]!, docs[3]!)).toBe(1);
    const evidence = clkEvidence(docs);
    expect(evidence.documentsClash!(evidence.document(0)!, evidence.document(1)!)).toBe(false);
    expect(evidence.documentsClash!(evidence.document(0)!, evidence.document(2)!)).toBe(true);
  });
});

describe('CLK names, level for level as in clear', () => {
  const names: [string, string, string | null][] = [
    ['Ana María', 'Benítez', 'Ayala'],
    ['Ana María', 'Benítez', null],
    ['Ana', 'Benítez', 'Ayala'],
    ['Ana María', 'Benítez', 'Gayala'],
    ['Ana María', 'Benítez', 'Ortiz'],
    ['Ana María', 'Benítez', 'Ayala'],
    ['Ana María', 'Ayala', null],
  ];
  const clks = encodeClk(
    names.map(([given, first, second], k) =>
      person(`n${k}`, { givenNames: given, firstSurname: first, secondSurname: second }),
    ),
    key,
  );
  const comparisons = clkComparisons(clks);
  const given = comparisons.find((c) => c.name === 'given_names')!;
  const surnames = comparisons.find((c) => c.name === 'surnames')!;
  const level = (c: typeof given, x: number, y: number) => c.levels[c.compare(clks[x]!, clks[y]!)];

  it('rates a dropped surname or a cut given name above two names that share one surname', () => {
    expect(level(surnames, 0, 5)).toBe('same (any order)');
    expect(level(surnames, 0, 1)).toBe('one missing, the first kept');
    expect(level(given, 0, 2)).toBe('first or subset');
    // One surname shared and the other one letter off (Ayala / Gayala): a typo, as in clear.
    expect(level(surnames, 0, 3)).toBe('one the same, the other misspelt');
    // Both with one surname, the same: less than two that agree.
    expect(level(surnames, 1, 1)).toBe('the same, one surname each');
    expect(level(surnames, 0, 4)).toBe('one shared');
    // A lone surname found second in the other record (not the one a Paraguayan keeps alone).
    expect(level(surnames, 0, 6)).toBe('one missing');
  });

  it('reads nicknames, respellings and one-letter typos from the keyed word tokens, as in clear', () => {
    const pairs: [string, string, string][] = [
      ['José', 'Pepe', 'nickname'],
      ['Maria', 'María', 'exact'],
      ['Yanina', 'Llanina', 'phonetic'],
      ['Rafael', 'Rzfael', 'similar'],
      ['Rafael', 'Tomás', 'different'],
      // A name shared and the other unrelated, or one name but for a typo or a short form.
      ['María Elena', 'María José', 'one shared'],
      ['María Elena', 'María Elna', 'phonetic'],
      ['Pepe Luis', 'José Luis', 'phonetic'],
      ['María Elena', 'María', 'first or subset'],
    ];
    const encoded = encodeClk(
      pairs.flatMap(([x, y], k) => [
        person(`a${k}`, { givenNames: x, firstSurname: 'Ortiz' }),
        person(`b${k}`, { givenNames: y, firstSurname: 'Ortiz' }),
      ]),
      key,
    );
    const g = clkComparisons(encoded).find((c) => c.name === 'given_names')!;
    pairs.forEach(([, , expected], k) =>
      expect(g.levels[g.compare(encoded[2 * k]!, encoded[2 * k + 1]!)]).toBe(expected),
    );
    // Encodings written before the word tokens compare on the filters alone.
    const strip = ({ givenKeys: _g, givenWritten: _w, surnameKeys: _s, ...r }: (typeof encoded)[number]) => r;
    expect(g.levels[g.compare(strip(encoded[0]!), strip(encoded[1]!))]).not.toBe('nickname');
    expect(level(given, 0, 0)).toBe('exact');
  });

  it('reads one typo in a date as in clear: seven of eight digits, not two of year, month and day', () => {
    const dates = ['1990-05-12', '1990-05-13', '1990-05-28', '1990-12-05', '1991-05-12'];
    const e = encodeClk(
      dates.map((d, k) => person(`d${k}`, { givenNames: 'Ana', firstSurname: 'Ortiz', dateOfBirth: d })),
      key,
    );
    const birth = clkComparisons(e).find((c) => c.name === 'birth')!;
    const at = (j: number) => birth.levels[birth.compare(e[0]!, e[j]!)];
    expect(at(1)).toBe('one typo or day/month swapped');
    // Same year and month, another day two digits away: not one typo (as damerauWithin in clear),
    // and two written dates are never "within a year" (that is for years alone and estimates).
    expect(at(2)).toBe('different');
    expect(at(3)).toBe('one typo or day/month swapped');
    expect(at(4)).toBe('one typo or day/month swapped');
  });

  it('grades two estimated ages on levels of their own, as in clear', () => {
    const ages = [25, 25, 29, 32, 36];
    const e = encodeClk(
      ages.map((age, k) =>
        person(`e${k}`, {
          givenNames: 'Ana',
          firstSurname: 'Ortiz',
          estimatedAge: age,
          ageRecordedOn: '2024-01-10',
        }),
      ),
      key,
    );
    const withDate = encodeClk(
      [person('d', { givenNames: 'Ana', firstSurname: 'Ortiz', dateOfBirth: '1998-05-12' })],
      key,
    );
    const birth = clkComparisons(e).find((c) => c.name === 'birth')!;
    const at = (j: number) => birth.levels[birth.compare(e[0]!, e[j]!)];
    expect(at(1)).toBe('two estimated ages within 2 years');
    expect(at(2)).toBe('two estimated ages within 4 years');
    expect(at(3)).toBe('two estimated ages within 7 years');
    expect(at(4)).toBe('different');
    expect(birth.levels[birth.compare(withDate[0]!, e[0]!)]).toBe('estimated age within 2 years');
  });

  it('weighs agreement on a recurring encoded surname below agreement on a rare one', () => {
    // "Benítez Ayala" recurs (records 0 and 5); "Benítez Ortiz" is seen once.
    expect(surnames.tfAdjust!(clks[0]!, clks[5]!)).toBeLessThan(surnames.tfAdjust!(clks[4]!, clks[4]!));
    // Without a population (one comparison at a time) there is no adjustment.
    expect(clkComparisons()[1]!.tfAdjust!(clks[0]!, clks[5]!)).toBe(0);
  });
});

describe('clkKeys', () => {
  it("gives back each rule's keys, empty lists and 49-bit keys included", () => {
    const blocks = [[], [2 ** 49 - 1, 0, 7], [], [5]];
    const training = [[3, 3], []];
    const keys = clkKeys(blocks, training);
    expect(keys.length).toBe(2 + 6 + 6);
    expect(clkKeyLists({ keys } as Parameters<typeof clkKeyLists>[0])).toEqual({ blocks, training });
    expect(clkKeyLists({ keys: clkKeys([], []) } as Parameters<typeof clkKeyLists>[0])).toEqual({
      blocks: [],
      training: [],
    });
  });

  it('puts the keys of records read one by one into shared memory, not a block each', () => {
    // A block of 512 kB per record read from a file held 5.7 GB for 36,912 encodings.
    const a = clkKeys([[1, 2]], [[3]]);
    const b = clkKeys([[4]], []);
    expect(a.buffer).toBe(b.buffer);
    expect(a.byteLength + b.byteLength).toBeLessThan(200);
  });
});

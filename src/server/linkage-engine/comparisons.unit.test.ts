import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIRTH, documentShape, personComparisons, sameDocumentShape } from './comparisons.js';
import { prepare, Vocabulary, type LinkPerson } from './record.js';

// Synthetic names only.
const base: LinkPerson = {
  id: 'a',
  source: 'PNPTU',
  givenNames: 'María José',
  firstSurname: 'González',
  secondSurname: 'Villalba',
  dateOfBirth: '1998-05-12',
  sex: 'Female',
  nationalities: ['PY'],
  documentNumber: '4.512.873',
  department: 'PY-11',
  district: 'Luque',
};

function levels(a: LinkPerson, b: LinkPerson): Record<string, number> {
  const vocab = new Vocabulary();
  const records = [prepare(a, 0, vocab), prepare({ ...b, id: 'b' }, 1, vocab)];
  return Object.fromEntries(
    personComparisons(vocab, records).map((c) => [c.name, c.compare(records[0]!, records[1]!)]),
  );
}

/** The label of the level of comparison `name` for a pair of persons. */
function levelName(name: string, a: LinkPerson, b: LinkPerson): string | undefined {
  const vocab = new Vocabulary();
  const records = [prepare(a, 0, vocab), prepare({ ...b, id: 'b' }, 1, vocab)];
  const c = personComparisons(vocab, records).find((x) => x.name === name)!;
  return c.levels[c.compare(records[0]!, records[1]!)];
}

describe('person comparisons', () => {
  it('grades Paraguayan name variants', () => {
    expect(levels(base, base).given_names).toBe(6);
    expect(levels(base, { ...base, givenNames: 'Mariha José' }).given_names).toBe(5);
    expect(levels(base, { ...base, givenNames: 'María' }).given_names).toBe(4);
    expect(levels({ ...base, givenNames: 'José' }, { ...base, givenNames: 'Pepe' }).given_names).toBe(3);
    expect(levels(base, { ...base, givenNames: 'Mirta' }).given_names).toBe(0);
    expect(levels(base, { ...base, firstSurname: 'Villalba', secondSurname: 'González' }).surnames).toBe(7);
    expect(levels(base, { ...base, firstSurname: 'Gonzales', secondSurname: 'Viyalba' }).surnames).toBe(7);
    expect(levels(base, { ...base, secondSurname: null }).surnames).toBe(4);
    expect(levels(base, { ...base, secondSurname: 'Benítez' }).surnames).toBe(2);
    expect(levels(base, { ...base, firstSurname: 'Gonzálex', secondSurname: null }).surnames).toBe(1);
    expect(levels(base, { ...base, firstSurname: 'Ortiz', secondSurname: 'Aquino' }).surnames).toBe(0);
    expect(levels(base, { ...base, firstSurname: null, secondSurname: null }).surnames).toBe(-1);
  });

  it('tells a second given name shared from a nickname', () => {
    const given = (a: string, b: string) =>
      levels({ ...base, givenNames: a }, { ...base, givenNames: b }).given_names;
    // A name in common and the others unrelated: two persons of one family or of a common name.
    expect(given('Juan Carlos', 'José Carlos')).toBe(1);
    expect(given('María Elena', 'Elena Sofía')).toBe(1);
    // The same first name and another unrelated one: also one shared, not "first or subset"
    // (neither record's names are inside the other's).
    expect(given('María Elena', 'María José')).toBe(1);
    // The names they do not share are one name, a nickname or a typo of it: all the names agree
    // once spelling and short forms are read, whichever name is shared (the phonetic level).
    expect(given('Pepe Luis', 'José Luis')).toBe(5);
    expect(given('Rafael Antonio', 'Rzfael Antonio')).toBe(5);
    expect(given('María Elena', 'María Elna')).toBe(5);
    expect(given('Luis Pepe', 'Luis José')).toBe(5);
    // One record's names inside the other's stay "first or subset".
    expect(given('María Elena', 'María')).toBe(4);
    expect(given('María Elena', 'Elena')).toBe(4);
  });

  it('takes one wrong letter in a short name for a typo, not for another name', () => {
    // Jaro–Winkler alone put these below 0.88 ("different"): one keyboard typo in a four-letter word.
    expect(levels({ ...base, givenNames: 'Hugo' }, { ...base, givenNames: 'Higo' }).given_names).toBe(2);
    expect(levels({ ...base, givenNames: 'Juan' }, { ...base, givenNames: 'Juzn' }).given_names).toBe(2);
    expect(levels({ ...base, givenNames: 'Rafael' }, { ...base, givenNames: 'Rzfael' }).given_names).toBe(2);
    expect(levels(base, { ...base, firstSurname: 'Bogado', secondSurname: null }).surnames).toBe(0);
    expect(levels(base, { ...base, firstSurname: 'Gomzález', secondSurname: null }).surnames).toBe(1);
    // Both surnames misspelt is a typo of the whole; one misspelt beside another surname is not.
    expect(levels(base, { ...base, firstSurname: 'Gomzález', secondSurname: 'Villlaba' }).surnames).toBe(1);
    expect(levels(base, { ...base, firstSurname: 'Gomzález', secondSurname: 'Aquino' }).surnames).toBe(0);
    // Below four letters one edit is most of the word; two edits are another name.
    expect(levels({ ...base, givenNames: 'Ana' }, { ...base, givenNames: 'Ara' }).given_names).toBe(0);
    expect(levels({ ...base, givenNames: 'Hugo' }, { ...base, givenNames: 'Iván' }).given_names).toBe(0);
    expect(levels({ ...base, givenNames: 'Luis' }, { ...base, givenNames: 'Lucas' }).given_names).toBe(0);
  });

  it("reads a married 'de X' in place of a dropped surname as a surname missing", () => {
    const married = { ...base, firstSurname: 'González de Maidana', secondSurname: null };
    expect(levels(base, married).surnames).toBe(4);
    expect(levels(married, base).surnames).toBe(4);
    expect(levels(base, { ...base, secondSurname: 'Villalba de Maidana' }).surnames).toBe(4);
    // Her own surname is not the other's: one shared (the husband's) is all they have.
    expect(levels({ ...base, firstSurname: 'Benítez', secondSurname: 'Maidana' }, married).surnames).toBe(2);
    // Without "de", a third surname is a surname of her own.
    expect(levels(base, { ...base, firstSurname: 'González', secondSurname: 'Maidana' }).surnames).toBe(2);
  });

  it('tells a dropped second surname from a lone surname found second in the other record', () => {
    // The first surname is the one a Paraguayan keeps alone: "González" for González Villalba.
    const surnames = (a: LinkPerson, b: LinkPerson) => levelName('surnames', a, b);
    expect(surnames(base, { ...base, secondSurname: null })).toBe('one missing, the first kept');
    expect(surnames({ ...base, secondSurname: null }, base)).toBe('one missing, the first kept');
    expect(surnames(base, { ...base, firstSurname: 'Villalba', secondSurname: null })).toBe('one missing');
    expect(surnames(base, { ...base, firstSurname: 'Villalba', secondSurname: 'González' })).toBe(
      'same (any order)',
    );
  });

  it('tells two surnames that agree from a lone surname shared and from one misspelt', () => {
    const surnames = (a: LinkPerson, b: LinkPerson) => levelName('surnames', a, b);
    const lone = { ...base, secondSurname: null };
    // Both registrations with one surname, the same: what siblings and namesakes share too.
    expect(surnames(lone, lone)).toBe('the same, one surname each');
    expect(surnames(lone, { ...lone, firstSurname: 'Gonzales' })).toBe('the same, one surname each');
    // Both surnames written in both, one a typo of the other's: more than a surname dropped.
    expect(surnames(base, { ...base, secondSurname: 'Villalva' })).toBe('same (any order)');
    expect(surnames(base, { ...base, secondSurname: 'Villlaba' })).toBe('one the same, the other misspelt');
    expect(surnames(base, { ...base, firstSurname: 'Gomzález' })).toBe('one the same, the other misspelt');
    // One shared and the other another surname altogether: still only one shared.
    expect(surnames(base, { ...base, secondSurname: 'Benítez' })).toBe('one shared');
  });

  it("reads given names and surnames written in each other's fields as names that agree", () => {
    const swapped = {
      ...base,
      givenNames: 'González Villalba',
      firstSurname: 'María',
      secondSurname: 'José',
    };
    expect(levelName('given_names', base, swapped)).toBe('phonetic');
    expect(levelName('surnames', base, swapped)).toBe('the same, one surname each');
    // A compound name cut in the swapped record: one side holds the other.
    const cut = { ...swapped, secondSurname: null };
    expect(levelName('given_names', base, cut)).toBe('first or subset');
    expect(levelName('surnames', base, cut)).toBe('one missing');
    // A typo and a married "de X" across the fields: related, graded as a typo.
    const loose = { ...base, givenNames: 'González de Benítez', firstSurname: 'Maira', secondSurname: null };
    expect(levelName('given_names', base, loose)).toBe('similar');
    expect(levelName('surnames', base, loose)).toBe('similar');
    // Only one crossing agrees (a surname used as a given name): not crossed.
    const half = { ...base, givenNames: 'González', firstSurname: 'Benítez', secondSurname: null };
    expect(levelName('given_names', base, half)).toBe('different');
    expect(levelName('surnames', base, half)).toBe('different');
  });

  it('compares two written dates as equal, one typo, swapped or different, never as a near birth', () => {
    // 1998-05-12 and 1998-06-13 are two digits apart: two typos, or two persons born a month apart.
    // Among the hard setting's candidate pairs such dates were 4 pairs of one person and 674 of
    // two; "within a year" is for a year alone or an estimated age, which blur the day.
    const birth = (b: LinkPerson) => levelName('birth', base, b);
    expect(birth({ ...base, dateOfBirth: '1998-06-13' })).toBe('different');
    expect(birth({ ...base, dateOfBirth: '1998-05-28' })).toBe('different');
    expect(birth({ ...base, dateOfBirth: '1998-05-13' })).toBe('one typo or day/month swapped');
    expect(birth({ ...base, dateOfBirth: null, birthYear: 1998 })).toBe('within a year');
  });

  it('grades an estimated age by how many years its interval is from the other birth', () => {
    // Born 1998-05-12; an age estimated on 2024-01-10: 25 fits, 28 is 2–3 years off, 30 over 4.
    const birth = (age: number) => {
      const vocab = new Vocabulary();
      const other = { ...base, id: 'b', dateOfBirth: null, estimatedAge: age, ageRecordedOn: '2024-01-10' };
      const records = [prepare(base, 0, vocab), prepare(other, 1, vocab)];
      const c = personComparisons(vocab, records).find((x) => x.name === 'birth')!;
      return c.levels[c.compare(records[0]!, records[1]!)];
    };
    expect(birth(25)).toBe('estimated age within 2 years');
    expect(birth(28)).toBe('estimated age within 4 years');
    expect(birth(30)).toBe('estimated age within 7 years');
    expect(birth(36)).toBe('different');
  });

  it('grades birth dates, estimated ages, documents and places', () => {
    expect(levels(base, base).birth).toBe(BIRTH.exact);
    expect(levels(base, { ...base, dateOfBirth: '1998-12-05' }).birth).toBe(BIRTH.typo);
    expect(levels(base, { ...base, dateOfBirth: '1998-05-13' }).birth).toBe(BIRTH.typo);
    // Two written dates neither one typo apart nor swapped are different, however near in time.
    expect(levels(base, { ...base, dateOfBirth: '1998-09-27' }).birth).toBe(0);
    expect(levels(base, { ...base, dateOfBirth: '1997-11-03' }).birth).toBe(0);
    // A year alone is the interval of that year.
    expect(levels(base, { ...base, dateOfBirth: null, birthYear: 1999 }).birth).toBe(BIRTH.withinYear);
    expect(levels(base, { ...base, dateOfBirth: null, birthYear: 2001 }).birth).toBe(BIRTH.within3);
    expect(levels(base, { ...base, dateOfBirth: null, birthYear: 2010 }).birth).toBe(0);
    // An age estimated on a known day is the year before that day, A years back: born 1998-05-12,
    // "25" on 2024-01-10 fits exactly; "30" is 4–5 years off; "40" is not the same person's.
    const estimate = (age: number) => ({
      ...base,
      dateOfBirth: null,
      estimatedAge: age,
      ageRecordedOn: '2024-01-10',
    });
    expect(levels(base, estimate(25)).birth).toBe(BIRTH.estimate + 2);
    expect(levels(base, estimate(30)).birth).toBe(BIRTH.estimate);
    expect(levels(base, estimate(40)).birth).toBe(0);
    // Two estimates: levels of their own (their errors add up).
    expect(levels(estimate(25), { ...estimate(20), ageRecordedOn: '2019-03-01' }).birth).toBe(
      BIRTH.twoEstimates + 2,
    );
    expect(levels(estimate(25), estimate(29)).birth).toBe(BIRTH.twoEstimates + 1);
    expect(levels(estimate(25), estimate(32)).birth).toBe(BIRTH.twoEstimates);
    expect(levels(estimate(25), estimate(36)).birth).toBe(BIRTH.different);
    expect(levels(base, { ...base, dateOfBirth: null }).birth).toBe(-1);
    expect(levels(base, { ...base, documentNumber: '4512873' }).document).toBe(2);
    expect(levels(base, { ...base, documentNumber: '4.521.873' }).document).toBe(1);
    expect(levels(base, { ...base, documentNumber: '3100200' }).document).toBe(0);
    expect(levels(base, { ...base, documentNumber: null }).document).toBe(-1);
    expect(levels(base, { ...base, sex: 'Unknown' }).sex).toBe(-1);
    expect(levels(base, { ...base, district: null }).place).toBe(1);
  });

  it('is symmetric for any pair of records', () => {
    const name = fc.constantFrom('María', 'Maria José', 'Pepe', 'José', 'Yvoty', 'Juana', 'Juani', '');
    const surname = fc.constantFrom('González', 'Gonzales', 'Benítez', 'Venítez', 'Ortiz', null);
    const person = fc.record({
      givenNames: name,
      firstSurname: surname,
      secondSurname: surname,
      dateOfBirth: fc.constantFrom('1990-01-02', '1990-02-01', '1991-01-02', null),
      birthYear: fc.constantFrom(1988, 1990, null),
      estimatedAge: fc.constantFrom(20, 35, null),
      ageRecordedOn: fc.constantFrom('2024-03-01', null),
      documentNumber: fc.constantFrom('1234567', '1243567', null),
    });
    fc.assert(
      fc.property(person, person, (a, b) => {
        const vocab = new Vocabulary();
        const ra = prepare({ ...a, id: 'a', source: 'x' }, 0, vocab);
        const rb = prepare({ ...b, id: 'b', source: 'y' }, 1, vocab);
        for (const c of personComparisons(vocab, [ra, rb])) expect(c.compare(ra, rb)).toBe(c.compare(rb, ra));
      }),
    );
  });
});

describe('sameDocumentShape', () => {
  it('answers as comparing the two documentShape strings', () => {
    expect(sameDocumentShape('4512398', '4512399')).toBe(true);
    expect(sameDocumentShape('FG545026', '4512398')).toBe(false);
    expect(sameDocumentShape('4512398', '45123980')).toBe(false);
    const doc = fc.string({ unit: fc.constantFrom('1', '9', '0', 'a', 'X', '-', 'ñ'), maxLength: 9 });
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        expect(sameDocumentShape(a, b)).toBe(documentShape(a) === documentShape(b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('term frequencies of nicknames', () => {
  it('weighs a nickname by the name it stands for: a common name says less than a rare one', () => {
    // A population where María is common and Rosa rare; "Mari"/"María" and "Rosita"/"Rosa" are
    // both at the nickname level, and the adjustment follows the resolved name's frequency.
    const people: LinkPerson[] = [];
    for (let k = 0; k < 40; k++) people.push({ ...base, id: `m${k}`, givenNames: 'María' });
    for (let k = 0; k < 40; k++) people.push({ ...base, id: `o${k}`, givenNames: `Nombre${k}` });
    people.push({ ...base, id: 'r', givenNames: 'Rosa' });
    people.push({ ...base, id: 'mn', givenNames: 'Mari' });
    people.push({ ...base, id: 'rn', givenNames: 'Rosita' });
    const vocab = new Vocabulary();
    const records = people.map((p, i) => prepare(p, i, vocab));
    const given = personComparisons(vocab, records)[0]!;
    const at = (id: string) => records.find((r) => r.id === id)!;
    expect(given.compare(at('mn'), at('m0'))).toBe(3);
    expect(given.compare(at('rn'), at('r'))).toBe(3);
    expect(given.tfLevels).toContain(2);
    const common = given.tfAdjust!(at('mn'), at('m0'));
    const rare = given.tfAdjust!(at('rn'), at('r'));
    expect(common).toBeLessThan(0);
    expect(rare).toBeGreaterThan(common + 3);
  });

  it('weighs a typo by the name it misspells, the commoner of the two words', () => {
    const people: LinkPerson[] = [];
    for (let k = 0; k < 40; k++) people.push({ ...base, id: `m${k}`, givenNames: 'María' });
    for (let k = 0; k < 40; k++) people.push({ ...base, id: `o${k}`, givenNames: `Nombre${k}` });
    people.push({ ...base, id: 'r', givenNames: 'Arasy' });
    people.push({ ...base, id: 'mt', givenNames: 'Marka' });
    people.push({ ...base, id: 'rt', givenNames: 'Arzsy' });
    const vocab = new Vocabulary();
    const records = people.map((p, i) => prepare(p, i, vocab));
    const given = personComparisons(vocab, records)[0]!;
    const at = (id: string) => records.find((r) => r.id === id)!;
    expect(given.compare(at('mt'), at('m0'))).toBe(2);
    expect(given.compare(at('rt'), at('r'))).toBe(2);
    expect(given.tfLevels).toContain(1);
    const common = given.tfAdjust!(at('mt'), at('m0'));
    expect(common).toBeLessThan(0);
    expect(given.tfAdjust!(at('rt'), at('r'))).toBeGreaterThan(common + 3);
  });
});

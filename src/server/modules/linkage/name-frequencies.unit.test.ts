/**
 * The name frequencies a batch stores give the intake look-up the batch's own term-frequency
 * adjustment, key by key, though keys held by one person are not stored; they are the engine's own
 * counts (`LinkageResult.names`), the same as counting the persons' name words. Synthetic names.
 */
import { describe, expect, it } from 'vitest';
import { personTermTables } from '../../linkage-engine/comparisons.js';
import { linkPersons, linkPersonsParallel, preparePersons } from '../../linkage-engine/linkage.js';
import { prepare, type LinkPerson } from '../../linkage-engine/record.js';
import { nameWords, phoneticKey } from '../persons/name-normalize.js';
import { frequenciesOf, idsToWeigh, StoredTermTable, storedCounts, tokensOf } from './name-frequencies.js';

const GIVEN = ['María', 'María José', 'Arasy', 'Juan Carlos', 'José', 'Ñandí', 'Mari', 'Jhonatan', ''];
const FIRST = ['González', 'Gonzales', 'Benítez', 'Vera', 'Ruiz Díaz', 'Cáceres', null];
const SECOND = ['Ocampo', 'González de Maidana', 'Villalba', 'Viyalba', null, 'Benítez'];

function population(): LinkPerson[] {
  const out: LinkPerson[] = [];
  for (let i = 0; i < 400; i++)
    out.push({
      id: String(i),
      source: 'A',
      givenNames: GIVEN[(i * 7) % GIVEN.length]!,
      firstSurname: FIRST[(i * 3) % FIRST.length],
      secondSurname: SECOND[(i * 5 + (i >> 4)) % SECOND.length],
    });
  // Keys held by one person only (never stored).
  out.push({
    id: 'x',
    source: 'A',
    givenNames: 'Yeruti Ysapy',
    firstSurname: 'Kuñataí',
    secondSurname: null,
  });
  return out;
}

/**
 * Persons holding each name key, counted here from the words (a key once per person; a record's
 * surnames are the words of both fields): what the stored rows must hold.
 */
function counted(persons: readonly LinkPerson[]) {
  const given = new Map<string, number>();
  const surname = new Map<string, number>();
  const add = (counts: Map<string, number>, text: string) => {
    for (const k of new Set(nameWords(text).map(phoneticKey))) counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  for (const p of persons) {
    add(given, p.givenNames);
    add(surname, `${p.firstSurname ?? ''} ${p.secondSurname ?? ''}`);
  }
  const stored = (m: Map<string, number>) => new Map([...m].filter(([, n]) => n > 1));
  const totals = (m: Map<string, number>) => {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    return { total, sumSquares: [...m.values()].reduce((a, c) => a + (c / total) ** 2, 0) };
  };
  return {
    given: stored(given),
    surname: stored(surname),
    totals: { given: totals(given), surname: totals(surname) },
  };
}

describe('stored name frequencies', () => {
  const persons = population();
  const frequencies = frequenciesOf(linkPersons(persons).names);
  const { vocab, records } = preparePersons(persons);
  const batch = personTermTables(records);
  // Stored as the batch stores them: only keys held by two persons or more (here unhashed).
  const stored = (family: 'given' | 'surname', ids: Set<number>) =>
    storedCounts(
      tokensOf(vocab, ids, (k) => k),
      [...frequencies[family]].map(([token, persons]) => ({ token, persons })),
    );

  it("give every key of the population the batch's adjustment", () => {
    const given = new Set(records.flatMap((r) => [...r.given, ...r.givenForms, ...r.givenCanonical]));
    const surname = new Set(records.flatMap((r) => r.surnames));
    const givenTf = new StoredTermTable(stored('given', given), frequencies.totals.given);
    const surnameTf = new StoredTermTable(stored('surname', surname), frequencies.totals.surname);
    for (const id of given) expect(givenTf.adjustment(id)).toBeCloseTo(batch.givenTf.adjustment(id), 12);
    for (const id of surname)
      expect(surnameTf.adjustment(id)).toBeCloseTo(batch.surnameTf.adjustment(id), 12);
    // A rare name weighs more than a common one, an unseen one as one held by a single person.
    const id = (name: string) => vocab.find(phoneticKey(name))!;
    expect(givenTf.adjustment(id('Arasy'))).toBeGreaterThan(givenTf.adjustment(id('María')) + 1);
    expect(givenTf.adjustment(id('Yeruti'))).toBeGreaterThan(givenTf.adjustment(id('Arasy')));
    expect(frequencies.given.has(phoneticKey('Yeruti'))).toBe(false);
  });

  it('asks for the keys a look-up can weigh: the query names, and the first two given names of each candidate', () => {
    const query = prepare(
      {
        id: 'q',
        source: 'intake',
        givenNames: 'Mari Arasy',
        firstSurname: 'Benitez',
        secondSurname: 'Zárate',
      },
      records.length,
      vocab,
      false,
    );
    const ids = idsToWeigh(query, records);
    expect([...ids.surname].map((i) => vocab.words[i])).toEqual([
      phoneticKey('Benítez'),
      phoneticKey('Zárate'),
    ]);
    for (const name of ['Mari', 'María', 'Arasy', 'Juan', 'Carlos'])
      expect(ids.given.has(vocab.find(phoneticKey(name))!)).toBe(true);
  });

  it("are the engine's own counts: the same rows as counting the name words, on one thread or several", async () => {
    const expected = counted(persons);
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => a[0].localeCompare(b[0]));
    for (const f of [
      frequencies,
      frequenciesOf((await linkPersonsParallel(persons, { threads: 2, parallelFrom: 0 })).names),
    ]) {
      expect(sorted(f.given)).toEqual(sorted(expected.given));
      expect(sorted(f.surname)).toEqual(sorted(expected.surname));
      for (const family of ['given', 'surname'] as const) {
        expect(f.totals[family].total).toBe(expected.totals[family].total);
        expect(f.totals[family].sumSquares).toBeCloseTo(expected.totals[family].sumSquares, 12);
      }
    }
    expect(frequencies.given.size).toBeGreaterThan(5);
    expect(frequencies.given.has(phoneticKey('Yeruti'))).toBe(false);
  });

  it('count each key once per person, as the batch does', () => {
    const twice = frequenciesOf(
      linkPersons([
        { id: '1', source: 'A', givenNames: 'Ana Ana', firstSurname: 'Vera', secondSurname: 'Vera' },
        { id: '2', source: 'A', givenNames: 'Ana', firstSurname: 'Vera', secondSurname: null },
      ]).names,
    );
    expect([...twice.given]).toEqual([[phoneticKey('Ana'), 2]]);
    expect([...twice.surname]).toEqual([[phoneticKey('Vera'), 2]]);
    expect(twice.totals.surname).toEqual({ total: 2, sumSquares: 1 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentKey,
  identityKey,
  nameKeys,
  nameTokens,
  normalizeName,
  phoneticKey,
  textKeys,
} from './name-normalize.js';

// Synthetic names only.
const SAME_SOUND: [string, string][] = [
  ['González', 'Gonzales'],
  ['Giménez', 'Jiménez'],
  ['Benítez', 'Venítez'],
  ['Villalba', 'Viyalba'],
  ['Ñandú', 'Nandu'],
  ['Hernández', 'Ernandes'],
  ['Jhonatan', 'Jonatan'],
  ['Leidy', 'Leydi'],
  ['Quiñónez', 'Kiñonez'],
  ['Cáceres', 'Cáseres'],
  ['Ximena', 'Jimena'],
  ['Guillermo', 'Guiyermo'],
  ['Ferreira', 'Fereira'],
  ['Stephanie', 'Stefanie'],
  ['Ascención', 'Asención'],
  ['Gonçalves', 'Goncalves'],
];
const DIFFERENT: [string, string][] = [
  ['González', 'Gómez'],
  ['Benítez', 'Báez'],
  ['Aquino', 'Acuña'],
  ['Ramírez', 'Ramos'],
  ['Gerardo', 'Gerarda'],
  ['Chávez', 'Cavez'],
  ['Guerra', 'Jerra'],
  ['Alexis', 'Alejis'],
];

describe('normalizeName', () => {
  it('lower-cases, drops diacritics and the puso, and makes punctuation one space', () => {
    expect(normalizeName('  ZUNILDA   Ñandutí ')).toBe('zunilda nanduti');
    expect(normalizeName("Ka'arapã")).toBe('kaarapa');
    expect(normalizeName('Ka’aguy Porã')).toBe('kaaguy pora');
    expect(normalizeName('María-José, Agüero.')).toBe('maria jose aguero');
    expect(normalizeName('Ｍａｒíａ')).toBe('maria');
    expect(normalizeName('İsabel')).toBe('isabel');
  });

  it('is idempotent for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const once = normalizeName(text);
        expect(normalizeName(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('is idempotent for name-like text with marks, capitals and punctuation', () => {
    const piece = fc.constantFrom(..."aábcçdeéfgǵhiíjklmnñoópqrstuúüvwxyýzÁÉÑÜ '’-.,ẽĩỹ".split(''));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (chars) => {
        const once = normalizeName(chars.join(''));
        expect(normalizeName(once)).toBe(once);
        expect(once).toMatch(/^[a-z]*( [a-z]+)*$/);
      }),
    );
  });
});

describe('phoneticKey', () => {
  it.each(SAME_SOUND)('%s and %s give one key', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it.each(DIFFERENT)('%s and %s stay apart', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  it('follows the documented rules', () => {
    expect(phoneticKey('Gonzalez')).toBe('gonsales');
    expect(phoneticKey('Chávez')).toBe('chabes');
    expect(phoneticKey('Alexis')).toBe('aleksis');
    expect(phoneticKey('Xavier')).toBe('jabier');
    expect(phoneticKey('Yolanda')).toBe('yolanda');
    expect(phoneticKey('Godoy')).toBe('godoi');
    expect(phoneticKey('Guerra')).toBe('gera');
    expect(phoneticKey('Quintana')).toBe('kintana');
    expect(phoneticKey('Paraguay')).toBe('paraguai');
    expect(phoneticKey('Gonçalves')).toBe('gonkalbes');
  });

  /** A word from plain letters, and the same word with random capitals and diacritics. */
  const decorated = fc
    .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), { minLength: 1, maxLength: 14 })
    .chain((letters) =>
      fc
        .tuple(
          fc.array(fc.boolean(), { minLength: letters.length, maxLength: letters.length }),
          fc.array(fc.constantFrom('', '\u0301', '\u0300', '\u0308', '\u0303', '\u0302', '\u0327'), {
            minLength: letters.length,
            maxLength: letters.length,
          }),
          fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
        )
        .map(([upper, marks, form]) => ({
          plain: letters.join(''),
          fancy: letters
            .map((l, i) => (upper[i] ? l.toUpperCase() : l) + marks[i])
            .join('')
            .normalize(form),
        })),
    );

  it('never depends on accents or case', () => {
    fc.assert(
      fc.property(decorated, ({ plain, fancy }) => {
        expect(phoneticKey(fancy)).toBe(phoneticKey(plain));
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('keys of a person', () => {
  const person = {
    givenNames: 'Zunilda María',
    firstSurname: 'Aquino',
    secondSurname: 'de la Cruz Benítez',
    aliases: ['Zuni'],
  };

  it('takes every given name, both surnames and the aliases, without particles', () => {
    expect(nameKeys(person)).toEqual(['akino', 'benites', 'krus', 'maria', 'sunilda', 'suni'].sort());
  });

  it('finds the person from any query made of their name parts, in any order, case and accent', () => {
    const words = ['ZUNILDA', 'maria', 'Akino', 'venitez', 'Cruz', 'zuni', 'De la'];
    fc.assert(
      fc.property(fc.subarray(words, { minLength: 1 }), fc.boolean(), (chosen, reverse) => {
        const q = (reverse ? [...chosen].reverse() : chosen).join(' ');
        const keys = new Set(nameKeys(person));
        expect(textKeys(q).every((k) => keys.has(k))).toBe(true);
      }),
    );
  });

  it('hashes each key once, sorted', () => {
    const tokens = nameTokens({ givenNames: 'Ana Anna', firstSurname: 'Aquino' }, (k) => `h(${k})`);
    expect(tokens).toEqual(['h(akino)', 'h(ana)']);
  });

  it('makes one identity key whatever the order of the surnames', () => {
    const a = identityKey(
      { givenNames: 'Zunilda', firstSurname: 'Aquino', secondSurname: 'Benítez' },
      '1990-03-04',
    );
    const b = identityKey(
      { givenNames: 'ZUNILDA', firstSurname: 'Venitez', secondSurname: 'Aquino' },
      '1990-03-04',
    );
    const c = identityKey(
      { givenNames: 'Zunilda', firstSurname: 'Aquino', secondSurname: 'Benítez' },
      '1990-03-05',
    );
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(identityKey({ givenNames: 'Zunilda', firstSurname: 'Aquino' }, null)).toBeNull();
    expect(identityKey({ givenNames: 'de', firstSurname: 'Aquino' }, '1990-03-04')).toBeNull();
  });

  it('compares document numbers without case, spaces, dots or dashes', () => {
    expect(documentKey('1.234.567')).toBe('1234567');
    expect(documentKey(' 1 234-567 ')).toBe('1234567');
    expect(documentKey('ab-123')).toBe(documentKey('AB123'));
    expect(documentKey(' .- ')).toBeNull();
    expect(documentKey(null)).toBeNull();
  });
});

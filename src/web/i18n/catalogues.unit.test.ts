/**
 * The type system guarantees every catalogue has every key; these checks cover what types cannot:
 * placeholders kept intact in translation, nothing left empty, and Guaraní actually translated.
 */
import { describe, expect, it } from 'vitest';
import { interpolate, type MessageKey } from './catalogue.js';
import { en } from './en.js';
import { es } from './es.js';
import { gn } from './gn.js';
import { translate } from './translate.js';

const keys = Object.keys(es) as MessageKey[];
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['gn', gn],
  ['en', en],
])('the %s catalogue', (_name, catalogue) => {
  it('has exactly the Spanish keys', () => {
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
  });

  it('keeps every placeholder of the Spanish message', () => {
    for (const key of keys) expect([key, placeholders(catalogue[key])]).toEqual([key, placeholders(es[key])]);
  });

  it('has no empty message', () => {
    for (const key of keys) expect([key, catalogue[key].trim().length > 0]).toEqual([key, true]);
  });
});

describe('the Guaraní catalogue', () => {
  it('translates the shell rather than copying Spanish', () => {
    const same = keys.filter(
      (key) => gn[key] === es[key] && !/^(app\.name|app\.pageTitle|common\.none|audit\.col\.seq)$/.test(key),
    );
    expect(same).toEqual([]);
  });

  it('uses the agreed words for the key actions', () => {
    expect(gn['login.submit']).toBe('Eike');
    expect(gn['shell.logout']).toBe('Esẽ');
    expect(gn['language.label']).toBe("Ñe'ẽ");
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('es', 'users.created', { username: 'ana' })).toBe('Usuario ana creado.');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

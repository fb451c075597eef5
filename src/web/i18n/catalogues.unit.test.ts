/**
 * The type system guarantees every catalogue has every key and every call passes the Spanish
 * message's arguments; these checks cover what types cannot: every message is valid ICU, each
 * translation uses its source's arguments, nothing is left empty, and Guaraní is actually translated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, MessageKey } from './catalogue.js';
import { en } from './en.js';
import { es } from './es.js';
import { gn } from './gn.js';
import { formatMessage } from './format.js';
import { parseMessage, translationProblems } from './tools/icu.js';
import { loadCatalogue, translate } from './translate.js';

const keys = Object.keys(es) as MessageKey[];

describe('the Spanish catalogue', () => {
  it('is valid ICU MessageFormat', () => {
    const broken = keys.flatMap((key) => {
      const parsed = parseMessage(es[key]);
      return parsed.ok ? [] : [`${key}: ${parsed.error}`];
    });
    expect(broken).toEqual([]);
  });
});

describe.each<[string, Catalogue]>([
  ['gn', gn],
  ['en', en],
])('the %s catalogue', (_name, catalogue) => {
  it('has exactly the Spanish keys', () => {
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
  });

  it('is valid ICU and uses the arguments of the Spanish message', () => {
    const problems = keys.flatMap((key) =>
      translationProblems(es[key], catalogue[key]).map((problem) => `${key}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('has no empty message', () => {
    expect(keys.filter((key) => catalogue[key].trim().length === 0)).toEqual([]);
  });
});

describe('the Guaraní catalogue', () => {
  /**
   * Written the same in Guaraní: names (institutions' acronyms, the indigenous languages' own names),
   * symbols, brands and loanwords Guaraní has no other word for.
   */
  const SAME_ON_PURPOSE =
    /^(app\.name|app\.pageTitle|common\.none|audit\.col\.seq|cases\.screening\.elementsValue|value\.PLATFORMS\..+|value\.LANGUAGES\.[a-z]{3}|minorConsent\.authority\.(CODENI|MINNA)|value\.SEXES\.Intersex|value\.DECISION_ORG_TYPES\.NGO|value\.SEXUAL_EXPLOITATION_TYPES\.Pornography|prosecution\.stage\.(imputacion|acusacion)|stats\.small|map\.area)$/;

  it('translates rather than copying Spanish', () => {
    expect(keys.filter((key) => gn[key] === es[key] && !SAME_ON_PURPOSE.test(key))).toEqual([]);
  });

  it('uses the agreed words for the key actions', () => {
    expect(gn['login.submit']).toBe('Eike');
    expect(gn['shell.logout']).toBe('Esẽ');
    expect(gn['language.label']).toBe("Ñe'ẽ");
  });
});

describe('translate', () => {
  beforeAll(() => Promise.all([loadCatalogue('es'), loadCatalogue('gn'), loadCatalogue('en')]));

  it('fills arguments', () => {
    expect(translate('es', 'users.created', { username: 'ana' })).toBe('Usuario ana creado.');
  });

  it('chooses the plural form by number, with the number in the language’s format', () => {
    expect(translate('es', 'cases.total', { total: 1 })).toBe('1 caso');
    expect(translate('es', 'cases.total', { total: 2 })).toBe('2 casos');
    expect(translate('es', 'cases.total', { total: 12345 })).toBe('12.345 casos');
    expect(translate('en', 'cases.total', { total: 12345 })).toBe('12,345 cases');
    expect(translate('en', 'cases.total', { total: 1 })).toBe('1 case');
    expect(translate('en', 'cases.total', { total: 0 })).toBe('0 cases');
  });

  it('chooses the grammatical gender by sex', () => {
    expect(translate('es', 'cases.bornIn', { sex: 'Female', year: 1990 })).toBe('nacida en 1990');
    expect(translate('es', 'cases.bornIn', { sex: 'Male', year: 1990 })).toBe('nacido en 1990');
    expect(translate('es', 'cases.bornIn', { sex: 'Unknown', year: 1990 })).toBe('nacida/o en 1990');
    expect(translate('es', 'cases.bornIn', { year: 1990 })).toBe('nacida/o en 1990');
  });

  it('shows a message that cannot be formatted as written, rather than failing the page', () => {
    expect(formatMessage('gn', '{total, plural, one {# káso}', { total: 2 })).toBe(
      '{total, plural, one {# káso}',
    );
    expect(formatMessage('es', 'Hola {name}', {})).toBe('Hola {name}');
  });

  it('requires the arguments of the Spanish message at compile time', () => {
    // @ts-expect-error a plural needs its count
    expect(translate('es', 'cases.total')).toContain('casos');
    // @ts-expect-error a plural's count is a number
    translate('es', 'cases.total', { total: 'dos' });
    // @ts-expect-error a plain message takes no arguments
    translate('es', 'action.save', { x: 1 });
  });
});

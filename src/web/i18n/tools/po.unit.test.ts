import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../en.js';
import { es } from '../es.js';
import { gn } from '../gn.js';
import { catalogueFiles, messageSites, rewriteSource } from './catalogue-files.js';
import { exportPo, planImport, readPo } from './po.js';
import { readReview } from './review.js';

const review = readReview();

/** The Guaraní file after a translator set `key` to `message`. */
const withTranslation = (_text: string, key: string, message: string) =>
  exportPo('gn', es, { ...gn, [key]: message }, review.gn);

describe.each([
  ['gn', gn],
  ['en', en],
] as const)('the %s PO file', (locale, catalogue) => {
  const text = exportPo(locale, es, catalogue, review[locale]);

  it('holds every message: key as context, Spanish as source, the translation as target', () => {
    const { language, entries } = readPo(text);
    expect(language).toBe(locale);
    expect(entries.map((e) => e.key)).toEqual(Object.keys(es));
    for (const entry of entries) {
      expect(entry.source).toBe(es[entry.key as keyof typeof es]);
      expect(entry.translation).toBe(catalogue[entry.key as keyof typeof catalogue]);
    }
  });

  it('imports back to identical catalogues: nothing to change, nothing refused', () => {
    const plan = planImport(locale, text, es, catalogue, review[locale]);
    expect(plan.errors).toEqual([]);
    expect(plan.stale).toEqual([]);
    expect(plan.empty).toEqual([]);
    expect([...plan.updates]).toEqual([]);
    expect(plan.fuzzy.sort()).toEqual(Object.keys(review[locale]).sort());
  });
});

describe('the review list', () => {
  it('names only message keys', () => {
    for (const notes of Object.values(review))
      expect(Object.keys(notes).filter((key) => !(key in es))).toEqual([]);
  });
});

describe('the Guaraní PO file', () => {
  const text = exportPo('gn', es, gn, review.gn);

  it('marks strings awaiting review fuzzy, with the reason for the reviewer', () => {
    const flagged = Object.keys(review.gn)[0]!;
    expect(text).toContain(`# Review: ${review.gn[flagged]}`);
    const fuzzy = readPo(text)
      .entries.filter((e) => e.fuzzy)
      .map((e) => e.key);
    expect(fuzzy.sort()).toEqual(Object.keys(review.gn).sort());
  });

  it('tells the translator which ICU arguments a message has', () => {
    expect(text).toContain('#. ICU MessageFormat. Arguments: {total} (plural).');
    expect(text).toMatch(/#, icu-message-format\nmsgctxt "cases.total"/);
  });

  it('imports a changed translation, and a cleared fuzzy flag takes the key off the review list', () => {
    const key = Object.keys(review.gn)[0]!;
    const edited = exportPo('gn', es, { ...gn, [key]: `${gn[key as keyof typeof gn]} (hesakãve)` }, {});
    const plan = planImport('gn', edited, es, gn, review.gn);
    expect(plan.errors).toEqual([]);
    expect([...plan.updates]).toEqual([[key, `${gn[key as keyof typeof gn]} (hesakãve)`]]);
    expect(plan.reviewed.sort()).toEqual(Object.keys(review.gn).sort());
  });

  it('refuses a file with an ICU syntax error, naming the key', () => {
    const plan = planImport(
      'gn',
      withTranslation(text, 'cases.total', '{total, plural, other {# káso}'),
      es,
      gn,
    );
    expect(plan.errors).toEqual([expect.stringMatching(/^cases\.total: ICU syntax error/)]);
  });

  it.each([
    ['Puruhára oñemoheñóima.', ['users.created: missing argument {username}']],
    [
      'Puruhára {usuario} oñemoheñóima.',
      ['users.created: unknown argument {usuario}', 'users.created: missing argument {username}'],
    ],
    [
      '{username, plural, other {#}} oñemoheñóima.',
      ['users.created: {username} is text in Spanish but a number or plural here'],
    ],
  ])(
    'refuses "%s", whose arguments do not match the Spanish message, naming the key',
    (translation, errors) => {
      const plan = planImport('gn', withTranslation(text, 'users.created', translation), es, gn);
      expect(plan.errors).toEqual(errors);
    },
  );

  it('accepts a translation that drops a select on sex (Guaraní has no grammatical gender)', () => {
    expect(es['cases.bornIn']).toContain('{sex, select,');
    const plan = planImport('gn', withTranslation(text, 'cases.bornIn', 'heñói {year}-pe'), es, gn);
    expect(plan.errors).toEqual([]);
  });

  it('refuses unknown keys and a file for another language', () => {
    const foreign = text.replace('msgctxt "cases.total"', 'msgctxt "cases.totalx"');
    expect(planImport('gn', foreign, es, gn).errors).toEqual([
      'cases.totalx: not a message key of the catalogue',
    ]);
    expect(planImport('en', text, es, en).errors[0]).toBe('the file is for language "gn", not "en"');
  });

  it('skips entries whose Spanish source changed since the export, and empty ones', () => {
    const old = exportPo('gn', { ...es, 'cases.title': 'Expedientes' }, { ...gn, 'action.save': '' });
    const plan = planImport('gn', old, es, gn);
    expect(plan.errors).toEqual([]);
    expect(plan.stale).toEqual(['cases.title']);
    expect(plan.empty).toEqual(['action.save']);
    expect(plan.updates.size).toBe(0);
  });
});

describe('rewriting a catalogue file', () => {
  const [main] = catalogueFiles('gn');
  const source = readFileSync(main!, 'utf8');

  it('changes only the literal of the updated key', () => {
    const rewritten = rewriteSource(main!, source, new Map([['action.save', "Ñongatu 'ko'ág̃a'"]]));
    const before = messageSites(main!, source);
    const after = messageSites(main!, rewritten);
    expect(after.get('action.save')!.message).toBe("Ñongatu 'ko'ág̃a'");
    for (const [key, site] of before)
      if (key !== 'action.save') expect(after.get(key)!.message).toBe(site.message);
  });

  it('reads the same messages the catalogue module exports', () => {
    const sites = new Map(
      catalogueFiles('gn').flatMap((file) => [...messageSites(file, readFileSync(file, 'utf8'))]),
    );
    for (const [key, message] of Object.entries(gn))
      expect([key, sites.get(key)?.message]).toEqual([key, message]);
  });
});

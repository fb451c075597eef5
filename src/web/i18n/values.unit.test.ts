import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/roles.js';
import { preventionLabel, PREVENTION_LISTS } from './prevention/values.js';
import { loadCatalogue } from './translate.js';
import { valueLabel, valueOptions, VALUE_LISTS, type ValueListName } from './values.js';

const lists = Object.keys(VALUE_LISTS) as ValueListName[];

describe('catalogue value labels', () => {
  beforeAll(() => Promise.all(LOCALES.map(loadCatalogue)));

  it.each(lists)('%s has a label in every language for every value', (list) => {
    for (const value of VALUE_LISTS[list]) {
      for (const locale of LOCALES) {
        const label = valueLabel(locale, list, value);
        expect([list, value, locale, label.trim().length > 0 && !label.startsWith('value.')]).toEqual([
          list,
          value,
          locale,
          true,
        ]);
      }
    }
  });

  it('labels the prevention lists in every language', () => {
    for (const [list, values] of Object.entries(PREVENTION_LISTS)) {
      for (const value of values)
        for (const locale of LOCALES)
          expect(preventionLabel(locale, list as keyof typeof PREVENTION_LISTS, value)).not.toMatch(
            /^value\./,
          );
    }
    expect(preventionLabel('es', 'PARTICIPANT_SEXES', 'Unspecified')).toBe('Otro o sin dato');
  });

  it('looks labels up by locale and shows an unknown value as its code', () => {
    expect(valueLabel('es', 'DETECTION_METHODS', 'Hotline')).toBe('Línea de denuncia');
    expect(valueLabel('en', 'SEXES', 'Female')).toBe('Female');
    expect(valueLabel('gn', 'SEXES', 'Female')).toBe('Kuña');
    expect(valueLabel('es', 'SERVICE_TYPES', 'Psychological')).toBe('Atención psicológica');
    expect(valueLabel('es', 'SEXES', 'NotAValue')).toBe('NotAValue');
  });

  it('lists options in the catalogue order', () => {
    expect(valueOptions('es', 'EVENT_TYPES').map((o) => o.value)).toEqual([
      'Recruitment',
      'Transit',
      'Exploitation',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/roles.js';
import { VALUE_LABELS, VALUE_LISTS, valueLabel, valueOptions, type ValueListName } from './values.js';

const lists = Object.keys(VALUE_LISTS) as ValueListName[];

describe('catalogue value labels', () => {
  it.each(lists)('%s has a non-empty label in every language for every value', (list) => {
    const labels = VALUE_LABELS[list] as Record<string, Record<string, string>>;
    for (const value of VALUE_LISTS[list]) {
      for (const locale of LOCALES) {
        expect([list, value, locale, (labels[value]?.[locale] ?? '').trim().length > 0]).toEqual([
          list,
          value,
          locale,
          true,
        ]);
      }
    }
  });

  it.each(lists)('%s labels no value that is not in the list', (list) => {
    expect(Object.keys(VALUE_LABELS[list]).sort()).toEqual([...VALUE_LISTS[list]].sort());
  });

  it('looks labels up by locale and shows an unknown value as its code', () => {
    expect(valueLabel('es', 'DETECTION_METHODS', 'Hotline')).toBe('Línea de denuncia');
    expect(valueLabel('en', 'SEXES', 'Female')).toBe('Female');
    expect(valueLabel('gn', 'SEXES', 'Female')).toBe('Kuña');
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

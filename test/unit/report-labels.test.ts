/** The national report prints labels, not codes, for the values it breaks figures down by. */
import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../../src/shared/catalogues.js';
import { labelOf } from '../../src/server/statistics-engine/labels.js';

describe('report value labels', () => {
  it('labels every service type in Spanish and English', () => {
    expect(labelOf('serviceType', 'Psychological', 'es')).toBe('Atención psicológica');
    expect(labelOf('serviceType', 'Shelter', 'es')).toBe('Albergue');
    for (const type of SERVICE_TYPES) {
      expect(labelOf('serviceType', type, 'es')).not.toBe(type);
      expect(labelOf('serviceType', type, 'en')).not.toBe('');
    }
  });
});

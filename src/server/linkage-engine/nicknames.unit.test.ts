import { describe, expect, it } from 'vitest';
import { canonicalGiven, givenNameForms } from './nicknames.js';

describe('regular diminutives', () => {
  it('reads the Guaraní -’i after a known name, with or without the apostrophe', () => {
    // Normalisation drops the apostrophe: "Rosa’i" is the word "rosai", which was taken for a name
    // of its own, so a registration as "Bernarda’i" compared with "Bernarda" as a different name.
    expect(givenNameForms('Rosa’i')).toEqual(['rosa']);
    expect(givenNameForms("Bernarda'i")).toEqual(['bernarda']);
    expect(canonicalGiven('Ramón’i')).toBe('ramon');
    expect(givenNameForms('Mariami')).toEqual(['maria']);
  });

  it('leaves a name that only ends in i as itself', () => {
    expect(givenNameForms('Noemí')).toEqual(['noemi']);
  });
});

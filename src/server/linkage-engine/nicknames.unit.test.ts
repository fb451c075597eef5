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

describe('short forms respelt as they sound', () => {
  it('knows a listed name or short form written with another spelling', () => {
    // Intake staff write what they hear: z for s, ll for y; the list holds one spelling.
    expect(givenNameForms('Rozita')).toEqual(['rosa']);
    expect(canonicalGiven('Rozita')).toBe('rosa');
    expect(canonicalGiven('Gavy')).toBe(canonicalGiven('Gaby'));
  });

  it('reads a diminutive after a respelt name', () => {
    expect(givenNameForms('Rozai')).toEqual(['rosa']);
  });

  it('leaves unknown words as themselves', () => {
    expect(givenNameForms('Tekove')).toEqual(['tekove']);
    expect(canonicalGiven('Mburukuja')).toBe('mburukuja');
  });
});

describe('short forms made by the regular patterns', () => {
  it('reads a name cut after its first letters, with or without -i, or to its last letters, as the listed names it fits', () => {
    // None of these is in the list: intake staff write the short form the person gives.
    expect(givenNameForms('Llermo')).toEqual(['llermo', 'guillermo']);
    expect(canonicalGiven('Llermo')).toBe('guillermo');
    expect(givenNameForms('Rencia')).toContain('florencia');
    expect(givenNameForms('Alej')).toEqual(['alej', 'alejandra', 'alejandro']);
    // Standing for two names, it is no one name's canonical form.
    expect(canonicalGiven('Alej')).toBe('alej');
  });

  it('does not read a word that fits too many names, or too short a cut, as a short form', () => {
    expect(givenNameForms('Mar')).toEqual(['mar']);
    expect(givenNameForms('Gonzalez')).toEqual(['gonzalez']);
  });
});

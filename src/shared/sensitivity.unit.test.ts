/**
 * Lists and exports carry no field whose sensitivity label is masked in lists (src/shared/
 * sensitivity.ts): a line of a list is what every reader of the list sees, without a reveal. The
 * check walks the list items' schemas (nested objects too), so a field added to a list item with a
 * masked label (a contact, a district, a narrative…) fails here before it reaches a screen.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseSummary, DuplicateCandidate, PersonSummary } from './api-identification.js';
import { HotlineContactSummary } from './api-prevention.js';
import { InvestigationSummary } from './api-prosecution.js';
import { ReferralSummary } from './api-protection.js';
import { TaskView } from './api-tasks.js';
import { maskedInLists, personFieldsMaskedFor, sensitivityOf } from './sensitivity.js';

/** Every property name of `schema`, nested objects and arrays of objects included. */
function keysOf(schema: z.ZodType, into: string[] = []): string[] {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodNullable || s instanceof z.ZodOptional || s instanceof z.ZodDefault)
    s = (s as z.ZodNullable<z.ZodType>).unwrap() as z.ZodType;
  if (s instanceof z.ZodArray) return keysOf(s.element as z.ZodType, into);
  if (s instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      into.push(key);
      keysOf(child, into);
    }
  }
  return into;
}

const LISTS = {
  CaseSummary,
  PersonSummary,
  DuplicateCandidate,
  HotlineContactSummary,
  InvestigationSummary,
  ReferralSummary,
  TaskView,
};

describe('sensitivity labels in lists', () => {
  it.each(Object.entries(LISTS))('%s has no field masked in lists', (_name, schema) => {
    const keys = keysOf(schema);
    expect(keys.length).toBeGreaterThan(2);
    expect(keys.filter(maskedInLists)).toEqual([]);
  });

  it('the walk sees a masked field when one is there (the check can fail)', () => {
    const leaky = PersonSummary.extend({ nested: z.array(z.object({ contact: z.string().nullable() })) });
    expect(keysOf(leaky).filter(maskedInLists)).toEqual(['contact']);
  });

  it('masks on the person page exactly the labels a role does not need', () => {
    expect(personFieldsMaskedFor('case_worker')).toEqual([]);
    expect(personFieldsMaskedFor('supervisor')).toEqual(['contact', 'disability']);
    for (const field of personFieldsMaskedFor('analyst')) expect(sensitivityOf(field)).not.toBe('identity');
  });
});

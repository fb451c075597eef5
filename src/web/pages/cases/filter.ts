/**
 * The case list's filters as they live in the address bar: codes, dates and a reference prefix,
 * each checked with the server's own query schema so a hand-edited address cannot break the page.
 */
import type { z } from 'zod';
import { ListCasesQuery } from '../../../shared/api-identification.js';
import { searchFrom } from '../../navigation.js';

export type CaseFilter = Omit<Partial<z.output<typeof ListCasesQuery>>, 'limit'>;

const listSearch = searchFrom(ListCasesQuery.omit({ limit: true }));

/** The filters in the order they appear in the address and the form. */
export const FILTER_KEYS = [
  'reference',
  'status',
  'detectionMethod',
  'department',
  'assessment',
  'ict',
  'from',
  'to',
  'offset',
] as const satisfies readonly (keyof CaseFilter)[];

/** The valid filters of the address's search parameters; anything unknown or malformed is left out. */
export function parseFilter(search: Record<string, unknown>): CaseFilter {
  const filter = listSearch(search);
  if (filter.offset === 0) delete filter.offset;
  return filter;
}

/** How many filters besides the reference search are set (shown on the phone's filter button). */
export function activeFilterCount(filter: CaseFilter): number {
  return FILTER_KEYS.filter((key) => key !== 'reference' && key !== 'offset' && filter[key] !== undefined)
    .length;
}

/** The query-string values of `filter`, in a stable order. */
export function filterParams(filter: CaseFilter): CaseFilter {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) out[key] = filter[key];
  return out as CaseFilter;
}

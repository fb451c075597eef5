import { describe, expect, it } from 'vitest';
import { parseSearch, recordId, stringifySearch } from '../../navigation.js';
import { activeFilterCount, filterParams, parseFilter } from './filter.js';

describe('case list filters in the address', () => {
  it('keeps valid codes and dates and drops anything else', () => {
    const filter = parseFilter(
      parseSearch(
        'status=Active&department=PY-11&from=2026-01-01&to=2026-02-30&detectionMethod=Nope&name=Ana&offset=50',
      ),
    );
    expect(filter).toEqual({ status: 'Active', department: 'PY-11', from: '2026-01-01', offset: 50 });
    expect(activeFilterCount(filter)).toBe(3);
  });

  it('round-trips through the query string without empty values', () => {
    const filter = parseFilter(parseSearch('reference=PY-2026&ict=true'));
    const search = stringifySearch(filterParams(filter));
    expect(search).toBe('?reference=PY-2026&ict=true');
    expect(parseFilter(parseSearch(search))).toEqual(filter);
  });
});

describe('record ids in paths', () => {
  const id = '0b6f3f64-7d8e-4f4a-9c55-2f0a8f1b2c3d';

  it('accepts UUIDs only, lower-cased', () => {
    expect(recordId(id)).toBe(id);
    expect(recordId(id.toUpperCase())).toBe(id);
    expect(recordId('Ana%20Gonzalez')).toBeNull();
    expect(recordId(`${id}/extra`)).toBeNull();
  });
});

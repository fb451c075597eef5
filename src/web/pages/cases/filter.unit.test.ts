import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterParams, parseFilter } from './filter.js';
import { matchRoute } from '../../routes.js';
import { withQuery } from '../../router.js';

describe('case list filters in the address', () => {
  it('keeps valid codes and dates and drops anything else', () => {
    const filter = parseFilter(
      'status=Active&department=PY-11&from=2026-01-01&to=2026-02-30&detectionMethod=Nope&name=Ana&offset=50',
    );
    expect(filter).toEqual({ status: 'Active', department: 'PY-11', from: '2026-01-01', offset: 50 });
    expect(activeFilterCount(filter)).toBe(3);
  });

  it('round-trips through the query string without empty values', () => {
    const filter = parseFilter('reference=PY-2026&ict=true');
    const url = withQuery('/cases', filterParams(filter));
    expect(url).toBe('/cases?reference=PY-2026&ict=true');
    expect(parseFilter(url.split('?')[1] ?? '')).toEqual(filter);
  });
});

describe('routes', () => {
  const id = '0b6f3f64-7d8e-4f4a-9c55-2f0a8f1b2c3d';

  it('matches record pages by UUID only', () => {
    expect(matchRoute(`/cases/${id}`)).toMatchObject({ route: { path: '/cases/:id' }, params: { id } });
    expect(matchRoute(`/persons/${id}`)?.route.path).toBe('/persons/:id');
    expect(matchRoute('/cases/Ana%20Gonzalez')).toBeNull();
    expect(matchRoute(`/cases/${id}/extra`)).toBeNull();
  });

  it('matches fixed paths exactly', () => {
    expect(matchRoute('/cases')?.route.path).toBe('/cases');
    expect(matchRoute('/')?.route.path).toBe('/');
    expect(matchRoute('/nowhere')).toBeNull();
  });
});

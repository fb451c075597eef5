/** The contracts: one per operation, each under its own id, one operation per method and path. */
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES } from '../../src/shared/actions.js';
import { pathOf, statusOf } from '../../src/shared/contract.js';
import { ALL_CONTRACTS, contracts } from '../../src/shared/contracts/index.js';

describe('contracts', () => {
  it('are keyed by their operation id, which is unique', () => {
    for (const [key, contract] of Object.entries(contracts)) expect(contract.operationId).toBe(key);
    const ids = ALL_CONTRACTS.map((c) => c.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declare each method and path once, with every path parameter in the params schema', () => {
    const routes = ALL_CONTRACTS.map((c) => `${c.method} ${c.path}`);
    expect(new Set(routes).size).toBe(routes.length);
    for (const c of ALL_CONTRACTS) {
      expect(c.path.startsWith('/api/')).toBe(true);
      const names = [...c.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const shape = (c.params as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      expect({ id: c.operationId, params: Object.keys(shape).sort() }).toEqual({
        id: c.operationId,
        params: names.sort(),
      });
    }
  });

  it('name only actions the policies know, and reads never need a body', () => {
    for (const c of ALL_CONTRACTS) {
      if (c.action) expect(ACTION_NAMES).toContain(c.action);
      if (c.method === 'GET') expect(c.body).toBeUndefined();
      if (c.auth === 'public') expect(c.action).toBeUndefined();
    }
  });

  it('answer 204 without a body, and fill paths with encoded values', () => {
    expect(statusOf(contracts.logout)).toBe(204);
    expect(statusOf(contracts.createCase)).toBe(201);
    expect(statusOf(contracts.downloadNationalReport)).toBe(200);
    expect(pathOf(contracts.revokeCaseShare, { id: 'a/b', shareId: 'c' })).toBe('/api/cases/a%2Fb/shares/c');
    expect(() => pathOf(contracts.getCase, {})).toThrow(/id/);
  });
});

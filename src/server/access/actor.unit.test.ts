import { describe, expect, it } from 'vitest';
import { queryActor } from './actor.js';

describe('the actor a query compiled once sees', () => {
  it('has its role and ids, and refuses every other field rather than give a kept query a wrong one', () => {
    const actor = queryActor('prosecutor', 'institution-1', 'user-1');
    expect([actor.role, actor.institutionId, actor.userId]).toEqual([
      'prosecutor',
      'institution-1',
      'user-1',
    ]);
    expect(() => actor.institutionCode).toThrow(/actor\.institutionCode/);
    expect(() => actor.locale).toThrow(/actor\.locale/);
    expect({ ...actor }).toEqual({ role: 'prosecutor', institutionId: 'institution-1', userId: 'user-1' });
  });
});

import { describe, expect, it } from 'vitest';
import { inboxFilter, inboxParams, localIsoDate, stateCounts } from './inbox.js';

describe('referral inbox filter', () => {
  it('defaults to incoming with no state', () => {
    expect(inboxFilter({})).toEqual({ direction: 'incoming' });
  });

  it('reads direction, a known state and overdue', () => {
    expect(inboxFilter({ direction: 'outgoing', state: 'accepted', overdue: 'true' })).toEqual({
      direction: 'outgoing',
      state: 'accepted',
      overdue: true,
    });
  });

  it('drops unknown values', () => {
    expect(inboxFilter({ direction: 'sideways', state: 'lost', overdue: 'yes' })).toEqual({
      direction: 'incoming',
    });
  });

  it('round-trips through the address, leaving the default direction out', () => {
    expect(inboxParams({ direction: 'incoming' })).toEqual({
      direction: undefined,
      state: undefined,
      overdue: undefined,
    });
    const filter = { direction: 'outgoing', state: 'requested', overdue: true } as const;
    expect(inboxFilter(inboxParams(filter))).toEqual(filter);
  });
});

describe('state counts', () => {
  it('keeps the catalogue order and leaves out empty states', () => {
    expect(stateCounts({ completed: 2, requested: 3, declined: 0 })).toEqual([
      { state: 'requested', count: 3 },
      { state: 'completed', count: 2 },
    ]);
  });
});

describe('localIsoDate', () => {
  it('pads month and day', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 12))).toBe('2026-01-05');
  });
});

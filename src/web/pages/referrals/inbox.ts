/**
 * The inbox's filters, kept in the address: direction, one state and "overdue only" — codes only,
 * never personal data. Unknown or malformed values are dropped, so an edited address still works.
 */
import { REFERRAL_STATES } from '../../../shared/catalogues.js';
import { paraguayToday } from '../../../shared/dates.js';

export type ReferralState = (typeof REFERRAL_STATES)[number];

export interface InboxFilter {
  direction: 'incoming' | 'outgoing';
  state?: ReferralState;
  overdue?: true;
}

const isState = (value: string | null): value is ReferralState =>
  value !== null && (REFERRAL_STATES as readonly string[]).includes(value);

/** The filter from the address's (already checked) search parameters. */
export function inboxFilter(search: { direction?: string; state?: string; overdue?: string }): InboxFilter {
  const state = search.state ?? null;
  return {
    direction: search.direction === 'outgoing' ? 'outgoing' : 'incoming',
    ...(isState(state) ? { state } : {}),
    ...(search.overdue === 'true' ? { overdue: true as const } : {}),
  };
}

/** The query parameters of a filter; the default direction is left out of the address. */
export function inboxParams(filter: InboxFilter): {
  direction?: 'outgoing';
  state?: ReferralState;
  overdue?: 'true';
} {
  return {
    direction: filter.direction === 'outgoing' ? 'outgoing' : undefined,
    state: filter.state,
    overdue: filter.overdue ? 'true' : undefined,
  };
}

/** The per-state counts in the catalogue's order, leaving out the states with none. */
export function stateCounts(
  counts: Readonly<Partial<Record<ReferralState, number>>>,
): { state: ReferralState; count: number }[] {
  return REFERRAL_STATES.map((state) => ({ state, count: counts[state] ?? 0 })).filter(
    (entry) => entry.count > 0,
  );
}

/** Today (`YYYY-MM-DD`) in Paraguay, whatever the device's time zone: the default date of a form. */
export function localIsoDate(now: Date = new Date()): string {
  return paraguayToday(now);
}

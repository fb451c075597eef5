/**
 * What the app needs to know about addresses besides the route tree: whether the user has moved
 * between pages yet (so a new page may take focus), safe `next` targets after login, one-time
 * tokens in the fragment, and how search parameters are written (plain `a=1&b=x`, never JSON).
 */
import type { z } from 'zod';

let navigations = 0;

/** Counted by the router on every resolved navigation after the first page. */
export function noteNavigation(): void {
  navigations += 1;
}

/** True once the user has moved between pages, so a new page may take focus. */
export function hasNavigated(): boolean {
  return navigations > 0;
}

/** A same-origin path that is safe to go to after login (never another site). */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/** Reads `#token=...` from the address, for one-time links whose token must not reach the server. */
export function readHashToken(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

/** Removes the token from the address bar and this history entry once it has been read. */
export function forgetHash(): void {
  if (window.location.hash) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
}

/**
 * Search parameters as plain strings. Only codes, dates and references go in an address: it ends
 * up in history, logs and referrers, so never personal data. Each route checks its own with zod.
 */
export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

/** The non-empty values of `search`, in the order given, as `?a=1&b=x` (or '' when none). */
export function stringifySearch(search: Readonly<Record<string, unknown>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id in a path: UUIDs only (lower-cased), so a mistyped address is "not found". */
export function recordId(value: string): string | null {
  return UUID.test(value) ? value.toLowerCase() : null;
}

/**
 * A route's `validateSearch` from a zod object: each parameter is checked on its own and dropped
 * when unknown or malformed, so a hand-edited address still opens the page.
 */
export function searchFrom<S extends z.ZodObject>(schema: S) {
  return (raw: Record<string, unknown>): Partial<z.output<S>> => {
    const search: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const value = raw[key];
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
        continue;
      const parsed = field.safeParse(value);
      if (parsed.success && parsed.data !== undefined) search[key] = parsed.data;
    }
    return search as Partial<z.output<S>>;
  };
}

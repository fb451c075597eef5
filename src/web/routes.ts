/** The pages behind the login and the permission each needs; the navigation is built from this. */
import type { PlainKey } from './i18n/catalogue.js';

export interface AppRoute {
  path: string;
  label: PlainKey;
  /** Permission from the session that shows the page; null for every logged-in user. */
  permission: string | null;
}

export const APP_ROUTES = [
  { path: '/', label: 'nav.account', permission: null },
  { path: '/users', label: 'nav.users', permission: 'user.list' },
  { path: '/institutions', label: 'nav.institutions', permission: 'institution.list' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.list' },
] as const satisfies readonly AppRoute[];

export type AppPath = (typeof APP_ROUTES)[number]['path'];

/** Pages reachable without a session. */
export const PUBLIC_PATHS = ['/login', '/setup', '/activate', '/reset'] as const;

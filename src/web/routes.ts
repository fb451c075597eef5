/**
 * The pages behind the login and the permission each needs. The navigation is built from the
 * routes that have a label; parameterised routes (`/cases/:id`) are reached by links only.
 */
import type { PlainKey } from './i18n/catalogue.js';

export interface AppRoute {
  /** A fixed path, or a pattern whose `:name` segments are record ids (UUIDs, never names). */
  path: string;
  /** The navigation label; null for pages opened from a link (a case, a person). */
  label: PlainKey | null;
  /** Permission from the session that shows the page; null for every logged-in user. */
  permission: string | null;
}

export const APP_ROUTES = [
  { path: '/', label: 'nav.account', permission: null },
  { path: '/cases', label: 'nav.cases', permission: 'case.list' },
  { path: '/intake', label: 'nav.intake', permission: 'case.create' },
  { path: '/referrals', label: 'nav.referrals', permission: 'referral.list' },
  { path: '/directory', label: 'nav.directory', permission: 'provider.list' },
  { path: '/reports/unmet-needs', label: 'nav.unmetNeeds', permission: 'need.report' },
  { path: '/users', label: 'nav.users', permission: 'user.list' },
  { path: '/institutions', label: 'nav.institutions', permission: 'institution.list' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.list' },
  { path: '/cases/:id', label: null, permission: 'case.read' },
  { path: '/persons/:id', label: null, permission: 'person.read' },
  { path: '/referrals/:id', label: null, permission: 'referral.read' },
  { path: '/exchange', label: 'nav.exchange', permission: 'exchange.read' },
  { path: '/prevention/trainings', label: 'nav.trainings', permission: 'training.list' },
  { path: '/prevention/campaigns', label: 'nav.campaigns', permission: 'campaign.list' },
  { path: '/prevention/hotline', label: 'nav.hotline', permission: 'hotline.list' },
  { path: '/prevention/action-plan', label: 'nav.actionPlan', permission: 'actionPlan.read' },
  { path: '/prevention/trainings/:id', label: null, permission: 'training.read' },
  { path: '/prevention/hotline/:id', label: null, permission: 'hotline.read' },
  { path: '/investigations', label: 'nav.investigations', permission: 'investigation.list' },
  { path: '/complicity', label: 'nav.complicity', permission: 'investigation.complicityRegister' },
  { path: '/investigations/:id', label: null, permission: 'investigation.read' },
  { path: '/statistics', label: 'nav.statistics', permission: 'statistics.read' },
  { path: '/linkage/reviews', label: 'nav.linkageReviews', permission: 'linkage.review' },
] as const satisfies readonly AppRoute[];

export type AppPath = (typeof APP_ROUTES)[number]['path'];
export type AppRouteEntry = (typeof APP_ROUTES)[number];
export type RouteParams = Readonly<Record<string, string>>;

/** Pages reachable without a session. */
export const PUBLIC_PATHS = ['/login', '/setup', '/activate', '/reset', '/public'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The parameters of `path` for `pattern`, or null when it does not match. A `:name` segment only
 * matches a UUID, so a mistyped address is "not found" before any request is made.
 */
export function matchPattern(pattern: string, path: string): RouteParams | null {
  if (pattern === '/') return path === '/' ? {} : null;
  const wanted = pattern.split('/');
  const actual = path.replace(/\/+$/, '').split('/');
  if (wanted.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const value = actual[index] ?? '';
    if (segment.startsWith(':')) {
      if (!UUID.test(value)) return null;
      params[segment.slice(1)] = value.toLowerCase();
    } else if (segment !== value) {
      return null;
    }
  }
  return params;
}

/** The route for `path` and its parameters, or null for an unknown path. */
export function matchRoute(path: string): { route: AppRouteEntry; params: RouteParams } | null {
  for (const route of APP_ROUTES) {
    const params = matchPattern(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** Links to the pages of one record. */
export const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
export const personPath = (personId: string) => `/persons/${encodeURIComponent(personId)}`;
export const referralPath = (referralId: string) => `/referrals/${encodeURIComponent(referralId)}`;
export const trainingPath = (id: string) => `/prevention/trainings/${encodeURIComponent(id)}`;
export const hotlineContactPath = (id: string) => `/prevention/hotline/${encodeURIComponent(id)}`;
export const investigationPath = (investigationId: string) =>
  `/investigations/${encodeURIComponent(investigationId)}`;

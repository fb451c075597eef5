/**
 * The route tree: the public pages (login, set-up, one-time links, open data) and, behind the
 * login, the pages of the shell with the permission each needs and, for those in the navigation,
 * its label (in navigation order). Every page is its own chunk, loaded when first opened, so the
 * login page carries only what it needs. Record ids in paths are UUIDs (anything else is "not
 * found" before a request is made); search parameters are checked with zod per route.
 */
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type AnyValidator,
} from '@tanstack/react-router';
import { z } from 'zod';
import { ListAuditEventsQuery } from '../shared/api.js';
import { IsoDate } from '../shared/api-identification.js';
import { REFERRAL_STATES } from '../shared/catalogues.js';
import { ListProvidersQuery } from '../shared/api-protection.js';
import { ListInvestigationsQuery } from '../shared/api-prosecution.js';
import { StatisticsQuery } from '../shared/api-statistics.js';
import { AppLayout, NotFoundInShell } from './layouts.js';
import { Loading } from './components/Loading.js';
import { noteNavigation, parseSearch, searchFrom, stringifySearch } from './navigation.js';
import { parseFilter } from './pages/cases/filter.js';
import type { PlainKey } from './i18n/catalogue.js';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** Permission from the session that shows the page; absent for every logged-in user. */
    permission?: string;
    /** The navigation label; absent for pages opened from a link (a case, a person). */
    nav?: PlainKey;
    /** A page of one record, whose `$id` must be a UUID. */
    recordPage?: true;
  }
  interface Register {
    router: typeof router;
  }
}

const rootRoute = createRootRoute({ notFoundComponent: NotFoundInShell });

const publicRoute = <P extends string>(path: P, component: ReturnType<typeof lazyRouteComponent>) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' ? { next: search.next } : {},
  component: lazyRouteComponent(() => import('./pages/LoginPage.js'), 'LoginPage'),
});

const publicDashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public',
  validateSearch: searchFrom(
    z.object({
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      release: z.coerce.number().int().min(1).optional(),
    }),
  ),
  component: lazyRouteComponent(() => import('./pages/public/PublicDashboard.js'), 'PublicDashboard'),
});

/** Everything behind the login: the shell, and a page only where the session has its permission. */
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: '_app', component: AppLayout });

type Page = ReturnType<typeof lazyRouteComponent>;
/** A page of the shell, with its search parameters checked by `validateSearch` where it has any. */
const page = <P extends string, V extends AnyValidator = undefined>(
  path: P,
  component: Page,
  staticData: { permission?: string; nav?: PlainKey },
  validateSearch?: V,
) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component,
    staticData,
    validateSearch: validateSearch as V,
  });

/**
 * A record's page. `$id` must be a UUID (the shell shows "not found" otherwise, before any request);
 * another id is a new page, with fresh state and its heading focused.
 */
const recordPage = <P extends string>(path: P, component: Page, permission: string) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component,
    staticData: { permission, recordPage: true },
    remountDeps: ({ params }) => params,
  });

const Dates = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

const accountRoute = page(
  '/',
  lazyRouteComponent(() => import('./pages/AccountPage.js'), 'AccountPage'),
  { nav: 'nav.account' },
);
const casesRoute = page(
  '/cases',
  lazyRouteComponent(() => import('./pages/cases/CasesPage.js'), 'CasesPage'),
  { permission: 'case.list', nav: 'nav.cases' },
  parseFilter,
);
const intakeRoute = page(
  '/intake',
  lazyRouteComponent(() => import('./pages/intake/IntakePage.js'), 'IntakePage'),
  { permission: 'case.create', nav: 'nav.intake' },
);
const referralsRoute = page(
  '/referrals',
  lazyRouteComponent(() => import('./pages/referrals/ReferralsPage.js'), 'ReferralsPage'),
  { permission: 'referral.list', nav: 'nav.referrals' },
  searchFrom(
    z.object({
      direction: z.enum(['incoming', 'outgoing']).optional(),
      state: z.enum(REFERRAL_STATES).optional(),
      overdue: z.literal('true').optional(),
    }),
  ),
);
const tasksRoute = page(
  '/tasks',
  lazyRouteComponent(() => import('./pages/tasks/TasksPage.js'), 'TasksPage'),
  { permission: 'task.list', nav: 'nav.tasks' },
);
const directoryRoute = page(
  '/directory',
  lazyRouteComponent(() => import('./pages/directory/DirectoryPage.js'), 'DirectoryPage'),
  { permission: 'provider.list', nav: 'nav.directory' },
  searchFrom(
    ListProvidersQuery.pick({ serviceType: true, department: true }).extend({
      withCapacity: z.literal('true').optional(),
    }),
  ),
);
const unmetNeedsRoute = page(
  '/reports/unmet-needs',
  lazyRouteComponent(() => import('./pages/reports/UnmetNeedsPage.js'), 'UnmetNeedsPage'),
  { permission: 'need.report', nav: 'nav.unmetNeeds' },
  searchFrom(Dates),
);
const usersRoute = page(
  '/users',
  lazyRouteComponent(() => import('./pages/users/UsersPage.js'), 'UsersPage'),
  { permission: 'user.list', nav: 'nav.users' },
);
const institutionsRoute = page(
  '/institutions',
  lazyRouteComponent(() => import('./pages/institutions/InstitutionsPage.js'), 'InstitutionsPage'),
  { permission: 'institution.list', nav: 'nav.institutions' },
);
const auditRoute = page(
  '/audit',
  lazyRouteComponent(() => import('./pages/audit/AuditPage.js'), 'AuditPage'),
  { permission: 'audit.list', nav: 'nav.audit' },
  searchFrom(ListAuditEventsQuery.omit({ before: true, limit: true })),
);
const privacyRoute = page(
  '/privacy',
  lazyRouteComponent(() => import('./pages/privacy/PrivacyPage.js'), 'PrivacyPage'),
  { permission: 'privacy.oversee', nav: 'nav.privacy' },
);
const caseRoute = recordPage(
  '/cases/$id',
  lazyRouteComponent(() => import('./pages/cases/CasePage.js'), 'CasePage'),
  'case.read',
);
const personRoute = recordPage(
  '/persons/$id',
  lazyRouteComponent(() => import('./pages/persons/PersonPage.js'), 'PersonPage'),
  'person.read',
);
const referralRoute = recordPage(
  '/referrals/$id',
  lazyRouteComponent(() => import('./pages/referrals/ReferralPage.js'), 'ReferralPage'),
  'referral.read',
);
const exchangeRoute = page(
  '/exchange',
  lazyRouteComponent(() => import('./pages/exchange/ExchangePage.js'), 'ExchangePage'),
  { permission: 'exchange.read', nav: 'nav.exchange' },
);
const trainingsRoute = page(
  '/prevention/trainings',
  lazyRouteComponent(() => import('./pages/prevention/TrainingsPage.js'), 'TrainingsPage'),
  { permission: 'training.list', nav: 'nav.trainings' },
  searchFrom(Dates),
);
const campaignsRoute = page(
  '/prevention/campaigns',
  lazyRouteComponent(() => import('./pages/prevention/CampaignsPage.js'), 'CampaignsPage'),
  { permission: 'campaign.list', nav: 'nav.campaigns' },
);
const hotlineRoute = page(
  '/prevention/hotline',
  lazyRouteComponent(() => import('./pages/prevention/HotlinePage.js'), 'HotlinePage'),
  { permission: 'hotline.list', nav: 'nav.hotline' },
);
const actionPlanRoute = page(
  '/prevention/action-plan',
  lazyRouteComponent(() => import('./pages/prevention/ActionPlanPage.js'), 'ActionPlanPage'),
  { permission: 'actionPlan.read', nav: 'nav.actionPlan' },
);
const trainingRoute = recordPage(
  '/prevention/trainings/$id',
  lazyRouteComponent(() => import('./pages/prevention/TrainingPage.js'), 'TrainingPage'),
  'training.read',
);
const hotlineContactRoute = recordPage(
  '/prevention/hotline/$id',
  lazyRouteComponent(() => import('./pages/prevention/HotlineContactPage.js'), 'HotlineContactPage'),
  'hotline.read',
);
const investigationsRoute = page(
  '/investigations',
  lazyRouteComponent(() => import('./pages/investigations/InvestigationsPage.js'), 'InvestigationsPage'),
  { permission: 'investigation.list', nav: 'nav.investigations' },
  searchFrom(z.object({ reference: ListInvestigationsQuery.shape.reference, caseId: z.uuid().optional() })),
);
const complicityRoute = page(
  '/complicity',
  lazyRouteComponent(() => import('./pages/complicity/ComplicityPage.js'), 'ComplicityPage'),
  { permission: 'investigation.complicityRegister', nav: 'nav.complicity' },
);
const investigationRoute = recordPage(
  '/investigations/$id',
  lazyRouteComponent(() => import('./pages/investigations/InvestigationPage.js'), 'InvestigationPage'),
  'investigation.read',
);
const statisticsRoute = page(
  '/statistics',
  lazyRouteComponent(() => import('./pages/statistics/StatisticsPage.js'), 'StatisticsPage'),
  { permission: 'statistics.read', nav: 'nav.statistics' },
  searchFrom(StatisticsQuery.partial()),
);
const offlineRoute = page(
  '/offline',
  lazyRouteComponent(() => import('./pages/offline/OfflinePage.js'), 'OfflinePage'),
  { permission: 'device.register', nav: 'nav.offline' },
);
const linkageRoute = page(
  '/linkage/reviews',
  lazyRouteComponent(() => import('./pages/linkage/MatchReviewsPage.js'), 'MatchReviewsPage'),
  { permission: 'linkage.review', nav: 'nav.linkageReviews' },
);

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicRoute(
    '/setup',
    lazyRouteComponent(() => import('./pages/SetupPage.js'), 'SetupPage'),
  ),
  publicRoute(
    '/activate',
    lazyRouteComponent(() => import('./pages/SetPasswordPage.js'), 'ActivatePage'),
  ),
  publicRoute(
    '/reset',
    lazyRouteComponent(() => import('./pages/SetPasswordPage.js'), 'ResetPage'),
  ),
  publicDashboardRoute,
  // Navigation order is the order below.
  appRoute.addChildren([
    accountRoute,
    casesRoute,
    intakeRoute,
    offlineRoute,
    referralsRoute,
    tasksRoute,
    directoryRoute,
    unmetNeedsRoute,
    usersRoute,
    institutionsRoute,
    auditRoute,
    privacyRoute,
    caseRoute,
    personRoute,
    referralRoute,
    exchangeRoute,
    trainingsRoute,
    campaignsRoute,
    hotlineRoute,
    actionPlanRoute,
    trainingRoute,
    hotlineContactRoute,
    investigationsRoute,
    complicityRoute,
    investigationRoute,
    statisticsRoute,
    linkageRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  parseSearch,
  stringifySearch,
  notFoundMode: 'root',
  defaultPendingComponent: Loading,
  defaultPendingMs: 300,
  scrollRestoration: false,
});

router.subscribe('onResolved', (event) => {
  if (event.fromLocation && event.fromLocation.href !== event.toLocation.href) noteNavigation();
});

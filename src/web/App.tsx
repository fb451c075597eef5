/**
 * Chooses what to show from the path and the session: the public pages (login, set-up, one-time
 * links), or the shell with the page the session is allowed to open.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { AppShell } from './components/AppShell.js';
import { LoadError, Loading } from './components/Loading.js';
import { AccountPage } from './pages/AccountPage.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { CasePage } from './pages/cases/CasePage.js';
import { CasesPage } from './pages/cases/CasesPage.js';
import { IntakePage } from './pages/intake/IntakePage.js';
import { InstitutionsPage } from './pages/institutions/InstitutionsPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { DirectoryPage } from './pages/directory/DirectoryPage.js';
import { ExchangePage } from './pages/exchange/ExchangePage.js';
import { PersonPage } from './pages/persons/PersonPage.js';
import { ReferralPage } from './pages/referrals/ReferralPage.js';
import { ReferralsPage } from './pages/referrals/ReferralsPage.js';
import { UnmetNeedsPage } from './pages/reports/UnmetNeedsPage.js';
import { SetPasswordPage } from './pages/SetPasswordPage.js';
import { SetupPage } from './pages/SetupPage.js';
import { UsersPage } from './pages/users/UsersPage.js';
import { PREVENTION_PAGES } from './pages/prevention/pages.js';
import { ComplicityPage } from './pages/complicity/ComplicityPage.js';
import { InvestigationPage } from './pages/investigations/InvestigationPage.js';
import { InvestigationsPage } from './pages/investigations/InvestigationsPage.js';
import { MatchReviewsPage } from './pages/linkage/MatchReviewsPage.js';
import { Redirect, safeNext, usePath, useSearch } from './router.js';
import { matchRoute, type AppPath, type RouteParams } from './routes.js';
import { useSession } from './session.js';

// Statistics pages carry the charting library: loaded only when opened, so other pages stay light.
const PublicDashboard = lazy(() =>
  import('./pages/public/PublicDashboard.js').then((m) => ({ default: m.PublicDashboard })),
);
const StatisticsPage = lazy(() =>
  import('./pages/statistics/StatisticsPage.js').then((m) => ({ default: m.StatisticsPage })),
);

/** Every page gets the route's parameters; pages on fixed paths simply ignore them. */
const PAGES: Record<AppPath, ComponentType<{ params: RouteParams }>> = {
  '/': AccountPage,
  '/cases': CasesPage,
  '/intake': IntakePage,
  '/cases/:id': CasePage,
  '/persons/:id': PersonPage,
  '/referrals': ReferralsPage,
  '/referrals/:id': ReferralPage,
  '/directory': DirectoryPage,
  '/reports/unmet-needs': UnmetNeedsPage,
  '/users': UsersPage,
  '/institutions': InstitutionsPage,
  '/audit': AuditPage,
  '/exchange': ExchangePage,
  ...PREVENTION_PAGES,
  '/investigations': InvestigationsPage,
  '/investigations/:id': InvestigationPage,
  '/complicity': ComplicityPage,
  '/statistics': StatisticsPage,
  '/linkage/reviews': MatchReviewsPage,
};

export function App() {
  const path = usePath();
  const search = useSearch();
  const { status, session, loadError, retry, can } = useSession();

  // One-time links work whether or not someone is logged in on this browser.
  if (path === '/setup') return <SetupPage />;
  if (path === '/activate') return <SetPasswordPage mode="activate" key="activate" />;
  if (path === '/reset') return <SetPasswordPage mode="reset" key="reset" />;
  // Open data: no session needed, whoever is signed in.
  if (path === '/public')
    return (
      <Suspense fallback={<Loading />}>
        <PublicDashboard />
      </Suspense>
    );

  if (status === 'loading') {
    return (
      <main className="boot">
        <Loading />
      </main>
    );
  }
  if (status === 'error' && loadError) {
    return (
      <main className="boot">
        <LoadError error={loadError} onRetry={retry} />
      </main>
    );
  }

  if (path === '/login') {
    if (session) return <Redirect to={safeNext(new URLSearchParams(search).get('next'))} />;
    return <LoginPage />;
  }
  if (!session) {
    const next = path === '/' ? '' : `?next=${encodeURIComponent(path + (search ? `?${search}` : ''))}`;
    return <Redirect to={`/login${next}`} />;
  }

  const match = matchRoute(path);
  const allowed = match && (match.route.permission === null || can(match.route.permission));
  const Current = allowed ? PAGES[match.route.path] : NotFoundPage;
  return (
    <AppShell>
      {/* Keyed by path: another case or person is a new page (fresh state, heading focused). */}
      <Suspense fallback={<Loading />}>
        <Current key={path} params={match?.params ?? {}} />
      </Suspense>
    </AppShell>
  );
}

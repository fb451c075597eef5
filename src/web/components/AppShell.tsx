/**
 * The frame around every logged-in page: header with the Ñandutí name, navigation built from the
 * session's permissions, the user's name and institution, language and logout. Below 48rem the
 * navigation and user menu fold behind a menu button.
 */
import { Link, useLocation, useRouter } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { logout as logoutContract } from '../../shared/contracts/session.js';
import { listReferralInbox } from '../../shared/contracts/referrals.js';
import { listTasks } from '../../shared/contracts/tasks.js';
import { call } from '../api.js';
import { useApiQuery } from '../queries.js';
import type { PlainKey } from '../i18n/catalogue.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useCurrentSession, useSession } from '../session.js';
import { Brand } from './Brand.js';
import { LanguageSelect } from './LanguageSelect.js';
import { MAIN_ID, SkipLink } from './SkipLink.js';
import { NotificationsButton, REFRESH_MS } from './Notifications.js';

// The offline store loads with the banner, after sign-in: the login page does not carry it.
const OfflineUnlockBanner = lazy(() =>
  import('../pages/offline/OfflineStart.js').then((m) => ({ default: m.OfflineUnlockBanner })),
);

const MENU_ID = 'app-menu';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { can, signedOut } = useSession();
  const { user } = useCurrentSession();
  const path = useLocation({ select: (location) => location.pathname });
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);

  useEffect(() => setMenuOpen(false), [path]);
  // Incoming referrals still waiting for an answer, shown on the inbox's navigation link.
  const inbox = useApiQuery(
    listReferralInbox,
    { query: { direction: 'incoming', limit: 1 } },
    { enabled: can('referral.list'), refetchInterval: REFRESH_MS },
  );
  const pending = inbox.data?.counts.requested ?? 0;
  // Overdue tasks of the user's institution, shown on the tasks link.
  const overdueTasks =
    useApiQuery(
      listTasks,
      { query: { view: 'overdue', limit: 1 } },
      { enabled: can('task.list'), refetchInterval: REFRESH_MS },
    ).data?.total ?? 0;

  // The counts shown on navigation links, by the link's path.
  const counts: Partial<Record<string, NavCountProps>> = {
    '/referrals': { count: pending, words: 'nav.pendingReferrals', testId: 'nav-referrals-pending' },
    '/tasks': { count: overdueTasks, words: 'nav.overdueTasks', testId: 'nav-tasks-overdue' },
  };

  async function logout() {
    setLoggingOut(true);
    // The session ends here whatever the server answers: a failed call must not keep it usable.
    await call(logoutContract).catch((error: unknown) => console.error(error));
    signedOut('loggedOut');
  }

  // The navigation: the routes with a label (in the route tree's order) the session may open.
  const routes: { path: string; label: PlainKey }[] = [];
  for (const route of Object.values(router.routesById)) {
    const { nav, permission } = route.options.staticData ?? {};
    if (nav && (permission === undefined || can(permission)))
      routes.push({ path: route.fullPath, label: nav });
  }
  // A case or person page belongs to the case list in the navigation, a referral to the inbox.
  const section =
    path.startsWith('/cases/') || path.startsWith('/persons/')
      ? '/cases'
      : path.startsWith('/referrals/')
        ? '/referrals'
        : path;

  return (
    <div className="shell">
      <SkipLink />
      <header className="topbar">
        <div className="topbar-row">
          <Brand />
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls={MENU_ID}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-toggle-icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
        </div>
        <div id={MENU_ID} className={menuOpen ? 'app-menu app-menu--open' : 'app-menu'}>
          <nav aria-label={t('nav.label')} data-testid="nav">
            <ul className="nav-list">
              {routes.map((route) => (
                <li key={route.path}>
                  <Link
                    to={route.path}
                    aria-current={route.path === path ? 'page' : route.path === section ? 'true' : undefined}
                  >
                    {t(route.label)}
                    <NavCount of={counts[route.path]} />
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div
            className="user-menu"
            data-testid="user-menu"
            role="group"
            aria-label={t('shell.userMenu', { name: user.displayName })}
          >
            <p className="user-identity">
              <span className="user-name">{user.displayName}</span>
              <span className="user-institution" title={user.institution.name}>
                {user.institution.code}
              </span>
            </p>
            <NotificationsButton />
            <LanguageSelect className="language-select--on-dark" testId="language-select" />
            <button
              type="button"
              className="btn btn--on-dark"
              onClick={logout}
              disabled={loggingOut}
              data-testid="logout"
            >
              {t('shell.logout')}
            </button>
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="main">
        <Suspense fallback={null}>
          <OfflineUnlockBanner />
        </Suspense>
        {children}
      </main>
    </div>
  );
}

interface NavCountProps {
  count: number;
  /** What the count means, said to screen readers in place of the bare number. */
  words: 'nav.pendingReferrals' | 'nav.overdueTasks';
  testId: string;
}

/** A count on a navigation link (pending referrals, overdue tasks); nothing when there is none or it is 0. */
function NavCount({ of }: { of: NavCountProps | undefined }) {
  const { t } = useI18n();
  if (!of || of.count === 0) return null;
  const { count, words, testId } = of;
  return (
    <span className="nav-count" data-testid={testId}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t(words, { count })}</span>
    </span>
  );
}

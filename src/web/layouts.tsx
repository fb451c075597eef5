/**
 * The frames the route tree puts pages in. Behind the login, the shell shows a page only when the
 * session has the route's permission (otherwise "no access": the role's pages are no secret, and a
 * user who followed a link must learn why and whom to ask) and a record page's id is a UUID
 * (otherwise "not found"); a visitor is sent to the login page with the address to come back to.
 */
import { Outlet, useLocation, useMatches, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import { AppShell } from './components/AppShell.js';
import { SessionGate } from './components/SessionGate.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { NoAccessPage } from './pages/NoAccessPage.js';
import { recordId } from './navigation.js';
import { useSession } from './session.js';

/** The shell around `children` for a signed-in user; a visitor goes to the login page. */
function SignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // Once: while the login page loads, this frame may render again with the login's address.
  const leaving = useRef(false);
  useEffect(() => {
    if (session) {
      leaving.current = false;
      return;
    }
    if (leaving.current) return;
    leaving.current = true;
    const next = location.pathname === '/' ? undefined : location.href;
    void navigate({ to: '/login', search: next ? { next } : {}, replace: true });
  }, [session, location, navigate]);
  return session ? <AppShell>{children}</AppShell> : null;
}

export function AppLayout() {
  const { can } = useSession();
  const matches = useMatches();
  const leaf = matches[matches.length - 1];
  const permission = leaf?.staticData.permission;
  const params = (leaf?.params ?? {}) as { id?: string };
  const permitted = permission === undefined || can(permission);
  const validId = !leaf?.staticData.recordPage || recordId(params.id ?? '') !== null;
  return (
    <SessionGate>
      <SignedIn>{!permitted ? <NoAccessPage /> : validId ? <Outlet /> : <NotFoundPage />}</SignedIn>
    </SessionGate>
  );
}

/** Unknown addresses (and record ids that are not ids): "not found" inside the shell. */
export function NotFoundInShell() {
  return (
    <SessionGate>
      <SignedIn>
        <NotFoundPage />
      </SignedIn>
    </SessionGate>
  );
}

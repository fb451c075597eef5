/**
 * The logged-in session: loaded once at start, replaced after login and after changes that return
 * a fresh SessionView, cleared on logout or when the server says it has ended.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { SessionView } from '../shared/api.js';
import type { Locale } from '../shared/roles.js';
import { probeSession, updatePreferences } from '../shared/contracts/session.js';
import { ApiError, call, onSessionEnded, setCsrfToken, toApiError } from './api.js';
import { queryClient } from './queries.js';
import { lockOffline } from './offline/remembered.js';
import { useI18n } from './i18n/I18nProvider.js';

/** Why the login page is showing, when it is worth saying. */
export type SessionNotice = 'expired' | 'loggedOut' | 'loggedOutEverywhere' | null;

export interface SessionState {
  status: 'loading' | 'ready' | 'error';
  session: SessionView | null;
  notice: SessionNotice;
  loadError: ApiError | null;
  retry(): void;
  /** Starts the session returned by login. */
  signIn(session: SessionView): void;
  /** Replaces the session after a change the server answered with a fresh view. */
  update(session: SessionView): void;
  /** Forgets the session after the server ended it, and shows the login page. */
  signedOut(notice: Exclude<SessionNotice, null>): void;
  /** Switches language now and, when logged in, saves it as the user's preference. */
  changeLocale(locale: Locale): Promise<void>;
  /** Whether the server granted this operation; the UI never works it out itself. */
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

interface ProviderProps {
  /** Shows the login page once the user has signed out (the router is the caller's). */
  onSignedOut(): void;
  children: ReactNode;
}

export function SessionProvider({ onSignedOut, children }: ProviderProps) {
  const { locale, setLocale } = useI18n();
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [session, setSessionState] = useState<SessionView | null>(null);
  const signedIn = useRef(false);
  // Writes carry the session's CSRF token; a session that ends takes its cached data with it. Only
  // one that ends: the start-up probe finding no session must not clear the public dashboard's
  // queries already in flight (they were dropped mid-request and /public stayed "Loading…").
  const setSession = useCallback((view: SessionView | null) => {
    setCsrfToken(view?.csrfToken ?? null);
    if (!view) {
      if (signedIn.current) queryClient.clear();
      // The offline queue stays on the device, unreadable without the PIN.
      lockOffline();
    }
    signedIn.current = view !== null;
    setSessionState(view);
  }, []);
  const [notice, setNotice] = useState<SessionNotice>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  // A language picked on the login page is the user's wish for this visit: it wins over the
  // preference stored on the server, and is saved there once logged in.
  const chosenBeforeLogin = useRef(false);

  useEffect(() => {
    let cancelled = false;
    // The probe answers 200 signed in or not, so a first visit logs no failed request.
    call(probeSession)
      .then((probe) => probe.session)
      .then(
        (view) => {
          if (cancelled) return;
          if (view) setLocale(view.user.locale);
          setSession(view);
          setStatus('ready');
        },
        (error: unknown) => {
          if (cancelled) return;
          setLoadError(toApiError(error));
          setStatus('error');
        },
      );
    return () => {
      cancelled = true;
    };
  }, [attempt, setLocale, setSession]);

  useEffect(
    () =>
      onSessionEnded(() => {
        setSession(null);
        setNotice('expired');
      }),
    [setSession],
  );

  const signIn = useCallback(
    (view: SessionView) => {
      setNotice(null);
      setSession(view);
      if (chosenBeforeLogin.current && view.user.locale !== locale) {
        call(updatePreferences, { body: { locale } }).then(setSession, (error: unknown) =>
          console.error(error),
        );
      } else {
        setLocale(view.user.locale);
      }
      chosenBeforeLogin.current = false;
    },
    [locale, setLocale, setSession],
  );

  const signedOut = useCallback(
    (why: Exclude<SessionNotice, null>) => {
      // Signing out discards the unfinished intake kept on the device (offline/intake-draft.ts).
      // (Loaded here, not with the app: IndexedDB's library stays off the login page.)
      if (session) {
        const userId = session.user.id;
        import('./offline/intake-draft.js')
          .then((drafts) => drafts.discardIntakeDrafts(userId))
          .catch((error: unknown) => console.error(error));
      }
      setSession(null);
      setNotice(why);
      onSignedOut();
    },
    [onSignedOut, session, setSession],
  );

  const changeLocale = useCallback(
    async (next: Locale) => {
      setLocale(next);
      if (!session) {
        chosenBeforeLogin.current = true;
        return;
      }
      setSession(await call(updatePreferences, { body: { locale: next } }));
    },
    [session, setLocale, setSession],
  );

  const value = useMemo<SessionState>(
    () => ({
      status,
      session,
      notice,
      loadError,
      retry: () => {
        setStatus('loading');
        setAttempt((n) => n + 1);
      },
      signIn,
      update: setSession,
      signedOut,
      changeLocale,
      can: (permission) => session?.permissions.includes(permission) ?? false,
    }),
    [status, session, notice, loadError, setSession, signIn, signedOut, changeLocale],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The session on pages that are only shown when logged in. */
export function useCurrentSession(): SessionView {
  const { session } = useSession();
  if (!session) throw new Error('useCurrentSession used on a page shown without a session');
  return session;
}

import { lazy, Suspense, type ReactNode } from 'react';
import { rememberedUser } from '../offline/remembered.js';
import { useSession } from '../session.js';
import { LoadError, Loading } from './Loading.js';

// Only a start with no network opens it: the login page does not load the offline store.
const OfflineStart = lazy(() =>
  import('../pages/offline/OfflineStart.js').then((m) => ({ default: m.OfflineStart })),
);

/** Waits for the session to be known; shows why it could not be when the server did not answer. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { status, loadError, retry } = useSession();
  if (status === 'loading') {
    return (
      <main className="boot">
        <Loading />
      </main>
    );
  }
  if (status === 'error' && loadError) {
    // No network, and this device holds a user's vault: offline work, opened by the PIN.
    const offlineUser = loadError.status === 0 ? rememberedUser() : null;
    if (offlineUser) {
      return (
        <Suspense fallback={<Loading />}>
          <OfflineStart userId={offlineUser} onReconnect={retry} />
        </Suspense>
      );
    }
    return (
      <main className="boot">
        <LoadError error={loadError} onRetry={retry} />
      </main>
    );
  }
  return <>{children}</>;
}

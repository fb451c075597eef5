import type { ReactNode } from 'react';
import { useSession } from '../session.js';
import { LoadError, Loading } from './Loading.js';
import { OfflineStart, offlineStartUser } from '../pages/offline/OfflineStart.js';

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
    const offlineUser = loadError.status === 0 ? offlineStartUser() : null;
    if (offlineUser) return <OfflineStart userId={offlineUser} onReconnect={retry} />;
    return (
      <main className="boot">
        <LoadError error={loadError} onRetry={retry} />
      </main>
    );
  }
  return <>{children}</>;
}

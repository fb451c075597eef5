/**
 * Offline pieces of the app frame: the workspace shown when the app starts with no network on a
 * device that holds a user's vault, the vault opened without the PIN at start in the signed-in app,
 * and the case page's "keep for offline work" button.
 */
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { CaseView } from '../../../shared/api-identification.js';
import { Loading } from '../../components/Loading.js';
import { PublicFrame } from '../../components/PublicLayout.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { keepCase, pendingCount, unlockOnline, useOffline } from '../../offline/store.js';
import { useSession } from '../../session.js';
import '../../styles/offline.css';

/**
 * The workspace is its own chunk, loaded only when the app starts offline: the login page, which
 * goes through the same session gate, does not carry it. The service worker precaches every chunk,
 * so it loads with no network too.
 */
const OfflineWorkspace = lazy(() =>
  import('./OfflineWorkspace.js').then((module) => ({ default: module.OfflineWorkspace })),
);

export function OfflineStart({ userId, onReconnect }: { userId: string; onReconnect(): void }) {
  const { t } = useI18n();
  return (
    <PublicFrame mainClassName="offline-start" testId="offline-start">
      <h1>{t('offline.title')}</h1>
      <p className="notice notice--warning" role="status">
        {t('offline.noNetwork')}{' '}
        <button type="button" className="btn btn--small" onClick={onReconnect}>
          {t('offline.reconnect')}
        </button>
      </p>
      <Suspense fallback={<Loading />}>
        <OfflineWorkspace userId={userId} online={false} canRegister={false} />
      </Suspense>
    </PublicFrame>
  );
}

/**
 * At start in the signed-in app: the device's vault opens without the PIN (the server releases
 * the device key to this user's session on this device), so ordinary online work is never held
 * up by a PIN. Only a vault that cannot open so (made before the device kept its secret, or the
 * server unreachable) and holds unsent writes is mentioned, with a link to open it with the PIN.
 */
export function OfflineUnlockBanner() {
  const { t } = useI18n();
  const { session } = useSession();
  const { status } = useOffline();
  const [pending, setPending] = useState(0);
  const [later, setLater] = useState(false);
  const userId = session?.user.id;
  useEffect(() => {
    if (!userId) return;
    void unlockOnline(userId).then(async (open) => setPending(open ? 0 : await pendingCount(userId)));
  }, [userId]);
  if (status !== 'locked' || later || pending === 0) return null;
  return (
    <aside className="notice notice--info offline-banner" data-testid="offline-banner">
      <p>
        {t('offline.banner.pending', { count: pending })} {t('offline.banner.locked')}
      </p>
      <Link to="/offline" className="btn btn--small">
        {t('offline.banner.open')}
      </Link>{' '}
      <button type="button" className="btn btn--small" onClick={() => setLater(true)}>
        {t('offline.cancel')}
      </button>
    </aside>
  );
}

/**
 * On the case page: keep a copy of this case on the device for offline work, or renew the copy
 * kept before. A case opened through an emergency access (break-glass) is not taken offline.
 */
export function KeepOfflineButton({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const { status, keptIds } = useOffline();
  const [kept, setKept] = useState(false);
  if (view.emergencyAccess) return null;
  if (status === 'none' || status === 'wiped')
    return (
      <p className="field-hint">
        <Link to="/offline">{t('offline.cases.needsDevice')}</Link>
      </p>
    );
  if (status !== 'open') return null;
  return kept ? (
    <p className="notice notice--success" role="status">
      {t('offline.cases.kept')}
    </p>
  ) : (
    <button type="button" className="btn" onClick={() => void keepCase(view).then(() => setKept(true))}>
      {keptIds.includes(view.id) ? t('offline.cases.renew') : t('offline.cases.keep')}
    </button>
  );
}

/**
 * Offline work on this device (docs/OFFLINE.md): register it and choose the PIN, unlock the vault,
 * capture intakes, edit kept cases, watch the queue, and wipe everything at once. The same
 * workspace runs inside the signed-in app (online: the device key opens the vault and it syncs)
 * and on its own when the app starts with no network (no session: only the PIN opens the vault).
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { initOffline, lock, syncNow, unlockOnline, useOfflinePart, wipeNow } from '../../offline/store.js';
import { RegisterDevice, UnlockPrompt } from './DeviceSetup.js';
import { KeptCases } from './KeptCases.js';
import { OfflineIntake, type IntakeBody } from './OfflineIntake.js';
import { QueuePanel } from './QueuePanel.js';
import '../../styles/intake.css';
import '../../styles/offline.css';

type Tab = 'queue' | 'intake' | 'cases';

interface Props {
  userId: string;
  /** Signed in with a connection: the device may be registered and the queue sent. */
  online: boolean;
  /** Whether the user's role registers devices (from the session). */
  canRegister: boolean;
}

export function OfflineWorkspace({ userId, online, canRegister }: Props) {
  const { t } = useI18n();
  const { status, writes } = useOfflinePart('writes');
  const [tab, setTab] = useState<Tab>('queue');
  const [correcting, setCorrecting] = useState<{ key: string; body: IntakeBody } | undefined>();

  // Signed in and online, the vault opens without the PIN (the device key); with no network, the PIN.
  const [opening, setOpening] = useState(online);
  useEffect(() => {
    if (!online) return void initOffline(userId);
    setOpening(true);
    void unlockOnline(userId).finally(() => setOpening(false));
  }, [userId, online]);
  const pending = writes.some((w) => w.state === 'pending');
  // Back online with writes waiting: send them (one round at a time; the store guards it).
  useEffect(() => {
    if (online && status === 'open' && pending) void syncNow();
  }, [online, status, pending]);

  if (status === 'unknown' || (opening && status === 'locked')) return null;
  if (status === 'wiped' || status === 'none') {
    return (
      <div className="offline-workspace">
        {status === 'wiped' && (
          <p className="notice notice--warning" role="alert" data-testid="offline-wiped">
            {t('offline.wiped')}
          </p>
        )}
        {online && canRegister ? (
          <RegisterDevice userId={userId} />
        ) : (
          <p>{online ? t('offline.register.notAllowed') : t('offline.unlock.none')}</p>
        )}
      </div>
    );
  }
  if (status === 'locked') return <UnlockPrompt />;

  const tabs: Array<[Tab, string]> = [
    ['queue', t('offline.tab.queue')],
    ['intake', t('offline.tab.intake')],
    ['cases', t('offline.tab.cases')],
  ];
  return (
    <div className="offline-workspace">
      <nav className="offline-tabs" aria-label={t('offline.title')}>
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            className={tab === id ? 'btn btn--primary' : 'btn'}
            aria-pressed={tab === id}
            onClick={() => {
              setCorrecting(undefined);
              setTab(id);
            }}
          >
            {label}
          </button>
        ))}
        <button type="button" className="btn" onClick={lock}>
          {t('offline.lock')}
        </button>
      </nav>
      {tab === 'queue' && (
        <QueuePanel
          online={online}
          onCorrect={(write) => {
            setCorrecting({ key: write.key, body: (write.input as { body: IntakeBody }).body });
            setTab('intake');
          }}
        />
      )}
      {tab === 'intake' && (
        <OfflineIntake
          correcting={correcting}
          onDone={() => {
            if (correcting) {
              setCorrecting(undefined);
              setTab('queue');
            }
          }}
        />
      )}
      {tab === 'cases' && <KeptCases />}
      <WipeNow />
    </div>
  );
}

/** Panic: no network, no PIN, one confirmation. */
function WipeNow() {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  return (
    <section className="offline-wipe">
      {asking ? (
        <div role="alertdialog" aria-label={t('offline.wipe')}>
          <p>{t('offline.wipe.confirm')}</p>
          <div className="form-actions">
            <button className="btn btn--danger" type="button" onClick={() => void wipeNow()}>
              {t('offline.wipe.yes')}
            </button>
            <button className="btn" type="button" onClick={() => setAsking(false)}>
              {t('offline.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button className="btn btn--danger" type="button" onClick={() => setAsking(true)}>
          {t('offline.wipe')}
        </button>
      )}
    </section>
  );
}

/**
 * The installable app's update offer (docs/OFFLINE.md): when a new version has been downloaded, a
 * quiet banner offers to reload into it. Never forced: an interview in progress is not interrupted.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

export function UpdatePrompt() {
  const { t } = useI18n();
  const [update, setUpdate] = useState<(() => Promise<void>) | null>(null);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let cancelled = false;
    void import('virtual:pwa-register').then(({ registerSW }) => {
      if (cancelled) return;
      const updateSW = registerSW({
        immediate: true,
        onNeedRefresh: () => setUpdate(() => () => updateSW(true)),
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (!update) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t('offline.updateReady')}</span>
      <button type="button" className="btn btn--primary" onClick={() => void update()}>
        {t('offline.updateNow')}
      </button>
      <button type="button" className="btn" onClick={() => setUpdate(null)}>
        {t('offline.updateLater')}
      </button>
    </div>
  );
}

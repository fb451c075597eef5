/** The offline work page of the signed-in app (docs/OFFLINE.md). */
import { Page } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';
import { OfflineWorkspace } from './OfflineWorkspace.js';

export function OfflinePage() {
  const { t } = useI18n();
  const { session, can } = useSession();
  if (!session) return null;
  return (
    <Page title={t('offline.title')} intro={t('offline.intro')}>
      <OfflineWorkspace userId={session.user.id} online canRegister={can('device.register')} />
    </Page>
  );
}

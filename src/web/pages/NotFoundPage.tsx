import { Page } from '../components/Page.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from '@tanstack/react-router';

/** Shown for unknown paths and malformed record ids (a page the role may not open: NoAccessPage). */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

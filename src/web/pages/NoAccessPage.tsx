import { Link } from '@tanstack/react-router';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useCurrentSession } from '../session.js';

/**
 * Shown inside the shell for a page the user's role may not open (the analyst at the match reviews,
 * the police at the audit trail): says so, names the role and whom to ask, instead of "not found".
 * It tells nothing about any record: which pages a role opens is public (docs/ACCESS-CONTROL.md);
 * a record out of the user's scope stays "not found" on its own page.
 */
export function NoAccessPage() {
  const { t } = useI18n();
  const { user } = useCurrentSession();
  return (
    <Page title={t('noAccess.title')}>
      <div data-testid="no-access">
        <p>{t('noAccess.body', { role: t(`role.${user.role}`) })}</p>
        <p>{t('noAccess.ask')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </div>
    </Page>
  );
}

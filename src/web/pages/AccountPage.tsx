/**
 * Home page: who you are, your language, two-step verification and ending your sessions. It is
 * the one page every logged-in user can open.
 */
import { useI18n } from '../i18n/I18nProvider.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { Page } from '../components/Page.js';
import { useCurrentSession } from '../session.js';
import { LogoutEverywhereSection } from './account/LogoutEverywhereSection.js';
import { TotpSection } from './account/TotpSection.js';

export function AccountPage() {
  const { t, formatDateTime } = useI18n();
  const session = useCurrentSession();
  const { user } = session;

  return (
    <Page title={t('account.title')}>
      <div className="sections">
        <section className="panel" aria-labelledby="account-profile">
          <h2 id="account-profile">{t('account.profile')}</h2>
          <dl className="details">
            <dt>{t('account.displayName')}</dt>
            <dd>{user.displayName}</dd>
            <dt>{t('account.username')}</dt>
            <dd>
              <code>{user.username}</code>
            </dd>
            <dt>{t('account.role')}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
            <dt>{t('account.institution')}</dt>
            <dd>
              {user.institution.name} ({user.institution.code})
            </dd>
            <dt>{t('account.sessionExpires')}</dt>
            <dd>{formatDateTime(session.expiresAt)}</dd>
          </dl>
        </section>

        <section className="panel" aria-labelledby="account-language">
          <h2 id="account-language">{t('account.language')}</h2>
          <p>{t('account.languageIntro')}</p>
          <LanguageSelect className="language-select--stacked" />
        </section>

        <TotpSection />
        <LogoutEverywhereSection />
      </div>
    </Page>
  );
}

/** Frame for the pages shown without a session: login, set-up, activation and reset. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { Brand } from './Brand.js';
import { LanguageSelect } from './LanguageSelect.js';
import { MAIN_ID, SkipLink } from './SkipLink.js';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="public-layout">
      <SkipLink />
      <header className="public-header">
        <Brand />
        <LanguageSelect className="language-select--on-dark" testId="language-select" />
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="public-main">
        <div className="card">{children}</div>
        <p className="tagline">{t('app.tagline')}</p>
      </main>
    </div>
  );
}

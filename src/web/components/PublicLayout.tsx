/** Frames for the pages shown without a session: login, set-up, activation and reset; the public dashboard; offline work. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { Brand } from './Brand.js';
import { LanguageSelect } from './LanguageSelect.js';
import { MAIN_ID, SkipLink } from './SkipLink.js';

/** The dark bar with the Ñandutí name and the language choice, above the page's main region. */
export function PublicFrame({
  className,
  mainClassName,
  testId,
  children,
}: {
  className?: string;
  mainClassName: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `public-layout ${className}` : 'public-layout'}>
      <SkipLink />
      <header className="public-header">
        <Brand />
        <LanguageSelect className="language-select--on-dark" testId="language-select" />
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={mainClassName} data-testid={testId}>
        {children}
      </main>
    </div>
  );
}

/** A form page without a session: one card and the tagline. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <PublicFrame mainClassName="public-main">
      <div className="card">{children}</div>
      <p className="tagline">{t('app.tagline')}</p>
    </PublicFrame>
  );
}

import type { MouseEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

export const MAIN_ID = 'main';

/** First thing in the page for keyboard users: jumps past the header and navigation. */
export function SkipLink() {
  const { t } = useI18n();
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    // Focus the main region without adding "#main" to the address (the router owns it).
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  }
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={onClick}>
      {t('app.skipToContent')}
    </a>
  );
}

import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from '@tanstack/react-router';

/** The Ñandutí name and mark, linking home. */
export function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand">
      <img src="/favicon.svg" alt="" width="32" height="32" />
      <span>{t('app.name')}</span>
    </Link>
  );
}

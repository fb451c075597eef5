import type { ApiError } from '../api.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** A failed load, with a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{error.message}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('action.retry')}
      </button>
    </div>
  );
}

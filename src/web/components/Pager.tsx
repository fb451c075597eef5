/** Previous and next pages of a long list, with what is shown ("1–50 of 120"). */
import { useI18n } from '../i18n/I18nProvider.js';

interface Props {
  label: string;
  /** What is shown, in the page's words ("1–50 of 120"). */
  count: string;
  offset: number;
  pageSize: number;
  total: number;
  busy: boolean;
  onOffset(offset: number): void;
}

export function Pager({ label, count, offset, pageSize, total, busy, onOffset }: Props) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={label}>
      <p aria-live="polite">{count}</p>
      <button
        type="button"
        className="btn"
        disabled={offset === 0 || busy}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t('action.previous')}
      </button>
      <button
        type="button"
        className="btn"
        disabled={offset + pageSize >= total || busy}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t('action.next')}
      </button>
    </nav>
  );
}

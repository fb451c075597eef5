/**
 * The case list: the cases the institution owns or was shared, newest detection first, with
 * filters kept in the address (codes, dates and a reference only — never names).
 */
import * as api from '../../api-legacy.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useSession } from '../../session.js';
import { CaseFilters } from './CaseFilters.js';
import { CasesTable } from './CasesTable.js';
import { activeFilterCount, filterParams, type CaseFilter } from './filter.js';
import '../../styles/cases.css';

const PAGE_SIZE = 50;

export function CasesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const filter = useSearch({ from: '/_app/cases' });
  const navigate = useNavigate();
  const offset = filter.offset ?? 0;
  const cases = useLoad(() => api.listCases({ ...filter, limit: PAGE_SIZE }), JSON.stringify(filter));

  function go(next: CaseFilter) {
    void navigate({ to: '/cases', search: filterParams(next) });
  }

  const filtered = activeFilterCount(filter) > 0 || filter.reference !== undefined;
  const total = cases.data?.total ?? 0;
  const shownTo = Math.min(offset + PAGE_SIZE, total);
  return (
    <Page
      title={t('cases.title')}
      actions={
        can('case.create') && (
          <Link to="/intake" className="btn btn--primary">
            {t('cases.new')}
          </Link>
        )
      }
    >
      <CaseFilters filter={filter} onApply={go} />
      {cases.error ? (
        <LoadError error={cases.error} onRetry={cases.reload} />
      ) : !cases.data ? (
        <Loading />
      ) : cases.data.items.length === 0 ? (
        <div className="empty" data-testid="cases-empty">
          <p>{filtered ? t('cases.noneMatching') : t('cases.none')}</p>
          {filtered && (
            <button type="button" className="btn" onClick={() => go({})}>
              {t('cases.clearFilters')}
            </button>
          )}
        </div>
      ) : (
        <>
          <p className="cases-total" aria-live="polite" data-testid="cases-total">
            {t('cases.total', { total })}
          </p>
          <CasesTable cases={cases.data.items} busy={cases.loading} />
          <nav className="pager" aria-label={t('cases.pagination')}>
            <p>{t('cases.count', { from: offset + 1, to: shownTo, total })}</p>
            <button
              type="button"
              className="btn"
              disabled={offset === 0 || cases.loading}
              onClick={() => go({ ...filter, offset: Math.max(0, offset - PAGE_SIZE) })}
            >
              {t('action.previous')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={shownTo >= total || cases.loading}
              onClick={() => go({ ...filter, offset: offset + PAGE_SIZE })}
            >
              {t('action.next')}
            </button>
          </nav>
        </>
      )}
    </Page>
  );
}

/**
 * The gap report: needs that could not be met, by service, department, sex, age band and reason.
 * Aggregates only; the server suppresses small cells, and the page says so rather than show them.
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { UnmetNeedsQuery } from '../../../shared/api-protection.js';
import { getUnmetNeedsReport } from '../../../shared/contracts/referrals.js';
import { Page } from '../../components/Page.js';
import { PeriodFilter } from '../../components/PeriodFilter.js';
import { QueryState } from '../../components/QueryState.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useApiQuery } from '../../queries.js';
import '../../styles/cases.css';

export function UnmetNeedsPage() {
  const { t, locale } = useI18n();
  const range = useSearch({ from: '/_app/reports/unmet-needs' });
  const navigate = useNavigate();
  const report = useApiQuery(getUnmetNeedsReport, { query: range });

  return (
    <Page title={t('needs.reportTitle')} intro={<p>{t('needs.reportIntro')}</p>}>
      <PeriodFilter
        key={`${range.from}-${range.to}`}
        schema={UnmetNeedsQuery}
        value={range}
        labels={{ from: t('needs.from'), to: t('needs.to') }}
        onApply={(search) => void navigate({ to: '/reports/unmet-needs', search })}
        aria-label={t('needs.reportPeriod')}
      />
      <QueryState
        query={report}
        isEmpty={(data) => data.cells.length === 0}
        empty={
          <p className="empty" data-testid="unmet-empty">
            {t('needs.none')}
          </p>
        }
      >
        {(data) => (
          <>
            <p className="field-hint">{t('needs.suppressed', { min: data.minimumCellSize })}</p>
            <div className="table-scroll" role="region" aria-label={t('needs.reportTitle')} tabIndex={0}>
              <table className="table table--cards" aria-busy={report.isFetching} data-testid="unmet-table">
                <caption className="visually-hidden">{t('needs.reportTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('needs.col.service')}</th>
                    <th scope="col">{t('needs.col.department')}</th>
                    <th scope="col">{t('needs.col.sex')}</th>
                    <th scope="col">{t('needs.col.ageBand')}</th>
                    <th scope="col">{t('needs.col.reason')}</th>
                    <th scope="col">{t('needs.col.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.cells.map((cell, index) => (
                    <tr key={index}>
                      <th scope="row">{valueLabel(locale, 'SERVICE_TYPES', cell.serviceType)}</th>
                      <td data-label={t('needs.col.department')}>
                        {cell.department ? departmentName(cell.department) : t('common.none')}
                      </td>
                      <td data-label={t('needs.col.sex')}>{valueLabel(locale, 'SEXES', cell.sex)}</td>
                      <td data-label={t('needs.col.ageBand')}>
                        {cell.ageBand === 'Unknown' ? t('needs.ageUnknown') : cell.ageBand}
                      </td>
                      <td data-label={t('needs.col.reason')}>
                        {valueLabel(locale, 'UNMET_REASONS', cell.reason)}
                      </td>
                      <td data-label={t('needs.col.count')} className="cell-number">
                        {cell.suppressed || cell.count === null ? t('needs.suppressedCell') : cell.count}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </Page>
  );
}

/**
 * The gap report: needs that could not be met, by service, department, sex, age band and reason.
 * Aggregates only; the server suppresses small cells, and the page says so rather than show them.
 */
import { UnmetNeedsQuery } from '../../../shared/api-protection.js';
import { getUnmetNeedsReport } from '../../../shared/contracts/referrals.js';
import { DataTable, useListSearch } from '../../components/DataTable.js';
import { Page } from '../../components/Page.js';
import { PeriodFilter } from '../../components/PeriodFilter.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useApiQuery } from '../../queries.js';
import '../../styles/cases.css';

export function UnmetNeedsPage() {
  const { t, locale } = useI18n();
  const [range, setRange] = useListSearch('/_app/reports/unmet-needs');
  const report = useApiQuery(getUnmetNeedsReport, { query: range });

  return (
    <Page title={t('needs.reportTitle')} intro={<p>{t('needs.reportIntro')}</p>}>
      <PeriodFilter
        key={`${range.from}-${range.to}`}
        schema={UnmetNeedsQuery}
        value={range}
        labels={{ from: t('needs.from'), to: t('needs.to') }}
        onApply={setRange}
        aria-label={t('needs.reportPeriod')}
      />
      <DataTable
        query={report}
        rows={(data) => data.cells}
        rowKey={(cell) => [cell.serviceType, cell.department, cell.sex, cell.ageBand, cell.reason].join('|')}
        label={t('needs.reportTitle')}
        testId="unmet-table"
        rowTestId="unmet-row"
        empty={t('needs.none')}
        emptyTestId="unmet-empty"
        before={(data) => (
          <p className="field-hint">{t('needs.suppressed', { min: data.minimumCellSize })}</p>
        )}
        columns={[
          {
            header: t('needs.col.service'),
            cell: (cell) => valueLabel(locale, 'SERVICE_TYPES', cell.serviceType),
          },
          {
            header: t('needs.col.department'),
            cell: (cell) => (cell.department ? departmentName(cell.department) : t('common.none')),
          },
          { header: t('needs.col.sex'), cell: (cell) => valueLabel(locale, 'SEXES', cell.sex) },
          {
            header: t('needs.col.ageBand'),
            cell: (cell) => (cell.ageBand === 'Unknown' ? t('needs.ageUnknown') : cell.ageBand),
          },
          { header: t('needs.col.reason'), cell: (cell) => valueLabel(locale, 'UNMET_REASONS', cell.reason) },
          {
            header: t('needs.col.count'),
            className: 'cell-number',
            cell: (cell) => (cell.suppressed || cell.count === null ? t('needs.suppressedCell') : cell.count),
          },
        ]}
      />
    </Page>
  );
}

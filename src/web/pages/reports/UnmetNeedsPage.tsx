/**
 * The gap report: needs that could not be met, by service, department, sex, age band and reason.
 * Aggregates only; the server suppresses small cells, and the page says so rather than show them.
 */
import { useState, type FormEvent } from 'react';
import * as api from '../../api-legacy.js';
import { TextField } from '../../components/Field.js';
import { FilterActions } from '../../components/FormActions.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { departmentName } from '../../departments.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useNavigate, useSearch } from '@tanstack/react-router';
import '../../styles/cases.css';

export function UnmetNeedsPage() {
  const { t, locale } = useI18n();
  const range = useSearch({ from: '/_app/reports/unmet-needs' });
  const navigate = useNavigate();
  const report = useLoad(() => api.getUnmetNeedsReport(range), JSON.stringify(range));
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');

  function onApply(event: FormEvent) {
    event.preventDefault();
    void navigate({ to: '/reports/unmet-needs', search: { from: from || undefined, to: to || undefined } });
  }

  return (
    <Page title={t('needs.reportTitle')} intro={<p>{t('needs.reportIntro')}</p>}>
      <form className="filters" onSubmit={onApply} aria-label={t('needs.reportPeriod')}>
        <TextField
          label={t('needs.from')}
          name="from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          label={t('needs.to')}
          name="to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <FilterActions
          submitLabel={t('action.search')}
          onClear={() => {
            setFrom('');
            setTo('');
            void navigate({ to: '/reports/unmet-needs' });
          }}
        />
      </form>
      {report.error ? (
        <LoadError error={report.error} onRetry={report.reload} />
      ) : !report.data ? (
        <Loading />
      ) : report.data.cells.length === 0 ? (
        <p className="empty" data-testid="unmet-empty">
          {t('needs.none')}
        </p>
      ) : (
        <>
          <p className="field-hint">{t('needs.suppressed', { min: report.data.minimumCellSize })}</p>
          <div className="table-scroll" role="region" aria-label={t('needs.reportTitle')} tabIndex={0}>
            <table className="table table--cards" aria-busy={report.loading} data-testid="unmet-table">
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
                {report.data.cells.map((cell, index) => (
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
    </Page>
  );
}

/**
 * Statistics for authorised roles: one figure at a time with its filters, its year-over-year change
 * and a breakdown as a chart and a table; the drill-down to the cases behind a number for roles that
 * read records (the server lists only the cases the user may open); the national report to download.
 * Filters live in the address: codes only, never personal data.
 */
import { useState } from 'react';
import {
  AGE_GROUPS,
  FIGURE_IDS,
  VICTIM_FIGURES,
  ICT_FILTERS,
  type DimensionId,
  type FigureId,
} from '../../../shared/api-statistics.js';
import { EXPLOITATION_TYPES, SEXES } from '../../../shared/catalogues.js';
import { paraguayYear } from '../../../shared/dates.js';
import {
  downloadNationalReport,
  drillStatistics,
  getStatistics,
} from '../../../shared/contracts/statistics.js';
import { hrefOf } from '../../api.js';
import { SelectField, TextField } from '../../components/Field.js';
import { QueryState } from '../../components/QueryState.js';
import { ReleasesSection } from './ReleasesSection.js';
import { Page } from '../../components/Page.js';
import { PY_DEPARTMENTS } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { intlLocale } from '../../i18n/catalogue.js';
import { valueLabel } from '../../i18n/values.js';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { BarChart } from '../public/BarChart.js';
import { dimensionLabel, figureLabel, keyLabel } from './labels.js';
import { StatisticsMap } from './StatisticsMap.js';
import '../../styles/tables.css';
import '../public/public.css';

const FILTERS = ['sex', 'ageGroup', 'department', 'ict', 'exploitation'] as const;
type Params = Record<string, string | undefined>;

export function StatisticsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const params = useSearch({ from: '/_app/statistics' });
  const navigate = useNavigate();
  const figure: FigureId = params.figure ?? 'victimsIdentified';
  // Opens on this year (Paraguay's), the latest with records, as the public dashboard opens on its
  // release's latest year; the previous year is one step down in the year field.
  const year = params.year ?? paraguayYear();
  const query = { ...params, figure, year } as never;
  const result = useApiQuery(getStatistics, { query });
  // The cases behind the figure, once asked for (each change of filters asks again).
  const [drilling, setDrilling] = useState(false);
  const drill = useApiQuery(drillStatistics, { query }, { enabled: drilling }).data;
  const set = (changes: Params) => {
    setDrilling(false);
    void navigate({ to: '/statistics', search: { ...params, figure, year, ...changes } as typeof params });
  };
  const number = (value: number | null) => (value === null ? '—' : value.toLocaleString(intlLocale(locale)));
  const breakdowns = result.data?.breakdowns ?? [];
  const reportLocale = locale === 'en' ? 'en' : 'es';

  return (
    <Page title={t('stats.title')} intro={<p>{t('stats.intro')}</p>}>
      <form className="filters" aria-label={t('stats.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('stats.figure')}
          name="figure"
          value={figure}
          onChange={(e) => {
            // Prosecution and prevention figures take fewer filters: moving between the two kinds
            // starts without filters rather than with one the new figure refuses.
            const victims = (id: string) => (VICTIM_FIGURES as readonly string[]).includes(id);
            const reset = victims(e.target.value) !== victims(figure);
            set({
              figure: e.target.value,
              by: undefined,
              ...(reset ? Object.fromEntries(FILTERS.map((f) => [f, undefined])) : {}),
            });
          }}
        >
          {FIGURE_IDS.map((id) => (
            <option key={id} value={id}>
              {figureLabel(t, id)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('stats.year')}
          name="year"
          type="number"
          min={1990}
          max={2100}
          value={year}
          onChange={(e) => e.target.value.length === 4 && set({ year: e.target.value })}
        />
        <SelectField
          label={t('stats.by')}
          name="by"
          value={params.by ?? ''}
          onChange={(e) => set({ by: e.target.value || undefined })}
        >
          <option value="">{t('stats.noBreakdown')}</option>
          {breakdowns.map((dimension) => (
            <option key={dimension} value={dimension}>
              {dimensionLabel(t, dimension)}
            </option>
          ))}
        </SelectField>
        {FILTERS.filter(
          (filter) =>
            (VICTIM_FIGURES as readonly string[]).includes(figure) ||
            params[filter] ||
            breakdowns.includes(filter),
        ).map((filter) => (
          <SelectField
            key={filter}
            label={dimensionLabel(t, filter)}
            name={filter}
            value={params[filter] ?? ''}
            onChange={(e) => set({ [filter]: e.target.value || undefined })}
          >
            <option value="">{t('stats.all')}</option>
            {filter === 'sex' &&
              SEXES.map((v) => (
                <option key={v} value={v}>
                  {valueLabel(locale, 'SEXES', v)}
                </option>
              ))}
            {filter === 'ageGroup' &&
              AGE_GROUPS.map((v) => (
                <option key={v} value={v}>
                  {keyLabel(t, locale, 'ageGroup', v)}
                </option>
              ))}
            {filter === 'department' &&
              PY_DEPARTMENTS.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            {filter === 'ict' &&
              ICT_FILTERS.map((v) => (
                <option key={v} value={v}>
                  {t(`stats.ict.${v}`)}
                </option>
              ))}
            {filter === 'exploitation' &&
              EXPLOITATION_TYPES.map((v) => (
                <option key={v} value={v}>
                  {valueLabel(locale, 'EXPLOITATION_TYPES', v)}
                </option>
              ))}
          </SelectField>
        ))}
      </form>
      <QueryState query={result}>
        {(data) => {
          const by = data.by as DimensionId | null;
          return (
            <section aria-live="polite" aria-busy={result.isFetching}>
              <h2>{figureLabel(t, data.figure)}</h2>
              <p className="stat-total" data-testid="stat-total">
                {t('stats.total', { year })}:{' '}
                <strong>{data.smallTotals?.includes('total') ? t('stats.small') : number(data.total)}</strong>
              </p>
              <p>
                {t('stats.previous', {
                  year: year - 1,
                  value: data.smallTotals?.includes('previousTotal')
                    ? t('stats.small')
                    : number(data.previousTotal),
                })}{' '}
                —{' '}
                {data.changePercent === null
                  ? t('stats.noBase')
                  : t('stats.change', { change: data.changePercent })}
              </p>
              {data.freshness?.source === 'replica' && (
                <p className="muted" data-testid="stat-freshness">
                  {t('stats.freshness.replica', { lag: data.freshness.lagSeconds ?? 0 })}
                </p>
              )}
              {data.freshness && data.freshness.pending > 0 && (
                <p className="muted">{t('stats.freshness.pending', { pending: data.freshness.pending })}</p>
              )}
              <div className="stat-actions">
                <details>
                  <summary>{t('stats.definition')}</summary>
                  <p>{data.definition}</p>
                </details>
                {can('statistics.drill') && (VICTIM_FIGURES as readonly string[]).includes(data.figure) && (
                  <button type="button" className="btn btn--small" onClick={() => setDrilling(true)}>
                    {t('stats.drill')}
                  </button>
                )}
              </div>
              {drill && (
                <section aria-label={t('stats.drillTitle')}>
                  <h3>{t('stats.drillTitle')}</h3>
                  <ul className="stat-cases">
                    {drill.cases.map((c) => (
                      <li key={c.id}>
                        <Link to="/cases/$id" params={{ id: c.id }}>
                          {c.reference}
                        </Link>
                      </li>
                    ))}
                  </ul>
                  {drill.hidden > 0 && <p>{t('stats.drillHidden', { n: drill.hidden })}</p>}
                  {drill.truncated && <p>{t('stats.drillTruncated')}</p>}
                </section>
              )}
              {data.breakdowns.includes('department') && (
                <StatisticsMap
                  figure={data.figure}
                  year={year}
                  query={query}
                  pageRows={by === 'department' && !params.department ? data.rows : null}
                  format={number}
                  selected={params.department}
                  onSelect={(code) => set({ department: params.department === code ? undefined : code })}
                />
              )}
              {by && data.rows.length > 0 && (
                <>
                  <BarChart
                    labels={data.rows.map((r) => keyLabel(t, locale, by, r.key))}
                    series={[{ label: figureLabel(t, data.figure), values: data.rows.map((r) => r.value) }]}
                    description={`${figureLabel(t, data.figure)} — ${dimensionLabel(t, by)}`}
                  />
                  <div className="table-scroll" role="region" aria-label={dimensionLabel(t, by)} tabIndex={0}>
                    <table className="table" data-testid="stat-table">
                      <caption>{`${figureLabel(t, data.figure)} — ${dimensionLabel(t, by)}`}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{dimensionLabel(t, by)}</th>
                          <th scope="col">{t('stats.value')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.rows.map((row) => (
                          <tr key={row.key}>
                            <th scope="row">{keyLabel(t, locale, by, row.key)}</th>
                            <td className="cell-number">
                              {row.small ? t('stats.small') : number(row.value)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {data.multiValued && <p className="field-hint">{t('stats.multiValued')}</p>}
                  {(data.rows.some((r) => r.small) || data.smallTotals) && (
                    <p className="field-hint" data-testid="stat-small-note">
                      {t('stats.smallNote')}
                    </p>
                  )}
                </>
              )}
            </section>
          );
        }}
      </QueryState>
      {can('statistics.report') && (
        <section aria-labelledby="report-heading" className="stat-report">
          <h2 id="report-heading">
            {t('stats.report')} {year}
          </h2>
          <p className="public-toolbar">
            {(['pdf', 'xlsx', 'csv', 'json'] as const).map((format) => (
              <a
                key={format}
                href={hrefOf(downloadNationalReport, { query: { year, format, locale: reportLocale } })}
                download
              >
                {t('stats.download', { format: format.toUpperCase() })}
              </a>
            ))}
          </p>
        </section>
      )}
      {(can('statistics.publish') || can('statistics.calendar')) && (
        <ReleasesSection canPublish={can('statistics.publish')} canPlan={can('statistics.calendar')} />
      )}
    </Page>
  );
}

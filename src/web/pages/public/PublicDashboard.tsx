/**
 * The public dashboard at /public, without a session: a published release of the protected open data
 * (docs/DISCLOSURE-CONTROL.md "Releases"), one year at a time, as charts and accessible tables, with
 * the same data to download (CSV, JSON) under its licence. The reader picks the release and the year.
 * Every number here already passed disclosure control on the server; the page only shows it.
 */
import { useMemo } from 'react';
import type { PublicTable } from '../../../shared/api-statistics.js';
import {
  downloadPublicStatistics,
  getPublicStatistics,
  listStatisticsReleases,
} from '../../../shared/contracts/statistics.js';
import { hrefOf } from '../../api.js';
import { PublicFrame } from '../../components/PublicLayout.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { NextReleases } from '../statistics/ReleaseCalendar.js';
import { useApiQuery } from '../../queries.js';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { figureLabel, keyLabel } from '../statistics/labels.js';
import { DepartmentMap } from '../../components/map/DepartmentMap.js';
import { intlLocale } from '../../i18n/catalogue.js';
import { BarChart } from './BarChart.js';
import { DataTable } from './DataTable.js';
import '../../styles/tables.css';
import './public.css';

/** The definitions shown under the series of victims formally identified and of possible victims. */
const DEFINITIONS: Partial<Record<string, MessageKey>> = {
  identifiedByYear: 'public.definition.victimsIdentified',
  possibleByYear: 'public.definition.possibleVictims',
};

function TableSection({ table, year }: { table: PublicTable; year: number }) {
  const { t, locale } = useI18n();
  const caption = t(`public.table.${table.id}` as MessageKey as never);
  const definition = DEFINITIONS[table.id];
  const rowLabel = (key: string) => keyLabel(t, locale, table.rowDimension, key);
  const colLabel = (key: string) => (table.colDimension ? keyLabel(t, locale, table.colDimension, key) : key);
  const series = useMemo(
    () =>
      table.colKeys.map((key, c) => ({
        label: table.colDimension ? colLabel(key) : t('public.persons'),
        values: table.cells.map((row) => row[c] ?? null),
      })),
    // Labels change with the language (`locale`); the label functions are rebuilt every render.
    [table, locale],
  );
  // A hidden value draws no bar, and neither does a true zero: the axis says which of the two it is.
  const labels = useMemo(
    () =>
      table.rowKeys.map((key, r) => {
        const cells = table.cells[r] ?? [];
        const mark = cells.some((value) => value === null)
          ? t('public.suppressed')
          : cells.every((value) => value === 0)
            ? (0).toLocaleString(intlLocale(locale))
            : null;
        return mark === null ? rowLabel(key) : `${rowLabel(key)} (${mark})`;
      }),
    [table, locale],
  );
  return (
    <section className="stat-section" aria-labelledby={`h-${table.id}`}>
      <h2 id={`h-${table.id}`}>{caption}</h2>
      {definition && (
        <p className="field-hint" data-testid={`definition-${table.id}`}>
          {t(definition as never)}
        </p>
      )}
      {table.rowKeys.length === 0 ? (
        <p className="empty">{t('public.empty')}</p>
      ) : (
        <>
          {table.rowDimension === 'department' && (
            // The map draws each department's total; a suppressed total stays suppressed.
            <DepartmentMap
              title={t('map.title', { figure: figureLabel(t, table.figure), year })}
              rows={table.rowKeys.map((key, r) => ({ key, value: table.rowTotals[r] ?? null }))}
              format={(value) => value.toLocaleString(intlLocale(locale))}
              suppressedLabel={t('public.suppressed')}
              keyLabel={rowLabel}
              testId={`map-${table.id}`}
            />
          )}
          {/* A chart of hidden values and zeros only would be empty axes: the table says it. */}
          {table.cells.some((row) => row.some((value) => value !== null && value > 0)) && (
            <BarChart
              labels={labels}
              series={series}
              stacked={table.colDimension !== null}
              description={caption}
              testId={`chart-${table.id}`}
            />
          )}
          <DataTable table={table} caption={caption} rowLabel={rowLabel} colLabel={colLabel} />
          {table.multiValued && <p className="field-hint">{t('public.multiValued')}</p>}
        </>
      )}
    </section>
  );
}

export function PublicDashboard() {
  const { t, formatDate } = useI18n();
  const { year, release } = useSearch({ from: '/public' });
  const navigate = useNavigate();
  const releases = useApiQuery(listStatisticsReleases, {});
  const hasRelease = (releases.data?.releases.length ?? 0) > 0;
  const data = useApiQuery(getPublicStatistics, { query: { year, release } }, { enabled: hasRelease });
  return (
    <PublicFrame className="public-dashboard" mainClassName="public-dashboard-main">
      <h1>{t('public.title')}</h1>
      {releases.data && <NextReleases schedule={releases.data.schedule} />}
      {releases.data && !hasRelease ? (
        <p className="empty" data-testid="no-release">
          {t('public.noRelease')}
        </p>
      ) : (
        <QueryState query={data}>
          {(shown) => (
            <>
              <p>{t('public.intro', { k: shown.k })}</p>
              <p data-testid="release-note">
                {t('public.releaseNote', {
                  version: shown.release.version,
                  date: formatDate(shown.release.publishedAt),
                  k: shown.k,
                })}
              </p>
              <div className="public-toolbar">
                <label>
                  {t('public.release')}{' '}
                  <select
                    value={shown.release.version}
                    data-testid="public-release"
                    onChange={(event) =>
                      void navigate({ to: '/public', search: { release: Number(event.target.value) } })
                    }
                  >
                    {(releases.data?.releases ?? []).map((r) => (
                      <option key={r.version} value={r.version}>
                        {t('public.releaseOption', { version: r.version, date: formatDate(r.publishedAt) })}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('public.year')}{' '}
                  <select
                    value={shown.year}
                    data-testid="public-year"
                    onChange={(event) =>
                      void navigate({
                        to: '/public',
                        search: { year: Number(event.target.value), release: shown.release.version },
                      })
                    }
                  >
                    {[...shown.years].reverse().map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                </label>
                <a
                  href={hrefOf(downloadPublicStatistics, {
                    query: { year: shown.year, release: shown.release.version },
                  })}
                  download
                  data-testid="download-csv"
                >
                  {t('public.downloadCsv')}
                </a>
                <a
                  href={hrefOf(getPublicStatistics, {
                    query: { year: shown.year, release: shown.release.version },
                  })}
                  download={`nanduti-open-data-${shown.year}-release-${shown.release.version}.json`}
                >
                  {t('public.downloadJson')}
                </a>
                <a href={shown.licence.url} rel="license">
                  {t('public.licence', { name: shown.licence.name })}
                </a>
              </div>
              {shown.tables.map((table) => (
                <TableSection key={table.id} table={table} year={shown.year} />
              ))}
            </>
          )}
        </QueryState>
      )}
      <p>
        <Link to="/login">{t('public.signIn')}</Link>
      </p>
    </PublicFrame>
  );
}

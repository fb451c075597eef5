/**
 * The statistics page's map: the figure shown, by department, with the page's other filters. When
 * the page already breaks the figure down by department (and filters no department) the map draws
 * those rows and the page's table is its alternative; otherwise it asks for the department
 * breakdown without the department filter (so every area has its value and the filtered one is
 * outlined) and carries its own table. Choosing an area sets or clears the department filter.
 */
import type { FigureId, StatisticsResult } from '../../../shared/api-statistics.js';
import { getStatistics } from '../../../shared/contracts/statistics.js';
import { DepartmentMap } from '../../components/map/DepartmentMap.js';
import type { DepartmentCode } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { figureLabel, keyLabel } from './labels.js';

interface Props {
  figure: FigureId;
  year: number;
  /** The page's query (figure, year, filters, breakdown). */
  query: Record<string, unknown>;
  /** The page's own rows when they are the department breakdown of every department. */
  pageRows: StatisticsResult['rows'] | null;
  format: (value: number) => string;
  selected: string | undefined;
  onSelect: (code: DepartmentCode) => void;
}

export function StatisticsMap({ figure, year, query, pageRows, format, selected, onSelect }: Props) {
  const { t, locale } = useI18n();
  const own = useApiQuery(
    getStatistics,
    { query: { ...query, by: 'department', department: undefined } as never },
    { enabled: pageRows === null },
  );
  const rows = pageRows ?? own.data?.rows;
  if (!rows) return null;
  return (
    <DepartmentMap
      title={t('map.title', { figure: figureLabel(t, figure), year })}
      rows={rows}
      format={format}
      suppressedLabel={t('stats.small')}
      keyLabel={(key) => keyLabel(t, locale, 'department', key)}
      selected={selected}
      onSelect={onSelect}
      table={pageRows === null}
      testId="stat-map"
    />
  );
}

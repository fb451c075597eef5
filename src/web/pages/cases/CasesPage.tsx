/**
 * The case list: the cases the institution owns or was shared, newest detection first, with
 * filters kept in the address (codes, dates and a reference only — never names).
 */
import { Link } from '@tanstack/react-router';
import type { z } from 'zod';
import type { CaseSummary } from '../../../shared/api-identification.js';
import { useState } from 'react';
import { listCases, searchCases } from '../../../shared/contracts/cases.js';
import { DataTable, EmptyList, useListSearch, type Column } from '../../components/DataTable.js';
import { Page } from '../../components/Page.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { CaseFilters } from './CaseFilters.js';
import { CaseSearchBox } from './CaseSearch.js';
import { activeFilterCount, filterParams, type CaseFilter } from './filter.js';
import { formatDate } from './format.js';
import { useValueLabel } from './labels.js';
import '../../styles/cases.css';

const PAGE_SIZE = 50;

type Summary = z.output<typeof CaseSummary>;

export function CasesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [filter, setFilter] = useListSearch('/_app/cases');
  const offset = filter.offset ?? 0;
  // A name searched is page state (never the address); its results are not kept after the page.
  const [search, setSearch] = useState<{ q: string; offset: number } | null>(null);
  const listed = useApiQuery(
    listCases,
    { query: { ...filter, limit: PAGE_SIZE } },
    { enabled: search === null },
  );
  const found = useApiQuery(
    searchCases,
    { body: { q: search?.q ?? '', offset: search?.offset ?? 0, limit: PAGE_SIZE } },
    { enabled: search !== null && can('person.search'), gcTime: 0 },
  );
  const cases = search ? found : listed;
  const go = (next: CaseFilter) => setFilter(filterParams(next));
  const filtered = activeFilterCount(filter) > 0 || filter.reference !== undefined;
  const columns = useCaseColumns();
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
      {can('person.search') && (
        <CaseSearchBox
          active={search !== null}
          onSearch={(q) => setSearch(q === null ? null : { q, offset: 0 })}
        />
      )}
      {!search && <CaseFilters filter={filter} onApply={go} />}
      <DataTable
        query={cases}
        columns={columns}
        label={t('cases.title')}
        testId="cases-table"
        rowTestId="case-row"
        empty={
          <EmptyList
            testId="cases-empty"
            message={search ? t('caseSearch.none') : filtered ? t('cases.noneMatching') : t('cases.none')}
            clearLabel={search ? t('caseSearch.clear') : filtered ? t('cases.clearFilters') : undefined}
            onClear={() => (search ? setSearch(null) : go({}))}
          />
        }
        summary={(data) => t('cases.total', { total: data.total })}
        summaryTestId="cases-total"
        paging={{
          label: t('cases.pagination'),
          offset: search ? search.offset : offset,
          pageSize: PAGE_SIZE,
          total: (data) => data.total,
          count: (range) => t('cases.count', range),
          onOffset: (next) =>
            search ? setSearch({ ...search, offset: next }) : go({ ...filter, offset: next }),
        }}
      />
    </Page>
  );
}

/** The list's columns; on phones each row is a card. */
function useCaseColumns(): Column<Summary>[] {
  const { t, locale } = useI18n();
  const label = useValueLabel();
  return [
    {
      header: t('cases.field.reference'),
      cell: (item) => (
        <Link to="/cases/$id" params={{ id: item.id }} className="case-reference">
          {item.reference}
        </Link>
      ),
    },
    {
      header: t('cases.field.status'),
      cell: (item) => (
        <span className={`badge badge--case-${item.status}`}>{label('CASE_STATUSES', item.status)}</span>
      ),
    },
    {
      header: t('cases.field.detectedOn'),
      cell: (item) => formatDate(locale, item.detectedOn),
      className: 'cell-nowrap',
    },
    {
      header: t('cases.field.detectionMethod'),
      cell: (item) => label('DETECTION_METHODS', item.detectionMethod),
    },
    {
      header: t('cases.field.department'),
      cell: (item) =>
        item.detectionDepartment ? departmentName(item.detectionDepartment) : t('common.none'),
    },
    {
      header: t('cases.field.owner'),
      cell: (item) => (
        <>
          {item.ownerInstitutionCode}
          {item.shared && (
            <span className="badge badge--pending cell-secondary">{t('cases.sharedWithUs')}</span>
          )}
        </>
      ),
    },
    { header: t('cases.field.persons'), cell: (item) => item.personCount, className: 'cell-number' },
  ];
}

/**
 * The list pattern: a page keeps its filters and page in the address (the route's typed search,
 * checked with zod in `validateSearch`), reads the list with `useApiQuery`, and shows it with
 * `<DataTable>` — loading, error and empty states, the total, a table that turns into cards on
 * phones, and the pager. Reloading or sharing the address shows the same list.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import {
  useNavigate,
  useSearch,
  type RegisteredRouter,
  type RouteById,
  type RouteIds,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';
import { Pager } from './Pager.js';
import { QueryState } from './QueryState.js';

type RouteId = RouteIds<RegisteredRouter['routeTree']>;
type SearchOf<Id extends RouteId> = RouteById<RegisteredRouter['routeTree'], Id>['types']['fullSearchSchema'];

/**
 * The search of route `from` and a way to change it: `setSearch(next)` is a navigation, so back
 * and forward step through the filters the user chose.
 */
export function useListSearch<Id extends RouteId>(from: Id) {
  const search = useSearch({ from }) as SearchOf<Id>;
  const navigate = useNavigate();
  const setSearch = (next: SearchOf<Id>) => void navigate({ to: '.', search: next as never, replace: false });
  return [search, setSearch] as const;
}

export interface Column<T> {
  /** The column's header, also the cell's label when the table shows as cards. */
  header: string;
  cell(row: T): ReactNode;
  className?: string;
}

interface Paging<D> {
  label: string;
  offset: number;
  pageSize: number;
  total(data: D): number;
  /** What is shown, in the page's words ("1–50 of 120"). */
  count(range: { from: number; to: number; total: number }): string;
  onOffset(offset: number): void;
}

interface Props<T, D> {
  query: UseQueryResult<D, ApiError>;
  rows(data: D): readonly T[];
  rowKey(row: T): string;
  /** The first column heads its row (a link to the record, say). */
  columns: readonly Column<T>[];
  /** The table's name (region and caption). */
  label: string;
  testId: string;
  rowTestId: string;
  /** Shown when there are no rows. */
  empty: ReactNode;
  /** Shown above the rows, with or without them (counts that act as filters). */
  before?(data: D): ReactNode;
  /** The line that says how many there are, announced when it changes. */
  summary?(data: D): ReactNode;
  summaryTestId?: string;
  paging?: Paging<D>;
}

export function DataTable<T, D>(props: Props<T, D>) {
  const { query, paging } = props;
  return (
    <QueryState query={query}>
      {(data) => {
        const rows = props.rows(data);
        return (
          <>
            {props.before?.(data)}
            {rows.length === 0 ? (
              props.empty
            ) : (
              <>
                {props.summary && (
                  <p className="cases-total" aria-live="polite" data-testid={props.summaryTestId}>
                    {props.summary(data)}
                  </p>
                )}
                <Table {...props} rows={rows} busy={query.isFetching} />
                {paging && <ListPager paging={paging} total={paging.total(data)} busy={query.isFetching} />}
              </>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function Table<T>(
  props: Pick<Props<T, unknown>, 'rowKey' | 'columns' | 'label' | 'testId' | 'rowTestId'> & {
    rows: readonly T[];
    busy: boolean;
  },
) {
  const [head, ...rest] = props.columns;
  return (
    <div className="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      <table className="table table--cards" aria-busy={props.busy} data-testid={props.testId}>
        <caption className="visually-hidden">{props.label}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} data-testid={props.rowTestId}>
              {head && <th scope="row">{head.cell(row)}</th>}
              {rest.map((column) => (
                <td key={column.header} data-label={column.header} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ListPager<D>({ paging, total, busy }: { paging: Paging<D>; total: number; busy: boolean }) {
  const { offset, pageSize } = paging;
  return (
    <Pager
      label={paging.label}
      count={paging.count({ from: offset + 1, to: Math.min(offset + pageSize, total), total })}
      offset={offset}
      pageSize={pageSize}
      total={total}
      busy={busy}
      onOffset={paging.onOffset}
    />
  );
}

/** No rows: why (nothing yet, or nothing matching), and a way back to the whole list when filtered. */
export function EmptyList(props: {
  testId: string;
  message: string;
  /** The label of the button that clears the filters; absent when nothing is filtered. */
  clearLabel?: string | undefined;
  onClear(): void;
}) {
  return (
    <div className="empty" data-testid={props.testId}>
      <p>{props.message}</p>
      {props.clearLabel && (
        <button type="button" className="btn" onClick={() => props.onClear()}>
          {props.clearLabel}
        </button>
      )}
    </div>
  );
}

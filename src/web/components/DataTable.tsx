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
import { EmptyLine, QueryState } from './QueryState.js';

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
  /**
   * Whether the cell says its header when the table shows as cards (`table--cards`): every cell
   * but the row's head unless told otherwise (a column of buttons needs none; a number heading its row does).
   */
  cardLabel?: boolean;
  /** The header is said to screen readers only (a column of buttons that name themselves). */
  hideHeader?: boolean;
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

/** The rows of a list answer that keeps them in `items`, as most do. */
export type ItemsOf<D> = D extends { items: readonly (infer I)[] } ? I : never;

export interface DataTableProps<D, T> {
  query: UseQueryResult<D, ApiError>;
  /** The rows in the answer: its `items` unless told otherwise. */
  rows?(data: D): readonly T[];
  /** A row's key: its `id` unless told otherwise. */
  rowKey?(row: T): string;
  /** The first column heads its row (a link to the record, say). */
  columns: readonly Column<T>[];
  /** The table's name (region and caption). */
  label: string;
  testId: string;
  rowTestId: string;
  /** Shown when there are no rows: words are said in the list's empty line (`emptyTestId`). */
  empty: ReactNode;
  emptyTestId?: string;
  /** Shown above the rows, with or without them (counts that act as filters). */
  before?(data: D): ReactNode;
  /** The line that says how many there are, announced when it changes. */
  summary?(data: D): ReactNode;
  summaryTestId?: string;
  paging?: Paging<D>;
}

export function DataTable<D, T = ItemsOf<D>>(props: DataTableProps<D, T>) {
  const { query, paging } = props;
  const rowKey = props.rowKey ?? ((row: T) => (row as { id: string }).id);
  return (
    <QueryState query={query}>
      {(data) => {
        const rows = props.rows ? props.rows(data) : (data as { items: readonly T[] }).items;
        return (
          <>
            {props.before?.(data)}
            {rows.length === 0 ? (
              <EmptyLine empty={props.empty} testId={props.emptyTestId} />
            ) : (
              <>
                {props.summary && (
                  <p className="cases-total" aria-live="polite" data-testid={props.summaryTestId}>
                    {props.summary(data)}
                  </p>
                )}
                <Table
                  rows={rows}
                  rowKey={rowKey}
                  columns={props.columns}
                  label={props.label}
                  busy={query.isFetching}
                  testId={props.testId}
                  rowTestId={props.rowTestId}
                />
                {paging && <ListPager paging={paging} total={paging.total(data)} busy={query.isFetching} />}
              </>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

interface TableProps<T> {
  rows: readonly T[];
  rowKey(row: T): string | number;
  /** The first column heads its row (a link to the record, say); a column left out is `false`. */
  columns: readonly (Column<T> | false)[];
  /** The table's name: a scrolling region so named, and the caption (unless `caption` is false). */
  label?: string;
  caption?: boolean;
  /** The first cell of a row is its header (`th`); true unless told otherwise. */
  rowHeads?: boolean;
  className?: string;
  busy?: boolean;
  testId?: string;
  rowTestId?: string;
}

/**
 * A table from its column definitions, which turns into cards on phones (`table--cards`) and
 * scrolls sideways in its own region where it is named.
 */
export function Table<T>({
  rows,
  rowKey,
  label,
  caption = true,
  rowHeads = true,
  className = 'table table--cards',
  ...props
}: TableProps<T>) {
  const columns = props.columns.filter((column): column is Column<T> => column !== false);
  const cards = className.split(' ').includes('table--cards');
  const region = label === undefined ? {} : { role: 'region', 'aria-label': label, tabIndex: 0 };
  return (
    <div className="table-scroll" {...region}>
      <table className={className} aria-busy={props.busy} data-testid={props.testId}>
        {label !== undefined && caption && <caption className="visually-hidden">{label}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={props.rowTestId}>
              {columns.map((column, index) => {
                const head = rowHeads && index === 0;
                const cell = {
                  className: column.className,
                  'data-label': cards && (column.cardLabel ?? !head) ? column.header : undefined,
                  children: column.cell(row),
                };
                return head ? (
                  <th key={column.header} scope="row" {...cell} />
                ) : (
                  <td key={column.header} {...cell} />
                );
              })}
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

/**
 * Loading, error and empty states of a read, in one place: a page gives the query and what to show
 * with its data; a failed read offers to try again, and an empty one says so.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';
import { LoadError, Loading } from './Loading.js';

interface Props<T> {
  query: UseQueryResult<T, ApiError>;
  /**
   * Whether the data counts as empty, when `empty` is given: an answer that keeps its rows in
   * `items` is empty when it has none, unless told otherwise.
   */
  isEmpty?: (data: T) => boolean;
  /** Shown instead of `children` when the data is empty; words are said in an empty line. */
  empty?: ReactNode;
  /** The `data-testid` of the empty line. */
  emptyTestId?: string;
  children: (data: T) => ReactNode;
}

const noItems = (data: unknown) => (data as { items?: readonly unknown[] }).items?.length === 0;

export function QueryState<T>({ query, isEmpty = noItems, empty, emptyTestId, children }: Props<T>) {
  if (query.isError && query.data === undefined) {
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data === undefined) return <Loading />;
  if (empty !== undefined && isEmpty(query.data)) return <EmptyLine empty={empty} testId={emptyTestId} />;
  return <>{children(query.data)}</>;
}

/** What is shown for an empty list: words in the list's empty line, or the node given. */
export function EmptyLine({ empty, testId }: { empty: ReactNode; testId?: string | undefined }) {
  if (typeof empty !== 'string') return <>{empty}</>;
  return (
    <p className="empty" data-testid={testId}>
      {empty}
    </p>
  );
}

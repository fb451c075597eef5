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
  /** Whether the data counts as empty; `empty` is then shown instead of `children`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ query, isEmpty, empty, children }: Props<T>) {
  if (query.isError && query.data === undefined) {
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data === undefined) return <Loading />;
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

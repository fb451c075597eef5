/**
 * Server state in TanStack Query. A query is keyed by its contract's operation id and its input, so
 * the same read is shared and cached across the page; a mutation is a plain object (contract and
 * input), so it can later be persisted and queued; after every successful write the active
 * queries are fetched again, so lists, badges and notifications show the change at once.
 * Reads are retried on network failures and server errors; writes never are.
 */
import {
  MutationCache,
  QueryClient,
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { AnyContract, ContractInput, ContractOutput } from '../shared/contract.js';
import { ApiError, call, type CallArgs, type InputArgs } from './api.js';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** Worth trying again: no answer at all, or the server failed (never a 4xx, which would repeat). */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 0 || error.status >= 500) && error.code !== 'client_error'
  );
}

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && isTransient(error),
      // Reads of a person are audited: fetch when a page opens or after a change, not on focus.
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
    mutations: { retry: false },
  },
  mutationCache: new MutationCache({
    onSuccess: (): Promise<void> => queryClient.invalidateQueries(),
  }),
});

/** The key of a read: operation id, then its input (params, query). */
export function apiQueryKey<C extends AnyContract>(contract: C, input?: ContractInput<C>) {
  return [contract.operationId, input ?? {}] as const;
}

type QueryOptions<C extends AnyContract> = Omit<
  UseQueryOptions<ContractOutput<C>, ApiError, ContractOutput<C>, ReturnType<typeof apiQueryKey<C>>>,
  'queryKey' | 'queryFn'
>;

/** Reads `contract` with `input`; the data stays cached under the operation id and input. */
export function useApiQuery<C extends AnyContract>(
  contract: C,
  input: InputArgs<C>[0],
  options: QueryOptions<C> = {},
) {
  return useQuery({
    queryKey: apiQueryKey(contract, input as ContractInput<C>),
    queryFn: ({ signal }) => call(contract, ...([input, signal] as CallArgs<C>)),
    ...options,
  });
}

type MutationOptions<C extends AnyContract> = Omit<
  UseMutationOptions<ContractOutput<C>, ApiError, ContractInput<C>>,
  'mutationKey' | 'mutationFn'
>;

/** A write: `mutate(input)` with the contract's input; active reads refresh after it succeeds. */
export function useApiMutation<C extends AnyContract>(contract: C, options: MutationOptions<C> = {}) {
  return useMutation({
    mutationKey: [contract.operationId],
    mutationFn: (input: ContractInput<C>) => call(contract, ...([input] as InputArgs<C>)),
    ...options,
  });
}

/**
 * A read made once, when a step needs its answer before going on (a duplicate check by name): it
 * goes through the query layer (retries on failure) but is not kept, as it carries personal data.
 */
export function readOnce<C extends AnyContract>(
  contract: C,
  ...[input]: InputArgs<C>
): Promise<ContractOutput<C>> {
  return queryClient.fetchQuery({
    queryKey: apiQueryKey(contract, input as ContractInput<C>),
    queryFn: ({ signal }) => call(contract, ...([input, signal] as CallArgs<C>)),
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * An API operation, declared once: its id, method, path, the zod schemas of its params, query, body
 * and response, who may call it and the coarse action it needs. The server registers its route from
 * the contract (`defineRoute(contract, handler)`), the OpenAPI document is generated from the
 * contracts, and the web calls it with `call(contract, input)` — so no path, placement or response
 * shape is typed twice.
 */
import { z, type ZodType } from 'zod';
import type { ActionName, Purpose } from './actions.js';
import { Uuid } from './api.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Auth = 'session' | 'public';

export interface Contract<
  PS extends ZodType | undefined = ZodType | undefined,
  QS extends ZodType | undefined = ZodType | undefined,
  BS extends ZodType | undefined = ZodType | undefined,
  RS extends ZodType | null = ZodType | null,
  A extends Auth = Auth,
> {
  operationId: string;
  method: Method;
  /** OpenAPI style: `/api/cases/{id}`. */
  path: string;
  summary: string;
  tags: readonly string[];
  auth: A;
  /** Coarse permission checked before anything is loaded (an action name of the policies). */
  action?: ActionName;
  /** Why data is accessed, written to the audit trail, unless the caller states one. */
  purpose?: Purpose;
  params?: PS;
  query?: QS;
  body?: BS;
  /** A body that is not JSON (a CSV file, say): its media type. The body schema then describes text. */
  bodyType?: string;
  /** `null`: no body in the answer (204, or a file the client downloads). */
  response: RS;
  /** The answer is a file to save (named by `content-disposition`), not JSON to read. */
  download?: boolean;
  status?: number;
}

/** What `defineContract` takes: a contract whose `auth` may be left out (then `'session'`). */
export type ContractSpec<
  PS extends ZodType | undefined,
  QS extends ZodType | undefined,
  BS extends ZodType | undefined,
  RS extends ZodType | null,
  A extends Auth,
> = Omit<Contract<PS, QS, BS, RS, A>, 'auth'> & { auth?: A };

/** Declares a contract, keeping its literal schema types (so inputs and outputs are inferred). */
export function defineContract<
  PS extends ZodType | undefined = undefined,
  QS extends ZodType | undefined = undefined,
  BS extends ZodType | undefined = undefined,
  RS extends ZodType | null = null,
  A extends Auth = 'session',
>(spec: ContractSpec<PS, QS, BS, RS, A>): Contract<PS, QS, BS, RS, A> {
  return { ...spec, auth: spec.auth ?? ('session' as A) };
}

export type AnyContract = Contract<
  ZodType | undefined,
  ZodType | undefined,
  ZodType | undefined,
  ZodType | null,
  Auth
>;

/** Who may call a contract: `'session'` or `'public'`. */
export type AuthOf<C> =
  C extends Contract<ZodType | undefined, ZodType | undefined, ZodType | undefined, ZodType | null, infer A>
    ? A
    : never;

/** The HTTP status of a successful answer: declared, or 200 (204 without a response body). */
export function statusOf(contract: Pick<AnyContract, 'status' | 'response'>): number {
  return contract.status ?? (contract.response ? 200 : 204);
}

type In<S> = S extends ZodType ? z.input<S> : never;
type Out<S> = S extends ZodType ? z.output<S> : never;

/** What a caller passes: only the parts the contract declares (params, query, body). */
export type ContractInput<C> =
  C extends Contract<infer PS, infer QS, infer BS, ZodType | null, Auth>
    ? (PS extends ZodType ? { params: In<PS> } : { params?: never }) &
        (QS extends ZodType ? { query?: In<QS> } : { query?: never }) &
        (BS extends ZodType ? { body: In<BS> } : { body?: never })
    : never;

/** What a handler receives, after validation. */
export type ContractArgs<C> =
  C extends Contract<infer PS, infer QS, infer BS, ZodType | null, Auth>
    ? { params: Out<PS>; query: Out<QS>; body: Out<BS> }
    : never;

/** What the server answers (parsed), or `void` for an operation without a JSON answer. */
export type ContractOutput<C> =
  C extends Contract<ZodType | undefined, ZodType | undefined, ZodType | undefined, infer RS, Auth>
    ? RS extends ZodType
      ? z.output<RS>
      : void
    : never;

/** What a handler must return: the response schema's input (before defaults and transforms). */
export type ContractResult<C> =
  C extends Contract<ZodType | undefined, ZodType | undefined, ZodType | undefined, infer RS, Auth>
    ? RS extends ZodType
      ? z.input<RS>
      : void
    : never;

/** `/api/cases/{id}` with `{ id }` → `/api/cases/0f…`; every value is URI-encoded. */
export function pathOf(contract: Pick<AnyContract, 'path'>, params: Record<string, unknown> = {}): string {
  return contract.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** The names of a path's placeholders: `'/api/cases/{id}/shares/{shareId}'` → `'id' | 'shareId'`. */
export type PathParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | PathParamNames<Rest>
  : never;

/** The params schema a path implies (every placeholder names a record by its UUID), or none. */
export type PathParams<P extends string> = [PathParamNames<P>] extends [never]
  ? undefined
  : z.ZodObject<{ [K in PathParamNames<P>]: typeof Uuid }, z.core.$strict>;

/** `/api/cases/{id}/shares/{shareId}` → `z.strictObject({ id: Uuid, shareId: Uuid })`; no placeholder, no schema. */
export function pathParams<P extends string>(path: P): PathParams<P> {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  if (names.length === 0) return undefined as PathParams<P>;
  return z.strictObject(Object.fromEntries(names.map((name) => [name, Uuid]))) as unknown as PathParams<P>;
}

/**
 * What a feature's operation states itself: the rest comes from the feature and the call, and its
 * params from the path's placeholders.
 */
export type OperationSpec<
  QS extends ZodType | undefined,
  BS extends ZodType | undefined,
  RS extends ZodType | null,
  A extends Auth,
> = Omit<ContractSpec<undefined, QS, BS, RS, A>, 'operationId' | 'method' | 'path' | 'tags' | 'params'> & {
  tags?: readonly string[];
};

/**
 * The contracts of one feature, which share their tags and usually the purpose of their data access:
 *
 *   const devices = defineOperations({ tags: ['devices'], purpose: 'administration' });
 *   export const listDevices = devices.get('listDevices', '/api/devices', { summary, action, query, response });
 *
 * `get`, `post`, `put`, `patch` and `delete` declare a contract with that method (`defineContract`,
 * so the schema types stay literal); `create` is a `post` that answers 201 Created. An operation may
 * still state its own tags or purpose. Its params are those of its path (`pathParams`), so the two
 * cannot disagree.
 */
export function defineOperations(feature: { tags: readonly string[]; purpose?: Purpose }) {
  const declare =
    (method: Method, status?: number) =>
    <
      P extends string,
      QS extends ZodType | undefined = undefined,
      BS extends ZodType | undefined = undefined,
      RS extends ZodType | null = null,
      A extends Auth = 'session',
    >(
      operationId: string,
      path: P,
      spec: OperationSpec<QS, BS, RS, A>,
    ): Contract<PathParams<P>, QS, BS, RS, A> =>
      defineContract<PathParams<P>, QS, BS, RS, A>({
        ...feature,
        operationId,
        method,
        path,
        ...spec,
        ...(path.includes('{') && { params: pathParams(path) }),
        ...(status && { status }),
      });
  return {
    get: declare('GET'),
    post: declare('POST'),
    create: declare('POST', 201),
    put: declare('PUT'),
    patch: declare('PATCH'),
    delete: declare('DELETE'),
  };
}

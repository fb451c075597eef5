/**
 * The one client of the Ñandutí API: `call(contract, input)` for any operation declared in
 * `src/shared/contracts`, so no path, parameter placement or response shape is typed here. Every
 * call sends the active language (server messages come back translated) and, once logged in, the
 * CSRF token on writes; a 401 on a logged-in call says the session ended; answers are checked
 * against the contract's schema, so a drift shows as one clear error instead of a blank page.
 */
import type { z } from 'zod';
import { ErrorBody } from '../shared/api.js';
import { pathOf, type AnyContract, type ContractInput, type ContractOutput } from '../shared/contract.js';
import { DEFAULT_LOCALE, type Locale } from '../shared/roles.js';
import { translate } from './i18n/translate.js';

export interface ApiIssue {
  path: string;
  message: string;
  /** Set where the client shows the issue in its own language (the directory import's rows). */
  code?: string | undefined;
  field?: string | undefined;
  line?: number | undefined;
  params?: Record<string, string | number> | undefined;
}

/** An error answer from the server (or a failure to get one), with a message fit to show. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

let activeLocale: Locale = DEFAULT_LOCALE;
let csrfToken: string | null = null;
const sessionEndedListeners = new Set<() => void>();
let deviceId: string | null = null;
const deviceRevokedListeners = new Set<() => void>();

/** The language sent as Accept-Language and used for the client's own error messages. */
export function setApiLocale(locale: Locale): void {
  activeLocale = locale;
}

/** The session's CSRF token (from a SessionView), sent on writes; null once signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a logged-in request is answered 401: the session ended on the server. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/**
 * The registered offline device this app runs on (docs/OFFLINE.md), or null: sent with every call,
 * so that a revoked or expired device learns it at its next contact (410) and wipes itself.
 */
export function setDeviceId(id: string | null): void {
  deviceId = id;
}

/** Called when the server answers 410 `device_revoked`: the offline store must be wiped. */
export function onDeviceRevoked(listener: () => void): () => void {
  deviceRevokedListeners.add(listener);
  return () => deviceRevokedListeners.delete(listener);
}

/** Any thrown value as an ApiError, so the UI has one kind of error to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error(error);
  return new ApiError(0, 'client_error', translate(activeLocale, 'error.unexpected'));
}

type QueryValues = Readonly<Record<string, unknown>>;

interface Request {
  method: string;
  path: string;
  query?: QueryValues | undefined;
  /** JSON, or with `contentType` a body sent as it is (a CSV file). */
  body?: unknown;
  contentType?: string | undefined;
  /** A call made without a session (login, set-up, open data): a 401 is not an expiry. */
  anonymous?: boolean;
  signal?: AbortSignal | undefined;
  /** Makes a retried write safe: the server answers a retry with the first answer. */
  idempotencyKey?: string | undefined;
}

function urlOf(path: string, query: QueryValues | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(request: Request): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': activeLocale };
  let body: BodyInit | null = null;
  if (request.contentType) {
    headers['Content-Type'] = request.contentType;
    body = request.body as Blob | string;
  } else if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  if (request.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (deviceId && !request.anonymous) headers['x-nanduti-device'] = deviceId;
  if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(urlOf(request.path, request.query), {
      method: request.method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body,
      signal: request.signal ?? null,
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', translate(activeLocale, 'error.network'));
  }
  if (response.ok) return response;
  if (response.status === 401 && !request.anonymous && csrfToken !== null) {
    csrfToken = null;
    for (const listener of sessionEndedListeners) listener();
  }
  const error = await errorFrom(response);
  if (error.status === 410 && error.code === 'device_revoked')
    for (const listener of deviceRevokedListeners) listener();
  throw error;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiError(response.status, code, message, issues ?? []);
  }
  return new ApiError(
    response.status,
    'http_error',
    translate(activeLocale, 'error.http', { status: response.status }),
  );
}

/** The HTTP request of a contract and its input: path parameters, query, and the body as declared. */
function requestOf(contract: AnyContract, input: object, signal?: AbortSignal): Request {
  const { params, query, body } = input as { params?: object; query?: QueryValues; body?: unknown };
  return {
    method: contract.method,
    path: pathOf(contract, params as Record<string, unknown> | undefined),
    query,
    body,
    contentType: contract.bodyType,
    anonymous: contract.auth === 'public',
    signal,
  };
}

/** The input, optional when the contract declares nothing the caller must give. */
export type InputArgs<C> =
  object extends ContractInput<C> ? [input?: ContractInput<C>] : [input: ContractInput<C>];
export type CallArgs<C> =
  object extends ContractInput<C>
    ? [input?: ContractInput<C>, signal?: AbortSignal]
    : [input: ContractInput<C>, signal?: AbortSignal];

/** Calls one operation and returns its answer, parsed with the contract's response schema. */
export async function call<C extends AnyContract>(
  contract: C,
  ...args: CallArgs<C>
): Promise<ContractOutput<C>> {
  const [input, signal] = args as [object | undefined, AbortSignal | undefined];
  return parseAnswer(contract, await send(requestOf(contract, input ?? {}, signal)));
}

/**
 * Calls a write with an `Idempotency-Key`: sent again with the same key (a retry after a lost
 * answer, the offline queue), it gets the first answer and writes nothing more.
 */
export async function callIdempotent<C extends AnyContract>(
  contract: C,
  input: ContractInput<C>,
  idempotencyKey: string,
): Promise<ContractOutput<C>> {
  return parseAnswer(contract, await send({ ...requestOf(contract, input as object), idempotencyKey }));
}

async function parseAnswer<C extends AnyContract>(
  contract: C,
  response: Response,
): Promise<ContractOutput<C>> {
  if (contract.response === null) {
    await response.body?.cancel();
    return undefined as ContractOutput<C>;
  }
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = (contract.response as z.ZodType).safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected response from ${contract.operationId}`, parsed.error.issues);
    throw new ApiError(response.status, 'unexpected_response', translate(activeLocale, 'error.unexpected'));
  }
  return parsed.data as ContractOutput<C>;
}

export interface Download {
  blob: Blob;
  /** The name the server gives the file (`content-disposition`), or `fallbackName`. */
  fileName: string;
  headers: Headers;
}

/** Calls an operation whose answer is a file (CSV, XLSX, PDF) and returns it to be saved. */
export async function download<C extends AnyContract>(
  contract: C,
  fallbackName: string,
  ...[input]: InputArgs<C>
): Promise<Download> {
  const response = await send(requestOf(contract, input ?? {}));
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  return { blob: await response.blob(), fileName, headers: response.headers };
}

/**
 * The address of a GET operation, for a plain link the browser downloads itself (open data, the
 * national report): the path and query still come from the contract.
 */
export function hrefOf<C extends AnyContract>(contract: C, ...[input]: InputArgs<C>): string {
  const { path, query } = requestOf(contract, input ?? {});
  return urlOf(path, query);
}

/** Hands a downloaded file to the browser to save. */
export function saveFile({ blob, fileName }: Pick<Download, 'blob' | 'fileName'>): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

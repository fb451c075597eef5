/**
 * Declaring an API operation. Every route goes through the same path:
 * auth → validate (zod) → transaction → handler (load → authorize → service → audit) → present.
 * The declarations also produce the OpenAPI document (openapi.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Actor } from '../access/actor.js';
import { can, type Action } from '../access/policies.js';
import { writeAuditAlone } from '../audit/audit.js';
import type { Trx } from '../db/database.js';
import type { AppServices } from '../services.js';
import type { Locale } from '../../shared/roles.js';
import { AppError, errors, type FieldIssue } from './errors.js';
import { localeOf } from './locale.js';
import { authenticate, requireCsrf } from './session-auth.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What every service call receives: the transaction, who acts, and the request's identity. */
export interface Ctx {
  trx: Trx;
  actor: Actor;
  requestId: string;
  purpose: string;
}

interface HandlerArgs<P, Q, B, A> {
  params: P;
  query: Q;
  body: B;
  actor: A;
  requestId: string;
  locale: Locale;
  purpose: string;
  request: FastifyRequest;
  reply: FastifyReply;
  services: AppServices;
}

type Infer<S> = S extends ZodType ? z.output<S> : undefined;

export interface RouteSpec<
  PS extends ZodType | undefined,
  QS extends ZodType | undefined,
  BS extends ZodType | undefined,
  RS extends ZodType | null,
  Auth extends 'session' | 'public',
> {
  operationId: string;
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  auth: Auth;
  /** Coarse permission checked before anything is loaded (record-level checks happen in services). */
  action?: Action;
  /** Why data is accessed, written to the audit trail. */
  purpose?: string;
  params?: PS;
  query?: QS;
  body?: BS;
  response: RS;
  status?: number;
  /** 'write' (default for non-GET), 'read' (GET), or 'none' when the handler manages it. */
  transaction?: 'write' | 'read' | 'none';
  handler: (
    args: HandlerArgs<Infer<PS>, Infer<QS>, Infer<BS>, Auth extends 'session' ? Actor : Actor | null> & {
      trx: Trx;
    },
  ) => Promise<RS extends ZodType ? z.input<RS> : void>;
}

export interface RegisteredRoute {
  operationId: string;
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  auth: 'session' | 'public';
  action?: Action;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  response: ZodType | null;
  status: number;
}

export function toIssues(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

const zodLocales = { es: z.locales.es(), en: z.locales.en(), gn: z.locales.es() };

const NUL_MESSAGE: Record<Locale, string> = {
  es: 'no puede contener el carácter NUL',
  gn: 'no puede contener el carácter NUL',
  en: 'may not contain the NUL character',
};

const NO_QUERY_MESSAGE: Record<Locale, string> = {
  es: 'esta operación no acepta parámetros en la dirección',
  gn: 'ko tembiapo ndohupytýi parámetro dirección-pe',
  en: 'this operation takes no parameters in the address',
};

/** PostgreSQL text cannot hold U+0000: refuse it as invalid input instead of failing in the database. */
function nulIssues(value: unknown, path: string, locale: Locale): FieldIssue[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [{ path, message: NUL_MESSAGE[locale] }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => nulIssues(item, `${path}.${key}`, locale));
}

function validate<S extends ZodType | undefined>(
  schema: S,
  value: unknown,
  where: string,
  locale: Locale,
): Infer<S> {
  if (!schema) {
    // An operation without query parameters refuses them, so that nothing (a name typed into a
    // search, say) can travel in a URL, where proxies and access logs would keep it.
    const keys = where === 'query' && value && typeof value === 'object' ? Object.keys(value) : [];
    if (keys.length)
      throw errors.validation(
        keys.map((key) => ({ path: `query.${key}`, message: NO_QUERY_MESSAGE[locale] })),
      );
    return undefined as Infer<S>;
  }
  const nul = nulIssues(value, where, locale);
  if (nul.length) throw errors.validation(nul);
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}), {
    error: zodLocales[locale].localeError,
  });
  if (!result.success) throw errors.validation(toIssues(result.error, where));
  return result.data as Infer<S>;
}

const PURPOSE_HEADER = 'x-nanduti-purpose';
const PURPOSES = new Set([
  'case_management',
  'referral',
  'investigation',
  'statistics',
  'administration',
  'audit',
  'data_subject_request',
]);

export function defineRoute<
  PS extends ZodType | undefined = undefined,
  QS extends ZodType | undefined = undefined,
  BS extends ZodType | undefined = undefined,
  RS extends ZodType | null = null,
  Auth extends 'session' | 'public' = 'session',
>(app: FastifyInstance, services: AppServices, spec: RouteSpec<PS, QS, BS, RS, Auth>): void {
  const status = spec.status ?? (spec.response ? 200 : 204);
  services.routes.push({
    operationId: spec.operationId,
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tags: spec.tags,
    auth: spec.auth,
    action: spec.action,
    params: spec.params,
    query: spec.query,
    body: spec.body,
    response: spec.response,
    status,
  });
  const mode = spec.transaction ?? (spec.method === 'GET' ? 'read' : 'write');

  app.route({
    method: spec.method,
    url: spec.url.replace(/\{(\w+)\}/g, ':$1'),
    handler: async (request, reply) => {
      let locale = localeOf(request);
      let actor: Actor | null = null;
      const requestedPurpose = request.headers[PURPOSE_HEADER];
      const purpose =
        typeof requestedPurpose === 'string' && PURPOSES.has(requestedPurpose)
          ? requestedPurpose
          : (spec.purpose ?? 'administration');
      try {
        if (spec.auth === 'session') {
          actor = await authenticate(services, request, reply);
          if (!request.headers['accept-language']) locale = actor.locale;
          if (spec.method !== 'GET') requireCsrf(request, services);
          if (spec.action && !can(actor, spec.action)) {
            throw errors.forbidden({
              audit: {
                action: spec.action,
                resourceType: spec.action.split('.')[0] ?? null,
                resourceId: null,
              },
            });
          }
        }
        const params = validate(spec.params, request.params, 'params', locale) as Infer<PS>;
        const query = validate(spec.query, request.query, 'query', locale) as Infer<QS>;
        const body = validate(spec.body, request.body, 'body', locale) as Infer<BS>;
        const args = {
          params,
          query,
          body,
          actor: actor as Auth extends 'session' ? Actor : Actor | null,
          requestId: request.id,
          locale,
          purpose,
          request,
          reply,
          services,
        };
        const run = (trx: Trx) => spec.handler({ ...args, trx });
        const result =
          mode === 'none'
            ? await spec.handler({ ...args, trx: undefined as unknown as Trx })
            : await services.db.transaction(run, { readOnly: mode === 'read' });
        if (reply.sent) return reply;
        // A status the handler set itself wins (readiness answers 503 with its body).
        const code = reply.statusCode === 200 ? status : reply.statusCode;
        if (!spec.response) return reply.code(code).send();
        const output = services.validateResponses ? spec.response.parse(result) : result;
        return reply.code(code).send(output);
      } catch (error) {
        if (error instanceof AppError && error.extra.audit && actor) {
          await writeAuditAlone(services.db, {
            actor,
            action: error.extra.audit.action,
            outcome: 'denied',
            resourceType: error.extra.audit.resourceType,
            resourceId: error.extra.audit.resourceId,
            purpose,
            requestId: request.id,
          });
        }
        throw error;
      }
    },
  });
}

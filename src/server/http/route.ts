/**
 * Registering an API operation from its contract (src/shared/contracts). Every route goes through
 * the same path: auth → validate (zod) → transaction → handler (load → authorize → service → audit)
 * → present. The OpenAPI document is built from the same contracts (openapi.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { PURPOSES, resourceOfAction } from '../../shared/actions.js';
import {
  statusOf,
  type AnyContract,
  type Auth,
  type AuthOf,
  type ContractArgs,
  type ContractResult,
} from '../../shared/contract.js';
import type { Locale } from '../../shared/roles.js';
import type { Actor } from '../access/actor.js';
import { can } from '../access/policies.js';
import { writeAuditAlone } from '../audit/audit.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { Trx } from '../db/database.js';
import { inWriteBatch, type WriteBatchOptions } from '../db/write-batch.js';
import type { Ctx } from '../core/context.js';
import type { AppServices } from '../services.js';
import { AppError, errors, type AuditHint, type FieldIssue } from '../core/errors.js';
import { claimIdempotencyKey, idempotencyKeyOf, rememberAnswer, requestFingerprint } from './idempotency.js';
import { localeOf } from './locale.js';
import { deviceContact, deviceGone } from '../modules/devices/devices.service.js';
import {
  authenticate,
  authenticateIn,
  forgetSession,
  keepSessionSeen,
  remembersSession,
  requireCsrf,
  SessionNeedsWrite,
} from './session-auth.js';
import { guaraniError } from './zod-gn.js';
import { localeError } from './zod-messages.js';

/**
 * What a handler receives: the service context (transaction, actor, request id, purpose) and what
 * else a request brings — its language, the field crypto, the shared services, and the raw request
 * and reply for the few operations that set cookies or send files. It can be passed as it is to
 * every service that takes a `Ctx`.
 */
export interface RouteCtx<A extends Auth = 'session'> extends Omit<Ctx, 'actor'> {
  actor: A extends 'session' ? Actor : Actor | null;
  locale: Locale;
  crypto: FieldCrypto;
  services: AppServices;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type RouteHandler<C extends AnyContract> = (
  ctx: RouteCtx<AuthOf<C>>,
  input: ContractArgs<C>,
) => Promise<ContractResult<C>>;

export interface RouteOptions {
  /**
   * The handler's transaction: `'read'` (read-only) for GET, `'write'` otherwise — a GET that writes
   * audit rows says `'write'` —, or `'none'` when the handler opens its own.
   */
  transaction?: 'write' | 'read' | 'none';
  /**
   * An operation whose refusal for invalid input must itself be audited (a break-glass without a
   * reason, docs/PRIVACY.md): what the denied row records, from the raw body. Without it, invalid
   * input is answered 400 and not audited (nothing was read or written).
   */
  auditInvalidInput?: (body: unknown) => AuditHint;
}

export function toIssues(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

const zodLocales = {
  es: { localeError: localeError('es') },
  en: { localeError: localeError('en') },
  gn: { localeError: guaraniError },
};

const NUL_MESSAGE: Record<Locale, string> = {
  es: 'no puede contener el carácter NUL',
  gn: 'ndaikatúi oguereko tai NUL',
  en: 'may not contain the NUL character',
};

const NO_BODY_MESSAGE: Record<Locale, string> = {
  es: 'esta operación no acepta datos en el cuerpo',
  gn: 'ko tembiapo ndohupytýi mbaʼekuaarã rete-pe',
  en: 'this operation takes no body',
};

const NO_QUERY_MESSAGE: Record<Locale, string> = {
  es: 'esta operación no acepta parámetros en la dirección',
  gn: 'ko tembiapo ndohupytýi parámetro dirección-pe',
  en: 'this operation takes no parameters in the address',
};

/**
 * PostgreSQL text cannot hold U+0000: refuse it as invalid input instead of failing in the database.
 * The walk keeps its own stack (no recursion over request data, whatever its depth).
 */
function nulIssues(value: unknown, path: string, locale: Locale): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: [unknown, string][] = [[value, path]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [current, at] = item;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) issues.push({ path: at, message: NUL_MESSAGE[locale] });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) stack.push([child, `${at}.${key}`]);
    }
  }
  return issues.reverse();
}

function validate(schema: ZodType | undefined, value: unknown, where: string, locale: Locale): unknown {
  if (!schema) {
    // An operation without query parameters refuses them, so that nothing (a name typed into a
    // search, say) can travel in a URL, where proxies and access logs would keep it.
    const keys = where === 'query' && value && typeof value === 'object' ? Object.keys(value) : [];
    if (keys.length)
      throw errors.validation(
        keys.map((key) => ({ path: `query.${key}`, message: NO_QUERY_MESSAGE[locale] })),
      );
    // An operation without a body takes none, or an empty object: anything else is a mistake.
    const emptyObject =
      value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
    if (where === 'body' && value !== undefined && !emptyObject)
      throw errors.validation([{ path: 'body', message: NO_BODY_MESSAGE[locale] }]);
    return undefined;
  }
  const nul = nulIssues(value, where, locale);
  if (nul.length) throw errors.validation(nul);
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}), {
    error: zodLocales[locale].localeError,
  });
  if (!result.success) throw errors.validation(toIssues(result.error, where));
  return result.data;
}

const PURPOSE_HEADER = 'x-nanduti-purpose';
/** Sent by the offline app with every request from a registered device (docs/OFFLINE.md). */
const DEVICE_HEADER = 'x-nanduti-device';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN_PURPOSES: ReadonlySet<string> = new Set(PURPOSES);

/** Every route registered so far (the OpenAPI test and the access matrix walk them). */
function register(services: AppServices, contract: AnyContract): void {
  if (services.routes.some((r) => r.operationId === contract.operationId))
    throw new Error(`operation ${contract.operationId} is registered twice`);
  services.routes.push(contract);
}

/**
 * Registers the route of a contract (src/shared/contracts): the method, path, schemas, coarse
 * action and purpose come from the contract; the handler gets the request's context and the
 * validated input, and returns what the contract's response schema describes.
 */
export function defineRoute<C extends AnyContract>(
  app: FastifyInstance,
  services: AppServices,
  contract: C,
  handler: RouteHandler<C>,
  options: RouteOptions = {},
): void {
  register(services, contract);
  const status = statusOf(contract);
  const mode = options.transaction ?? (contract.method === 'GET' ? 'read' : 'write');

  app.route({
    method: contract.method,
    url: contract.path.replace(/\{(\w+)\}/g, ':$1'),
    handler: async (request, reply) => {
      let locale = localeOf(request);
      let actor: Actor | null = null;
      const requestedPurpose = request.headers[PURPOSE_HEADER];
      const purpose =
        typeof requestedPurpose === 'string' && KNOWN_PURPOSES.has(requestedPurpose)
          ? requestedPurpose
          : (contract.purpose ?? 'administration');
      // The session is read in the request's own transaction (authenticateIn), except for routes
      // that open their own transactions. A write from an offline device records the device's
      // contact in it too; a read from one records it in a transaction of its own (a read-only
      // transaction cannot), and so does a device found revoked or expired (its expiry is kept).
      const deviceHeader = request.headers[DEVICE_HEADER];
      const deviceId = typeof deviceHeader === 'string' && deviceHeader !== '' ? deviceHeader : null;
      const fromDevice = deviceId !== null;
      const authInTransaction =
        contract.auth === 'session' && mode !== 'none' && (!fromDevice || mode === 'write');
      // A GET checks a session remembered from an earlier request in a statement sent with its first
      // one, rather than reading it first (authenticateIn); when that check fails, the request runs
      // again with the session read the usual way.
      let checkAhead = contract.method === 'GET';
      let checkedAhead = false;
      /** auth → CSRF → device → coarse action → validate, in this order (inside the transaction when `trx`). */
      const admit = async (trx: Trx | null): Promise<ContractArgs<C>> => {
        if (contract.auth === 'session') {
          if (!actor && trx) {
            checkedAhead = checkAhead && remembersSession(services, request);
            actor = await authenticateIn(trx, services, request, reply, mode === 'write', checkedAhead);
          } else if (!actor) actor = await authenticate(services, request, reply);
          if (!request.headers['accept-language']) locale = actor.locale;
          if (contract.method !== 'GET') requireCsrf(request, services);
          // A request from a registered offline device: a revoked or expired one is told to wipe itself.
          if (deviceId !== null) {
            const signedIn = actor;
            const active =
              UUID.test(deviceId) &&
              (trx
                ? await deviceContact(trx, signedIn.userId, deviceId, services.config.deviceExpiryDays)
                : await contactAlone(signedIn.userId, deviceId));
            if (!active) throw trx && UUID.test(deviceId) ? new DeviceNeedsOwnTransaction() : deviceGone();
          }
          if (contract.action && !can(actor, contract.action)) {
            throw errors.forbidden({
              audit: {
                action: contract.action,
                resourceType: resourceOfAction(contract.action),
                resourceId: null,
              },
            });
          }
        }
        try {
          return {
            params: validate(contract.params, request.params, 'params', locale),
            query: validate(contract.query, request.query, 'query', locale),
            body: validate(contract.body, request.body, 'body', locale),
          } as ContractArgs<C>;
        } catch (error) {
          if (!(error instanceof AppError) || !options.auditInvalidInput) throw error;
          const audit = options.auditInvalidInput(request.body);
          throw new AppError(error.code, error.status, error.params, { ...error.extra, audit });
        }
      };
      const contactAlone = (userId: string, id: string) =>
        services.db.transaction((t) => deviceContact(t, userId, id, services.config.deviceExpiryDays));
      try {
        const early = authInTransaction ? null : await admit(null);
        const ctxOf = (trx: Trx): RouteCtx<AuthOf<C>> => ({
          trx,
          actor: actor as RouteCtx<AuthOf<C>>['actor'],
          requestId: request.id,
          purpose,
          locale,
          crypto: services.crypto,
          services,
          request,
          reply,
        });
        // A status the handler set itself wins (readiness answers 503 with its body).
        const codeOf = () => (reply.statusCode === 200 ? status : reply.statusCode);
        const run = async (
          trx: Trx,
        ): Promise<{ result: unknown } | { replay: { statusCode: number; body: unknown } }> => {
          const input = early ?? (await admit(trx));
          // A write sent with an Idempotency-Key answers a retry with the first answer (idempotency.ts);
          // known only once the session is read (a key belongs to a signed-in user).
          const key =
            mode === 'write' && contract.method !== 'GET' && actor ? idempotencyKeyOf(request) : undefined;
          if (!key || !actor) return { result: await handler(ctxOf(trx), input) };
          const claim = await claimIdempotencyKey(trx, services.crypto, {
            userId: actor.userId,
            key,
            operationId: contract.operationId,
            fingerprint: requestFingerprint(contract.operationId, input),
          });
          if (claim.kind === 'replay') return { replay: claim };
          const result = await handler(ctxOf(trx), input);
          await rememberAnswer(trx, services.crypto, claim.id, codeOf(), contract.response?.parse(result));
          return { result };
        };
        // The request's audit rows are held to the end of its transaction and written last, in one
        // INSERT that PostgreSQL receives with the COMMIT (write-batch.ts, pg-pipeline.ts).
        const attempt = () =>
          mode === 'none'
            ? run(NO_TRANSACTION)
            : services.db.transaction((trx) => inWriteBatch(trx, () => run(trx), AUDIT_AT_COMMIT), {
                readOnly: mode === 'read',
              });
        let outcome: Awaited<ReturnType<typeof run>> | undefined;
        for (let tries = 0; outcome === undefined; tries++) {
          try {
            outcome = await attempt();
          } catch (error) {
            if (tries >= 2) throw error;
            if (checkedAhead) {
              // The remembered session's check failed (the session ended or changed, or its
              // last-seen is due), or the request failed before its check was answered (nothing
              // had reached the database): either way, again with the session read first, so that
              // no answer — not even a refusal — is given for a session that was not confirmed.
              forgetSession(services, request);
              actor = null;
              checkAhead = false;
              checkedAhead = false;
            } else if (error instanceof SessionNeedsWrite) {
              // An ended session (deleted, 401) or a last-seen due in a read-only transaction: the
              // session in a transaction of its own, then the request again.
              actor = await authenticate(services, request, reply);
            } else if (error instanceof DeviceNeedsOwnTransaction && actor && deviceId) {
              // A device found revoked or expired in the request's transaction (rolled back): its
              // contact again in a transaction of its own, which keeps the expiry, and the 410.
              if (!(await contactAlone(actor.userId, deviceId))) throw deviceGone();
            } else throw error;
          }
        }
        // The remembered session passed its check in a committed transaction: its last-seen is
        // written ahead of its minute when due (in the background), so its check keeps passing.
        if (checkedAhead) keepSessionSeen(services, request);
        if ('replay' in outcome) {
          reply.header('idempotent-replayed', 'true');
          return reply.code(outcome.replay.statusCode).send(outcome.replay.body);
        }
        if (reply.sent) return reply;
        const code = codeOf();
        if (!contract.response) return reply.code(code).send();
        const output = services.validateResponses ? contract.response.parse(outcome.result) : outcome.result;
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

/** A request's audit rows: held to the end of its transaction, then sent with its COMMIT. */
const AUDIT_AT_COMMIT: WriteBatchOptions = { only: ['audit_events'], last: true };

/** Thrown in the request's transaction when the device is not active: see `defineRoute`. */
class DeviceNeedsOwnTransaction extends Error {
  constructor() {
    super('the device is not active: record its contact in a transaction of its own');
  }
}

/** A route's registrar: `route(contract, handler, options?)` (the module's routes file calls it per operation). */
export type Route = <C extends AnyContract>(
  contract: C,
  handler: RouteHandler<C>,
  options?: RouteOptions,
) => void;

/** The registrar of a module's routes on this app. */
export function routesOf(app: FastifyInstance, services: AppServices): Route {
  return (contract, handler, options) => defineRoute(app, services, contract, handler, options);
}

/** A GET whose handler writes audit rows (a read of personal data, an export): it runs in a write transaction. */
export const audited = { transaction: 'write' } as const satisfies RouteOptions;

/** The `trx` of a route that opens its own transactions (`transaction: 'none'`): any use fails loudly. */
const NO_TRANSACTION = new Proxy({} as Trx, {
  get() {
    throw new Error('this route runs without a transaction (transaction: none)');
  },
});

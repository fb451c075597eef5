/** Builds the HTTP application: pipeline, error handler, security headers, API routes and the web app. */
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ALL_CONTRACTS, contracts } from '../../shared/contracts/index.js';
import { migrationStatus } from '../db/migrate.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { privacyRoutes } from '../modules/privacy/privacy.routes.js';
import { caseRoutes } from '../modules/cases/cases.routes.js';
import { notificationRoutes } from '../modules/notifications/notifications.routes.js';
import { exchangeRoutes } from '../modules/exchange/exchange.routes.js';
import { preventionRoutes } from '../modules/prevention/prevention.routes.js';
import { personRoutes } from '../modules/persons/persons.routes.js';
import { providerRoutes } from '../modules/providers/providers.routes.js';
import { referralRoutes } from '../modules/referrals/referrals.routes.js';
import { statisticsRoutes } from '../modules/statistics/statistics.routes.js';
import { screeningRoutes } from '../modules/screening/screening.routes.js';
import { institutionRoutes } from '../modules/institutions/institutions.routes.js';
import { sessionRoutes } from '../modules/session/session.routes.js';
import { setupRoutes } from '../modules/setup/setup.routes.js';
import { userRoutes } from '../modules/users/users.routes.js';
import { investigationRoutes } from '../modules/investigations/investigations.routes.js';
import { taskRoutes } from '../modules/tasks/tasks.routes.js';
import { linkageRoutes } from '../modules/linkage/linkage.routes.js';
import { deviceRoutes } from '../modules/devices/devices.routes.js';
import type { TrustProxy } from '../config.js';
import type { AppServices } from '../services.js';
import { AppError, errors } from '../core/errors.js';
import { limitJsonDepth } from './json-limits.js';
import { localeOf } from './locale.js';
import { messageFor, messages } from '../core/messages.js';
import { buildOpenApi, DOCS_CSS, renderDocs } from './openapi.js';
import { routesOf } from './route.js';
import { sameOriginWrites, securityHeaders } from './security.js';
import { OneLinePerRequest } from './request-log.js';
import { serveWebApp } from './static.js';

export const BODY_LIMIT = 256 * 1024;
export const VERSION = '0.1.0';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/web, from src/server/http or dist/server/http alike. */
export const DEFAULT_WEB_DIR = path.resolve(here, '..', '..', '..', 'dist', 'web');

function toAppError(error: FastifyError | Error): AppError | null {
  if (error instanceof AppError) return error;
  const code = (error as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.malformedJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.payloadTooLarge(BODY_LIMIT);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.unsupportedMediaType();
  }
  if (error instanceof SyntaxError || (error as FastifyError).statusCode === 400)
    return errors.malformedJson();
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return new AppError('bad_request', status);
  return null;
}

/**
 * Fastify's trustProxy from the configuration. A list goes as it is (proxy-addr walks
 * X-Forwarded-For from the right and stops at the first address not in it, so whatever a client
 * wrote to the left of its real address is ignored). A hop count is a function: Fastify treats a
 * bare number as "trust nothing", and `true` would take the leftmost, client-written address.
 */
export function trustProxyOption(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false || Array.isArray(trust)) return trust;
  return (_address, hop) => hop < trust;
}

export interface BuildOptions {
  webDir?: string;
}

export async function buildApp(services: AppServices, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger,
    logController: new OneLinePerRequest(),
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxyOption(services.config.trustProxy),
    genReqId: () => crypto.randomUUID(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true },
  }) as unknown as FastifyInstance;
  // JSON only: a text/plain body (which browsers send cross-site without a preflight) is a 415.
  app.removeContentTypeParser('text/plain');
  limitJsonDepth(app);
  await app.register(cookie);
  securityHeaders(app);
  sameOriginWrites(app, services.config.publicUrl);

  app.setErrorHandler((error, request, reply) => {
    const locale = localeOf(request, request.session ? (request.session.locale as 'es' | 'gn' | 'en') : 'es');
    const appError = toAppError(error as FastifyError);
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send({
        error: {
          code: 'internal_error',
          message: messageFor('internal_error', locale, { requestId: request.id }),
        },
      });
    }
    if (appError.status === 401) reply.header('www-authenticate', 'Cookie realm="nanduti"');
    return reply.code(appError.status).send({
      error: {
        code: appError.code,
        message: messageFor(appError.code, locale, appError.params),
        // An issue may carry a message code of the catalogue (a version conflict's fields, a CTDC
        // file's problems, a figure's refusals): translated here, with the issue's values.
        ...(appError.extra.issues
          ? {
              issues: appError.extra.issues.map((issue) =>
                Object.hasOwn(messages, issue.message)
                  ? { ...issue, message: messageFor(issue.message, locale, issue.params) }
                  : issue,
              ),
            }
          : {}),
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = localeOf(request);
    return reply
      .code(404)
      .send({ error: { code: 'route_not_found', message: messageFor('route_not_found', locale) } });
  });

  const route = routesOf(app, services);
  route(contracts.getHealth, async () => ({ status: 'ok' as const }), {
    transaction: 'none',
  });

  route(
    contracts.getReadiness,
    async ({ reply }) => {
      const migrations = await migrationStatus(services.db).catch(() => ({ applied: 0, pending: -1 }));
      const ready = migrations.pending === 0;
      if (!ready) reply.code(503);
      return {
        status: ready ? ('ready' as const) : ('not_ready' as const),
        database: services.db.kind,
        migrations,
      };
    },
    { transaction: 'none' },
  );

  sessionRoutes(app, services);
  setupRoutes(app, services);
  institutionRoutes(app, services);
  userRoutes(app, services);
  auditRoutes(app, services);
  personRoutes(app, services);
  caseRoutes(app, services);
  screeningRoutes(app, services);
  providerRoutes(app, services);
  referralRoutes(app, services);
  statisticsRoutes(app, services);
  notificationRoutes(app, services);
  exchangeRoutes(app, services);
  preventionRoutes(app, services);
  investigationRoutes(app, services);
  linkageRoutes(app, services);
  taskRoutes(app, services);
  deviceRoutes(app, services);
  privacyRoutes(app, services);

  // A contract without a route is an operation the document would promise and the server not keep.
  const unrouted = ALL_CONTRACTS.filter((c) => !services.routes.includes(c)).map((c) => c.operationId);
  if (unrouted.length) throw new Error(`contracts without a route: ${unrouted.join(', ')}`);

  let openApi: ReturnType<typeof buildOpenApi> | null = null;
  const docOf = () => (openApi ??= buildOpenApi(ALL_CONTRACTS, VERSION));
  app.get('/api/openapi.json', async () => docOf());
  app.get('/api/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderDocs(docOf())),
  );
  app.get('/api/docs.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(DOCS_CSS));
  app.all('/api/*', async () => {
    throw errors.routeNotFound();
  });

  serveWebApp(app, options.webDir ?? DEFAULT_WEB_DIR);
  return app;
}

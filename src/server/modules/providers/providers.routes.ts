/** The service directory: search it, add a provider, keep a shelter's places up to date. */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { createProvider, searchProviders, updateCapacity, updateProvider } from './providers.service.js';
import { importProviders } from './directory-import.service.js';

export function providerRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.listServiceProviders, async ({ trx, actor }, { query }) =>
    searchProviders({ trx, actor }, query),
  );

  route(contracts.createServiceProvider, async (ctx, { body }) => createProvider(ctx, body));

  route(contracts.updateServiceCapacity, async (ctx, { params, body }) =>
    updateCapacity(ctx, params.id, body),
  );

  route(contracts.updateServiceProvider, async (ctx, { params, body }) =>
    updateProvider(ctx, params.id, body),
  );

  route(contracts.importServiceProviders, async (ctx, { body }) => importProviders(ctx, body));
}

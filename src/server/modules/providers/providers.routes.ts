/** The service directory: search it, add a provider, keep a shelter's places up to date. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import {
  CreateProviderRequest,
  ListProvidersQuery,
  ProviderList,
  ProviderView,
  UpdateCapacityRequest,
} from '../../../shared/api-protection.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { createProvider, searchProviders, updateCapacity } from './providers.service.js';

const common = { tags: ['protection'], auth: 'session' as const, purpose: 'referral' };

export function providerRoutes(app: FastifyInstance, services: AppServices): void {
  defineRoute(app, services, {
    ...common,
    operationId: 'listServiceProviders',
    method: 'GET',
    url: '/api/service-providers',
    summary: 'The service directory, filtered by service, department, sex, age band and free capacity',
    action: 'provider.list',
    query: ListProvidersQuery,
    response: ProviderList,
    handler: async ({ trx, actor, query }) => searchProviders({ trx, actor }, query),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'createServiceProvider',
    method: 'POST',
    url: '/api/service-providers',
    summary: 'Add a provider (an institution or one of its units), its services, eligibility and places',
    action: 'provider.create',
    purpose: 'administration',
    body: CreateProviderRequest,
    response: ProviderView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      createProvider({ trx, actor, requestId, purpose }, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'updateServiceCapacity',
    method: 'PUT',
    url: '/api/service-providers/{id}/capacity',
    summary: 'Set the capacity and current occupancy of a provider’s places with beds',
    action: 'provider.updateCapacity',
    params: z.strictObject({ id: Uuid }),
    body: UpdateCapacityRequest,
    response: ProviderView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      updateCapacity({ trx, actor, requestId, purpose }, params.id, body),
  });
}

/** The service directory: search it, add a provider, keep a shelter's places up to date. */
import { defineOperations } from '../contract.js';
import * as api from '../api-protection.js';
import { ImportProvidersRequest, ImportProvidersResult, UpdateProviderRequest } from '../api-directory.js';

const providers = defineOperations({ tags: ['protection'], purpose: 'referral' });

export const listServiceProviders = providers.get('listServiceProviders', '/api/service-providers', {
  summary: 'The service directory, filtered by service, department, sex, age band and free capacity',
  action: 'provider.list',
  query: api.ListProvidersQuery,
  response: api.ProviderList,
});

export const createServiceProvider = providers.create('createServiceProvider', '/api/service-providers', {
  summary: 'Add a provider (an institution or one of its units), its services, eligibility and places',
  action: 'provider.create',
  purpose: 'administration',
  body: api.CreateProviderRequest,
  response: api.ProviderView,
});

export const updateServiceCapacity = providers.put(
  'updateServiceCapacity',
  '/api/service-providers/{id}/capacity',
  {
    summary: 'Set the capacity and current occupancy of a provider’s places with beds',
    action: 'provider.updateCapacity',
    body: api.UpdateCapacityRequest,
    response: api.ProviderView,
  },
);

export const updateServiceProvider = providers.patch('updateServiceProvider', '/api/service-providers/{id}', {
  summary: 'Edit a provider (fields, services, eligibility, contact, hours) or deactivate it',
  action: 'provider.update',
  purpose: 'administration',
  body: UpdateProviderRequest,
  response: api.ProviderView,
});

export const importServiceProviders = providers.post(
  'importServiceProviders',
  '/api/service-providers/import',
  {
    summary:
      'Import providers from a CSV or XLSX file (docs/DIRECTORY-IMPORT.md); dryRun previews. Any invalid row refuses the whole file, naming each line and column; nothing is written',
    action: 'provider.import',
    purpose: 'administration',
    body: ImportProvidersRequest,
    response: ImportProvidersResult,
  },
);

/**
 * Person operations. Names, document numbers and every other identifying value travel in request
 * bodies only (never in URLs, which end up in logs): search and the duplicate check are POSTs.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import {
  CheckDuplicatesRequest,
  CreatePersonRequest,
  DuplicateCheckResult,
  PersonSearchResult,
  PersonView,
  SearchPersonsRequest,
  UpdatePersonRequest,
} from '../../../shared/api-identification.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { checkDuplicates, createPerson, getPerson, searchPersons, updatePerson } from './persons.service.js';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['persons'];

export function personRoutes(app: FastifyInstance, services: AppServices): void {
  defineRoute(app, services, {
    operationId: 'createPerson',
    method: 'POST',
    url: '/api/persons',
    summary:
      'Register a person (owned by the caller’s institution); 409 possible_duplicates when a visible person ' +
      'has the same document number or names and birth date, unless confirmNotDuplicate is set',
    tags,
    auth: 'session',
    action: 'person.create',
    purpose: 'case_management',
    body: CreatePersonRequest,
    response: PersonView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      createPerson({ trx, actor, requestId, purpose }, services.crypto, body),
  });

  defineRoute(app, services, {
    operationId: 'checkPersonDuplicates',
    method: 'POST',
    url: '/api/persons/duplicates',
    summary: 'Persons visible to the caller who may be the person about to be registered',
    tags,
    auth: 'session',
    action: 'person.create',
    purpose: 'case_management',
    body: CheckDuplicatesRequest,
    response: DuplicateCheckResult,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      checkDuplicates({ trx, actor, requestId, purpose }, services.crypto, body),
  });

  defineRoute(app, services, {
    operationId: 'searchPersons',
    method: 'POST',
    url: '/api/persons/search',
    summary: 'Find visible persons by name (accent- and case-insensitive, tolerant of spelling variants)',
    tags,
    auth: 'session',
    action: 'person.search',
    purpose: 'case_management',
    body: SearchPersonsRequest,
    response: PersonSearchResult,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      searchPersons({ trx, actor, requestId, purpose }, services.crypto, body),
  });

  defineRoute(app, services, {
    operationId: 'getPerson',
    method: 'GET',
    url: '/api/persons/{id}',
    summary: 'A person’s record and the cases the caller may see (every read is audited)',
    tags,
    auth: 'session',
    action: 'person.read',
    purpose: 'case_management',
    params: IdParams,
    response: PersonView,
    // The read writes its audit row in the same transaction.
    transaction: 'write',
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getPerson({ trx, actor, requestId, purpose }, services.crypto, params.id),
  });

  defineRoute(app, services, {
    operationId: 'updatePerson',
    method: 'PATCH',
    url: '/api/persons/{id}',
    summary: 'Change a person’s record (owner institution only)',
    tags,
    auth: 'session',
    action: 'person.update',
    purpose: 'case_management',
    params: IdParams,
    body: UpdatePersonRequest,
    response: PersonView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      updatePerson({ trx, actor, requestId, purpose }, services.crypto, params.id, body),
  });
}

/**
 * Person operations. Names, document numbers and every other identifying value travel in request
 * bodies only (never in URLs, which end up in logs): search and the duplicate check are POSTs.
 */
import { defineContract } from '../contract.js';
import { IdParams } from './params.js';
import {
  CheckDuplicatesRequest,
  CreatePersonRequest,
  DuplicateCheckResult,
  PersonSearchResult,
  PersonView,
  RevealedPersonFields,
  RevealPersonFieldsRequest,
  SearchPersonsRequest,
  UpdatePersonRequest,
} from '../api-identification.js';

const common = { tags: ['persons'], purpose: 'case_management' } as const;

export const createPerson = defineContract({
  operationId: 'createPerson',
  method: 'POST',
  path: '/api/persons',
  summary:
    'Register a person (owned by the caller’s institution); 409 possible_duplicates when a visible person ' +
    'has the same document number or names and birth date, unless confirmNotDuplicate is set',
  ...common,
  action: 'person.create',
  body: CreatePersonRequest,
  response: PersonView,
  status: 201,
});

export const checkPersonDuplicates = defineContract({
  operationId: 'checkPersonDuplicates',
  method: 'POST',
  path: '/api/persons/duplicates',
  summary: 'Persons visible to the caller who may be the person about to be registered',
  ...common,
  action: 'person.create',
  body: CheckDuplicatesRequest,
  response: DuplicateCheckResult,
});

export const searchPersons = defineContract({
  operationId: 'searchPersons',
  method: 'POST',
  path: '/api/persons/search',
  summary: 'Find visible persons by name (accent- and case-insensitive, tolerant of spelling variants)',
  ...common,
  action: 'person.search',
  body: SearchPersonsRequest,
  response: PersonSearchResult,
});

export const getPerson = defineContract({
  operationId: 'getPerson',
  method: 'GET',
  path: '/api/persons/{id}',
  summary: 'A person’s record and the cases the caller may see (every read is audited)',
  ...common,
  action: 'person.read',
  params: IdParams,
  response: PersonView,
});

export const updatePerson = defineContract({
  operationId: 'updatePerson',
  method: 'PATCH',
  path: '/api/persons/{id}',
  summary: 'Change a person’s record (owner institution only)',
  ...common,
  action: 'person.update',
  params: IdParams,
  body: UpdatePersonRequest,
  response: PersonView,
});

export const revealPersonFields = defineContract({
  operationId: 'revealPersonFields',
  method: 'POST',
  path: '/api/persons/{id}/reveal',
  summary:
    'Show fields of a person that came masked (their sensitivity label is not one the caller’s role needs), ' +
    'for a stated purpose; audited with the fields’ names and the purpose, never the values',
  ...common,
  action: 'person.read',
  params: IdParams,
  body: RevealPersonFieldsRequest,
  response: RevealedPersonFields,
});

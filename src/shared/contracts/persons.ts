/**
 * Person operations. Names, document numbers and every other identifying value travel in request
 * bodies only (never in URLs, which end up in logs): search and the duplicate check are POSTs.
 */
import { defineOperations } from '../contract.js';
import * as api from '../api-identification.js';

const persons = defineOperations({ tags: ['persons'], purpose: 'case_management' });

export const createPerson = persons.create('createPerson', '/api/persons', {
  summary:
    'Register a person (owned by the caller’s institution); 409 possible_duplicates when a visible person ' +
    'has the same document number or names and birth date, unless confirmNotDuplicate is set',
  action: 'person.create',
  body: api.CreatePersonRequest,
  response: api.PersonView,
});

export const checkPersonDuplicates = persons.post('checkPersonDuplicates', '/api/persons/duplicates', {
  summary: 'Persons visible to the caller who may be the person about to be registered',
  action: 'person.create',
  body: api.CheckDuplicatesRequest,
  response: api.DuplicateCheckResult,
});

export const searchPersons = persons.post('searchPersons', '/api/persons/search', {
  summary: 'Find visible persons by name (accent- and case-insensitive, tolerant of spelling variants)',
  action: 'person.search',
  body: api.SearchPersonsRequest,
  response: api.PersonSearchResult,
});

export const getPerson = persons.get('getPerson', '/api/persons/{id}', {
  summary: 'A person’s record and the cases the caller may see (every read is audited)',
  action: 'person.read',
  response: api.PersonView,
});

export const updatePerson = persons.patch('updatePerson', '/api/persons/{id}', {
  summary: 'Change a person’s record (owner institution only)',
  action: 'person.update',
  body: api.UpdatePersonRequest,
  response: api.PersonView,
});

export const revealPersonFields = persons.post('revealPersonFields', '/api/persons/{id}/reveal', {
  summary:
    'Show fields of a person that came masked (their sensitivity label is not one the caller’s role needs), ' +
    'for a stated purpose; audited with the fields’ names and the purpose, never the values',
  action: 'person.read',
  body: api.RevealPersonFieldsRequest,
  response: api.RevealedPersonFields,
});

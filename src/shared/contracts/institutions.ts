/** Institutions and their units: catalogue data every signed-in user can list; administrators extend it. */
import { defineOperations } from '../contract.js';
import * as api from '../api.js';

const institutions = defineOperations({ tags: ['institutions'] });

export const listInstitutions = institutions.get('listInstitutions', '/api/institutions', {
  summary: 'All institutions with their units',
  action: 'institution.list',
  response: api.InstitutionList,
});

export const createInstitution = institutions.create('createInstitution', '/api/institutions', {
  summary: 'Add an institution to the catalogue',
  action: 'institution.create',
  body: api.CreateInstitutionRequest,
  response: api.InstitutionView,
});

export const createUnit = institutions.create('createUnit', '/api/institutions/{id}/units', {
  summary: 'Add a unit (office, division, shelter) to an institution',
  action: 'unit.create',
  body: api.CreateUnitRequest,
  response: api.UnitView,
});

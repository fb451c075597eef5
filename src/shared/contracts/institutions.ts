/** Institutions and their units: catalogue data every signed-in user can list; administrators extend it. */
import { z } from 'zod';
import { defineOperations } from '../contract.js';
import {
  CreateInstitutionRequest,
  CreateUnitRequest,
  InstitutionList,
  InstitutionView,
  UnitView,
  Uuid,
} from '../api.js';

const institutions = defineOperations({ tags: ['institutions'] });

export const listInstitutions = institutions.get('listInstitutions', '/api/institutions', {
  summary: 'All institutions with their units',
  action: 'institution.list',
  response: InstitutionList,
});

export const createInstitution = institutions.create('createInstitution', '/api/institutions', {
  summary: 'Add an institution to the catalogue',
  action: 'institution.create',
  body: CreateInstitutionRequest,
  response: InstitutionView,
});

export const createUnit = institutions.create('createUnit', '/api/institutions/{id}/units', {
  summary: 'Add a unit (office, division, shelter) to an institution',
  action: 'unit.create',
  params: z.strictObject({ id: Uuid }),
  body: CreateUnitRequest,
  response: UnitView,
});

/** Institutions and their units: catalogue data every signed-in user can list; administrators extend it. */
import { z } from 'zod';
import { defineContract } from '../contract.js';
import {
  CreateInstitutionRequest,
  CreateUnitRequest,
  InstitutionList,
  InstitutionView,
  UnitView,
  Uuid,
} from '../api.js';

export const listInstitutions = defineContract({
  operationId: 'listInstitutions',
  method: 'GET',
  path: '/api/institutions',
  summary: 'All institutions with their units',
  tags: ['institutions'],
  action: 'institution.list',
  response: InstitutionList,
});

export const createInstitution = defineContract({
  operationId: 'createInstitution',
  method: 'POST',
  path: '/api/institutions',
  summary: 'Add an institution to the catalogue',
  tags: ['institutions'],
  action: 'institution.create',
  body: CreateInstitutionRequest,
  response: InstitutionView,
  status: 201,
});

export const createUnit = defineContract({
  operationId: 'createUnit',
  method: 'POST',
  path: '/api/institutions/{id}/units',
  summary: 'Add a unit (office, division, shelter) to an institution',
  tags: ['institutions'],
  action: 'unit.create',
  params: z.strictObject({ id: Uuid }),
  body: CreateUnitRequest,
  response: UnitView,
  status: 201,
});

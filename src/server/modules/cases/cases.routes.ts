/** Case operations: the case file, its persons, sharing, exploitation details and trafficking events. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import {
  AddCasePersonRequest,
  AddEventRequest,
  CaseList,
  CaseView,
  CreateCaseRequest,
  EventView,
  ExploitationRequest,
  ExploitationView,
  ListCasesQuery,
  ShareCaseRequest,
  UpdateCaseRequest,
} from '../../../shared/api-identification.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { presentCaseSummary } from './cases.presenter.js';
import { listVisibleCases, personCounts } from './case-list.repository.js';
import {
  addCasePerson,
  caseView,
  createCase,
  getCase,
  revokeCaseShare,
  shareCase,
  updateCase,
} from './cases.service.js';
import { addTraffickingEvent, recordExploitation } from './events.js';

const IdParams = z.strictObject({ id: Uuid });
const ShareParams = z.strictObject({ id: Uuid, shareId: Uuid });
const PersonParams = z.strictObject({ id: Uuid, personId: Uuid });
const common = { tags: ['cases'], auth: 'session' as const, purpose: 'case_management' };

export function caseRoutes(app: FastifyInstance, services: AppServices): void {
  const { crypto } = services;

  defineRoute(app, services, {
    ...common,
    operationId: 'listCases',
    method: 'GET',
    url: '/api/cases',
    summary: 'Cases the caller’s institution owns or was shared, newest detection first (no names)',
    action: 'case.list',
    query: ListCasesQuery,
    response: CaseList,
    handler: async ({ trx, actor, query }) => {
      const { items, total } = await listVisibleCases(trx, actor, query);
      const counts = await personCounts(
        trx,
        items.map((row) => row.id),
      );
      return {
        items: items.map((row) => presentCaseSummary(row, counts.get(row.id) ?? 0, actor.institutionId)),
        total,
      };
    },
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'createCase',
    method: 'POST',
    url: '/api/cases',
    summary: 'Open a case owned by the caller’s institution, with the next reference (PY-<year>-<number>)',
    action: 'case.create',
    body: CreateCaseRequest,
    response: CaseView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) => {
      const ctx = { trx, actor, requestId, purpose };
      return caseView(ctx, crypto, await createCase(ctx, crypto, body));
    },
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'getCase',
    method: 'GET',
    url: '/api/cases/{id}',
    summary: 'The case page: persons, screenings, decisions, exploitation, events, shares, timeline',
    action: 'case.read',
    params: IdParams,
    response: CaseView,
    // A read that writes audit rows (the case and each person shown).
    transaction: 'write',
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getCase({ trx, actor, requestId, purpose }, crypto, params.id),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'updateCase',
    method: 'PATCH',
    url: '/api/cases/{id}',
    summary: 'Change a case’s status, place of detection, narrative, unit or assigned staff',
    action: 'case.update',
    params: IdParams,
    body: UpdateCaseRequest,
    response: CaseView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      updateCase({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'addCasePerson',
    method: 'POST',
    url: '/api/cases/{id}/persons',
    summary: 'Link a person the caller may see to the case, with their role in it',
    action: 'case.addPerson',
    params: IdParams,
    body: AddCasePersonRequest,
    response: CaseView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      addCasePerson({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'shareCase',
    method: 'POST',
    url: '/api/cases/{id}/shares',
    summary: 'Share the case with another institution (explicit, with a reason; audited)',
    action: 'case.share',
    params: IdParams,
    body: ShareCaseRequest,
    response: CaseView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      shareCase({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'revokeCaseShare',
    method: 'DELETE',
    url: '/api/cases/{id}/shares/{shareId}',
    summary: 'Stop sharing the case with an institution',
    action: 'case.share',
    params: ShareParams,
    response: null,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      revokeCaseShare({ trx, actor, requestId, purpose }, params.id, params.shareId),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordExploitation',
    method: 'PUT',
    url: '/api/cases/{id}/persons/{personId}/exploitation',
    summary: 'Record (replace) the exploitation, control and recruitment details of a person of the case',
    action: 'case.recordEvent',
    params: PersonParams,
    body: ExploitationRequest,
    response: ExploitationView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordExploitation({ trx, actor, requestId, purpose }, params.id, params.personId, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'addTraffickingEvent',
    method: 'POST',
    url: '/api/cases/{id}/events',
    summary: 'Add a trafficking event (recruitment, transit or exploitation), online or not',
    action: 'case.recordEvent',
    params: IdParams,
    body: AddEventRequest,
    response: EventView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      addTraffickingEvent({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });
}

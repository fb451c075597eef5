import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import {
  CreateInstrumentRequest,
  DecideStatusRequest,
  DecisionView,
  GetInstrumentQuery,
  InstrumentView,
  ScreeningView,
  SubmitScreeningRequest,
} from '../../../shared/api-identification.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { decideStatus, listDecisions } from './decision.service.js';
import { createInstrumentVersion, getInstrument, publishInstrument } from './instrument.service.js';
import { presentDecision, presentInstrument, presentScreening } from './screening.presenter.js';
import { submitScreening } from './screening.service.js';

const IdParams = z.strictObject({ id: Uuid });
/** Ids only in the query string: never personal data in URLs. */
export const ListDecisionsQuery = z.strictObject({ personId: Uuid.optional() });
export const DecisionList = z.object({ items: z.array(DecisionView) });

export function screeningRoutes(app: FastifyInstance, services: AppServices): void {
  defineRoute(app, services, {
    operationId: 'getScreeningInstrument',
    method: 'GET',
    url: '/api/screening-instrument',
    summary: 'The screening instrument: the latest published version, or the version asked for',
    tags: ['screening'],
    auth: 'session',
    action: 'instrument.read',
    query: GetInstrumentQuery,
    response: InstrumentView,
    handler: async ({ trx, actor, query }) =>
      presentInstrument(await getInstrument(trx, actor, query.version)),
  });

  defineRoute(app, services, {
    operationId: 'createScreeningInstrumentVersion',
    method: 'POST',
    url: '/api/screening-instruments',
    summary: 'Create the next version of the screening instrument, as a draft',
    tags: ['screening'],
    auth: 'session',
    action: 'instrument.edit',
    purpose: 'administration',
    body: CreateInstrumentRequest,
    response: InstrumentView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      presentInstrument(await createInstrumentVersion({ trx, actor, requestId, purpose }, body.definition)),
  });

  defineRoute(app, services, {
    operationId: 'publishScreeningInstrument',
    method: 'POST',
    url: '/api/screening-instruments/{id}/publish',
    summary: 'Publish a draft version; the version published until now is retired',
    tags: ['screening'],
    auth: 'session',
    action: 'instrument.edit',
    purpose: 'administration',
    params: IdParams,
    response: InstrumentView,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      presentInstrument(await publishInstrument({ trx, actor, requestId, purpose }, params.id)),
  });

  defineRoute(app, services, {
    operationId: 'submitScreening',
    method: 'POST',
    url: '/api/cases/{id}/screenings',
    summary: 'Record a screening of a person of the case; returns the computed assessment',
    tags: ['screening'],
    auth: 'session',
    action: 'case.screen',
    purpose: 'case_management',
    params: IdParams,
    body: SubmitScreeningRequest,
    response: ScreeningView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      presentScreening(
        await submitScreening({ trx, actor, requestId, purpose }, services.crypto, params.id, body),
      ),
  });

  defineRoute(app, services, {
    operationId: 'decideTraffickingStatus',
    method: 'POST',
    url: '/api/cases/{id}/decisions',
    summary: 'Record a trafficking-status decision (or a review of an earlier one) for a person of the case',
    tags: ['screening'],
    auth: 'session',
    action: 'case.decide',
    purpose: 'case_management',
    params: IdParams,
    body: DecideStatusRequest,
    response: DecisionView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      presentDecision(
        await decideStatus({ trx, actor, requestId, purpose }, services.crypto, params.id, body),
        services.crypto,
      ),
  });

  defineRoute(app, services, {
    operationId: 'listDecisions',
    method: 'GET',
    url: '/api/cases/{id}/decisions',
    summary: 'The history of trafficking-status decisions of a case (or of one person in it), newest first',
    tags: ['screening'],
    auth: 'session',
    action: 'case.read',
    purpose: 'case_management',
    // Reading decisions (their reasons) is audited, so the transaction writes.
    transaction: 'write',
    params: IdParams,
    query: ListDecisionsQuery,
    response: DecisionList,
    handler: async ({ trx, actor, requestId, purpose, params, query }) => {
      const rows = await listDecisions({ trx, actor, requestId, purpose }, params.id, query.personId);
      return { items: rows.map((row) => presentDecision(row, services.crypto)) };
    },
  });
}

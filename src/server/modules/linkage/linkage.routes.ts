/**
 * Record linkage operations: likely matches at intake, the national batch and its runs, the review
 * queue, review decisions and unlinking. Names travel in request bodies only; URLs carry ids.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import {
  DecideMatchReviewRequest,
  DecideMatchReviewResponse,
  FindPersonMatchesRequest,
  LinkageRunView,
  MatchReviewList,
  PersonMatches,
  UnlinkPersonsRequest,
  UnlinkPersonsResponse,
} from '../../../shared/api-linkage.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { findPersonMatches } from './matches.service.js';
import {
  decideMatchReview,
  getLinkageRun,
  listMatchReviews,
  startLinkageRun,
  unlinkPersons,
} from './operations.service.js';

const IdParams = z.strictObject({ id: Uuid });
const common = { tags: ['linkage'], auth: 'session' as const, purpose: 'case_management' };

export function linkageRoutes(app: FastifyInstance, services: AppServices): void {
  const { crypto } = services;

  defineRoute(app, services, {
    ...common,
    operationId: 'findPersonMatches',
    method: 'POST',
    url: '/api/linkage/matches',
    summary:
      'Likely matches of a person being registered, among the persons the caller may read, scored by the latest batch’s model',
    action: 'linkage.findMatches',
    body: FindPersonMatchesRequest,
    response: PersonMatches,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      findPersonMatches({ trx, actor, requestId, purpose }, crypto, body),
  });

  defineRoute(app, services, {
    ...common,
    purpose: 'statistics',
    operationId: 'runLinkage',
    method: 'POST',
    url: '/api/linkage/runs',
    summary: 'Run the national linkage batch: link likely pairs, queue uncertain ones for review',
    action: 'linkage.run',
    response: LinkageRunView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose }) =>
      startLinkageRun({ trx, actor, requestId, purpose }, crypto),
  });

  defineRoute(app, services, {
    ...common,
    purpose: 'statistics',
    operationId: 'getLinkageRun',
    method: 'GET',
    url: '/api/linkage/runs/{id}',
    summary: 'A linkage run: when, how many persons, candidate pairs, links and reviews added, thresholds',
    action: 'linkage.readRun',
    params: IdParams,
    response: LinkageRunView,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getLinkageRun({ trx, actor, requestId, purpose }, params.id),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'listMatchReviews',
    method: 'GET',
    url: '/api/linkage/reviews',
    summary:
      'Pending match reviews with a record the caller may read; the other record shows only its cluster',
    action: 'linkage.review',
    response: MatchReviewList,
    // A read of persons' names that writes its audit row.
    transaction: 'write',
    handler: async ({ trx, actor, requestId, purpose }) =>
      listMatchReviews({ trx, actor, requestId, purpose }, crypto),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'decideMatchReview',
    method: 'POST',
    url: '/api/linkage/reviews/{id}/decision',
    summary: 'Confirm (same person: link) or reject (different persons) a pending match review',
    action: 'linkage.decide',
    params: IdParams,
    body: DecideMatchReviewRequest,
    response: DecideMatchReviewResponse,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      decideMatchReview({ trx, actor, requestId, purpose }, params.id, body.decision),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'unlinkPersons',
    method: 'POST',
    url: '/api/linkage/unlinks',
    summary:
      'Detach a person of the caller’s institution from its cluster; the pairs are remembered as different',
    action: 'linkage.unlink',
    body: UnlinkPersonsRequest,
    response: UnlinkPersonsResponse,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      unlinkPersons({ trx, actor, requestId, purpose }, body.personId),
  });
}

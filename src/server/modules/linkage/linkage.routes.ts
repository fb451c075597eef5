/**
 * Record linkage operations: likely matches at intake, the national batch and its runs, the review
 * queue, review decisions and unlinking. Names travel in request bodies only; URLs carry ids.
 */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { findPersonMatches } from './matches.service.js';
import {
  decideMatchReview,
  getLinkageRun,
  listMatchReviews,
  startLinkageRun,
  unlinkPersons,
} from './operations.service.js';

export function linkageRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.findPersonMatches, async (ctx, { body }) => findPersonMatches(ctx, ctx.crypto, body));

  route(contracts.runLinkage, async (ctx) => startLinkageRun(ctx, ctx.crypto));

  route(contracts.getLinkageRun, async (ctx, { params }) => getLinkageRun(ctx, params.id));

  route(contracts.listMatchReviews, async (ctx) => listMatchReviews(ctx, ctx.crypto), audited);

  route(contracts.decideMatchReview, async (ctx, { params, body }) =>
    decideMatchReview(ctx, params.id, body.decision),
  );

  route(contracts.unlinkPersons, async (ctx, { body }) => unlinkPersons(ctx, body.personId));
}

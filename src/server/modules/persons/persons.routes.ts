/**
 * Person operations. Names, document numbers and every other identifying value travel in request
 * bodies only (never in URLs, which end up in logs): search and the duplicate check are POSTs.
 */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
import { idempotencyKeyOf } from '../../http/idempotency.js';
import type { AppServices } from '../../services.js';
import {
  checkDuplicates,
  createPerson,
  getPerson,
  revealPersonFields,
  searchPersons,
  updatePerson,
} from './persons.service.js';

export function personRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  // With an Idempotency-Key the route writes the answer after the handler (route.ts): then the
  // creation does not end the transaction.
  route(contracts.createPerson, async (ctx, { body }) =>
    createPerson(ctx, ctx.crypto, body, { endsTransaction: idempotencyKeyOf(ctx.request) === undefined }),
  );

  route(contracts.checkPersonDuplicates, async (ctx, { body }) => checkDuplicates(ctx, ctx.crypto, body));

  route(contracts.searchPersons, async (ctx, { body }) => searchPersons(ctx, ctx.crypto, body));

  route(contracts.getPerson, async (ctx, { params }) => getPerson(ctx, ctx.crypto, params.id), audited);

  route(contracts.revealPersonFields, async (ctx, { params, body }) =>
    revealPersonFields(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.updatePerson, async (ctx, { params, body }) =>
    updatePerson(ctx, ctx.crypto, params.id, body),
  );
}

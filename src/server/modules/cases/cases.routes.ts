/** Case operations: the case file, its persons, sharing, exploitation details and trafficking events. */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
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

export function caseRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.listCases, async ({ trx, actor }, { query }) => {
    const { items, total } = await listVisibleCases(trx, actor, query);
    const counts = await personCounts(
      trx,
      items.map((row) => row.id),
    );
    return {
      items: items.map((row) => presentCaseSummary(row, counts.get(row.id) ?? 0, actor.institutionId)),
      total,
    };
  });

  route(contracts.createCase, async (ctx, { body }) => {
    return caseView(ctx, ctx.crypto, await createCase(ctx, ctx.crypto, body));
  });

  route(contracts.getCase, async (ctx, { params }) => getCase(ctx, ctx.crypto, params.id), audited);

  route(contracts.updateCase, async (ctx, { params, body }) => updateCase(ctx, ctx.crypto, params.id, body));

  route(contracts.addCasePerson, async (ctx, { params, body }) =>
    addCasePerson(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.shareCase, async (ctx, { params, body }) => shareCase(ctx, ctx.crypto, params.id, body));

  route(contracts.revokeCaseShare, async (ctx, { params }) =>
    revokeCaseShare(ctx, params.id, params.shareId),
  );

  route(contracts.recordExploitation, async (ctx, { params, body }) =>
    recordExploitation(ctx, params.id, params.personId, body),
  );

  route(contracts.addTraffickingEvent, async (ctx, { params, body }) =>
    addTraffickingEvent(ctx, ctx.crypto, params.id, body),
  );
}

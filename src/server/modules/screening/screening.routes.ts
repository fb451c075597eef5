import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { decideStatus, listDecisions } from './decision.service.js';
import { createInstrumentVersion, getInstrument, publishInstrument } from './instrument.service.js';
import { presentDecision, presentInstrument, presentScreening } from './screening.presenter.js';
import { submitScreening } from './screening.service.js';
import { getDecisionPolicy, updateDecisionPolicy } from './decision-policy.service.js';

export function screeningRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.getScreeningInstrument, async ({ trx, actor }, { query }) =>
    presentInstrument(await getInstrument(trx, actor, query.version)),
  );

  route(contracts.createScreeningInstrumentVersion, async (ctx, { body }) =>
    presentInstrument(await createInstrumentVersion(ctx, body.definition)),
  );

  route(contracts.publishScreeningInstrument, async (ctx, { params }) =>
    presentInstrument(await publishInstrument(ctx, params.id)),
  );

  route(contracts.submitScreening, async (ctx, { params, body }) =>
    presentScreening(await submitScreening(ctx, ctx.crypto, params.id, body)),
  );

  route(contracts.decideTraffickingStatus, async (ctx, { params, body }) =>
    presentDecision(await decideStatus(ctx, ctx.crypto, params.id, body), ctx.crypto),
  );

  route(contracts.getDecisionPolicy, async ({ trx }) => getDecisionPolicy(trx));

  route(contracts.updateDecisionPolicy, async (ctx, { body }) => updateDecisionPolicy(ctx, body));

  route(
    contracts.listDecisions,
    async (ctx, { params, query }) => {
      const rows = await listDecisions(ctx, params.id, query.personId);
      return { items: rows.map((row) => presentDecision(row, ctx.crypto)) };
    },
    audited,
  );
}

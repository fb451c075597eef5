/** Case operations: the case file, its persons, sharing, exploitation details and trafficking events. */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { presentCaseSummary } from './cases.presenter.js';
import { listVisibleCases, type ListFilter } from './case-list.repository.js';
import type { Actor } from '../../access/actor.js';
import type { Trx } from '../../db/database.js';
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
import { addCaseNote, listCaseNotes } from './case-notes.service.js';
import { searchPersons } from '../persons/persons.service.js';

/** A page of visible cases as the API's summaries. */
async function caseList(trx: Trx, actor: Actor, filter: ListFilter) {
  const { items, total } = await listVisibleCases(trx, actor, filter);
  return {
    items: items.map((row) => presentCaseSummary(row, Number(row.person_count ?? 0), actor.institutionId)),
    total,
  };
}

export function caseRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.listCases, async ({ trx, actor }, { query }) => caseList(trx, actor, query));

  // The search box: the persons found by name (the one name search, in the actor's scope, audited
  // as person.search) and then the visible cases they are in, or whose reference starts so.
  route(contracts.searchCases, async (ctx, { body }) => {
    const persons = await searchPersons(ctx, ctx.crypto, { q: body.q, limit: 100 });
    return caseList(ctx.trx, ctx.actor, {
      limit: body.limit,
      offset: body.offset,
      match: { reference: body.q, personIds: persons.items.map((person) => person.id) },
    });
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

  route(
    contracts.listCaseNotes,
    async (ctx, { params, query }) => listCaseNotes(ctx, ctx.crypto, params.id, query),
    audited,
  );

  route(contracts.addCaseNote, async (ctx, { params, body }) => {
    // The device header was checked on the way in (route.ts): an active device of this user.
    const device = ctx.request.headers['x-nanduti-device'];
    return addCaseNote(
      ctx,
      ctx.crypto,
      params.id,
      body,
      typeof device === 'string' && device !== '' ? device : null,
    );
  });
}

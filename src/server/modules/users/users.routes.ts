import type { FastifyInstance } from 'fastify';
import { authorize } from '../../access/authorize.js';
import { contracts } from '../../../shared/contracts/index.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { presentUser } from './users.presenter.js';
import { findUser, listVisibleUsers } from './users.repository.js';
import { createUser, resetPassword, updateUser } from './users.service.js';

export function userRoutes(app: FastifyInstance, services: AppServices) {
  const route = routesOf(app, services);
  route(contracts.listUsers, async ({ trx, actor }, { query }) => {
    if (query.institutionId) authorize(actor, 'user.list', { institutionId: query.institutionId });
    const { items, total } = await listVisibleUsers(trx, actor, query);
    return { items: items.map(presentUser), total };
  });

  route(contracts.createUser, async (ctx, { body }) => {
    const { id, activationLink } = await createUser(ctx, body, services.config.publicUrl);
    return { user: presentUser((await findUser(ctx.trx, id))!), activationLink };
  });

  route(contracts.updateUser, async (ctx, { params, body }) =>
    presentUser(await updateUser(ctx, params.id, body)),
  );

  route(contracts.resetUserPassword, async (ctx, { params }) =>
    resetPassword(ctx, params.id, services.config.publicUrl),
  );
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreateUserRequest,
  CreateUserResponse,
  ListUsersQuery,
  PasswordResetResponse,
  UpdateUserRequest,
  UserList,
  UserView,
  Uuid,
} from '../../../shared/api.js';
import { authorize } from '../../access/authorize.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { presentUser } from './users.presenter.js';
import { findUser, listVisibleUsers } from './users.repository.js';
import { createUser, resetPassword, updateUser } from './users.service.js';

const IdParams = z.strictObject({ id: Uuid });

export function userRoutes(app: FastifyInstance, services: AppServices) {
  defineRoute(app, services, {
    operationId: 'listUsers',
    method: 'GET',
    url: '/api/users',
    summary: 'Users the caller administers (all for a system administrator, own institution otherwise)',
    tags: ['users'],
    auth: 'session',
    action: 'user.list',
    query: ListUsersQuery,
    response: UserList,
    handler: async ({ trx, actor, query }) => {
      if (query.institutionId) authorize(actor, 'user.list', { institutionId: query.institutionId });
      const { items, total } = await listVisibleUsers(trx, actor, query);
      return { items: items.map(presentUser), total };
    },
  });

  defineRoute(app, services, {
    operationId: 'createUser',
    method: 'POST',
    url: '/api/users',
    summary: 'Create a user account; returns a one-time activation link to deliver to the user',
    tags: ['users'],
    auth: 'session',
    action: 'user.create',
    body: CreateUserRequest,
    response: CreateUserResponse,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) => {
      const ctx = { trx, actor, requestId, purpose };
      const { id, activationLink } = await createUser(ctx, body, services.config.publicUrl);
      return { user: presentUser((await findUser(trx, id))!), activationLink };
    },
  });

  defineRoute(app, services, {
    operationId: 'updateUser',
    method: 'PATCH',
    url: '/api/users/{id}',
    summary: 'Change a user’s name, e-mail, role, unit or status',
    tags: ['users'],
    auth: 'session',
    action: 'user.update',
    params: IdParams,
    body: UpdateUserRequest,
    response: UserView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      presentUser(await updateUser({ trx, actor, requestId, purpose }, params.id, body)),
  });

  defineRoute(app, services, {
    operationId: 'resetUserPassword',
    method: 'POST',
    url: '/api/users/{id}/password-reset',
    summary: 'Issue a one-time password reset link and end the user’s sessions',
    tags: ['users'],
    auth: 'session',
    action: 'user.resetPassword',
    params: IdParams,
    response: PasswordResetResponse,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      resetPassword({ trx, actor, requestId, purpose }, params.id, services.config.publicUrl),
  });
}

/** Follow-up: tasks of a case plan, my tasks, my institution's overdue work. */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { createTask, listTasks, updateTask } from './tasks.service.js';

export function taskRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.createTask, async (ctx, { body }) => createTask(ctx, ctx.crypto, body));
  route(contracts.listTasks, async (ctx, { query }) => listTasks(ctx, ctx.crypto, query));
  route(contracts.updateTask, async (ctx, { params, body }) => updateTask(ctx, ctx.crypto, params.id, body));
}

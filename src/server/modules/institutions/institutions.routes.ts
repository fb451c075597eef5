/** Institutions and their units: catalogue data every signed-in user can list; administrators extend it. */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { authorize } from '../../access/authorize.js';
import { auditOperation } from '../../audit/audit.js';
import { errors } from '../../core/errors.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import {
  findInstitution,
  insertInstitution,
  insertUnit,
  listInstitutions,
  unitCodeTaken,
} from './institutions.repository.js';

export function institutionRoutes(app: FastifyInstance, services: AppServices) {
  const route = routesOf(app, services);
  route(contracts.listInstitutions, async ({ trx }) => ({
    items: await listInstitutions(trx),
  }));

  route(contracts.createInstitution, async (ctx, { body }) => {
    const { trx } = ctx;
    if (await findInstitution(trx, { code: body.code })) throw errors.conflict('institution_code_taken');
    const row = await insertInstitution(trx, body);
    await auditOperation(ctx, 'institution.create', 'institution', row.id, ['code', 'name', 'kind']);
    return { ...row, units: [] };
  });

  route(contracts.createUnit, async (ctx, { params, body }) => {
    const { trx, actor } = ctx;
    const institutionId = await findInstitution(trx, { id: params.id });
    if (!institutionId) throw errors.notFound();
    authorize(actor, 'unit.create', { institutionId }, { resourceId: institutionId });
    if (await unitCodeTaken(trx, institutionId, body.code)) throw errors.conflict('unit_code_taken');
    const row = await insertUnit(trx, {
      institution_id: institutionId,
      code: body.code,
      name: body.name,
      department: body.department ?? null,
    });
    await auditOperation(ctx, 'unit.create', 'unit', row.id, ['code', 'name', 'department']);
    return row;
  });
}

/** Institutions and their units: catalogue data every signed-in user can list; administrators extend it. */
import type { FastifyInstance } from 'fastify';
import type { InstitutionView } from '../../../shared/api.js';
import { contracts } from '../../../shared/contracts/index.js';
import { authorize } from '../../access/authorize.js';
import { writeAudit } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';

async function listInstitutions(trx: Trx): Promise<InstitutionView[]> {
  const institutions = await trx
    .selectFrom('institutions')
    .select(['id', 'code', 'name', 'kind', 'authorities'])
    .orderBy('code')
    .execute();
  const units = await trx
    .selectFrom('units')
    .select(['id', 'institution_id', 'code', 'name', 'department'])
    .orderBy('code')
    .execute();
  return institutions.map((i) => ({
    ...i,
    units: units
      .filter((u) => u.institution_id === i.id)
      .map((u) => ({ id: u.id, code: u.code, name: u.name, department: u.department })),
  }));
}

export function institutionRoutes(app: FastifyInstance, services: AppServices) {
  const route = routesOf(app, services);
  route(contracts.listInstitutions, async ({ trx }) => ({
    items: await listInstitutions(trx),
  }));

  route(contracts.createInstitution, async ({ trx, actor, requestId, purpose }, { body }) => {
    const exists = await trx
      .selectFrom('institutions')
      .select('id')
      .where('code', '=', body.code)
      .executeTakeFirst();
    if (exists) throw errors.conflict('institution_code_taken');
    const row = await trx
      .insertInto('institutions')
      .values(body)
      .returning(['id', 'code', 'name', 'kind', 'authorities'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'institution.create',
      resourceType: 'institution',
      resourceId: row.id,
      purpose,
      requestId,
      changedFields: ['code', 'name', 'kind'],
    });
    return { ...row, units: [] };
  });

  route(contracts.createUnit, async ({ trx, actor, requestId, purpose }, { params, body }) => {
    const institution = await trx
      .selectFrom('institutions')
      .select('id')
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (!institution) throw errors.notFound();
    authorize(actor, 'unit.create', { institutionId: institution.id }, { resourceId: institution.id });
    const exists = await trx
      .selectFrom('units')
      .select('id')
      .where('institution_id', '=', params.id)
      .where('code', '=', body.code)
      .executeTakeFirst();
    if (exists) throw errors.conflict('unit_code_taken');
    const row = await trx
      .insertInto('units')
      .values({
        institution_id: params.id,
        code: body.code,
        name: body.name,
        department: body.department ?? null,
      })
      .returning(['id', 'code', 'name', 'department'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'unit.create',
      resourceType: 'unit',
      resourceId: row.id,
      purpose,
      requestId,
      changedFields: ['code', 'name', 'department'],
    });
    return row;
  });
}

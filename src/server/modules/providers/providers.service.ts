/**
 * The service directory: institution administrators keep their own providers, the providers' staff
 * keep capacity and occupancy of places with beds up to date, and everyone may search it.
 */
import type { z } from 'zod';
import type {
  CreateProviderRequest,
  ListProvidersQuery,
  UpdateCapacityRequest,
} from '../../../shared/api-protection.js';
import { authorize } from '../../access/authorize.js';
import { can } from '../../access/policies.js';
import { errors } from '../../core/errors.js';
import type { AuditAction } from '../../../shared/actions.js';
import type { Ctx } from '../../core/context.js';
import { unitBelongsTo } from '../cases/cases.repository.js';
import { auditOperation as auditProtection } from '../../audit/audit.js';
import { isBedService } from './matching.js';
import { presentProvider } from './providers.presenter.js';
import { listProviders, providerById, servicesOf } from './providers.repository.js';

type CreateInput = z.output<typeof CreateProviderRequest>;

const audit = (ctx: Ctx, action: AuditAction, resourceId: string, changedFields: string[]) =>
  auditProtection(ctx, action, 'provider', resourceId, changedFields);

export async function providerView(ctx: Pick<Ctx, 'trx' | 'actor'>, providerId: string) {
  const row = await providerById(ctx.trx, providerId);
  if (!row) throw errors.notFound();
  const services = (await servicesOf(ctx.trx, [row.id])).get(row.id) ?? [];
  return presentProvider(
    row,
    services,
    can(ctx.actor, 'provider.updateCapacity', { institutionId: row.institution_id }),
  );
}

export async function searchProviders(
  ctx: Pick<Ctx, 'trx' | 'actor'>,
  query: z.output<typeof ListProvidersQuery>,
) {
  const { items, total } = await listProviders(ctx.trx, query);
  const services = await servicesOf(
    ctx.trx,
    items.map((row) => row.id),
  );
  return {
    items: items.map((row) =>
      presentProvider(
        row,
        services.get(row.id) ?? [],
        can(ctx.actor, 'provider.updateCapacity', { institutionId: row.institution_id }),
      ),
    ),
    total,
  };
}

/** Adds a provider to the directory, for the caller's institution (any, for a system administrator). */
export async function createProvider(ctx: Ctx, input: CreateInput) {
  const institutionId = input.institutionId ?? ctx.actor.institutionId;
  authorize(
    ctx.actor,
    'provider.create',
    { institutionId },
    { resourceType: 'institution', resourceId: institutionId },
  );
  const institution = await ctx.trx
    .selectFrom('institutions')
    .select('id')
    .where('id', '=', institutionId)
    .executeTakeFirst();
  if (!institution) throw errors.badRequest('unknown_institution');
  if (input.unitId && !(await unitBelongsTo(ctx.trx, input.unitId, institutionId)))
    throw errors.badRequest('unknown_unit');
  for (const service of input.services) {
    const bed = isBedService(service.serviceType);
    if (bed && (service.capacity === null || service.capacity === undefined))
      throw errors.badRequest('capacity_required', { service: service.serviceType });
    if (!bed && service.capacity !== null && service.capacity !== undefined)
      throw errors.badRequest('capacity_not_applicable', { service: service.serviceType });
  }
  const provider = await ctx.trx
    .insertInto('service_providers')
    .values({
      institution_id: institutionId,
      unit_id: input.unitId ?? null,
      name: input.name,
      department: input.department,
      sexes: input.sexes,
      min_age: input.minAge ?? null,
      max_age: input.maxAge ?? null,
      nationalities: input.nationalities,
      languages: input.languages,
      hours: input.hours || null,
      contact: input.contact || null,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx
    .insertInto('provider_services')
    .values(
      input.services.map((service) => ({
        provider_id: provider.id,
        service_type: service.serviceType,
        departments: service.departments,
        capacity: service.capacity ?? null,
      })),
    )
    .execute();
  await audit(ctx, 'provider.create', provider.id, Object.keys(input));
  return providerView(ctx, provider.id);
}

/** Sets the capacity and occupancy of a provider's bed service (0 ≤ occupancy ≤ capacity). */
export async function updateCapacity(
  ctx: Ctx,
  providerId: string,
  input: z.output<typeof UpdateCapacityRequest>,
) {
  const provider = await providerById(ctx.trx, providerId);
  if (!provider)
    throw errors.notFound({
      audit: { action: 'provider.updateCapacity', resourceType: 'provider', resourceId: providerId },
    });
  authorize(
    ctx.actor,
    'provider.updateCapacity',
    { institutionId: provider.institution_id },
    {
      resourceType: 'provider',
      resourceId: provider.id,
    },
  );
  if (!isBedService(input.serviceType))
    throw errors.badRequest('capacity_not_applicable', { service: input.serviceType });
  const updated = await ctx.trx
    .updateTable('provider_services')
    .set({ capacity: input.capacity, occupancy: input.occupancy, updated_at: new Date() })
    .where('provider_id', '=', provider.id)
    .where('service_type', '=', input.serviceType)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw errors.badRequest('service_not_offered', { service: input.serviceType });
  await audit(ctx, 'provider.updateCapacity', provider.id, ['capacity', 'occupancy']);
  return providerView(ctx, provider.id);
}

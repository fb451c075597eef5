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
import { findInstitution } from '../institutions/institutions.repository.js';
import type { AuditAction } from '../../../shared/actions.js';
import type { Ctx } from '../../core/context.js';
import type { Actor } from '../../access/actor.js';
import { unitBelongsTo } from '../cases/cases.repository.js';
import { auditOperation as auditProtection } from '../../audit/audit.js';
import { isBedService } from './matching.js';
import type { UpdateProviderRequest } from '../../../shared/api-directory.js';
import { presentProvider } from './providers.presenter.js';
import { listProviders, providerById, servicesOf, type ProviderRow } from './providers.repository.js';
import { checkServices, insertProvider, replaceServices, updateProviderFields } from './providers.write.js';
import { auditFieldsOf, type AuditFieldName } from '../../../shared/audit-fields/lists.js';

type CreateInput = z.output<typeof CreateProviderRequest>;

const audit = (ctx: Ctx, action: AuditAction, resourceId: string, changedFields: AuditFieldName[]) =>
  auditProtection(ctx, action, 'provider', resourceId, changedFields);

export async function providerView(ctx: Pick<Ctx, 'trx' | 'actor'>, providerId: string) {
  const row = await providerById(ctx.trx, providerId);
  if (!row) throw errors.notFound();
  const services = (await servicesOf(ctx.trx, [row.id])).get(row.id) ?? [];
  return presentProvider(row, services, permissionsOn(ctx.actor, row));
}

/** What the caller may do with a provider, for the UI (the same rules the operations check). */
function permissionsOn(actor: Actor, row: ProviderRow) {
  const target = { institutionId: row.institution_id };
  return {
    canUpdateCapacity: can(actor, 'provider.updateCapacity', target),
    canEdit: can(actor, 'provider.update', target),
  };
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
      presentProvider(row, services.get(row.id) ?? [], permissionsOn(ctx.actor, row)),
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
  if (!(await findInstitution(ctx.trx, { id: institutionId })))
    throw errors.badRequest('unknown_institution');
  if (input.unitId && !(await unitBelongsTo(ctx.trx, input.unitId, institutionId)))
    throw errors.badRequest('unknown_unit');
  checkServices(input.services);
  const providerId = await insertProvider(
    ctx.trx,
    institutionId,
    input.unitId ?? null,
    {
      ...input,
      minAge: input.minAge ?? null,
      maxAge: input.maxAge ?? null,
      hours: input.hours ?? null,
      contact: input.contact ?? null,
    },
    input.services,
    ctx.actor.userId,
  );
  await audit(ctx, 'provider.create', providerId, auditFieldsOf(input));
  return providerView(ctx, providerId);
}

/** The provider `providerId` if the actor may `action` it: 404 when there is none, 403 when not allowed (both audited). */
async function loadProviderFor(
  ctx: Ctx,
  providerId: string,
  action: 'provider.update' | 'provider.updateCapacity',
): Promise<ProviderRow> {
  const provider = await providerById(ctx.trx, providerId);
  if (!provider)
    throw errors.notFound({ audit: { action, resourceType: 'provider', resourceId: providerId } });
  authorize(
    ctx.actor,
    action,
    { institutionId: provider.institution_id },
    { resourceType: 'provider', resourceId: provider.id },
  );
  return provider;
}

/** Sets the capacity and occupancy of a provider's bed service (0 ≤ occupancy ≤ capacity). */
export async function updateCapacity(
  ctx: Ctx,
  providerId: string,
  input: z.output<typeof UpdateCapacityRequest>,
) {
  const provider = await loadProviderFor(ctx, providerId, 'provider.updateCapacity');
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

/**
 * Edits a provider: its fields, its services (the whole list) and whether it is active. A deactivated
 * provider leaves the directory and matching; referrals already made keep pointing at it.
 */
export async function updateProvider(
  ctx: Ctx,
  providerId: string,
  input: z.output<typeof UpdateProviderRequest>,
) {
  const provider = await loadProviderFor(ctx, providerId, 'provider.update');
  const minAge = input.minAge === undefined ? provider.min_age : input.minAge;
  const maxAge = input.maxAge === undefined ? provider.max_age : input.maxAge;
  if (minAge !== null && maxAge !== null && minAge > maxAge)
    throw errors.validation([{ path: 'maxAge', message: 'issue.minAgeAboveMax' }]);
  if (input.services) {
    checkServices(input.services);
    await replaceServices(ctx.trx, provider.id, input.services);
  }
  await updateProviderFields(ctx.trx, provider.id, input);
  await audit(ctx, 'provider.update', provider.id, auditFieldsOf(input));
  return providerView(ctx, provider.id);
}

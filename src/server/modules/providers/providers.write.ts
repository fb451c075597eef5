/**
 * Writing a provider and its services: shared by adding one by hand, editing one and the bulk import,
 * so the rules (capacity only for bed services, never below the places taken, a service used by
 * referrals is kept) hold the same way on every path.
 */
import type { z } from 'zod';
import type { ProviderServiceInput } from '../../../shared/api-protection.js';
import type { LANGUAGES, SEXES } from '../../../shared/catalogues.js';
import { errors } from '../../core/errors.js';
import type { Trx } from '../../db/database.js';
import { isBedService } from './matching.js';

type ServiceInput = z.output<typeof ProviderServiceInput>;

export interface ProviderFields {
  name: string;
  department: string;
  sexes: (typeof SEXES)[number][];
  minAge: number | null;
  maxAge: number | null;
  nationalities: string[];
  languages: (typeof LANGUAGES)[number][];
  hours: string | null;
  contact: string | null;
}

/** Capacity is required for a bed service and refused for any other (400 naming the service). */
export function checkServices(services: readonly ServiceInput[]): void {
  for (const service of services) {
    const bed = isBedService(service.serviceType);
    if (bed && (service.capacity === null || service.capacity === undefined))
      throw errors.badRequest('capacity_required', { service: service.serviceType });
    if (!bed && service.capacity !== null && service.capacity !== undefined)
      throw errors.badRequest('capacity_not_applicable', { service: service.serviceType });
  }
}

/** Inserts a provider of `institutionId` with its services; returns its id. */
export async function insertProvider(
  trx: Trx,
  institutionId: string,
  unitId: string | null,
  fields: ProviderFields,
  services: readonly ServiceInput[],
  createdBy: string,
): Promise<string> {
  const provider = await trx
    .insertInto('service_providers')
    .values({
      institution_id: institutionId,
      unit_id: unitId,
      name: fields.name,
      department: fields.department,
      sexes: fields.sexes,
      min_age: fields.minAge,
      max_age: fields.maxAge,
      nationalities: fields.nationalities,
      languages: fields.languages,
      hours: fields.hours || null,
      contact: fields.contact || null,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('provider_services')
    .values(
      services.map((service) => ({
        provider_id: provider.id,
        service_type: service.serviceType,
        departments: service.departments,
        capacity: service.capacity ?? null,
      })),
    )
    .execute();
  return provider.id;
}

/**
 * Sets the fields of a provider that `changes` gives (an edit sends only what changed; empty hours
 * or contact are stored as none), and whether it is active.
 */
export async function updateProviderFields(
  trx: Trx,
  providerId: string,
  changes: Partial<ProviderFields> & { active?: boolean },
): Promise<void> {
  await trx
    .updateTable('service_providers')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.department !== undefined && { department: changes.department }),
      ...(changes.sexes !== undefined && { sexes: changes.sexes }),
      ...(changes.minAge !== undefined && { min_age: changes.minAge }),
      ...(changes.maxAge !== undefined && { max_age: changes.maxAge }),
      ...(changes.nationalities !== undefined && { nationalities: changes.nationalities }),
      ...(changes.languages !== undefined && { languages: changes.languages }),
      ...(changes.hours !== undefined && { hours: changes.hours || null }),
      ...(changes.contact !== undefined && { contact: changes.contact || null }),
      ...(changes.active !== undefined && { active: changes.active }),
      updated_at: new Date(),
    })
    .where('id', '=', providerId)
    .execute();
}

/**
 * Makes a provider offer exactly `services`: kept services get their departments and capacity (not
 * below the places taken), new ones are added, services left out are removed — refused (409) while a
 * referral points at one, since its history must stay readable.
 */
export async function replaceServices(
  trx: Trx,
  providerId: string,
  services: readonly ServiceInput[],
): Promise<void> {
  const current = await trx
    .selectFrom('provider_services')
    .select(['id', 'service_type', 'occupancy'])
    .where('provider_id', '=', providerId)
    .execute();
  const byType = new Map(current.map((row) => [row.service_type, row]));
  for (const service of services) {
    const row = byType.get(service.serviceType);
    if (!row) {
      await trx
        .insertInto('provider_services')
        .values({
          provider_id: providerId,
          service_type: service.serviceType,
          departments: service.departments,
          capacity: service.capacity ?? null,
        })
        .execute();
      continue;
    }
    byType.delete(service.serviceType);
    const capacity = service.capacity ?? null;
    if (capacity !== null && capacity < Number(row.occupancy))
      throw errors.badRequest('capacity_below_occupancy', {
        service: service.serviceType,
        occupancy: Number(row.occupancy),
      });
    await trx
      .updateTable('provider_services')
      .set({ departments: service.departments, capacity, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
  }
  const removed = [...byType.values()];
  if (removed.length === 0) return;
  const used = await trx
    .selectFrom('referrals')
    .select('provider_service_id')
    .where(
      'provider_service_id',
      'in',
      removed.map((row) => row.id),
    )
    .executeTakeFirst();
  if (used) {
    const type = removed.find((row) => row.id === used.provider_service_id)!.service_type;
    throw errors.conflict('service_has_referrals', { service: type });
  }
  await trx
    .deleteFrom('provider_services')
    .where(
      'id',
      'in',
      removed.map((row) => row.id),
    )
    .execute();
}

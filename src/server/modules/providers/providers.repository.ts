/** Reading and writing the service directory: providers and the services each offers. */
import { sql, type ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { ListProvidersQuery } from '../../../shared/api-protection.js';
import { BED_SERVICE_TYPES } from '../../../shared/catalogues.js';
import type { Trx } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ageRangeOf, type Candidate } from './matching.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

type ListQuery = z.output<typeof ListProvidersQuery>;

/** What matching reads of a provider (matching.ts), besides its ids. */
const PROVIDER_PROFILE_COLUMNS = [
  'service_providers.name',
  'service_providers.department',
  'service_providers.sexes',
  'service_providers.min_age',
  'service_providers.max_age',
  'service_providers.nationalities',
  'service_providers.languages',
] as const;

const PROVIDER_COLUMNS = [
  'service_providers.id',
  'service_providers.institution_id',
  'service_providers.unit_id',
  ...PROVIDER_PROFILE_COLUMNS,
  'service_providers.hours',
  'service_providers.contact',
  'service_providers.active',
  ...INSTITUTION_CODE_AND_NAME,
] as const;

/** "The service `provider_services` has room": not a bed service, or a free place. */
const hasRoom = (eb: ExpressionBuilder<DB, 'provider_services'>) =>
  eb.or([
    eb('provider_services.service_type', 'not in', [...BED_SERVICE_TYPES]),
    eb('provider_services.occupancy', '<', eb.ref('provider_services.capacity')),
  ]);

/**
 * Provider `providerId` (its institution, whether active) and its service of `serviceType`, whose id
 * is null when the provider does not offer it; undefined when there is no such provider.
 */
export function providerOffering(trx: Trx, providerId: string, serviceType: string) {
  return trx
    .selectFrom('service_providers')
    .leftJoin('provider_services', (join) =>
      join
        .onRef('provider_services.provider_id', '=', 'service_providers.id')
        .on('provider_services.service_type', '=', serviceType),
    )
    .select([
      'service_providers.institution_id',
      'service_providers.active',
      'provider_services.id as service_id',
    ])
    .where('service_providers.id', '=', providerId)
    .executeTakeFirst();
}

/** Active providers matching the directory filters, by name, with the total. */
export async function listProviders(trx: Trx, query: ListQuery) {
  let base = trx
    .selectFrom('service_providers')
    .innerJoin('institutions', 'institutions.id', 'service_providers.institution_id')
    .where((eb) =>
      query.includeInactive === 'true' ? eb.val(true) : eb('service_providers.active', '=', true),
    );
  if (query.institutionId) base = base.where('service_providers.institution_id', '=', query.institutionId);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where('service_providers.name', 'ilike', pattern);
  }
  if (query.sex) {
    const sex = query.sex;
    base = base.where((eb) =>
      eb.or([
        eb(sql`cardinality(service_providers.sexes)`, '=', 0),
        sql<boolean>`${sex} = any(service_providers.sexes)`,
      ]),
    );
  }
  const range = query.ageBand ? ageRangeOf(query.ageBand) : null;
  if (range) {
    base = base
      .where((eb) =>
        eb.or([eb('service_providers.min_age', 'is', null), eb('service_providers.min_age', '<=', range[1])]),
      )
      .where((eb) =>
        eb.or([eb('service_providers.max_age', 'is', null), eb('service_providers.max_age', '>=', range[0])]),
      );
  }
  if (query.serviceType || query.department || query.withCapacity === 'true') {
    base = base.where((eb) => {
      let services = eb
        .selectFrom('provider_services')
        .select('provider_services.id')
        .whereRef('provider_services.provider_id', '=', 'service_providers.id');
      if (query.serviceType)
        services = services.where('provider_services.service_type', '=', query.serviceType);
      if (query.department) {
        const department = query.department;
        services = services.where(sql<boolean>`${department} = any(provider_services.departments)`);
      }
      if (query.withCapacity === 'true') services = services.where(hasRoom);
      return eb.exists(services);
    });
  }
  const [items, total] = await Promise.all([
    base
      .select([...PROVIDER_COLUMNS])
      .orderBy('service_providers.name')
      .orderBy('service_providers.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type ProviderRow = Awaited<ReturnType<typeof listProviders>>['items'][number];

export async function providerById(trx: Trx, id: string): Promise<ProviderRow | undefined> {
  return trx
    .selectFrom('service_providers')
    .innerJoin('institutions', 'institutions.id', 'service_providers.institution_id')
    .select([...PROVIDER_COLUMNS])
    .where('service_providers.id', '=', id)
    .executeTakeFirst();
}

/** The services of each provider in `providerIds`. */
export async function servicesOf(trx: Trx, providerIds: readonly string[]) {
  if (providerIds.length === 0) return new Map<string, ServiceRow[]>();
  const rows = await trx
    .selectFrom('provider_services')
    .select(['id', 'provider_id', 'service_type', 'departments', 'capacity', 'occupancy'])
    .where('provider_id', 'in', [...providerIds])
    .orderBy('service_type')
    .execute();
  const map = new Map<string, ServiceRow[]>();
  for (const row of rows) {
    const services = map.get(row.provider_id);
    if (services) services.push(row);
    else map.set(row.provider_id, [row]);
  }
  return map;
}
export interface ServiceRow {
  id: string;
  provider_id: string;
  service_type: string;
  departments: string[];
  capacity: number | null;
  occupancy: number;
}

/** An active provider's offer of one service, as matching sees it, with the provider's institution. */
export interface Offer extends Candidate {
  institutionId: string;
}

/**
 * Every active provider's offers (of `serviceType` only, when given), with what matching needs to
 * know, in a stable order: provider name, service type, id.
 */
export async function activeOffers(trx: Trx, serviceType?: string): Promise<Offer[]> {
  let query = trx
    .selectFrom('provider_services')
    .innerJoin('service_providers', 'service_providers.id', 'provider_services.provider_id')
    .innerJoin('institutions', 'institutions.id', 'service_providers.institution_id')
    .selectAll('provider_services')
    .select([
      'service_providers.institution_id',
      ...PROVIDER_PROFILE_COLUMNS,
      'institutions.code as institution_code',
    ])
    .where('service_providers.active', '=', true);
  if (serviceType !== undefined) query = query.where('provider_services.service_type', '=', serviceType);
  const rows = await query
    .orderBy('service_providers.name')
    .orderBy('provider_services.service_type')
    .orderBy('provider_services.id')
    .execute();
  return rows.map((r) => ({
    providerId: r.provider_id,
    providerServiceId: r.id,
    institutionId: r.institution_id,
    name: r.name,
    institutionCode: r.institution_code,
    department: r.department,
    serviceType: r.service_type,
    departments: r.departments,
    capacity: r.capacity,
    occupancy: Number(r.occupancy),
    sexes: r.sexes,
    minAge: r.min_age,
    maxAge: r.max_age,
    nationalities: r.nationalities,
    languages: r.languages,
  }));
}

/** Every active provider's offer of `serviceType`, with what matching needs to know. */
export function candidatesFor(trx: Trx, serviceType: string): Promise<Candidate[]> {
  return activeOffers(trx, serviceType);
}

/**
 * Takes one place of a bed service, atomically: the row is updated only while a place is free, so
 * of two concurrent acceptances of the last place exactly one gets a row back.
 */
export async function takePlace(trx: Trx, providerServiceId: string): Promise<boolean> {
  const row = await trx
    .updateTable('provider_services')
    .set({ occupancy: sql<number>`occupancy + 1`, updated_at: new Date() })
    .where('id', '=', providerServiceId)
    .where('capacity', 'is not', null)
    .where(sql<boolean>`occupancy < capacity`)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives back a place taken by an accepted referral (never below zero). */
export async function releasePlace(trx: Trx, providerServiceId: string): Promise<void> {
  await trx
    .updateTable('provider_services')
    .set({ occupancy: sql<number>`occupancy - 1`, updated_at: new Date() })
    .where('id', '=', providerServiceId)
    .where('occupancy', '>', 0)
    .execute();
}

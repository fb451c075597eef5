/**
 * The service directory of a demo database: the fictitious providers of directory-catalogue.ts,
 * created once per database (kept as they are on --append), and the directory as plain data that
 * generator threads match needs against with the providers module's own `match`.
 */
import type { Trx } from '../db/database.js';
import { isBedService } from '../modules/providers/matching.js';
import { activeOffers, type Offer } from '../modules/providers/providers.repository.js';
import { DEMO_PROVIDERS, PROVIDER_INSTITUTIONS } from './directory-catalogue.js';
import type { Rng } from './prng.js';

/** A provider's offer of one service, with what a referral to it needs. */
export interface DemoOffer extends Offer {
  /**
   * For a bed service: how many of the run's last cases may have a referral here that still holds a
   * place at the end. A case has at most 3 victims, so the places taken never exceed the free ones,
   * whatever chunks or threads build the cases.
   */
  holdingCases: number;
}

export interface DemoDirectory {
  offers: DemoOffer[];
  /** Providers created by this run. */
  created: number;
}

/** Most victims on one demo case (see case.ts): bounds the places one case can take in one shelter. */
export const MAX_VICTIMS_PER_CASE = 3;

/** Creates the demo providers missing from the database, then loads every active offer. */
export async function ensureDemoDirectory(trx: Trx, ids: Rng): Promise<DemoDirectory> {
  const institutions = await trx
    .selectFrom('institutions')
    .select(['id', 'code'])
    .where('code', 'in', PROVIDER_INSTITUTIONS)
    .execute();
  const idOf = new Map(institutions.map((i) => [i.code, i.id]));
  const existing = new Set(
    (
      await trx
        .selectFrom('service_providers')
        .select('name')
        .where(
          'name',
          'in',
          DEMO_PROVIDERS.map((p) => p.name),
        )
        .execute()
    ).map((p) => p.name),
  );
  let created = 0;
  for (const spec of DEMO_PROVIDERS) {
    // Ids are drawn for every provider, created or not, so that the others keep theirs.
    const providerId = ids.uuid();
    const serviceIds = spec.services.map(() => ids.uuid());
    const institutionId = idOf.get(spec.institutionCode);
    if (existing.has(spec.name) || !institutionId) continue;
    await trx
      .insertInto('service_providers')
      .values({
        id: providerId,
        institution_id: institutionId,
        unit_id: null,
        name: spec.name,
        department: spec.department,
        sexes: [...spec.sexes],
        min_age: spec.minAge,
        max_age: spec.maxAge,
        nationalities: [],
        languages: [],
        hours: spec.hours,
        contact: spec.contact,
      })
      .execute();
    await trx
      .insertInto('provider_services')
      .values(
        spec.services.map((s, i) => ({
          id: serviceIds[i]!,
          provider_id: providerId,
          service_type: s.type,
          departments: [...s.departments],
          capacity: s.capacity ?? null,
        })),
      )
      .execute();
    created++;
  }
  return { offers: await loadOffers(trx), created };
}

/** Every active provider's offers, in a stable order (the order `match` breaks ties by name in). */
async function loadOffers(trx: Trx): Promise<DemoOffer[]> {
  return (await activeOffers(trx)).map((offer) => {
    const free = Math.max(0, (offer.capacity ?? 0) - offer.occupancy);
    return {
      ...offer,
      // Needs are matched as they were recorded, over the years: the places free then, not today's.
      occupancy: 0,
      holdingCases: isBedService(offer.serviceType) ? Math.floor(free / MAX_VICTIMS_PER_CASE) : 0,
    };
  });
}

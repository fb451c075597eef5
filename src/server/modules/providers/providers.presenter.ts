/** Directory rows → API objects. The directory is institutional data: nothing here is personal. */
import type { z } from 'zod';
import type { ProviderView } from '../../../shared/api-protection.js';
import { freePlaces } from './matching.js';
import type { ProviderRow, ServiceRow } from './providers.repository.js';
import { presentInstitution } from '../institutions/institutions.presenter.js';

type View = z.input<typeof ProviderView>;

export function presentProvider(
  row: ProviderRow,
  services: readonly ServiceRow[],
  permissions: { canUpdateCapacity: boolean; canEdit: boolean },
): View {
  return {
    id: row.id,
    institution: presentInstitution(row),
    unitId: row.unit_id,
    name: row.name,
    department: row.department as View['department'],
    sexes: row.sexes as View['sexes'],
    minAge: row.min_age,
    maxAge: row.max_age,
    nationalities: row.nationalities,
    languages: row.languages as View['languages'],
    hours: row.hours,
    contact: row.contact,
    ...permissions,
    active: row.active,
    services: services.map((s) => ({
      id: s.id,
      serviceType: s.service_type as View['services'][number]['serviceType'],
      departments: s.departments as View['services'][number]['departments'],
      capacity: s.capacity,
      occupancy: Number(s.occupancy),
      free: freePlaces({ serviceType: s.service_type, capacity: s.capacity, occupancy: Number(s.occupancy) }),
    })),
  };
}

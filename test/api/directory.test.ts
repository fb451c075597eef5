/**
 * The service directory: institution administrators add their providers, the provider's staff keep
 * places up to date (0 ≤ occupancy ≤ capacity), everyone searches it by service, department, sex,
 * age band and free capacity.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, institutionId, rowCount } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('service directory', () => {
  const t = useTestContext();

  const shelterBody = (overrides: Record<string, unknown> = {}) => ({
    name: 'Centro de Referencia y Albergue Transitorio (prueba)',
    department: 'PY-ASU',
    sexes: ['Female'],
    minAge: 18,
    languages: ['es', 'gn'],
    hours: 'Todos los días, 24 horas',
    contact: 'albergue@ejemplo.gov.py',
    services: [
      { serviceType: 'Shelter', departments: ['PY-ASU', 'PY-11'], capacity: 2 },
      { serviceType: 'Psychological', departments: ['PY-ASU'] },
    ],
    ...overrides,
  });

  const [minmujerAdmin, shelterWorker, police, system] = useSessions(
    t,
    'institution_admin@MINMUJER',
    'case_worker@MINMUJER',
    'case_worker@PNPTU',
    'system_admin@MESA',
  );

  it('lets an institution administrator add their own provider, and keeps its places up to date', async () => {
    const created = await api(t, minmujerAdmin, 'POST', '/api/service-providers', shelterBody());
    expect(created.statusCode).toBe(201);
    const provider = created.json();
    expect(provider.institution.code).toBe('MINMUJER');
    const shelter = provider.services.find((s: { serviceType: string }) => s.serviceType === 'Shelter');
    expect(shelter).toMatchObject({ capacity: 2, occupancy: 0, free: 2 });
    expect(
      provider.services.find((s: { serviceType: string }) => s.serviceType === 'Psychological').free,
    ).toBeNull();
    expect(provider.canUpdateCapacity).toBe(true);

    const update = await api(t, shelterWorker, 'PUT', `/api/service-providers/${provider.id}/capacity`, {
      serviceType: 'Shelter',
      capacity: 3,
      occupancy: 3,
    });
    expect(update.statusCode).toBe(200);
    expect(
      update.json().services.find((s: { serviceType: string }) => s.serviceType === 'Shelter'),
    ).toMatchObject({
      capacity: 3,
      occupancy: 3,
      free: 0,
    });
    // Other institutions read it but may not change it.
    const listed = await api(t, police, 'GET', '/api/service-providers?serviceType=Shelter');
    const seen = listed.json().items.find((p: { id: string }) => p.id === provider.id);
    expect(seen.canUpdateCapacity).toBe(false);
    const refused = await api(t, police, 'PUT', `/api/service-providers/${provider.id}/capacity`, {
      serviceType: 'Shelter',
      capacity: 3,
      occupancy: 0,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('filters by service, department, sex, age band and free capacity', async () => {
    const minna = await institutionId(t, 'MINNA');
    const child = await api(t, system, 'POST', '/api/service-providers', {
      institutionId: minna,
      name: 'Hogar de tránsito para adolescentes (prueba)',
      department: 'PY-10',
      maxAge: 17,
      services: [{ serviceType: 'Shelter', departments: ['PY-10'], capacity: 4 }],
    });
    expect(child.statusCode).toBe(201);
    const women = await api(
      t,
      minmujerAdmin,
      'POST',
      '/api/service-providers',
      shelterBody({ name: 'Albergue lleno (prueba)' }),
    );
    await api(t, shelterWorker, 'PUT', `/api/service-providers/${women.json().id}/capacity`, {
      serviceType: 'Shelter',
      capacity: 2,
      occupancy: 2,
    });
    const ids = async (query: string) =>
      (await api(t, police, 'GET', `/api/service-providers?${query}`))
        .json()
        .items.map((p: { id: string }) => p.id);
    expect(await ids('serviceType=Shelter&department=PY-10')).toEqual([child.json().id]);
    expect(await ids('serviceType=Shelter&ageBand=12-17')).toContain(child.json().id);
    expect(await ids('serviceType=Shelter&ageBand=12-17')).not.toContain(women.json().id);
    expect(await ids('serviceType=Shelter&sex=Male')).toContain(child.json().id);
    expect(await ids('serviceType=Shelter&sex=Male')).not.toContain(women.json().id);
    expect(await ids('serviceType=Shelter&department=PY-11')).toContain(women.json().id);
    expect(await ids('serviceType=Shelter&withCapacity=true')).not.toContain(women.json().id);
    expect(await ids('serviceType=Shelter&withCapacity=true')).toContain(child.json().id);
    expect(await ids('serviceType=Psychological&withCapacity=true')).toContain(women.json().id);
  });

  it('refuses invalid providers and capacities with 4xx, writing nothing', async () => {
    const { id } = (
      await api(t, minmujerAdmin, 'POST', '/api/service-providers', shelterBody({ name: 'Otro (prueba)' }))
    ).json();
    const before = [await rowCount(t, 'service_providers'), await rowCount(t, 'provider_services')];
    const bad: Array<[Record<string, unknown>, number, string]> = [
      [
        shelterBody({ services: [{ serviceType: 'Shelter', departments: ['PY-ASU'] }] }),
        400,
        'capacity_required',
      ],
      [
        shelterBody({ services: [{ serviceType: 'Medical', departments: ['PY-ASU'], capacity: 3 }] }),
        400,
        'capacity_not_applicable',
      ],
      [shelterBody({ minAge: 30, maxAge: 20 }), 400, 'validation_failed'],
      [shelterBody({ services: [] }), 400, 'validation_failed'],
      [shelterBody({ services: [{ serviceType: 'Medical', departments: [] }] }), 400, 'validation_failed'],
      [
        shelterBody({ services: [{ serviceType: 'Medical', departments: ['PY-99'] }] }),
        400,
        'validation_failed',
      ],
      [shelterBody({ unitId: crypto.randomUUID() }), 400, 'unknown_unit'],
      [shelterBody({ department: undefined }), 400, 'validation_failed'],
      [shelterBody({ sexes: ['Female', 'Female'] }), 400, 'validation_failed'],
      [shelterBody({ owner: 'me' }), 400, 'validation_failed'],
    ];
    for (const [body, status, code] of bad) {
      const res = await api(t, minmujerAdmin, 'POST', '/api/service-providers', body);
      expect({ body, status: res.statusCode, code: res.json().error.code }).toEqual({ body, status, code });
    }
    const capacities: Array<[Record<string, unknown>, number, string]> = [
      [{ serviceType: 'Shelter', capacity: 2, occupancy: 3 }, 400, 'validation_failed'],
      [{ serviceType: 'Shelter', capacity: 2, occupancy: -1 }, 400, 'validation_failed'],
      [{ serviceType: 'Shelter', capacity: -1, occupancy: 0 }, 400, 'validation_failed'],
      [{ serviceType: 'Psychological', capacity: 2, occupancy: 0 }, 400, 'capacity_not_applicable'],
      [{ serviceType: 'Shelter', capacity: 2 }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of capacities) {
      const res = await api(t, shelterWorker, 'PUT', `/api/service-providers/${id}/capacity`, body);
      expect({ body, status: res.statusCode, code: res.json().error.code }).toEqual({ body, status, code });
    }
    const missing = await api(
      t,
      shelterWorker,
      'PUT',
      `/api/service-providers/${crypto.randomUUID()}/capacity`,
      {
        serviceType: 'Shelter',
        capacity: 2,
        occupancy: 0,
      },
    );
    expect(missing.statusCode).toBe(404);
    expect([await rowCount(t, 'service_providers'), await rowCount(t, 'provider_services')]).toEqual(before);
    // The database refuses an impossible occupancy even if a bug let one through.
    await expect(
      t.services.db.transaction((trx) =>
        trx.updateTable('provider_services').set({ occupancy: 99 }).where('provider_id', '=', id).execute(),
      ),
    ).rejects.toThrow();
  });
});

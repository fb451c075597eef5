/**
 * Matching needs to providers and the gap report: an adult man needing shelter where only a women's
 * shelter exists is an unmet need (no_provider_for_profile), counted by service, department, sex and
 * age band, with small cells suppressed and no person ids.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_CELL } from '../../src/server/modules/referrals/unmet-report.js';
import { skipBackend } from '../helpers/db.js';
import { api, buildPerson, createCaseAs, linkPersonAs } from '../helpers/factories.js';
import { insertProvider } from './protection-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('needs, matching and the gap report', () => {
  const t = useTestContext();
  const [police, analyst] = useSessions(t, 'case_worker@PNPTU', 'analyst@MINMUJER');

  beforeAll(async () => {
    // The only shelter takes adult women; psychological care exists in Asunción and Central.
    await insertProvider(t, {
      institution: 'MINMUJER',
      name: 'Albergue para mujeres (prueba)',
      sexes: ['Female'],
      minAge: 18,
      services: [{ serviceType: 'Shelter', departments: ['PY-ASU', 'PY-11'], capacity: 1, occupancy: 1 }],
    });
    await insertProvider(t, {
      institution: 'NGO-LUNANUEVA',
      name: 'Atención psicológica Central (prueba)',
      department: 'PY-11',
      services: [{ serviceType: 'Psychological', departments: ['PY-ASU', 'PY-11', 'PY-10'] }],
    });
    await insertProvider(t, {
      institution: 'MSPBS',
      name: 'Atención psicológica Alto Paraná (prueba)',
      department: 'PY-10',
      services: [{ serviceType: 'Psychological', departments: ['PY-10', 'PY-ASU'] }],
    });
  });

  async function needOf(person: Record<string, unknown>, need: Record<string, unknown>) {
    const kase = await createCaseAs(t, police, { detectionDepartment: 'PY-ASU' });
    const p = await buildPerson(t, police, person);
    await linkPersonAs(t, police, kase.id, p.id);
    const res = await api(t, police, 'POST', `/api/cases/${kase.id}/needs`, {
      personId: p.id,
      urgency: 'High',
      ...need,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }
  const man = { sex: 'Male', dateOfBirth: '1985-03-02' };

  it('records an adult man’s shelter need as unmet when no provider takes men, and counts it', async () => {
    for (let i = 0; i < MIN_CELL; i++) {
      const need = await needOf(man, { serviceType: 'Shelter' });
      expect(need).toMatchObject({ status: 'unmet', unmetReason: 'no_provider_for_profile', matches: [] });
    }
    const report = await api(t, analyst, 'GET', '/api/reports/unmet-needs');
    expect(report.statusCode).toBe(200);
    const cell = report
      .json()
      .cells.find(
        (c: { serviceType: string; sex: string }) => c.serviceType === 'Shelter' && c.sex === 'Male',
      );
    expect(cell).toEqual({
      serviceType: 'Shelter',
      department: 'PY-ASU',
      sex: 'Male',
      ageBand: '30-59',
      reason: 'no_provider_for_profile',
      count: MIN_CELL,
      suppressed: false,
    });
    // Aggregates only: no ids of persons, cases or needs.
    expect(report.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('gives the other reasons: full shelter, not offered in the department; suppresses small cells', async () => {
    const woman = await needOf({ sex: 'Female', dateOfBirth: '1990-01-01' }, { serviceType: 'Shelter' });
    expect(woman.unmetReason).toBe('no_capacity');
    const far = await needOf(
      { sex: 'Female', dateOfBirth: '1990-01-01' },
      { serviceType: 'Psychological', department: 'PY-16' },
    );
    expect(far.unmetReason).toBe('not_offered_in_department');
    const report = (await api(t, analyst, 'GET', '/api/reports/unmet-needs')).json();
    const small = report.cells.find((c: { reason: string }) => c.reason === 'no_capacity');
    expect(small).toMatchObject({ count: null, suppressed: true });
    expect(report.minimumCellSize).toBe(MIN_CELL);
  });

  it('lists eligible providers nearest department first', async () => {
    const need = await needOf(
      { sex: 'Female', dateOfBirth: '1990-01-01' },
      { serviceType: 'Psychological', department: 'PY-10' },
    );
    expect(need.status).toBe('open');
    expect(need.ageChecked).toBe(true);
    expect(need.matches.map((m: { name: string }) => m.name)).toEqual([
      'Atención psicológica Alto Paraná (prueba)',
      'Atención psicológica Central (prueba)',
    ]);
    expect(need.matches[0].sameDepartment).toBe(true);
    const central = await needOf({ sex: 'Male' }, { serviceType: 'Psychological', department: 'PY-ASU' });
    expect(central.matches[0].name).toBe('Atención psicológica Central (prueba)');
    expect(central.ageChecked).toBe(false);
  });

  it('refuses the gap report to roles outside statistics and supervision', async () => {
    expect((await api(t, police, 'GET', '/api/reports/unmet-needs')).statusCode).toBe(403);
    const bad = await api(t, analyst, 'GET', '/api/reports/unmet-needs?from=yesterday');
    expect(bad.statusCode).toBe(400);
    const windowed = await api(t, analyst, 'GET', '/api/reports/unmet-needs?from=2000-01-01&to=2000-12-31');
    expect(windowed.json().cells).toEqual([]);
  });
});

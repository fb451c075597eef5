/**
 * Directory administration: an institution's administrator edits and deactivates its providers (a
 * system administrator any); the bulk import from CSV or XLSX previews in a dry run, writes all rows
 * or none, and names the line and column of every invalid cell.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, rowCount } from '../helpers/factories.js';
import { insertReferral } from './protection-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const HEADER =
  'institution,name,department,services,departments_covered,capacity,sexes,min_age,max_age,languages,nationalities,hours,contact';
const EXAMPLE = fs.readFileSync(new URL('../../docs/examples/directory-import.csv', import.meta.url), 'utf8');

describe.skipIf(skipBackend)('directory administration', () => {
  const t = useTestContext();

  const providerCount = () => rowCount(t, 'service_providers');

  const [minmujerAdmin, system, police] = useSessions(
    t,
    'institution_admin@MINMUJER',
    'system_admin@MESA',
    'case_worker@PNPTU',
  );

  it('previews the example file in a dry run, then imports it; importing again updates', async () => {
    const before = await providerCount();
    const dry = await api(t, system, 'POST', '/api/service-providers/import', {
      format: 'csv',
      content: EXAMPLE,
      dryRun: true,
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 3, updated: 0 });
    expect(dry.json().rows[0]).toMatchObject({
      line: 2,
      institutionCode: 'MINMUJER',
      services: [
        { serviceType: 'Shelter', departments: ['PY-ASU', 'PY-11'], capacity: 12 },
        { serviceType: 'Psychological', capacity: null },
        { serviceType: 'LegalAid' },
      ],
    });
    expect(await providerCount()).toBe(before);

    const real = await api(t, system, 'POST', '/api/service-providers/import', {
      format: 'csv',
      content: EXAMPLE,
      dryRun: false,
    });
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ dryRun: false, created: 3, updated: 0 });
    expect(await providerCount()).toBe(before + 3);
    const listed = await api(t, police, 'GET', '/api/service-providers?serviceType=Shelter&department=PY-10');
    expect(listed.json().items.map((p: { name: string }) => p.name)).toContain(
      'Hogar de tránsito infantil de ejemplo',
    );

    const again = await api(t, system, 'POST', '/api/service-providers/import', {
      format: 'csv',
      content: EXAMPLE.replace(',12,Female', ',15,Female'),
      dryRun: false,
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 3 });
    expect(await providerCount()).toBe(before + 3);
  });

  it('refuses the whole file when any row is invalid, naming line and column, and writes nothing', async () => {
    const before = await providerCount();
    const content = [
      HEADER,
      'MINMUJER,Válido de prueba,PY-ASU,LegalAid,,,,,,es,,,',
      'MINMUJER,Sin departamento,,LegalAid,,,,,,,,,',
      'MINMUJER,Albergue sin plazas,PY-ASU,Shelter,,,,,,,,,',
      'XX,Institución inexistente,PY-ASU,Medical,,,,,,,,,',
      'MINMUJER,Servicio desconocido,PY-99,Teleportation,,,,,,,,,',
    ].join('\r\n');
    const res = await api(t, system, 'POST', '/api/service-providers/import', {
      format: 'csv',
      content,
      dryRun: false,
    });
    expect(res.statusCode).toBe(400);
    const { code, issues } = res.json().error;
    expect(code).toBe('import_rows_invalid');
    const paths = issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'line 3.department',
        'line 4.capacity',
        'line 6.department',
        'line 6.services',
      ]),
    );
    expect(paths.some((p: string) => p.startsWith('line 2.'))).toBe(false);
    // An empty departments_covered stands for the missing department: reported once, on the department.
    expect(paths).not.toContain('line 3.departments_covered');
    // Each row's problem as a code with its line and column, for the web to show translated.
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'department', code: 'required' }),
        expect.objectContaining({ line: 4, field: 'capacity', code: 'shelter_needs_capacity' }),
        expect.objectContaining({ line: 6, field: 'department', code: 'department_code' }),
        expect.objectContaining({ line: 6, field: 'services', code: 'service_types' }),
      ]),
    );
    expect(await providerCount()).toBe(before);

    // The institution is checked once the values are: unknown code, or someone else's institution.
    const unknown = await api(t, minmujerAdmin, 'POST', '/api/service-providers/import', {
      format: 'csv',
      content: [HEADER, 'XX,Uno,PY-ASU,Medical,,,,,,,,,', 'MINNA,Dos,PY-ASU,Medical,,,,,,,,,'].join('\n'),
      dryRun: true,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'line 2.institution',
      'line 3.institution',
    ]);
    expect(unknown.json().error.issues.map((i: { code: string }) => i.code)).toEqual([
      'institution_unknown',
      'institution_not_own',
    ]);
  });

  it('names a column missing from the header', async () => {
    const res = await api(t, system, 'POST', '/api/service-providers/import', {
      format: 'csv',
      content: 'institution,name,department\nMINMUJER,Uno,PY-ASU\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain('line 1.services');
    expect(res.json().error.issues).toContainEqual(
      expect.objectContaining({ line: 1, field: 'services', code: 'column_missing' }),
    );
  });

  it('reads an XLSX workbook the same way', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Directorio');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['MINMUJER', 'Asesoría legal de prueba (xlsx)', 'PY-5', 'LegalAid', 'PY-5;PY-6']);
    sheet.addRow(['MINMUJER', 'Albergue de prueba (xlsx)', 'PY-5', 'Shelter', '', 4, 'Female', 18]);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const res = await api(t, minmujerAdmin, 'POST', '/api/service-providers/import', {
      format: 'xlsx',
      content,
      dryRun: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toMatchObject([
      { line: 2, services: [{ serviceType: 'LegalAid', departments: ['PY-5', 'PY-6'] }] },
      { line: 3, services: [{ serviceType: 'Shelter', capacity: 4 }] },
    ]);
    const bad = await api(t, minmujerAdmin, 'POST', '/api/service-providers/import', {
      format: 'xlsx',
      content: Buffer.from('not a workbook').toString('base64'),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('edits and deactivates a provider; a deactivated one leaves the directory but not its history', async () => {
    const created = await api(t, minmujerAdmin, 'POST', '/api/service-providers', {
      name: 'Centro de prueba para editar',
      department: 'PY-ASU',
      services: [{ serviceType: 'Shelter', departments: ['PY-ASU'], capacity: 5 }],
    });
    const id = created.json().id;
    expect(created.json()).toMatchObject({ canEdit: true, active: true });
    const edited = await api(t, minmujerAdmin, 'PATCH', `/api/service-providers/${id}`, {
      name: 'Centro de prueba editado',
      hours: 'Lunes a sábado',
      services: [
        { serviceType: 'Shelter', departments: ['PY-ASU', 'PY-11'], capacity: 6 },
        { serviceType: 'Medical', departments: ['PY-ASU'] },
      ],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Centro de prueba editado', hours: 'Lunes a sábado' });
    expect(edited.json().services.map((s: { serviceType: string }) => s.serviceType)).toEqual([
      'Medical',
      'Shelter',
    ]);
    const badCapacity = await api(t, minmujerAdmin, 'PATCH', `/api/service-providers/${id}`, {
      services: [{ serviceType: 'Medical', departments: ['PY-ASU'], capacity: 3 }],
    });
    expect(badCapacity.statusCode).toBe(400);
    expect(badCapacity.json().error.code).toBe('capacity_not_applicable');

    const other = await api(t, police, 'PATCH', `/api/service-providers/${id}`, { active: false });
    expect(other.statusCode).toBe(403);

    const off = await api(t, system, 'PATCH', `/api/service-providers/${id}`, { active: false });
    expect(off.json().active).toBe(false);
    const listed = await api(t, police, 'GET', '/api/service-providers?q=editado');
    expect(listed.json().total).toBe(0);
    const admin = await api(t, minmujerAdmin, 'GET', '/api/service-providers?q=editado&includeInactive=true');
    expect(admin.json().items[0]).toMatchObject({ id, active: false });
  });

  it('keeps a service that referrals point at, and capacity not below the places taken', async () => {
    const { providerId } = await insertReferral(t, 'PNPTU', 'MINMUJER', {
      serviceType: 'Shelter',
      capacity: 3,
      occupancy: 2,
    });
    const drop = await api(t, minmujerAdmin, 'PATCH', `/api/service-providers/${providerId}`, {
      services: [{ serviceType: 'LegalAid', departments: ['PY-ASU'] }],
    });
    expect(drop.statusCode).toBe(409);
    expect(drop.json().error.code).toBe('service_has_referrals');
    const below = await api(t, minmujerAdmin, 'PATCH', `/api/service-providers/${providerId}`, {
      services: [{ serviceType: 'Shelter', departments: ['PY-ASU'], capacity: 1 }],
    });
    expect(below.statusCode).toBe(400);
    expect(below.json().error.code).toBe('capacity_below_occupancy');
  });
});

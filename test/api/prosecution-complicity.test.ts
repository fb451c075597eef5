/**
 * Official complicity: an investigation with a suspect flagged as an official of PNPTU is found by
 * nobody of PNPTU through any route (get, list, search by file number, filters, export, complicity
 * register, writes), even though PNPTU was instructed to work on it; inside the institutions that
 * may see it, only prosecutors and supervisors do. A control investigation without the flag shows
 * the same routes do return what is visible, so the absences below are not vacuous.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, institutionId, userWithSession, type Session } from '../helpers/factories.js';
import { insertInvestigation, type InvestigationFixture } from './prosecution-fixtures.js';
import { useTestContext } from '../helpers/suite.js';

const CASE_ROLES: Role[] = ['case_worker', 'supervisor', 'prosecutor'];

describe.skipIf(skipBackend)('complicity investigations', () => {
  const t = useTestContext();
  let complicity: InvestigationFixture;
  let control: InvestigationFixture;
  const REF = 'CF-COMPLICIDAD-77';
  const CONTROL_REF = 'CF-CONTROL-77';

  beforeAll(async () => {
    complicity = await insertInvestigation(t, 'MP-UFETESI', {
      reference: REF,
      instructed: ['PNPTU', 'DGM'],
      officialOf: 'PNPTU',
      charged: true,
      stages: ['imputacion'],
    });
    control = await insertInvestigation(t, 'MP-UFETESI', {
      reference: CONTROL_REF,
      instructed: ['PNPTU', 'DGM'],
      charged: true,
      stages: ['imputacion'],
    });
  });

  /** What `s` can find of an investigation through every read route. */
  async function found(s: Session, fixture: InvestigationFixture, reference: string) {
    const ids = (items: Array<{ id?: string; investigationId?: string }>) =>
      items.map((i) => i.id ?? i.investigationId);
    const get = await api(t, s, 'GET', `/api/investigations/${fixture.investigationId}`);
    const list = await api(t, s, 'GET', '/api/investigations?limit=200');
    const search = await api(t, s, 'GET', `/api/investigations?reference=${encodeURIComponent(reference)}`);
    const flagged = await api(t, s, 'GET', '/api/investigations?complicity=true&stage=imputacion');
    const exported = await api(t, s, 'GET', '/api/investigations/export');
    const register = await api(t, s, 'GET', '/api/complicity-register');
    return {
      get: get.statusCode,
      list: list.statusCode === 200 && ids(list.json().items).includes(fixture.investigationId),
      search: search.statusCode === 200 && ids(search.json().items).includes(fixture.investigationId),
      flagged: flagged.statusCode === 200 && ids(flagged.json().items).includes(fixture.investigationId),
      export:
        exported.statusCode === 200 &&
        (ids(exported.json().investigations).includes(fixture.investigationId) ||
          exported.json().defendants.some((d: { suspectId: string }) => d.suspectId === fixture.suspectId) ||
          exported.body.includes(reference)),
      register: register.statusCode === 200 && ids(register.json().items).includes(fixture.investigationId),
    };
  }
  const NOTHING = { get: 404, list: false, search: false, flagged: false, export: false, register: false };

  it.each(CASE_ROLES)('is found by no route by a %s of the suspect’s institution (PNPTU)', async (role) => {
    const s = await userWithSession(t, { role, institution: 'PNPTU' });
    expect(await found(s, complicity, REF)).toEqual(NOTHING);
    // The control, instructed to PNPTU too, is found: the routes do return what is visible.
    const seen = await found(s, control, CONTROL_REF);
    expect(seen).toMatchObject({ get: 200, list: true, search: true });
  });

  it('answers PNPTU exactly as for an investigation that does not exist, and audits the attempt', async () => {
    const s = await userWithSession(t, { role: 'supervisor', institution: 'PNPTU' });
    const hidden = await api(t, s, 'GET', `/api/investigations/${complicity.investigationId}`);
    const missing = await api(t, s, 'GET', `/api/investigations/${crypto.randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    const raid = await api(t, s, 'POST', `/api/investigations/${complicity.investigationId}/operations`, {
      occurredOn: '2026-04-20',
      department: 'PY-10',
      personsArrested: 1,
      victimsRescued: 0,
    });
    expect(raid.statusCode).toBe(404);
    const denied = await auditOf(t, s.user.id, 'denied');
    expect(denied.map((r) => r.resource_id)).toContain(complicity.investigationId);
  });

  it('is seen by prosecutors and supervisors of the owner and of an instructed institution not flagged', async () => {
    for (const [role, institution] of [
      ['prosecutor', 'MP-UFETESI'],
      ['supervisor', 'MP-UFETESI'],
      ['supervisor', 'DGM'],
    ] as const) {
      const s = await userWithSession(t, { role, institution });
      expect(await found(s, complicity, REF), `${role} of ${institution}`).toEqual({
        get: 200,
        list: true,
        search: true,
        flagged: true,
        export: true,
        register: true,
      });
    }
  });

  it('is hidden from case workers, even of the owning institution', async () => {
    for (const institution of ['MP-UFETESI', 'DGM']) {
      const s = await userWithSession(t, { role: 'case_worker', institution });
      expect(await found(s, complicity, REF)).toEqual(NOTHING);
      expect((await found(s, control, CONTROL_REF)).get).toBe(200);
    }
  });

  it('disappears for the official’s institution the moment a suspect is flagged', async () => {
    const prosecutor = await userWithSession(t, { role: 'prosecutor', institution: 'MP-UFETESI' });
    const police = await userWithSession(t, { role: 'supervisor', institution: 'PNPTU' });
    const fresh = await insertInvestigation(t, 'MP-UFETESI', {
      reference: 'CF-NUEVA-1',
      instructed: ['PNPTU'],
    });
    expect((await found(police, fresh, 'CF-NUEVA-1')).get).toBe(200);
    const flagged = await api(
      t,
      prosecutor,
      'POST',
      `/api/investigations/${fresh.investigationId}/suspects`,
      {
        givenNames: 'Óscar',
        surnames: 'Villalba',
        sex: 'Male',
        roles: ['Controller'],
        official: {
          kind: 'police',
          institutionId: await institutionId(t, 'PNPTU'),
          position: 'Comisaría 9ª',
        },
      },
    );
    expect(flagged.statusCode).toBe(201);
    expect(flagged.json().complicity).toBe(true);
    expect(await found(police, fresh, 'CF-NUEVA-1')).toEqual(NOTHING);
  });

  it('refuses to flag an official of the investigating institution itself', async () => {
    const prosecutor = await userWithSession(t, { role: 'prosecutor', institution: 'MP-UFETESI' });
    const own = await insertInvestigation(t, 'MP-UFETESI');
    const res = await api(t, prosecutor, 'POST', `/api/investigations/${own.investigationId}/suspects`, {
      givenNames: 'Blas',
      sex: 'Male',
      roles: ['Other'],
      official: { kind: 'judicial', institutionId: await institutionId(t, 'MP-UFETESI') },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('complicity_own_institution');
  });
});

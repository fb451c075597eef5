/**
 * Who sees and changes a case: the owner institution; an institution it was explicitly shared
 * with (read only, until the share is revoked); nobody else — and no role without case work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import { skipBackend } from '../helpers/db.js';
import {
  api,
  auditOf,
  buildPersonRecord,
  institutionId,
  userWithSession,
  type Session,
} from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const SECRET = 'Relato reservado: la víctima fue captada en Encarnación';

describe.skipIf(skipBackend)('case access', () => {
  const t = useTestContext();
  let minmujerId: string;

  const create = async (session: Session, body: Record<string, unknown> = {}) => {
    const res = await api(t, session, 'POST', '/api/cases', {
      detectionMethod: 'PoliceOperation',
      detectedOn: '2026-04-02',
      narrative: SECRET,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reference: string };
  };
  const share = async (caseId: string, institutionId: string, session = police) => {
    const res = await api(t, session, 'POST', `/api/cases/${caseId}/shares`, {
      institutionId,
      reason: 'Derivación a albergue',
    });
    return res;
  };

  // police: PNPTU case worker, the owner
  // ministry: MINMUJER case worker
  const [police, ministry] = useSessions(t, 'case_worker@PNPTU', 'case_worker@MINMUJER');

  beforeAll(async () => {
    minmujerId = await institutionId(t, 'MINMUJER');
  });

  it('hides a case from another institution until it is shared, and again after the share is revoked', async () => {
    const kase = await create(police);
    const person = await buildPersonRecord(t, { institution: 'PNPTU', givenNames: 'Lourdes' });
    await api(t, police, 'POST', `/api/cases/${kase.id}/persons`, {
      personId: person.id,
      role: 'PresumedVictim',
    });

    const hidden = await api(t, ministry, 'GET', `/api/cases/${kase.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain(SECRET);
    expect(hidden.body).not.toContain(kase.reference);
    const denied = await auditOf(t, ministry.user.id, 'denied');
    expect(denied.at(-1)).toMatchObject({ action: 'case.read', resource_type: 'case', resource_id: kase.id });
    const hiddenWrite = await api(t, ministry, 'PATCH', `/api/cases/${kase.id}`, { status: 'Closed' });
    expect(hiddenWrite.statusCode).toBe(404);
    expect((await auditOf(t, ministry.user.id, 'denied')).at(-1)).toMatchObject({
      action: 'case.update',
      resource_id: kase.id,
    });
    // The same answer as for a case that does not exist.
    expect((await api(t, ministry, 'GET', `/api/cases/${crypto.randomUUID()}`)).json()).toEqual(
      hidden.json(),
    );

    const shared = await share(kase.id, minmujerId);
    expect(shared.statusCode, shared.body).toBe(200);
    const shareId = shared.json().shares[0].id;
    expect(shared.json().shares[0]).toMatchObject({
      institution: { code: 'MINMUJER' },
      reason: 'Derivación a albergue',
    });
    expect(shared.json().timeline.at(-1)).toMatchObject({
      kind: 'case_shared',
      details: { institutionCode: 'MINMUJER' },
    });

    const seen = await api(t, ministry, 'GET', `/api/cases/${kase.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      narrative: SECRET,
      ownerInstitution: { code: 'PNPTU' },
      permissions: [],
    });
    expect(seen.json().persons[0].fullName).toBe('Lourdes Benítez');
    const reads = (await auditOf(t, ministry.user.id, 'success')).map((r) => `${r.action}:${r.resource_id}`);
    expect(reads).toEqual(expect.arrayContaining([`case.read:${kase.id}`, `person.read:${person.id}`]));
    const listed = (await api(t, ministry, 'GET', '/api/cases')).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ id: kase.id, shared: true, ownerInstitutionCode: 'PNPTU' }),
    ]);

    // Read only: every write by the shared institution is forbidden (it may see the case).
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/cases/${kase.id}`, { status: 'Closed' }],
      ['POST', `/api/cases/${kase.id}/persons`, { personId: person.id, role: 'Witness' }],
      [
        'POST',
        `/api/cases/${kase.id}/shares`,
        { institutionId: await institutionId(t, 'MINNA'), reason: 'reenvío' },
      ],
      ['DELETE', `/api/cases/${kase.id}/shares/${shareId}`, undefined],
      ['POST', `/api/cases/${kase.id}/events`, { type: 'Exploitation', country: 'PY' }],
      [
        'PUT',
        `/api/cases/${kase.id}/persons/${person.id}/exploitation`,
        { exploitationTypes: ['ForcedLabour'] },
      ],
    ];
    for (const [method, url, body] of writes) {
      const res = await api(t, ministry, method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await api(t, police, 'GET', `/api/cases/${kase.id}`)).json().status).toBe('Active');

    const revoked = await api(t, police, 'DELETE', `/api/cases/${kase.id}/shares/${shareId}`);
    expect(revoked.statusCode).toBe(204);
    expect((await api(t, ministry, 'GET', `/api/cases/${kase.id}`)).statusCode).toBe(404);
    expect((await api(t, ministry, 'GET', '/api/cases')).json()).toEqual({ items: [], total: 0 });
    expect((await api(t, police, 'DELETE', `/api/cases/${kase.id}/shares/${shareId}`)).statusCode).toBe(404);
    const after = (await api(t, police, 'GET', `/api/cases/${kase.id}`)).json();
    expect(after.shares).toEqual([]);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'case_share_revoked', details: { shareId } });
  });

  it('refuses to share with the owner itself, twice, or with an unknown institution', async () => {
    const kase = await create(police);
    expect((await share(kase.id, police.user.institutionId)).json().error.code).toBe('share_with_owner');
    expect((await share(kase.id, minmujerId)).statusCode).toBe(200);
    const twice = await share(kase.id, minmujerId);
    expect(twice.statusCode).toBe(409);
    expect((await share(kase.id, crypto.randomUUID())).json().error.code).toBe('unknown_institution');
    expect(
      (await api(t, police, 'DELETE', `/api/cases/${kase.id}/shares/${crypto.randomUUID()}`)).statusCode,
    ).toBe(404);
  });

  it('lists only the cases each institution may see', async () => {
    const police2 = await userWithSession(t, { role: 'supervisor', institution: 'PNPTU' });
    const ministry2 = await userWithSession(t, { role: 'prosecutor', institution: 'MINMUJER' });
    const before = {
      police: (await api(t, police2, 'GET', '/api/cases?limit=200'))
        .json()
        .items.map((i: { id: string }) => i.id),
      ministry: (await api(t, ministry2, 'GET', '/api/cases?limit=200'))
        .json()
        .items.map((i: { id: string }) => i.id),
    };
    const p1 = await create(police2, { detectedOn: '2022-05-01' });
    const p2 = await create(police2, { detectedOn: '2022-06-01' });
    const m1 = await create(ministry2, { detectedOn: '2022-05-15' });
    const police3 = (await api(t, police2, 'GET', '/api/cases?limit=200')).json();
    const ministry3 = (await api(t, ministry2, 'GET', '/api/cases?limit=200')).json();
    const policeIds = police3.items.map((i: { id: string }) => i.id);
    const ministryIds = ministry3.items.map((i: { id: string }) => i.id);
    expect(policeIds.filter((id: string) => !before.police.includes(id)).sort()).toEqual(
      [p1.id, p2.id].sort(),
    );
    expect(ministryIds.filter((id: string) => !before.ministry.includes(id))).toEqual([m1.id]);
    expect(policeIds).not.toContain(m1.id);
    expect(ministryIds).not.toContain(p1.id);
    expect(police3.total).toBe(policeIds.length);
    expect(
      police3.items.every((i: { ownerInstitutionCode: string }) => i.ownerInstitutionCode === 'PNPTU'),
    ).toBe(true);
    expect(
      ministry3.items.every(
        (i: { shared: boolean; ownerInstitutionCode: string }) =>
          i.shared === (i.ownerInstitutionCode !== 'MINMUJER'),
      ),
    ).toBe(true);
    // Owned and shared cases come in one order (newest detection first) and page together.
    await share(p2.id, minmujerId, police2);
    const in2022 = async (extra = '') =>
      (await api(t, ministry2, 'GET', `/api/cases?from=2022-01-01&to=2022-12-31${extra}`)).json();
    expect(await in2022()).toMatchObject({
      total: 2,
      items: [
        { id: p2.id, shared: true },
        { id: m1.id, shared: false },
      ],
    });
    expect(await in2022('&limit=1&offset=1')).toMatchObject({ total: 2, items: [{ id: m1.id }] });
    expect(await in2022('&limit=1&offset=2')).toMatchObject({ total: 2, items: [] });
    // A case of the same institution is visible to every case role of it.
    expect((await api(t, police2, 'GET', `/api/cases/${p1.id}`)).statusCode).toBe(200);
    expect((await api(t, police, 'GET', `/api/cases/${p1.id}`)).statusCode).toBe(200);
  });

  it('refuses every case operation to roles without case work, revealing nothing', async () => {
    const kase = await create(police);
    const person = await buildPersonRecord(t, { institution: 'PNPTU' });
    await api(t, police, 'POST', `/api/cases/${kase.id}/persons`, {
      personId: person.id,
      role: 'PresumedVictim',
    });
    const shareId = (await share(kase.id, minmujerId)).json().shares[0].id;
    const operations: [string, string, unknown][] = [
      ['GET', '/api/cases', undefined],
      ['POST', '/api/cases', { detectionMethod: 'Hotline', detectedOn: '2026-01-01' }],
      ['GET', `/api/cases/${kase.id}`, undefined],
      ['PATCH', `/api/cases/${kase.id}`, { status: 'Closed' }],
      ['POST', `/api/cases/${kase.id}/persons`, { personId: person.id, role: 'Witness' }],
      ['POST', `/api/cases/${kase.id}/shares`, { institutionId: minmujerId, reason: 'otra vez' }],
      ['DELETE', `/api/cases/${kase.id}/shares/${shareId}`, undefined],
      [
        'PUT',
        `/api/cases/${kase.id}/persons/${person.id}/exploitation`,
        { exploitationTypes: ['ForcedLabour'] },
      ],
      ['POST', `/api/cases/${kase.id}/events`, { type: 'Exploitation', country: 'PY' }],
    ];
    const roles: [Role, string][] = [
      ['analyst', 'PNPTU'],
      ['institution_admin', 'PNPTU'],
      ['dpo', 'MESA'],
      ['system_admin', 'MESA'],
    ];
    for (const [role, institution] of roles) {
      const session = await userWithSession(t, { role, institution });
      for (const [method, url, body] of operations) {
        const res = await api(t, session, method as 'POST', url, body);
        expect([403, 404], `${role} ${method} ${url}`).toContain(res.statusCode);
        expect(res.body).not.toContain(SECRET);
        expect(res.body).not.toContain(kase.reference);
      }
      expect(await auditOf(t, session.user.id, 'success')).toEqual([]);
      expect((await auditOf(t, session.user.id, 'denied')).length).toBe(operations.length);
    }
    const view = (await api(t, police, 'GET', `/api/cases/${kase.id}`)).json();
    expect(view).toMatchObject({ status: 'Active', events: [], exploitation: [] });
    expect(view.shares).toHaveLength(1);
    expect(view.persons).toHaveLength(1);
  });

  it('lets a shared institution link a person of its own only to its own cases', async () => {
    const kase = await create(police);
    await share(kase.id, minmujerId);
    const own = await buildPersonRecord(t, { institution: 'MINMUJER' });
    const res = await api(t, ministry, 'POST', `/api/cases/${kase.id}/persons`, {
      personId: own.id,
      role: 'Witness',
    });
    expect(res.statusCode).toBe(403);
    const mine = await create(ministry);
    const ok = await api(t, ministry, 'POST', `/api/cases/${mine.id}/persons`, {
      personId: own.id,
      role: 'Witness',
    });
    expect(ok.statusCode).toBe(200);
    // A person of PNPTU not linked to any case MINMUJER may see stays invisible to it.
    const stranger = await buildPersonRecord(t, { institution: 'PNPTU' });
    const hidden = await api(t, ministry, 'POST', `/api/cases/${mine.id}/persons`, {
      personId: stranger.id,
      role: 'Witness',
    });
    expect(hidden.statusCode).toBe(404);
  });
});

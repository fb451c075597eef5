/**
 * Who may confirm a victim: the configurable decision policy (getDecisionPolicy /
 * updateDecisionPolicy) and its documented default — the police anti-trafficking unit, prosecutors,
 * MINNA and the courts may decide "actual victim", NGOs may not; the deciding organisation is taken
 * from the decider's institution, never typed (docs/ACCESS-CONTROL.md).
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditRows, institutionId, userWithSession, type Session } from '../helpers/factories.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

interface Policy {
  entries: Array<{ institution: { id: string; code: string }; roles: string[] }>;
}

describe.skipIf(skipBackend)('decision policy: who may confirm a victim', () => {
  const t = useTestContext();

  const decide = async (session: Session, owner: string, body: Record<string, unknown>) => {
    const caseId = await insertCase(t, owner);
    const personId = await insertLinkedPerson(t, caseId, owner, { dateOfBirth: '1996-05-05' });
    const res = await api(t, session, 'POST', `/api/cases/${caseId}/decisions`, {
      personId,
      decidedOn: '2025-10-01',
      reason: 'Relato coherente con explotación laboral; retención de documentos.',
      ...body,
    });
    return { res, caseId };
  };
  const decisionsOf = (caseId: string) =>
    t.services.db.transaction((trx) =>
      trx.selectFrom('trafficking_decisions').selectAll().where('case_id', '=', caseId).execute(),
    );

  const [ngo, police, admin] = useSessions(
    t,
    'case_worker@NGO-LUNANUEVA',
    'case_worker@PNPTU',
    'system_admin@MESA',
  );

  it('the default: PNPTU, MP-UFETESI, MINNA and PJ may confirm; no NGO', async () => {
    const res = await api(t, ngo, 'GET', '/api/decision-policy');
    expect(res.statusCode, res.body).toBe(200);
    const policy = res.json() as Policy;
    expect(policy.entries.map((e) => e.institution.code).sort()).toEqual([
      'MINNA',
      'MP-UFETESI',
      'PJ',
      'PNPTU',
    ]);
    for (const entry of policy.entries) {
      expect(entry.roles.sort()).toEqual(['case_worker', 'prosecutor', 'supervisor']);
    }
  });

  it('an NGO case worker cannot confirm a victim under the default policy; nothing is written', async () => {
    const { res, caseId } = await decide(ngo, 'NGO-LUNANUEVA', {
      status: 'ActualVictimOfTrafficking',
      decisionOrgType: 'CourtOrProsecution',
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('confirm_not_allowed');
    expect(await decisionsOf(caseId)).toHaveLength(0);
    // A possible victim is the NGO's to record; the organisation is the NGO's, whatever was typed.
    const possible = await decide(ngo, 'NGO-LUNANUEVA', {
      status: 'PossibleVictimOfTrafficking',
      decisionOrgType: 'CourtOrProsecution',
    });
    expect(possible.res.statusCode, possible.res.body).toBe(201);
    expect(possible.res.json()).toMatchObject({
      status: 'PossibleVictimOfTrafficking',
      decisionOrgType: 'NGO',
      institution: { code: 'NGO-LUNANUEVA' },
    });
  });

  it('the police may confirm, and the decision names the police as the deciding organisation', async () => {
    const { res } = await decide(police, 'PNPTU', {
      status: 'ActualVictimOfTrafficking',
      decisionOrgType: 'NGO',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'ActualVictimOfTrafficking', decisionOrgType: 'Police' });
  });

  it('the system administrator changes the policy; bad input names the entry; others are refused', async () => {
    const current = (await api(t, admin, 'GET', '/api/decision-policy')).json() as Policy;
    const entries = current.entries.map((e) => ({ institutionId: e.institution.id, roles: e.roles }));
    const ngoId = await institutionId(t, 'NGO-LUNANUEVA');

    const refused = await api(t, police, 'PUT', '/api/decision-policy', { entries: [] });
    expect(refused.statusCode).toBe(403);

    const unknown = await api(t, admin, 'PUT', '/api/decision-policy', {
      entries: [...entries, { institutionId: '00000000-0000-4000-8000-000000000000', roles: ['supervisor'] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_institution' });
    expect(unknown.json().error.issues[0].path).toBe(`body.entries.${entries.length}.institutionId`);
    const badRole = await api(t, admin, 'PUT', '/api/decision-policy', {
      entries: [{ institutionId: ngoId, roles: ['analyst'] }],
    });
    expect(badRole.statusCode).toBe(400);
    expect(((await api(t, admin, 'GET', '/api/decision-policy')).json() as Policy).entries).toHaveLength(4);

    const updated = await api(t, admin, 'PUT', '/api/decision-policy', {
      entries: [...entries, { institutionId: ngoId, roles: ['supervisor'] }],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((updated.json() as Policy).entries.map((e) => e.institution.code)).toContain('NGO-LUNANUEVA');
    const ngoSupervisor = await userWithSession(t, { role: 'supervisor', institution: 'NGO-LUNANUEVA' });
    const { res } = await decide(ngoSupervisor, 'NGO-LUNANUEVA', { status: 'ActualVictimOfTrafficking' });
    expect(res.statusCode, res.body).toBe(201);
    // The NGO's case worker is still not in the policy.
    expect((await decide(ngo, 'NGO-LUNANUEVA', { status: 'ActualVictimOfTrafficking' })).res.statusCode).toBe(
      403,
    );
    const audit = await auditRows(t, { actor: admin.user.id, action: 'decisionPolicy.update' });
    expect(audit.filter((a) => a.outcome === 'success')).toHaveLength(1);
  });
});

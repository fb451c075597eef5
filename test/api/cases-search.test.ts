/**
 * The case list's search box (searchCases): a person's name, tolerant as the person search, finds
 * the cases the caller may see; a case of another institution with a namesake stays hidden; the
 * persons matched are audited; the text travels in the body.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import {
  api,
  auditOf,
  buildPerson,
  createCaseAs,
  userWithSession,
  type Session,
} from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('case search by name', () => {
  const t = useTestContext();
  const [worker] = useSessions(t, 'case_worker@PNPTU');

  const search = async (session: Session, q: string) => {
    const res = await api(t, session, 'POST', '/api/cases/search', { q });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string; reference: string }[]; total: number };
  };

  it('finds visible cases by a misspelt name or a reference, never another institution’s', async () => {
    const other = await userWithSession(t, { role: 'case_worker', institution: 'MINNA' });
    const own = await createCaseAs(t, worker, {});
    const hidden = await createCaseAs(t, other, {});
    const unrelated = await createCaseAs(t, worker, {});
    const mine = await buildPerson(t, worker, { givenNames: 'Eustaquia', firstSurname: 'Villalba' });
    const theirs = await buildPerson(t, other, { givenNames: 'Eustaquia', firstSurname: 'Villalba' });
    await api(t, worker, 'POST', `/api/cases/${own.id}/persons`, {
      personId: mine.id,
      role: 'PresumedVictim',
    });
    await api(t, other, 'POST', `/api/cases/${hidden.id}/persons`, {
      personId: theirs.id,
      role: 'PresumedVictim',
    });

    const found = await search(worker, 'eustaquia viyalba');
    expect(found.items.map((item) => item.id)).toEqual([own.id]);
    expect(found.total).toBe(1);
    // Each person matched is audited as a name search, and only the visible one.
    const audited = (await auditOf(t, worker.user.id)).filter((row) => row.action === 'person.search');
    expect(audited.map((row) => row.resource_id)).toEqual([mine.id]);

    // The reference finds its case too; a name nobody visible has finds nothing.
    expect((await search(worker, unrelated.reference)).items.map((item) => item.id)).toEqual([unrelated.id]);
    expect((await search(worker, 'Perpetua Candia')).items).toEqual([]);
    // MINNA sees its own namesake's case only.
    expect((await search(other, 'Eustaquia Villalba')).items.map((item) => item.id)).toEqual([hidden.id]);
  });

  it('refuses a query too short, and roles that may not search persons', async () => {
    const res = await api(t, worker, 'POST', '/api/cases/search', { q: 'a' });
    expect(res.statusCode).toBe(400);
    const analyst = await userWithSession(t, { role: 'analyst', institution: 'MESA' });
    expect((await api(t, analyst, 'POST', '/api/cases/search', { q: 'Eustaquia' })).statusCode).toBe(403);
  });
});

/**
 * The case list: newest detection first, every filter, paging, and no names.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, buildPersonRecord, institutionId, userWithSession, caseSteps } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { insertInstrument } from './screening-fixtures.js';

describe.skipIf(skipBackend)('case list', () => {
  const t = useTestContext();
  const [worker] = useSessions(t, 'case_worker@PNPTU');
  const { create } = caseSteps(t, worker);

  it('filters the case list and shows no names', async () => {
    const other = await userWithSession(t, { role: 'supervisor', institution: 'MINNA' });
    const person = await buildPersonRecord(t, { institution: 'MINNA', givenNames: 'Zunilda' });
    const mk = (body: Record<string, unknown>) => create(body, other);
    const a = await mk({
      detectedOn: '2023-01-05',
      detectionMethod: 'BorderControl',
      detectionDepartment: 'PY-10',
    });
    const b = await mk({
      detectedOn: '2023-02-10',
      detectionMethod: 'Hotline',
      detectionDepartment: 'PY-ASU',
    });
    const c = await mk({
      detectedOn: '2023-03-20',
      detectionMethod: 'Hotline',
      detectionDepartment: 'PY-10',
    });
    await api(t, other, 'PATCH', `/api/cases/${c.id}`, { status: 'Closed' });
    await api(t, other, 'POST', `/api/cases/${b.id}/persons`, {
      personId: person.id,
      role: 'PresumedVictim',
    });
    await api(t, other, 'POST', `/api/cases/${b.id}/events`, {
      type: 'Recruitment',
      country: 'PY',
      online: true,
    });
    await api(t, other, 'POST', `/api/cases/${a.id}/events`, {
      type: 'Transit',
      country: 'AR',
      online: false,
    });
    const minna = await institutionId(t, 'MINNA');
    await t.services.db.transaction(async (trx) => {
      const instrumentId = await insertInstrument(trx, 9102);
      await trx
        .insertInto('screenings')
        .values({
          case_id: b.id,
          person_id: person.id,
          instrument_id: instrumentId,
          answers: '{}',
          facts_date: '2023-01-01',
          age_at_facts: null,
          child: 'unknown',
          act: true,
          means: false,
          purpose: true,
          indicator_count: 2,
          assessment: 'possible_victim',
          law4788_assessment: 'offence',
          institution_id: minna,
        })
        .execute();
    });
    const list = async (query: string) => {
      const res = await api(t, other, 'GET', `/api/cases?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string }[]; total: number };
    };
    const ids = async (query: string) => (await list(query)).items.map((i) => i.id);
    const all = await list('');
    expect(all.items.map((i) => i.id)).toEqual([c.id, b.id, a.id]); // newest detection first
    expect(all.total).toBe(3);
    expect(JSON.stringify(all)).not.toContain('Zunilda');
    expect(all.items[1]).toMatchObject({
      personCount: 1,
      shared: false,
      ownerInstitutionCode: 'MINNA',
      reference: b.reference,
    });
    expect(await ids('status=Closed')).toEqual([c.id]);
    expect(await ids('detectionMethod=Hotline')).toEqual([c.id, b.id]);
    expect(await ids('department=PY-10')).toEqual([c.id, a.id]);
    expect(await ids('from=2023-02-01&to=2023-02-28')).toEqual([b.id]);
    expect(await ids(`reference=${encodeURIComponent(a.reference)}`)).toEqual([a.id]);
    expect(await ids('reference=PY-2023')).toHaveLength(3);
    expect(await ids('reference=PY-2026')).toEqual([]);
    expect(await ids('assessment=possible_victim')).toEqual([b.id]);
    expect(await ids('assessment=presumed_victim')).toEqual([]);
    expect(await ids('ict=true')).toEqual([b.id]);
    expect(await ids('ict=false')).toEqual([c.id, a.id]);
    const page = await list('limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, items: [{ id: b.id }] });
    for (const bad of ['status=Open', 'from=yesterday', 'limit=0', 'ict=yes', 'name=Zunilda']) {
      expect((await api(t, other, 'GET', `/api/cases?${bad}`)).statusCode, bad).toBe(400);
    }
  });
});

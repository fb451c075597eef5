/**
 * Trafficking-status decisions: a person decides (the screening only guides), decisions keep their
 * history, a review needs a supervisor or prosecutor, and the reason is never stored in clear.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, userWithSession, type Session } from '../helpers/factories.js';
import { answers, insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const REASON = 'Captada por Facebook con oferta falsa de empleo en Buenos Aires; retención de cédula.';

describe.skipIf(skipBackend)('trafficking-status decisions', () => {
  const t = useTestContext();
  let caseId: string;
  let personId: string;
  let screeningId: string;

  const decide = (session: Session, body: Record<string, unknown>, id = caseId) =>
    api(t, session, 'POST', `/api/cases/${id}/decisions`, {
      personId,
      status: 'PossibleVictimOfTrafficking',
      decisionOrgType: 'Police',
      decidedOn: '2025-09-10',
      reason: REASON,
      ...body,
    });
  const list = (session: Session, query = '', id = caseId) =>
    api(t, session, 'GET', `/api/cases/${id}/decisions${query}`);

  // worker: PNPTU case worker
  // supervisor: PNPTU supervisor
  const [worker, supervisor] = useSessions(t, 'case_worker@PNPTU', 'supervisor@PNPTU');

  beforeAll(async () => {
    caseId = await insertCase(t, 'PNPTU', ['MINMUJER']);
    personId = await insertLinkedPerson(t, caseId, 'PNPTU', { dateOfBirth: '1998-02-11' });
    const screening = await api(t, worker, 'POST', `/api/cases/${caseId}/screenings`, {
      personId,
      instrumentVersion: 1,
      factsDate: '2025-08-01',
      answers: answers([
        'act.recruitment',
        'means.deception',
        'purpose.forced_labour',
        'fl.retention_of_documents',
      ]),
    });
    expect(screening.statusCode, screening.body).toBe(201);
    screeningId = screening.json().id;
  });

  it('records a decision with who, when and why; the reason is encrypted in the database', async () => {
    const res = await decide(worker, { screeningId });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      personId,
      status: 'PossibleVictimOfTrafficking',
      decisionOrgType: 'Police',
      institution: { code: 'PNPTU' },
      decidedBy: { id: worker.user.id },
      decidedOn: '2025-09-10',
      reason: REASON,
      screeningId,
      reviewsDecisionId: null,
    });

    const raw = await t.services.db.transaction(async (trx) => {
      const rows = await sql<{
        row: string;
      }>`select row_to_json(d)::text as row from trafficking_decisions d`.execute(trx);
      return rows.rows.map((r) => r.row).join('\n');
    });
    expect(raw).toContain(view.id);
    expect(raw).not.toContain('Facebook');
    expect(raw).not.toContain('cédula');
    const timeline = await t.services.db.transaction((trx) =>
      trx
        .selectFrom('case_timeline')
        .select(['kind', 'details'])
        .where('case_id', '=', caseId)
        .orderBy('id')
        .execute(),
    );
    expect(timeline.at(-1)).toMatchObject({ kind: 'status_decided', details: { decisionId: view.id } });
    expect(JSON.stringify(timeline)).not.toContain('Facebook');
    const audit = (await auditOf(t, worker.user.id, 'success')).at(-1)!;
    expect(audit).toMatchObject({
      action: 'case.decide',
      resource_type: 'trafficking_decision',
      resource_id: view.id,
    });
    expect(JSON.stringify(audit)).not.toContain('Facebook');
  });

  it('keeps the history: a new decision is a new row, listed newest first', async () => {
    const second = await decide(worker, { status: 'ActualVictimOfTrafficking', decidedOn: '2025-09-20' });
    expect(second.statusCode, second.body).toBe(201);
    const res = await list(worker, `?personId=${personId}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; status: string }[];
    expect(items.map((d) => d.status)).toEqual(['ActualVictimOfTrafficking', 'PossibleVictimOfTrafficking']);
    expect((await auditOf(t, worker.user.id, 'success')).at(-1)).toMatchObject({
      action: 'decision.list',
      resource_id: caseId,
    });
  });

  it('a review needs a supervisor or prosecutor of the owner institution, on a decision of the same person and case', async () => {
    const [latest] = (await list(worker)).json().items as { id: string }[];
    const refused = await decide(worker, {
      reviewsDecisionId: latest!.id,
      status: 'NotAVictimOfTrafficking',
    });
    expect(refused.statusCode).toBe(403);
    expect((await auditOf(t, worker.user.id, 'denied')).at(-1)).toMatchObject({
      action: 'case.review',
      resource_id: caseId,
    });

    const review = await decide(supervisor, {
      reviewsDecisionId: latest!.id,
      status: 'NotAVictimOfTrafficking',
      decisionOrgType: 'CourtOrProsecution',
      reason: 'Revisión: el relato no se sostiene tras la investigación.',
    });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json()).toMatchObject({
      reviewsDecisionId: latest!.id,
      decidedBy: { id: supervisor.user.id },
    });
    expect((await auditOf(t, supervisor.user.id, 'success')).at(-1)).toMatchObject({ action: 'case.review' });
    const items = (await list(supervisor)).json().items as { id: string }[];
    expect(items).toHaveLength(3);
    expect(items[0]!.id).toBe(review.json().id);

    // The reviewed decision must be of this person in this case.
    const otherPerson = await insertLinkedPerson(t, caseId, 'PNPTU', {});
    const wrongPerson = await decide(supervisor, { personId: otherPerson, reviewsDecisionId: latest!.id });
    expect(wrongPerson.json().error.code).toBe('reviewed_decision_not_of_person');
    const wrongScreening = await decide(worker, { personId: otherPerson, screeningId });
    expect(wrongScreening.json().error.code).toBe('screening_not_of_person');
    expect((await list(worker, `?personId=${otherPerson}`)).json().items).toEqual([]);
  });

  it('out of scope is 404; a shared institution may read the history but not decide; an analyst may do neither', async () => {
    const outsider = await userWithSession(t, { role: 'supervisor', institution: 'MTESS' });
    expect((await decide(outsider, {})).statusCode).toBe(404);
    expect((await list(outsider)).statusCode).toBe(404);

    const shelter = await userWithSession(t, { role: 'case_worker', institution: 'MINMUJER' });
    expect((await list(shelter)).statusCode).toBe(200);
    expect((await decide(shelter, {})).statusCode).toBe(403);

    const analyst = await userWithSession(t, { role: 'analyst', institution: 'PNPTU' });
    expect((await decide(analyst, {})).statusCode).toBe(403);
    const denied = await list(analyst);
    expect(denied.statusCode).toBe(403);
    expect(denied.body).not.toContain('Facebook');

    const notLinked = await decide(worker, {}, await insertCase(t, 'PNPTU'));
    expect(notLinked.json().error.code).toBe('person_not_in_case');
    expect((await decide(worker, { decidedOn: '2999-01-01' })).json().error.code).toBe('date_in_future');
  });
});

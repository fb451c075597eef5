/**
 * What a case records beyond its header: trafficking events (with ICT; seed 003), exploitation
 * details per victim, and how screenings and decisions show on the case page.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, buildPersonRecord, institutionId, storedRow, caseSteps } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { insertInstrument } from './screening-fixtures.js';

describe.skipIf(skipBackend)('case details', () => {
  const t = useTestContext();
  const [worker] = useSessions(t, 'case_worker@PNPTU');
  const { count, create, link } = caseSteps(t, worker);

  it('records an online recruitment and an online exploitation with no transit (seed 003)', async () => {
    const created = await create();
    const person = await buildPersonRecord(t);
    await link(created.id, person.id);
    const recruitment = await api(t, worker, 'POST', `/api/cases/${created.id}/events`, {
      personId: person.id,
      type: 'Recruitment',
      country: 'PY',
      department: 'PY-11',
      district: 'Villa Hayes',
      startDate: '2026-01-10',
      online: true,
      platforms: ['Facebook', 'WhatsApp'],
    });
    expect(recruitment.statusCode, recruitment.body).toBe(201);
    expect(recruitment.json()).toMatchObject({
      type: 'Recruitment',
      online: true,
      district: 'Villa Hayes',
      department: 'PY-11',
    });
    const exploitation = await api(t, worker, 'POST', `/api/cases/${created.id}/events`, {
      type: 'Exploitation',
      country: 'AR',
      startDate: '2026-02-01',
      endDate: '2026-03-01',
      online: true,
      platforms: ['Telegram'],
    });
    expect(exploitation.statusCode, exploitation.body).toBe(201);
    const view = (await api(t, worker, 'GET', `/api/cases/${created.id}`)).json();
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['Recruitment', 'Exploitation']);
    expect(view.timeline.filter((e: { kind: string }) => e.kind === 'event_added')).toHaveLength(2);
    const raw = await storedRow(t, 'trafficking_events', { id: recruitment.json().id }, ['district']);
    expect(raw.district).not.toContain('Villa');
  });

  it('refuses malformed events with 400 and writes nothing', async () => {
    const created = await create();
    const stranger = await buildPersonRecord(t);
    const events = await count('trafficking_events');
    const audits = await count('audit_events');
    const base = { type: 'Exploitation', country: 'PY' };
    for (const body of [
      { ...base, platforms: ['Facebook'] }, // platforms without online
      { ...base, online: false, platforms: ['TikTok'] },
      { ...base, type: 'Transfer' },
      { ...base, country: 'Paraguay' },
      { ...base, department: 'Asunción' },
      { ...base, startDate: '2026-13-01' },
      { ...base, startDate: '14/03/2026' },
      { ...base, startDate: '2026-03-10', endDate: '2026-03-01' },
      { ...base, online: true, platforms: ['MySpace'] },
      { ...base, country: 'AR', department: 'PY-1' }, // a department is Paraguayan
      { ...base, personId: stranger.id }, // not linked to the case
      { ...base, colour: 'red' },
    ]) {
      const res = await api(t, worker, 'POST', `/api/cases/${created.id}/events`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await count('trafficking_events')).toBe(events);
    expect(await count('audit_events')).toBe(audits);
  });

  it('records and replaces exploitation details of a person of the case', async () => {
    const created = await create();
    const person = await buildPersonRecord(t);
    const outsider = await buildPersonRecord(t);
    await link(created.id, person.id);
    const url = `/api/cases/${created.id}/persons/${person.id}/exploitation`;
    const first = await api(t, worker, 'PUT', url, {
      exploitationTypes: ['SexualExploitation'],
      sexualExploitationTypes: ['RemoteInteractiveServices'],
      recruitmentMethods: ['ThroughOnlineSocialNetworks'],
      recruiterRelation: 'Acquainted',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      personId: person.id,
      exploitationTypes: ['SexualExploitation'],
      controlMethods: [],
    });
    const second = await api(t, worker, 'PUT', url, {
      exploitationTypes: ['ForcedLabour'],
      labourIndustries: ['A'],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      exploitationTypes: ['ForcedLabour'],
      sexualExploitationTypes: [],
      recruiterRelation: null,
    });
    const view = (await api(t, worker, 'GET', `/api/cases/${created.id}`)).json();
    expect(view.exploitation).toHaveLength(1);
    expect(view.exploitation[0].labourIndustries).toEqual(['A']);
    const rows = await count('victim_exploitation');
    expect((await api(t, worker, 'PUT', url, { exploitationTypes: ['Slavery?'] })).statusCode).toBe(400);
    const notLinked = `/api/cases/${created.id}/persons/${outsider.id}/exploitation`;
    expect((await api(t, worker, 'PUT', notLinked, { exploitationTypes: ['ForcedLabour'] })).statusCode).toBe(
      404,
    );
    expect(await count('victim_exploitation')).toBe(rows);
  });

  it('shows the latest screening assessment and the current status of each person', async () => {
    const created = await create();
    const person = await buildPersonRecord(t);
    await link(created.id, person.id);
    const inst = await institutionId(t, 'PNPTU');
    await t.services.db.transaction(async (trx) => {
      const instrumentId = await insertInstrument(trx, 9101);
      const screening = (assessment: string, at: string) => ({
        case_id: created.id,
        person_id: person.id,
        instrument_id: instrumentId,
        answers: JSON.stringify({ 'act.recruited': 'yes' }),
        facts_date: '2026-01-01',
        age_at_facts: 26,
        child: 'no',
        act: true,
        means: assessment === 'presumed_victim',
        purpose: true,
        indicator_count: 3,
        assessment,
        law4788_assessment: 'offence',
        institution_id: inst,
        created_at: at,
      });
      await trx
        .insertInto('screenings')
        .values([
          screening('possible_victim', '2026-03-01T10:00:00Z'),
          screening('presumed_victim', '2026-03-02T10:00:00Z'),
        ])
        .execute();
      const decision = (status: string, at: string) => ({
        case_id: created.id,
        person_id: person.id,
        status,
        decision_org_type: 'Police',
        institution_id: inst,
        decided_by: worker.user.id,
        decided_on: at.slice(0, 10),
        reason: t.services.crypto.encrypt(`motivo ${status}`, 'trafficking_decisions.reason'),
        created_at: at,
      });
      await trx
        .insertInto('trafficking_decisions')
        .values(decision('PossibleVictimOfTrafficking', '2026-03-01T11:00:00Z'))
        .execute();
      await trx
        .insertInto('trafficking_decisions')
        .values(decision('ActualVictimOfTrafficking', '2026-03-03T11:00:00Z'))
        .execute();
    });
    const view = (await api(t, worker, 'GET', `/api/cases/${created.id}`)).json();
    expect(view.persons[0]).toMatchObject({
      latestAssessment: 'presumed_victim',
      currentStatus: 'ActualVictimOfTrafficking',
    });
    expect(view.screenings.map((s: { assessment: string }) => s.assessment)).toEqual([
      'presumed_victim',
      'possible_victim',
    ]);
    expect(view.screenings[0]).toMatchObject({
      instrumentVersion: 9101,
      answers: { 'act.recruited': 'yes' },
    });
    expect(view.decisions.map((d: { reason: string }) => d.reason)).toEqual([
      'motivo ActualVictimOfTrafficking',
      'motivo PossibleVictimOfTrafficking',
    ]);
    expect(view.decisions[0].decidedBy.id).toBe(worker.user.id);
  });
});

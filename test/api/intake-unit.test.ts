/**
 * The intake wizard's one write (submitIntake, docs/adr/0003-intake-draft.md): person, case,
 * screening and status decision in one transaction, so a failure in a later part leaves no trace
 * in any table; and the keys of the draft the wizard keeps encrypted on the device. Synthetic names.
 */
import { describe, expect, it } from 'vitest';
import { addDays, paraguayToday } from '../../src/shared/dates.js';
import { intakeDraftKeys } from '../../src/server/modules/devices/intake.service.js';
import { skipBackend } from '../helpers/db.js';
import { api, rowCount, userWithSession } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const TABLES = [
  'persons',
  'cases',
  'case_persons',
  'case_timeline',
  'screenings',
  'trafficking_decisions',
  'trafficking_events',
] as const;

const wizardIntake = (givenNames: string, documentNumber: string) => ({
  person: {
    givenNames,
    firstSurname: 'Sintética',
    sex: 'Female',
    dateOfBirth: '2003-07-11',
    nationalities: ['PY'],
    documentType: 'CedulaPY',
    documentNumber,
    languages: ['gn'],
    confirmNotDuplicate: false,
  },
  case: { detectionMethod: 'PoliceOperation', detectedOn: '2026-03-14', detectionDepartment: 'PY-10' },
  screening: {
    instrumentVersion: 1,
    factsDate: '2026-03-10',
    answers: { 'act.recruitment': 'yes', 'means.deception': 'yes', 'purpose.forced_labour': 'yes' },
  },
  decision: {
    status: 'PossibleVictimOfTrafficking',
    decidedOn: '2026-03-14',
    reason: 'Indicios de captación con engaño para trabajo forzoso.',
  },
});

describe.skipIf(skipBackend)('intake as one unit: person, case, screening and decision', () => {
  const t = useTestContext();
  const [officer] = useSessions(t, 'case_worker@PNPTU');

  const counts = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await rowCount(t, table)])));

  it('writes the whole intake with its decision on the intake’s person and screening', async () => {
    const before = await counts();
    const res = await api(t, officer, 'POST', '/api/intakes', wizardIntake('Unidad Entera', '5566778'));
    expect(res.statusCode).toBe(201);
    const { caseId, personId, screeningId, decisionId } = res.json();
    expect(decisionId).toEqual(expect.any(String));
    const after = await counts();
    for (const table of ['persons', 'cases', 'case_persons', 'screenings', 'trafficking_decisions'])
      expect(after[table], table).toBe(before[table] + 1);
    const decisions = (await api(t, officer, 'GET', `/api/cases/${caseId}/decisions`)).json().items;
    expect(decisions).toMatchObject([
      { id: decisionId, personId, status: 'PossibleVictimOfTrafficking', screeningId },
    ]);
    // An online intake is no offline capture, even from a browser with a registered device.
    const view = (await api(t, officer, 'GET', `/api/cases/${caseId}`)).json();
    expect(view.timeline.map((e: { kind: string }) => e.kind)).not.toContain('offline_capture');
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toContain('status_decided');
  });

  it('writes nothing when the last part (the decision) fails: no row in any table', async () => {
    const before = await counts();
    const future = addDays(paraguayToday(new Date()), 3);
    const body = wizardIntake('Decisión Futura', '6677889');
    const res = await api(t, officer, 'POST', '/api/intakes', {
      ...body,
      decision: { ...body.decision, decidedOn: future },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('decidedOn');
    expect(res.body).not.toContain('Decisión Futura');
    expect(await counts()).toEqual(before);
    // Refused by the decision policy (an NGO does not confirm a victim by default): nothing either.
    const ngo = await userWithSession(t, { role: 'case_worker', institution: 'NGO-LUNANUEVA' });
    const confirm = await api(t, ngo, 'POST', '/api/intakes', {
      ...body,
      decision: { ...body.decision, status: 'ActualVictimOfTrafficking' },
    });
    expect(confirm.statusCode).toBe(403);
    expect(confirm.json().error.code).toBe('confirm_not_allowed');
    expect(await counts()).toEqual(before);
  });

  it('attaches the new case to an existing person chosen at the duplicate check', async () => {
    const first = await api(t, officer, 'POST', '/api/intakes', wizardIntake('Persona Existente', '7788990'));
    const { person: _new, ...rest } = wizardIntake('Persona Existente', '7788990');
    const persons = await rowCount(t, 'persons');
    const again = await api(t, officer, 'POST', '/api/intakes', { ...rest, personId: first.json().personId });
    expect(again.statusCode).toBe(201);
    expect(again.json().personId).toBe(first.json().personId);
    expect(again.json().caseId).not.toBe(first.json().caseId);
    expect(await rowCount(t, 'persons')).toBe(persons);
  });

  it('leaves the decision for later when none is sent', async () => {
    const { decision: _later, ...body } = wizardIntake('Decisión Luego', '8899001');
    const res = await api(t, officer, 'POST', '/api/intakes', body);
    expect(res.statusCode).toBe(201);
    expect(res.json().decisionId).toBeNull();
  });

  it('gives each user their own draft keys, the same within a window, rotated daily', async () => {
    const first = (await api(t, officer, 'GET', '/api/intakes/draft-keys')).json();
    const again = (await api(t, officer, 'GET', '/api/intakes/draft-keys')).json();
    expect(again).toEqual(first);
    expect(first.current.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.current.window).toBe(first.previous.window + 1);
    expect(first.current.key).not.toBe(first.previous.key);
    expect(first.maxAgeHours).toBe(24);
    const colleague = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const theirs = (await api(t, colleague, 'GET', '/api/intakes/draft-keys')).json();
    expect(theirs.current.key).not.toBe(first.current.key);
    // Two days on, the key of today's window is no longer released: a draft sealed today is unreadable.
    const later = intakeDraftKeys(t.services.crypto, officer.user.id, Date.now() + 2 * 86_400_000);
    expect([later.current.key, later.previous.key]).not.toContain(first.current.key);
  });
});

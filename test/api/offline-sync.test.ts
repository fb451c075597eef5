/**
 * What offline sync relies on from the server (docs/OFFLINE.md): record versions with field-by-field
 * conflicts (an offline edit against version N never silently overwrites a field changed after N),
 * and a whole intake in one request — all or nothing, once per Idempotency-Key, from a registered
 * device. Synthetic names only.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, buildPerson, createCaseAs, rowCount, type Session } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const intake = (givenNames: string, documentNumber: string) => ({
  person: {
    givenNames,
    firstSurname: 'Sintética',
    sex: 'Female',
    dateOfBirth: '2001-04-02',
    documentType: 'CedulaPY',
    documentNumber,
  },
  case: { detectionMethod: 'LabourInspection', detectedOn: '2026-03-14', narrative: 'Relato sintético.' },
  screening: {
    instrumentVersion: 1,
    factsDate: '2026-03-10',
    answers: { 'act.recruitment': 'yes', 'means.deception': 'yes', 'purpose.forced_labour': 'yes' },
  },
  events: [{ type: 'Recruitment', country: 'PY', online: true, platforms: ['Facebook'] }],
  capturedAt: '2026-03-14T22:10:00-03:00',
});

describe.skipIf(skipBackend)('offline sync: versions, conflicts and whole intakes', () => {
  const t = useTestContext();
  const [worker, colleague] = useSessions(t, 'case_worker@PNPTU', 'supervisor@PNPTU');

  const patchCase = (as: Session, id: string, body: Record<string, unknown>) =>
    api(t, as, 'PATCH', `/api/cases/${id}`, body);

  it('raises a case’s version at every change and merges fields nobody else changed', async () => {
    const opened = await createCaseAs(t, worker, { narrative: 'Primera versión.' });
    expect(opened.version).toBe(1);
    const online = await patchCase(colleague, opened.id, { status: 'FollowUp' });
    expect(online.json().version).toBe(2);
    // Made offline against version 1, touching another field: it merges.
    const offline = await patchCase(worker, opened.id, { narrative: 'Nota de campo.', baseVersion: 1 });
    expect(offline.statusCode).toBe(200);
    expect(offline.json()).toMatchObject({
      version: 3,
      status: 'FollowUp',
      narrative: 'Nota de campo.',
    });
  });

  it('refuses an offline edit of a field changed meanwhile (409, the fields), and writes nothing', async () => {
    const opened = await createCaseAs(t, worker, { narrative: 'Relato inicial.', detectionPlace: 'Ruta 7' });
    await patchCase(colleague, opened.id, { narrative: 'Cambio de la supervisora.' });
    const stale = await patchCase(worker, opened.id, {
      narrative: 'Cambio sin conexión.',
      detectionPlace: 'Ruta 7 km 40',
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['narrative']);
    expect(stale.body).not.toContain('Cambio de la supervisora');
    const now = (await api(t, worker, 'GET', `/api/cases/${opened.id}`)).json();
    expect(now).toMatchObject({
      version: 2,
      narrative: 'Cambio de la supervisora.',
      detectionPlace: 'Ruta 7',
    });
    // Resolved against the version now seen: accepted.
    const resolved = await patchCase(worker, opened.id, {
      narrative: 'Cambio sin conexión.',
      detectionPlace: 'Ruta 7 km 40',
      baseVersion: now.version,
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().version).toBe(3);
    // The same value written by both is no conflict.
    await patchCase(colleague, opened.id, { status: 'Closed' });
    const same = await patchCase(worker, opened.id, { status: 'Closed', baseVersion: 3 });
    expect(same.statusCode).toBe(200);
    // A version from the future is a client error.
    expect((await patchCase(worker, opened.id, { status: 'Active', baseVersion: 99 })).statusCode).toBe(400);
    // A version alone changes nothing.
    expect((await patchCase(worker, opened.id, { baseVersion: 1 })).statusCode).toBe(400);
  });

  it('versions persons the same way', async () => {
    const person = await buildPerson(t, worker, { givenNames: 'Versión Persona' });
    expect(person.version).toBe(1);
    const path = `/api/persons/${person.id}`;
    expect((await api(t, worker, 'PATCH', path, { residenceDistrict: 'Hernandarias' })).json().version).toBe(
      2,
    );
    const stale = await api(t, worker, 'PATCH', path, { residenceDistrict: 'Minga Guazú', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.issues).toEqual([{ path: 'residenceDistrict', message: expect.any(String) }]);
    const merged = await api(t, worker, 'PATCH', path, { contact: 'Radio de la comunidad', baseVersion: 1 });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ version: 3, residenceDistrict: 'Hernandarias' });
  });

  it('writes a whole intake once per key, from a registered device, with its capture on the timeline', async () => {
    const device = (await api(t, worker, 'POST', '/api/devices', { name: 'Tableta de campo' })).json();
    const headers = { 'idempotency-key': 'offline-intake-0001-aaaa', 'x-nanduti-device': device.device.id };
    const [persons, cases] = [await rowCount(t, 'persons'), await rowCount(t, 'cases')];
    const body = intake('Intake Uno', '4455667');
    const first = await api(t, worker, 'POST', '/api/intakes', body, headers);
    expect(first.statusCode).toBe(201);
    const second = await api(t, worker, 'POST', '/api/intakes', body, headers);
    expect(second.json()).toEqual(first.json());
    expect(await rowCount(t, 'persons')).toBe(persons + 1);
    expect(await rowCount(t, 'cases')).toBe(cases + 1);
    const { caseId, personId, screeningId, eventIds } = first.json();
    const view = (await api(t, worker, 'GET', `/api/cases/${caseId}`)).json();
    expect(view.persons).toMatchObject([{ personId, role: 'PresumedVictim' }]);
    expect(view.screenings).toMatchObject([{ id: screeningId, personId, assessment: expect.any(String) }]);
    expect(view.events).toMatchObject([{ id: eventIds[0], personId, online: true, platforms: ['Facebook'] }]);
    const capture = view.timeline.find((e: { kind: string }) => e.kind === 'offline_capture');
    expect(capture.details).toEqual({ deviceId: device.device.id, capturedAt: '2026-03-14T22:10:00-03:00' });
    // Audited per step, in order, in the intake's transaction (one INSERT at its end), once: the
    // replay wrote no second set.
    const audited = await t.services.db.transaction((trx) =>
      trx
        .selectFrom('audit_events')
        .select(['action', 'resource_type', 'resource_id'])
        .where('resource_id', 'in', [personId, caseId, screeningId, eventIds[0]])
        .where('action', 'not like', '%.read')
        .orderBy('seq')
        .execute(),
    );
    expect(audited.map((row) => [row.resource_type, row.resource_id])).toEqual([
      ['person', personId],
      ['case', caseId],
      ['case', caseId],
      ['screening', screeningId],
      ['trafficking_event', eventIds[0]],
    ]);
    const kinds = view.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((kind: string) => kind === 'offline_capture')).toHaveLength(1);
    expect(kinds).toHaveLength(5);
  });

  it('refuses a possible duplicate unless confirmed, and links an existing person instead', async () => {
    await api(t, worker, 'POST', '/api/intakes', intake('Duplicada Posible', '9988776'));
    const again = await api(t, worker, 'POST', '/api/intakes', intake('Duplicada Posible', '9988776'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('possible_duplicates');
    const check = await api(
      t,
      worker,
      'POST',
      '/api/persons/duplicates',
      intake('Duplicada Posible', '9988776').person,
    );
    const [candidate] = check.json().candidates;
    const { person: _omit, ...rest } = intake('Duplicada Posible', '9988776');
    const linked = await api(t, worker, 'POST', '/api/intakes', { ...rest, personId: candidate.id });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().personId).toBe(candidate.id);
  });

  it('writes the rest of an intake: decision, exploitation, needs and consent, in the same transaction', async () => {
    const body = {
      ...intake('Intake Completa', '7766554'),
      decision: {
        status: 'PossibleVictimOfTrafficking',
        decidedOn: '2026-03-14',
        reason: 'Indicadores claros.',
      },
      exploitation: { exploitationTypes: ['ForcedLabour'], controlMethods: ['DebtBondage'] },
      needs: [{ serviceType: 'Shelter', urgency: 'Immediate' }],
      consent: {
        kind: 'consent',
        services: ['Shelter'],
        sharedFields: ['givenNames', 'sex', 'age'],
        givenOn: '2026-03-14',
        method: 'Verbal',
        givenBy: 'Person',
      },
    };
    const res = await api(t, worker, 'POST', '/api/intakes', body, {
      'idempotency-key': 'offline-intake-full-01',
    });
    expect(res.statusCode).toBe(201);
    const { caseId, personId, screeningId, decisionId, needIds, consentId } = res.json();
    const view = (await api(t, worker, 'GET', `/api/cases/${caseId}`)).json();
    expect(view.decisions).toMatchObject([
      { id: decisionId, personId, screeningId, status: 'PossibleVictimOfTrafficking' },
    ]);
    expect(view.exploitation).toMatchObject([{ personId, exploitationTypes: ['ForcedLabour'] }]);
    const protection = (await api(t, worker, 'GET', `/api/cases/${caseId}/protection`)).json();
    expect(protection.needs.map((n: { id: string }) => n.id)).toEqual(needIds);
    expect(protection.consents).toMatchObject([{ id: consentId, personId, givenBy: 'Person' }]);
  });

  it('refuses a child’s own consent in an intake (new or existing person) and writes nothing', async () => {
    const [persons, cases] = [await rowCount(t, 'persons'), await rowCount(t, 'cases')];
    const own = {
      kind: 'consent',
      services: ['Shelter'],
      sharedFields: ['givenNames'],
      givenOn: '2026-03-14',
      method: 'Verbal',
      givenBy: 'Person',
    };
    const child = intake('Niña Sintética', '5544332');
    const young = {
      ...child,
      person: { ...child.person, dateOfBirth: null, estimatedAge: 15 },
      consent: own,
    };
    const refused = await api(t, worker, 'POST', '/api/intakes', young);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toMatchObject([{ path: 'body.consent.givenBy' }]);
    expect(await rowCount(t, 'persons')).toBe(persons);
    // An existing child (chosen at the duplicate review): the server knows the age, the same refusal.
    const existing = await buildPerson(t, worker, { givenNames: 'Niño Existente', estimatedAge: 16 });
    const { person: _omit, ...rest } = child;
    const again = await api(t, worker, 'POST', '/api/intakes', {
      ...rest,
      personId: existing.id,
      consent: own,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error).toMatchObject({
      code: 'minor_consent_needs_representative',
      issues: [{ path: 'body.consent.givenBy' }],
    });
    expect(await rowCount(t, 'cases')).toBe(cases);
    // A guardian's consent goes through.
    const guardian = {
      ...own,
      givenBy: 'LegalGuardian',
      representativeName: 'Tutora Sintética',
      representativeRelationship: 'tía',
    };
    const ok = await api(t, worker, 'POST', '/api/intakes', { ...young, consent: guardian });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().consentId).toEqual(expect.any(String));
  });

  it('writes nothing of an intake that fails half-way (all or nothing)', async () => {
    const [persons, cases] = [await rowCount(t, 'persons'), await rowCount(t, 'cases')];
    const bad = intake('Mitad Fallida', '1212121');
    const res = await api(t, worker, 'POST', '/api/intakes', {
      ...bad,
      screening: { ...bad.screening, answers: { 'act.teleport': 'yes' } },
    });
    expect(res.statusCode).toBe(400);
    const both = await api(t, worker, 'POST', '/api/intakes', { ...bad, personId: crypto.randomUUID() });
    expect(both.statusCode).toBe(400);
    expect(await rowCount(t, 'persons')).toBe(persons);
    expect(await rowCount(t, 'cases')).toBe(cases);
  });
});

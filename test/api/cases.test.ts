/**
 * Cases: references, validation of owner unit and staff, updates, linked persons, and the audit
 * rows every read of the case page leaves.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import {
  api,
  auditRows,
  buildPersonRecord,
  buildUser,
  caseSteps,
  institutionId,
  storedRow,
} from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const NARRATIVE = 'Captada por Facebook con una oferta de trabajo en Buenos Aires';
const PLACE = 'Terminal de ómnibus de Asunción';

describe.skipIf(skipBackend)('cases', () => {
  const t = useTestContext();
  const lastSeq = async () =>
    Number(
      (
        await t.services.db.transaction((trx) =>
          trx
            .selectFrom('audit_events')
            .select((eb) => eb.fn.max('seq').as('seq'))
            .executeTakeFirstOrThrow(),
        )
      ).seq ?? 0,
    );
  const [worker] = useSessions(t, 'case_worker@PNPTU');
  const { count, create, link } = caseSteps(t, worker);

  it('numbers cases PY-<year of detection>-<6 digits>, increasing per year, and stores the narrative encrypted', async () => {
    const first = await create({
      narrative: NARRATIVE,
      detectionPlace: PLACE,
      detectionDepartment: 'PY-ASU',
    });
    const second = await create();
    const older = await create({ detectedOn: '2025-12-31' });
    expect(first.reference).toBe('PY-2026-000001');
    expect(second.reference).toBe('PY-2026-000002');
    expect(older.reference).toBe('PY-2025-000001');
    expect(first).toMatchObject({
      narrative: NARRATIVE,
      detectionPlace: PLACE,
      status: 'Active',
      detectionCountry: 'PY',
    });
    expect(first.ownerInstitution.code).toBe('PNPTU');
    expect(first.timeline.map((e: { kind: string }) => e.kind)).toEqual(['case_created']);
    expect(first.permissions).toEqual(
      expect.arrayContaining(['case.update', 'case.addPerson', 'case.share', 'case.recordEvent']),
    );
    expect(first.permissions).not.toContain('case.review'); // a case worker does not review decisions

    const raw = await storedRow(t, 'cases', { id: first.id }, ['narrative', 'detection_place']);
    expect(raw.narrative).not.toContain('Facebook');
    expect(raw.detection_place).not.toContain('Asunción');
    const audit = await t.services.db.transaction((trx) =>
      trx.selectFrom('audit_events').selectAll().where('resource_id', '=', first.id).execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(['case.create']);
    expect(JSON.stringify(audit)).not.toContain('Facebook');
  });

  it('gives concurrent creations distinct references', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api(t, worker, 'POST', '/api/cases', { detectionMethod: 'Other', detectedOn: '2024-06-01' }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const references = results.map((r) => r.json().reference).sort();
    expect(references).toEqual(Array.from({ length: 8 }, (_, i) => `PY-2024-00000${i + 1}`));
  });

  it('accepts only units and active case staff of the owner institution, and writes nothing otherwise', async () => {
    const colleague = await buildUser(t, { role: 'supervisor', institution: 'PNPTU' });
    const outsider = await buildUser(t, { role: 'case_worker', institution: 'MINMUJER' });
    const disabled = await buildUser(t, { role: 'case_worker', institution: 'PNPTU', status: 'disabled' });
    const analyst = await buildUser(t, { role: 'analyst', institution: 'PNPTU' });
    const ownUnit = await t.services.db.transaction((trx) =>
      trx.selectFrom('units').select('id').where('code', '=', 'ASU').executeTakeFirstOrThrow(),
    );
    const minmujer = await institutionId(t, 'MINMUJER');
    const otherUnit = await t.services.db.transaction((trx) =>
      trx
        .insertInto('units')
        .values({ institution_id: minmujer, code: 'CASA', name: 'Casa de acogida', department: null })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const before = await count('cases');
    const base = { detectionMethod: 'Hotline', detectedOn: '2026-03-14' };
    for (const [body, code] of [
      [{ ownerUnitId: otherUnit.id }, 'unknown_unit'],
      [{ assignedUserIds: [outsider.id] }, 'invalid_assignee'],
      [{ assignedUserIds: [disabled.id] }, 'invalid_assignee'],
      [{ assignedUserIds: [analyst.id] }, 'invalid_assignee'],
      [{ assignedUserIds: [crypto.randomUUID()] }, 'invalid_assignee'],
    ] as const) {
      const res = await api(t, worker, 'POST', '/api/cases', { ...base, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    expect(await count('cases')).toBe(before);
    const ok = await create({
      ownerUnitId: ownUnit.id,
      assignedUserIds: [colleague.id, worker.user.id, colleague.id],
    });
    expect(ok.ownerUnitId).toBe(ownUnit.id);
    expect(ok.assignedUsers.map((u: { id: string }) => u.id).sort()).toEqual(
      [colleague.id, worker.user.id].sort(),
    );
  });

  it('updates a case, recording the changed field names (never the values) in the timeline and the audit', async () => {
    const created = await create({ narrative: 'first version' });
    const res = await api(t, worker, 'PATCH', `/api/cases/${created.id}`, {
      status: 'FollowUp',
      narrative: NARRATIVE,
      assignedUserIds: [worker.user.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ status: 'FollowUp', narrative: NARRATIVE });
    expect(view.assignedUsers.map((u: { id: string }) => u.id)).toEqual([worker.user.id]);
    const entry = view.timeline.at(-1);
    expect(entry).toMatchObject({ kind: 'case_updated', institutionCode: 'PNPTU' });
    expect(entry.details.fields.sort()).toEqual(['assignedUserIds', 'narrative', 'status']);
    expect(JSON.stringify(view.timeline)).not.toContain('Facebook');
    const audit = await auditRows(t, { action: 'case.update', resource: created.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changed_fields).toEqual(['assignedUserIds', 'narrative', 'status']);
    expect((await api(t, worker, 'PATCH', `/api/cases/${created.id}`, {})).statusCode).toBe(400);
    expect((await api(t, worker, 'PATCH', `/api/cases/${created.id}`, { status: 'Lost' })).statusCode).toBe(
      400,
    );
  });

  it('links persons the actor may see, once, and refuses others as not found', async () => {
    const created = await create();
    const person = await buildPersonRecord(t, {
      institution: 'PNPTU',
      givenNames: 'Mirna',
      firstSurname: 'Aquino',
    });
    const hidden = await buildPersonRecord(t, { institution: 'MINNA' });
    const view = await link(created.id, person.id);
    expect(view.persons).toEqual([
      {
        personId: person.id,
        role: 'PresumedVictim',
        fullName: 'Mirna Aquino',
        sex: 'Female',
        birthYear: 1999,
        latestAssessment: null,
        currentStatus: null,
      },
    ]);
    expect(view.timeline.at(-1)).toMatchObject({
      kind: 'person_added',
      details: { personId: person.id, role: 'PresumedVictim' },
    });
    const again = await api(t, worker, 'POST', `/api/cases/${created.id}/persons`, {
      personId: person.id,
      role: 'Witness',
    });
    expect(again.statusCode).toBe(409);
    const hiddenRes = await api(t, worker, 'POST', `/api/cases/${created.id}/persons`, {
      personId: hidden.id,
      role: 'Witness',
    });
    expect(hiddenRes.statusCode).toBe(404);
  });

  it('audits every case page read: one row for the case and one per person shown', async () => {
    const created = await create();
    const a = await buildPersonRecord(t, { givenNames: 'Ana' });
    const b = await buildPersonRecord(t, { givenNames: 'Karai' });
    await link(created.id, a.id);
    await link(created.id, b.id, 'Witness');
    for (let i = 0; i < 2; i++) {
      const since = await lastSeq();
      const res = await api(t, worker, 'GET', `/api/cases/${created.id}`);
      expect(res.statusCode).toBe(200);
      const rows = await t.services.db.transaction((trx) =>
        trx.selectFrom('audit_events').selectAll().where('seq', '>', since).execute(),
      );
      expect(rows.map((r) => `${r.action}:${r.resource_type}:${r.resource_id}`).sort()).toEqual(
        [`case.read:case:${created.id}`, `person.read:person:${a.id}`, `person.read:person:${b.id}`].sort(),
      );
      expect(new Set(rows.map((r) => r.request_id)).size).toBe(1);
      expect(rows.every((r) => r.actor_user_id === worker.user.id && r.purpose === 'case_management')).toBe(
        true,
      );
    }
  });
});

/**
 * Case notes (docs/OFFLINE.md "Case notes"): added and listed newest first, encrypted at rest,
 * append-only; a retry under one Idempotency-Key gives one note and the same answer, another body
 * under the key is 422; a note synced from a device keeps when and where it was written; another
 * institution without the case shared sees "not found"; a note's label masks it for roles that do
 * not need it; every read and write is audited, and reaches the person's access report; erasure
 * empties the notes. Synthetic data only.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, auditRows, rowCount } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';

describe.skipIf(skipBackend)('case notes', () => {
  const t = useTestContext();
  const [worker, supervisor, outsider, sharedWorker, dpo] = useSessions(
    t,
    'case_worker@PNPTU',
    'supervisor@PNPTU',
    'case_worker@MINMUJER',
    'case_worker@MINNA',
    'dpo@MESA',
  );

  const notesOf = (session: typeof worker, caseId: string) =>
    api(t, session, 'GET', `/api/cases/${caseId}/notes`);
  const rawNotes = (caseId: string) =>
    t.services.db.transaction(
      async (trx) =>
        (
          await sql<{
            id: string;
            text: string | null;
            device_id: string | null;
          }>`select id, text, device_id from case_notes where case_id = ${caseId}`.execute(trx)
        ).rows,
    );

  it('adds notes, lists them newest first, keeps the text encrypted, and audits both', async () => {
    const caseId = await insertCase(t, 'PNPTU');
    const first = await api(t, worker, 'POST', `/api/cases/${caseId}/notes`, {
      text: 'Visita domiciliaria: la familia acepta acompañamiento',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      caseId,
      text: 'Visita domiciliaria: la familia acepta acompañamiento',
      sensitivity: null,
      masked: false,
      institutionCode: 'PNPTU',
      madeOfflineAt: null,
      deviceId: null,
    });
    const second = await api(t, supervisor, 'POST', `/api/cases/${caseId}/notes`, {
      text: 'Cita con la fiscalía el lunes',
      sensitivity: 'legal',
    });
    expect(second.statusCode).toBe(201);

    const list = await notesOf(worker, caseId);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    expect(list.json().items.map((n: { text: string }) => n.text)).toEqual([
      'Cita con la fiscalía el lunes',
      'Visita domiciliaria: la familia acepta acompañamiento',
    ]);

    for (const row of await rawNotes(caseId)) {
      expect(row.text).toMatch(/^enc:/);
      expect(row.text).not.toContain('Visita');
      expect(row.text).not.toContain('fiscalía');
    }

    const audit = await auditOf(t, worker.user.id, 'success');
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'caseNote.create',
        resource_type: 'case_note',
        resource_id: first.json().id,
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'caseNote.read', resource_type: 'case', resource_id: caseId }),
    );
  });

  it('answers a retry with the first answer and one note; another body under the key is 422', async () => {
    const caseId = await insertCase(t, 'PNPTU');
    const headers = { 'idempotency-key': 'note-retry-7f3a9c2e-0001' };
    const body = { text: 'Llamada de seguimiento sin respuesta' };
    const before = await rowCount(t, 'case_notes');
    const first = await api(t, worker, 'POST', `/api/cases/${caseId}/notes`, body, headers);
    const again = await api(t, worker, 'POST', `/api/cases/${caseId}/notes`, body, headers);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await rowCount(t, 'case_notes')).toBe(before + 1);

    const other = await api(t, worker, 'POST', `/api/cases/${caseId}/notes`, { text: 'Otro texto' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    expect(await rowCount(t, 'case_notes')).toBe(before + 1);
  });

  it('keeps when and on which device a note was written offline', async () => {
    const caseId = await insertCase(t, 'PNPTU');
    const device = (await api(t, worker, 'POST', '/api/devices', { name: 'Tableta de campo' })).json();
    const madeOfflineAt = new Date(Date.now() - 3_600_000).toISOString();
    const res = await api(
      t,
      worker,
      'POST',
      `/api/cases/${caseId}/notes`,
      { text: 'Escrita sin señal en el puesto', madeOfflineAt },
      { 'idempotency-key': 'note-offline-7f3a9c2e-0002', 'x-nanduti-device': device.device.id },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ madeOfflineAt, deviceId: device.device.id });
    // The same device header on an online note: it was not written offline, no device is kept.
    const online = await api(
      t,
      worker,
      'POST',
      `/api/cases/${caseId}/notes`,
      { text: 'Escrita en línea' },
      { 'x-nanduti-device': device.device.id },
    );
    expect(online.json()).toMatchObject({ madeOfflineAt: null, deviceId: null });
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const caseId = await insertCase(t, 'PNPTU');
    const future = new Date(Date.now() + 86_400_000).toISOString();
    for (const body of [
      { text: '   ' },
      { text: 'x'.repeat(4001) },
      { text: 'Nota', sensitivity: 'contact' },
      { text: 'Nota', madeOfflineAt: 'ayer' },
      { text: 'Nota', madeOfflineAt: future },
      { text: 'Nota', version: 2 },
    ]) {
      const res = await api(t, worker, 'POST', `/api/cases/${caseId}/notes`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await rawNotes(caseId)).toEqual([]);
  });

  it('is "not found" to another institution the case is not shared with, and audited as denied', async () => {
    const caseId = await insertCase(t, 'PNPTU', ['MINNA']);
    await api(t, worker, 'POST', `/api/cases/${caseId}/notes`, { text: 'Nota reservada de PNPTU' });
    const read = await notesOf(outsider, caseId);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('reservada');
    const write = await api(t, outsider, 'POST', `/api/cases/${caseId}/notes`, { text: 'Intrusa' });
    expect(write.statusCode).toBe(404);
    const denied = await auditOf(t, outsider.user.id, 'denied');
    expect(denied.map((a) => [a.action, a.resource_id])).toEqual(
      expect.arrayContaining([
        ['caseNote.read', caseId],
        ['caseNote.create', caseId],
      ]),
    );

    // The institution it was shared with reads the notes, but writes none (403).
    expect((await notesOf(sharedWorker, caseId)).json().items[0].text).toBe('Nota reservada de PNPTU');
    const sharedWrite = await api(t, sharedWorker, 'POST', `/api/cases/${caseId}/notes`, { text: 'No' });
    expect(sharedWrite.statusCode).toBe(403);
    expect((await rawNotes(caseId)).length).toBe(1);
  });

  it('masks a note whose label the reader’s role does not need (health for a supervisor)', async () => {
    const caseId = await insertCase(t, 'PNPTU');
    await api(t, worker, 'POST', `/api/cases/${caseId}/notes`, {
      text: 'Control médico pendiente',
      sensitivity: 'health',
    });
    const forWorker = (await notesOf(worker, caseId)).json().items[0];
    const forSupervisor = (await notesOf(supervisor, caseId)).json().items[0];
    expect(forWorker).toMatchObject({ text: 'Control médico pendiente', masked: false });
    expect(forSupervisor).toMatchObject({ text: null, masked: true, sensitivity: 'health' });
  });

  it('shows note reads and writes in the person’s access report, and erasure empties the notes', async () => {
    const caseId = await insertCase(t, 'PNPTU');
    const personId = await insertLinkedPerson(t, caseId, 'PNPTU');
    await api(t, worker, 'POST', `/api/cases/${caseId}/notes`, { text: 'Nota que se borrará' });
    await notesOf(supervisor, caseId);

    const report = await api(t, dpo, 'GET', `/api/persons/${personId}/access-report?format=json`);
    expect(report.statusCode, report.body).toBe(200);
    const kinds = report.json().entries.map((e: { kind: string; role: string }) => `${e.role}:${e.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['case_worker:changed', 'supervisor:read']));

    await t.services.db.transaction(async (trx) => {
      await sql`update cases set status = 'Closed', closed_at = now() where id = ${caseId}`.execute(trx);
    });
    const erased = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      caseIds: [caseId],
      requestedOn: '2026-11-30',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const rows = await rawNotes(caseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toBeNull();
    const tombstone = await auditRows(t, { action: 'privacy.erase', resource: caseId, outcome: 'success' });
    expect(JSON.stringify(tombstone.map((row) => row.changed_fields))).toContain('case_notes.text');
    // The erased case is out of everyone's scope: its notes too.
    expect((await notesOf(worker, caseId)).statusCode).toBe(404);
  });
});

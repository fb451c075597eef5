/**
 * Offline devices: registration gives a secret and a device key (stored encrypted and hashed), the
 * key is released only to the device's own user with its secret, and a device revoked by a
 * supervisor or expired without contact is answered 410 — on the key and on any request it makes.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, rowCount, userWithSession } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('offline devices', () => {
  const t = useTestContext();
  const [worker, supervisor, otherSupervisor] = useSessions(
    t,
    'case_worker@PNPTU',
    'supervisor@PNPTU',
    'supervisor@MINNA',
  );

  const register = async (name = 'Teléfono de la unidad') => {
    const res = await api(t, worker, 'POST', '/api/devices', { name });
    expect(res.statusCode).toBe(201);
    return res.json() as { device: { id: string; state: string }; secret: string; deviceKey: string };
  };
  const unlock = (id: string, secret: string, as = worker) =>
    api(t, as, 'POST', `/api/devices/${id}/key`, { secret });
  /** The device's last contact moved `days` into the past, as if it had stayed offline. */
  const lastSeenDaysAgo = (id: string, days: number) =>
    t.services.db.transaction((trx) =>
      trx
        .updateTable('devices')
        .set({ last_seen_at: sql<Date>`now() - make_interval(days => ${days})` })
        .where('id', '=', id)
        .execute(),
    );

  it('registers a device; the key is released to its user with its secret, never stored in clear', async () => {
    const reg = await register();
    expect(reg.device.state).toBe('active');
    const again = await unlock(reg.device.id, reg.secret);
    expect(again.statusCode).toBe(200);
    expect(again.json().deviceKey).toBe(reg.deviceKey);
    expect(again.json().expiryDays).toBe(7);
    const raw = await t.services.db.transaction((trx) =>
      trx.selectFrom('devices').selectAll().where('id', '=', reg.device.id).executeTakeFirstOrThrow(),
    );
    expect(raw.device_key).toMatch(/^enc:/);
    expect(raw.device_key).not.toContain(reg.deviceKey);
    expect(raw.secret_hash).not.toContain(reg.secret);
    const mine = await api(t, worker, 'GET', '/api/devices');
    expect(mine.json().items.map((d: { id: string }) => d.id)).toContain(reg.device.id);
  });

  it('refuses a wrong secret (403, audited) and another user (404)', async () => {
    const reg = await register();
    const wrong = await unlock(reg.device.id, 'A'.repeat(43));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('device_secret_invalid');
    expect((await auditOf(t, worker.user.id, 'denied')).some((r) => r.action === 'device.unlock')).toBe(true);
    const colleague = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    expect((await unlock(reg.device.id, reg.secret, colleague)).statusCode).toBe(404);
  });

  it('a device revoked by a supervisor gets 410 on its key and on any request it makes', async () => {
    const reg = await register();
    const fromDevice = { 'x-nanduti-device': reg.device.id };
    expect((await api(t, worker, 'GET', '/api/notifications', undefined, fromDevice)).statusCode).toBe(200);
    expect(
      (await api(t, otherSupervisor, 'POST', `/api/devices/${reg.device.id}/revocation`)).statusCode,
    ).toBe(404);
    const revoked = await api(t, supervisor, 'POST', `/api/devices/${reg.device.id}/revocation`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked', revokedReason: 'supervisor' });
    const key = await unlock(reg.device.id, reg.secret);
    expect(key.statusCode).toBe(410);
    expect(key.json().error.code).toBe('device_revoked');
    const contact = await api(t, worker, 'GET', '/api/notifications', undefined, fromDevice);
    expect(contact.statusCode).toBe(410);
    const institution = await api(t, supervisor, 'GET', '/api/devices?scope=institution');
    expect(institution.json().items.find((d: { id: string }) => d.id === reg.device.id).state).toBe(
      'revoked',
    );
  });

  it('a device without contact for more than 7 days expires: 410, and it stays expired', async () => {
    const reg = await register();
    await lastSeenDaysAgo(reg.device.id, 8);
    expect((await unlock(reg.device.id, reg.secret)).statusCode).toBe(410);
    const mine = await api(t, worker, 'GET', '/api/devices');
    const device = mine.json().items.find((d: { id: string }) => d.id === reg.device.id);
    expect(device).toMatchObject({ state: 'expired', revokedReason: 'expired' });
  });

  it('a write from an expired device: 410, nothing written, and the expiry kept', async () => {
    const reg = await register();
    const fromDevice = { 'x-nanduti-device': reg.device.id, 'idempotency-key': 'expired-device-0001-aaaa' };
    const note = {
      detectionMethod: 'LabourInspection',
      detectedOn: '2026-03-14',
      narrative: 'Sin conexión.',
    };
    // Active: the write and the device's contact in the request's one transaction.
    expect((await api(t, worker, 'POST', '/api/cases', note, fromDevice)).statusCode).toBe(201);
    await lastSeenDaysAgo(reg.device.id, 8);
    const count = () => rowCount(t, 'cases');
    const before = await count();
    const refused = await api(t, worker, 'POST', '/api/cases', note, {
      ...fromDevice,
      'idempotency-key': 'expired-device-0002-aaaa',
    });
    expect(refused.statusCode).toBe(410);
    expect(await count()).toBe(before);
    const mine = await api(t, worker, 'GET', '/api/devices');
    const device = mine.json().items.find((d: { id: string }) => d.id === reg.device.id);
    expect(device).toMatchObject({ state: 'expired', revokedReason: 'expired' });
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const before = await rowCount(t, 'devices');
    expect((await api(t, worker, 'POST', '/api/devices', { name: '' })).statusCode).toBe(400);
    expect((await api(t, worker, 'POST', '/api/devices', { name: 'x', extra: 1 })).statusCode).toBe(400);
    const reg = await register();
    expect((await unlock(reg.device.id, 'short')).statusCode).toBe(400);
    expect(
      (await api(t, worker, 'GET', '/api/notifications', undefined, { 'x-nanduti-device': 'not-a-uuid' }))
        .statusCode,
    ).toBe(410);
    expect(await rowCount(t, 'devices')).toBe(before + 1);
  });
});

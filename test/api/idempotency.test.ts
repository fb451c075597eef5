/**
 * Idempotency-Key on writes: a retry answers the first answer and writes nothing more; the same key
 * for another request is refused; a failed write leaves no key; keys are per user; the stored answer
 * is encrypted. Synthetic names only.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, rowCount } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const person = (givenNames: string) => ({
  givenNames,
  firstSurname: 'Sintética',
  sex: 'Female',
  confirmNotDuplicate: true,
});

describe.skipIf(skipBackend)('Idempotency-Key', () => {
  const t = useTestContext();
  const [worker, colleague] = useSessions(t, 'case_worker@PNPTU', 'case_worker@PNPTU');

  it('gives one record and the same answer twice for one key', async () => {
    const before = await rowCount(t, 'persons');
    const headers = { 'idempotency-key': 'intake-7f3a9c2e-0001' };
    const first = await api(t, worker, 'POST', '/api/persons', person('Reintento Uno'), headers);
    const second = await api(t, worker, 'POST', '/api/persons', person('Reintento Uno'), headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await rowCount(t, 'persons')).toBe(before + 1);
  });

  it('refuses the same key for a different request with 422 and writes nothing', async () => {
    const headers = { 'idempotency-key': 'intake-7f3a9c2e-0002' };
    expect((await api(t, worker, 'POST', '/api/persons', person('Clave Dos'), headers)).statusCode).toBe(201);
    const before = await rowCount(t, 'persons');
    const other = await api(t, worker, 'POST', '/api/persons', person('Otra Persona'), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    const elsewhere = await api(
      t,
      worker,
      'POST',
      '/api/cases',
      { detectionMethod: 'Hotline', detectedOn: '2026-03-14' },
      headers,
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(await rowCount(t, 'persons')).toBe(before);
  });

  it('keeps no key for a write that failed, so the corrected retry goes through', async () => {
    const headers = { 'idempotency-key': 'intake-7f3a9c2e-0003' };
    const keys = await rowCount(t, 'idempotency_keys');
    const bad = await api(
      t,
      worker,
      'POST',
      '/api/persons',
      { ...person('Fallida'), sex: 'Unknown?' },
      headers,
    );
    expect(bad.statusCode).toBe(400);
    expect(await rowCount(t, 'idempotency_keys')).toBe(keys);
    const fixed = await api(t, worker, 'POST', '/api/persons', person('Fallida'), headers);
    expect(fixed.statusCode).toBe(201);
  });

  it('scopes keys to the user: another user with the same key writes their own record', async () => {
    const headers = { 'idempotency-key': 'shared-key-000000004' };
    const mine = await api(t, worker, 'POST', '/api/persons', person('Clave Compartida'), headers);
    const theirs = await api(t, colleague, 'POST', '/api/persons', person('Clave Compartida'), headers);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('answers concurrent retries of one key with one record', async () => {
    const before = await rowCount(t, 'persons');
    const headers = { 'idempotency-key': 'burst-7f3a9c2e-0005' };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => api(t, worker, 'POST', '/api/persons', person('Ráfaga'), headers)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await rowCount(t, 'persons')).toBe(before + 1);
  });

  it('refuses a malformed key with 400 and writes nothing', async () => {
    const before = await rowCount(t, 'persons');
    for (const key of ['short', 'has space in the key', 'x'.repeat(256)]) {
      const res = await api(t, worker, 'POST', '/api/persons', person('Mal Formada'), {
        'idempotency-key': key,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('idempotency_key_invalid');
    }
    expect(await rowCount(t, 'persons')).toBe(before);
  });

  it('stores the first answer encrypted, never the names in clear', async () => {
    const rows = await t.services.db.transaction((trx) =>
      trx.selectFrom('idempotency_keys').select('response').execute(),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.response).toMatch(/^enc:/);
      expect(row.response).not.toContain('Reintento');
    }
  });
});

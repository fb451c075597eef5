import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/verify.js';
import { createTestContext, skipBackend } from '../helpers/db.js';
import { api, userWithSession } from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('audit trail hash chain', () => {
  const t = useTestContext();

  it('verifies a used database and names the first edited row', async () => {
    const admin = await userWithSession(t, { role: 'system_admin', institution: 'MESA' });
    const inst = await api(t, admin, 'GET', '/api/institutions');
    const pnptu = inst.json().items.find((i: { code: string }) => i.code === 'PNPTU');
    for (let i = 0; i < 3; i++) {
      const res = await api(t, admin, 'POST', '/api/users', {
        username: `agent${i}`,
        displayName: `Agent ${i}`,
        role: 'case_worker',
        institutionId: pnptu.id,
      });
      expect(res.statusCode).toBe(201);
    }
    const ok = await verifyAuditChain(t.services.db);
    expect(ok).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(ok.checked).toBeGreaterThanOrEqual(3);

    // The application cannot edit the trail: the database refuses.
    await expect(
      t.services.db.transaction((trx) =>
        sql`update audit_events set action = 'x' where seq = 2`.execute(trx),
      ),
    ).rejects.toThrow(/append-only/);

    // Someone with direct database access disables the guard and edits one row.
    await t.services.db.transaction(async (trx) => {
      await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(trx);
      await sql`update audit_events set resource_id = 'tampered' where seq = 2`.execute(trx);
      await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(trx);
    });
    const broken = await verifyAuditChain(t.services.db);
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('detects a removed row', async () => {
    const t2 = await createTestContext();
    try {
      const admin = await userWithSession(t2, { role: 'system_admin', institution: 'MESA' });
      for (let i = 0; i < 4; i++)
        await api(t2, admin, 'PATCH', '/api/session/preferences', { locale: i % 2 ? 'gn' : 'es' });
      expect((await verifyAuditChain(t2.services.db)).ok).toBe(true);
      await t2.services.db.transaction(async (trx) => {
        await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(trx);
        await sql`delete from audit_events where seq = 3`.execute(trx);
      });
      expect(await verifyAuditChain(t2.services.db)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    } finally {
      await t2.close();
    }
  });
});

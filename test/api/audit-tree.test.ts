import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/server/audit/audit.js';
import { foldAudit } from '../../src/server/audit/tree.js';
import { verifyAuditTree } from '../../src/server/audit/verify.js';
import { backend, skipBackend, type TestContext } from '../helpers/db.js';
import { api, rowCount, userWithSession } from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

const event = (requestId: string) => ({
  actor: null,
  action: 'audit.list' as const,
  resourceType: 'audit_event' as const,
  purpose: 'audit',
  requestId,
});

async function leafOrder(t: TestContext): Promise<string[]> {
  const rows = await t.services.db.transaction((trx) =>
    trx
      .selectFrom('audit_tree_leaves as l')
      .innerJoin('audit_events as e', 'e.seq', 'l.seq')
      .select(['e.request_id'])
      .orderBy('l.idx')
      .execute(),
  );
  return rows.map((r) => r.request_id ?? '');
}

describe.skipIf(skipBackend)('audit rows folded into the Merkle tree by the sequencer', () => {
  const t = useTestContext();

  it('every audited request is a leaf once folded; the rebuilt tree matches the stored head', async () => {
    const dpo = await userWithSession(t, { role: 'dpo', institution: 'MESA' });
    for (let i = 0; i < 5; i++)
      expect((await api(t, dpo, 'GET', '/api/audit-events?limit=1')).statusCode).toBe(200);
    const folded = await foldAudit(t.services.db, { wait: true });
    expect(folded!.head.size).toBeGreaterThanOrEqual(5);
    expect(folded!.head.size).toBe(await rowCount(t, 'audit_events'));
    const again = await foldAudit(t.services.db, { wait: true });
    expect(again).toMatchObject({ folded: 0, head: { size: folded!.head.size } });
    expect(await verifyAuditTree(t.services.db, folded!.head)).toMatchObject({ ok: true });
  });

  it.skipIf(backend !== 'postgres')(
    'a row committed later with a lower seq is never skipped: folding waits for every older writer',
    async () => {
      const db = t.services.db;
      let releaseB!: () => void;
      const bHolds = new Promise<void>((r) => (releaseB = r));
      let bWrote!: () => void;
      const bHasWritten = new Promise<void>((r) => (bWrote = r));
      // B writes first (lower xid, lower seq) and stays open.
      const b = db.transaction(async (trx) => {
        await writeAudit(trx, event('tree-B'));
        bWrote();
        await bHolds;
      });
      await bHasWritten;
      // A writes later and commits first.
      await db.transaction((trx) => writeAudit(trx, event('tree-A')));
      await foldAudit(db, { wait: true });
      expect(await leafOrder(t)).not.toContain('tree-A'); // held back behind B, which may still commit
      releaseB();
      await b;
      await foldAudit(db, { wait: true });
      const order = await leafOrder(t);
      expect(order.indexOf('tree-B')).toBeGreaterThanOrEqual(0);
      expect(order.indexOf('tree-A')).toBe(order.indexOf('tree-B') + 1);

      // A rolled-back writer leaves a gap in seq but nothing in the tree, and blocks nothing.
      await db
        .transaction(async (trx) => {
          await writeAudit(trx, event('tree-rolled-back'));
          throw new Error('roll back');
        })
        .catch(() => {});
      await db.transaction((trx) => writeAudit(trx, event('tree-C')));
      await foldAudit(db, { wait: true });
      const after = await leafOrder(t);
      expect(after).toContain('tree-C');
      expect(after).not.toContain('tree-rolled-back');
    },
  );

  it('after a restore into another cluster (transaction ids start again) every row is still folded once', async () => {
    const db = t.services.db;
    await db.transaction((trx) => writeAudit(trx, event('before-restore')));
    // What a logical restore changes for the sequencer: the cluster identifier, and transaction ids
    // that may be lower than the ones already folded.
    await db.transaction(async (trx) => {
      await sql`update audit_tree_state set cluster_id = 'another cluster', cursor_xid = 9007199254740000`.execute(
        trx,
      );
    });
    await db.transaction((trx) => writeAudit(trx, event('after-restore-1')));
    await foldAudit(db, { wait: true });
    await db.transaction((trx) => writeAudit(trx, event('after-restore-2')));
    const head = (await foldAudit(db, { wait: true }))!.head;
    const order = await leafOrder(t);
    for (const id of ['before-restore', 'after-restore-1', 'after-restore-2'])
      expect(order.filter((x) => x === id)).toHaveLength(1);
    expect(await verifyAuditTree(db, head)).toMatchObject({ ok: true });
  });
});

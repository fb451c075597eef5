/**
 * The witnessed audit log as an attacker with database superuser rights meets it: deleting the newest
 * rows, or rewriting one row and recomputing every later hash (a whole new tree, even signed with the
 * log's own key), is detected against the witness's last cosignature; the witness refuses the smaller
 * or inconsistent checkpoints such an attacker must then present, and keeps its state across restarts.
 */
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkCheckpoint,
  logVerifierKey,
  publishCheckpoint,
  submitToWitness,
} from '../../src/server/audit/checkpoint.js';
import { verifyInclusion } from '../../src/server/audit/merkle.js';
import { parseNote, parseVerifierKey, verifierKeyOf } from '../../src/server/audit/note.js';
import { foldAudit, proveConsistency } from '../../src/server/audit/tree.js';
import { verifyAuditTree } from '../../src/server/audit/verify.js';
import { initWitness, Witness, witnessServer } from '../../src/server/audit/witness.js';
import type { Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/database.js';
import { createLogger } from '../../src/server/logger.js';
import { backend, createTestContext, skipBackend, type TestContext } from '../helpers/db.js';
import { api, userWithSession, type Session } from '../helpers/factories.js';

const AUDIT_TABLES = [
  'audit_events',
  'audit_tree_leaves',
  'audit_tree_nodes',
  'audit_checkpoints',
  'audit_cosignatures',
];

/** What a superuser can do: switch the append-only guards off for a moment. */
async function asSuperuser(
  db: Database,
  fn: (trx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<void>,
) {
  await db.transaction(async (trx) => {
    for (const table of AUDIT_TABLES)
      await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
    await fn(trx);
    for (const table of AUDIT_TABLES)
      await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx);
  });
}

/** The thorough attacker: throw the tree away and rebuild it from the rows as they now are. */
async function rebuildTree(db: Database) {
  await asSuperuser(db, async (trx) => {
    for (const table of ['audit_cosignatures', 'audit_checkpoints', 'audit_tree_nodes', 'audit_tree_leaves'])
      await sql`delete from ${sql.table(table)}`.execute(trx);
    await sql`update audit_tree_state set size = 0, root = decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'),
      frontier = '[]', cursor_xid = -1, cursor_seq = -1, seq_floor = -1`.execute(trx);
  });
  await foldAudit(db, { wait: true });
}

async function someAuditedRequests(t: TestContext, dpo: Session, n: number) {
  for (let i = 0; i < n; i++)
    expect((await api(t, dpo, 'GET', '/api/audit-events?limit=1')).statusCode).toBe(200);
}

async function startWitness(dir: string) {
  const witness = new Witness(dir);
  const server = witnessServer(witness);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { witness, server, url: `http://127.0.0.1:${port}` };
}
const stop = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe.skipIf(skipBackend)('witnessed audit log against a database superuser', () => {
  let t: TestContext;
  let dir: string;
  let dpo: Session;
  let witnessKey: string;
  beforeAll(async () => {
    t = await createTestContext();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-witness-'));
    const logKey = logVerifierKey(t.services.config)!;
    witnessKey = initWitness(dir, 'witness.test/defensoria', verifierKeyOf(logKey));
    dpo = await userWithSession(t, { role: 'dpo', institution: 'MESA' });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const configWith = (url: string): Config => ({
    ...t.services.config,
    witnessUrls: [url],
    witnessKeys: [witnessKey],
  });
  const lastCosigned = (w: Witness) => {
    const { note, cosigned } = checkCheckpoint(w.state.checkpoint!, logVerifierKey(t.services.config)!, [
      parseVerifierKey(witnessKey),
    ]);
    expect(cosigned).toEqual(['witness.test/defensoria']);
    return { size: note.checkpoint.size, root: note.checkpoint.root };
  };

  it('cosigns the log as it grows, proves one entry, and keeps its state across a restart', async () => {
    let { witness, server, url } = await startWitness(dir);
    await someAuditedRequests(t, dpo, 4);
    const first = await publishCheckpoint(t.services.db, configWith(url));
    expect(first.cosignedBy).toEqual([url]);
    expect(witness.state.size).toBe(first.size);
    await someAuditedRequests(t, dpo, 3);
    const second = await publishCheckpoint(t.services.db, configWith(url));
    expect(second.size).toBeGreaterThan(first.size);
    expect(second.cosignedBy).toEqual([url]);
    expect(await verifyAuditTree(t.services.db, lastCosigned(witness))).toMatchObject({ ok: true });

    // The witness stops and starts again from its state file: same size, and it goes on cosigning.
    await stop(server);
    ({ witness, server, url } = await startWitness(dir));
    expect(witness.state.size).toBe(second.size);
    await someAuditedRequests(t, dpo, 2);
    const third = await publishCheckpoint(t.services.db, configWith(url));
    // On a PostgreSQL cluster shared with other databases, their open transactions can hold the fold
    // back (docs/AUDIT.md, "Order"), so the tree may not have grown: the same size, cosigned again.
    expect(third.size).toBeGreaterThanOrEqual(second.size);
    expect(third.cosignedBy).toContain(url);
    expect(witness.state.size).toBe(third.size);

    // One entry's inclusion, as an oversight body checks it (the API's proof against the signed note).
    const res = await api(t, dpo, 'GET', '/api/audit-events/inclusion-proof?seq=3');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    const note = parseNote(p.checkpoint).checkpoint;
    expect(note.size).toBe(p.treeSize);
    const proof = p.proof.map((h: string) => Buffer.from(h, 'base64'));
    expect(
      verifyInclusion(p.leafIndex, p.treeSize, Buffer.from(p.leafHash, 'base64'), proof, note.root),
    ).toBe(true);
    expect(verifyInclusion(p.leafIndex, p.treeSize, Buffer.alloc(32), proof, note.root)).toBe(false);
    await stop(server);
  });

  it('deleting the newest rows is detected against the last cosignature, and the witness refuses the smaller tree', async () => {
    const { witness, server, url } = await startWitness(dir);
    const cosigned = lastCosigned(witness);
    await asSuperuser(t.services.db, async (trx) => {
      await sql`delete from audit_events where seq in (select seq from audit_events order by seq desc limit 3)`.execute(
        trx,
      );
    });
    // Rows gone, leaves left: the missing rows are named.
    const broken = await verifyAuditTree(t.services.db, cosigned);
    expect(broken.ok).toBe(false);
    expect(broken.reason).toMatch(/missing/);
    // The attacker also rebuilds the tree (leaves, nodes, head) from the rows left: still caught.
    await rebuildTree(t.services.db);
    const rebuilt = await verifyAuditTree(t.services.db, cosigned);
    expect(rebuilt).toMatchObject({ ok: false });
    expect(rebuilt.reason).toMatch(/fewer than the \d+ of the checkpoint|do not have the root/);
    // The log key alone is not enough: a new checkpoint of the smaller tree gets no cosignature.
    const sizeBefore = witness.state.size;
    const forged = await publishCheckpoint(t.services.db, configWith(url), createLogger('silent'));
    expect(forged.cosignedBy).toEqual([]);
    expect(witness.state.size).toBe(sizeBefore);
    // Asked directly, with the witness's own size as "old": a smaller checkpoint is a 400.
    const res = await fetch(`${url}/add-checkpoint`, {
      method: 'POST',
      body: `old ${sizeBefore}\n\n${forged.note}`,
    });
    expect(res.status).toBe(400);
    await stop(server);
  });

  it('rewriting one row and recomputing every later hash is detected, and the witness refuses the inconsistent tree', async () => {
    const t2 = await createTestContext();
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-witness-'));
    try {
      const logKey = logVerifierKey(t2.services.config)!;
      const vkey = verifierKeyOf(logKey);
      const wkey = initWitness(dir2, 'witness.test/dpo', vkey);
      const { witness, server, url } = await startWitness(dir2);
      const dpo2 = await userWithSession(t2, { role: 'dpo', institution: 'MESA' });
      await someAuditedRequests(t2, dpo2, 6);
      const config = { ...t2.services.config, witnessUrls: [url], witnessKeys: [wkey] };
      const cp = await publishCheckpoint(t2.services.db, config);
      expect(cp.cosignedBy).toEqual([url]);
      const anchor = { size: witness.state.size, root: Buffer.from(witness.state.root, 'base64') };

      // Rewrite the third entry, then recompute the whole tree so every stored hash agrees with it.
      await asSuperuser(t2.services.db, async (trx) => {
        await sql`update audit_events set actor_username = 'someone-else' where seq = 3`.execute(trx);
      });
      await rebuildTree(t2.services.db);
      const own = await verifyAuditTree(t2.services.db, null);
      expect(own.ok).toBe(true); // consistent with itself: only the witness's checkpoint tells
      const result = await verifyAuditTree(t2.services.db, anchor);
      expect(result).toMatchObject({ ok: false });
      expect(result.reason).toMatch(/do not have the root of the checkpoint/);
      // The DPO's button: against the database's own newest checkpoint the rebuilt tree looks intact,
      // so with a witness configured the server verifies against the witness's last cosignature.
      const button = () => api(t2, dpo2, 'GET', '/api/audit-events/verify');
      expect((await button()).json()).toMatchObject({ ok: true });
      Object.assign(t2.services.config, { witnessUrls: [url], witnessKeys: [wkey] });
      const pressed = (await button()).json();
      expect(pressed).toMatchObject({ ok: false, anchorSize: anchor.size });
      expect(pressed.reason).toMatch(/do not have the root of the checkpoint/);

      // The rewritten log grows and asks for a cosignature: the consistency proof fails (422).
      await someAuditedRequests(t2, dpo2, 2);
      const forged = await publishCheckpoint(t2.services.db, config, createLogger('silent'));
      expect(forged.cosignedBy).toEqual([]);
      const head = { size: forged.size, root: forged.root };
      await expect(submitToWitness(t2.services.db, url, head)).rejects.toMatchObject({ status: 422 });
      // Claiming an old size the witness does not hold gets its real size (409), never a cosignature.
      const proof = await t2.services.db.transaction((trx) => proveConsistency(trx, 1, head.size));
      const res = await fetch(`${url}/add-checkpoint`, {
        method: 'POST',
        body: `old 1\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${forged.note}`,
      });
      expect(res.status).toBe(409);
      expect(Number((await res.text()).trim())).toBe(anchor.size);
      expect(witness.state.size).toBe(anchor.size);

      // The command line does the same check against a checkpoint saved in a file (PostgreSQL: the
      // command opens the database itself).
      if (backend === 'postgres') {
        const { runAudit } = await import('../../src/cli/audit.js');
        const file = path.join(dir2, 'saved-checkpoint');
        fs.writeFileSync(file, witness.state.checkpoint!);
        const cliConfig = {
          ...config,
          witnessUrls: [],
          databaseUrl: t2.databaseUrl,
          masterKey: t2.services.masterKey.toString('base64'),
        };
        expect(await runAudit(['verify', '--checkpoint', file], cliConfig, createLogger('silent'))).toBe(1);
      }
      await stop(server);
      // A witness that cannot be asked is a failed check that says so, not a pass.
      const unreachable = (await button()).json();
      expect(unreachable).toMatchObject({ ok: false, checked: 0 });
      expect(unreachable.reason).toMatch(/could not be read/);
    } finally {
      await t2.close();
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });
});

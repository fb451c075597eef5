/**
 * Embedded mode survives the server being killed: every write the API acknowledged is still there
 * after `kill -9` and a restart, the audit chain still verifies, the stale lock is taken over, and
 * a second process on the same data directory is refused while the first runs.
 * (Power loss is argued by measurement instead: docs/adr/0002-embedded-durability.md.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/server/db/database.js';
import {
  api,
  cleanUp,
  createAdmin,
  lockOwner,
  login,
  processAlive,
  runCli,
  startServer,
  stopServer,
  tempDir,
  type ApiSession,
  type RunningServer,
} from './helpers.js';

const WORKERS = 8;
const KILL_AFTER_ACKS = 200;

describe('embedded database: kill -9 in the middle of acknowledged writes', () => {
  let dataDir: string;
  let admin: { id: string; totpSecret: string };
  let server: RunningServer;
  let session: ApiSession;

  beforeAll(async () => {
    dataDir = path.join(tempDir(), 'data');
    // One process per data directory: the administrator is created before the server starts.
    admin = await createAdmin(dataDir, 'durability');
    server = await startServer(dataDir);
    session = await login(server.baseUrl, 'durability', admin.totpSecret);
  });

  afterAll(cleanUp);

  it('refuses a second server on the same data directory, naming it, and leaves the first alone', async () => {
    expect(lockOwner(dataDir)).toBe(server.pid);
    const second = await runCli(['serve', '--port', String(server.port + 1)], {
      env: { NANDUTI_DATA_DIR: dataDir },
    });
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.stderr).toContain(
      `The data directory ${dataDir} is in use by another Ñandutí process (pid ${server.pid})`,
    );
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stdout).not.toContain('is serving');

    // So is a CLI command that opens the database.
    const verify = await runCli(['audit', 'verify'], { env: { NANDUTI_DATA_DIR: dataDir } });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain(`${dataDir} is in use`);

    // The refused processes did not remove the lock, and the first server still works.
    expect(lockOwner(dataDir)).toBe(server.pid);
    const response = await api(server.baseUrl, session, 'GET', '/api/institutions');
    expect(response.status).toBe(200);
  });

  it('keeps every acknowledged write, takes over the stale lock and verifies the audit chain', async () => {
    const acked = new Map<string, string>(); // code → id, for every 201
    const unacked = new Set<string>(); // sent, no 201 received (in flight at the kill, or refused)
    let inFlightAtKill = 0;
    let inFlight = 0;
    let killed = false;
    const killedPid = server.pid;

    const kill = () => {
      if (killed) return;
      killed = true;
      inFlightAtKill = inFlight;
      server.child.kill('SIGKILL');
    };

    const institutionWorker = async (worker: number) => {
      for (let n = 0; !killed; n++) {
        const code = `K${worker}-${n}`;
        inFlight++;
        try {
          const response = await api(server.baseUrl, session, 'POST', '/api/institutions', {
            code,
            name: `Durability ${worker}/${n}`,
            kind: 'NGO',
          });
          const body = (await response.json()) as { id?: string };
          if (response.status === 201 && body.id) acked.set(code, body.id);
          else unacked.add(code);
        } catch {
          unacked.add(code); // connection reset by the kill
          return;
        } finally {
          inFlight--;
        }
        if (acked.size >= KILL_AFTER_ACKS) kill();
      }
    };

    // Preferences are written one at a time, so after the crash the stored locale must be the last
    // acknowledged one or the one in flight when the server died — never an older one.
    const locales = ['en', 'gn', 'es'] as const;
    let lastAckedLocale: string | null = null;
    let localeInFlight: string | null = null;
    let preferenceAcks = 0;
    const preferencesWorker = async () => {
      for (let n = 0; !killed; n++) {
        const locale = locales[n % locales.length]!;
        localeInFlight = locale;
        try {
          const response = await api(server.baseUrl, session, 'PATCH', '/api/session/preferences', {
            locale,
          });
          await response.arrayBuffer();
          if (response.status === 200) {
            lastAckedLocale = locale;
            preferenceAcks++;
          }
          localeInFlight = null;
        } catch {
          return;
        }
      }
    };

    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: WORKERS }, (_, w) => institutionWorker(w)),
      preferencesWorker(),
    ]);
    const exit = await server.exited;
    const streamMs = Date.now() - started;

    expect(exit.signal).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(preferenceAcks).toBeGreaterThan(2);
    // The kill landed in the middle of the stream, not after it.
    expect(inFlightAtKill).toBeGreaterThan(0);

    // kill -9 left its lock behind: a dead pid.
    expect(lockOwner(dataDir)).toBe(killedPid);
    expect(processAlive(killedPid)).toBe(false);

    // Restart on the same data directory: the stale lock is taken over.
    server = await startServer(dataDir);
    expect(lockOwner(dataDir)).toBe(server.pid);
    expect(server.pid).not.toBe(killedPid);

    // The session committed before the crash survived it too.
    const list = await api(server.baseUrl, session, 'GET', '/api/institutions');
    expect(list.status).toBe(200);
    const items = ((await list.json()) as { items: Array<{ id: string; code: string }> }).items;
    const stored = new Map(items.map((i) => [i.code, i.id]));
    const missing = [...acked].filter(([code, id]) => stored.get(code) !== id).map(([code]) => code);
    expect(missing).toEqual([]);
    // Nothing appeared that was never sent.
    const ours = items.filter((i) => /^K\d+-\d+$/.test(i.code));
    for (const item of ours) expect(acked.has(item.code) || unacked.has(item.code)).toBe(true);

    const sessionView = await api(server.baseUrl, session, 'GET', '/api/session');
    const locale = ((await sessionView.json()) as { user: { locale: string } }).user.locale;
    expect([lastAckedLocale, localeInFlight]).toContain(locale);

    // The recovered database takes writes again.
    const after = await api(server.baseUrl, session, 'POST', '/api/institutions', {
      code: 'AFTER-CRASH',
      name: 'After',
      kind: 'NGO',
    });
    expect(after.status).toBe(201);

    // A graceful stop releases the lock.
    expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dataDir, 'nanduti.lock'))).toBe(false);

    // Every acknowledged institution has its audit row (written in the same transaction).
    const db = await connect({ databaseUrl: null, dataDir });
    try {
      const audited = await db.transaction((trx) =>
        sql<{
          resource_id: string;
        }>`select resource_id from audit_events where action = 'institution.create'`.execute(trx),
      );
      const auditedIds = new Set(audited.rows.map((r) => r.resource_id));
      expect([...acked.values()].filter((id) => !auditedIds.has(id))).toEqual([]);
    } finally {
      await db.close();
    }

    const verify = await runCli(['audit', 'verify'], { env: { NANDUTI_DATA_DIR: dataDir } });
    expect(verify.stderr).not.toMatch(/^nanduti:/m);
    expect(verify.code).toBe(0);
    const verified = Number(/Audit trail intact: (\d+) rows verified/.exec(verify.stdout)?.[1]);
    // create-admin + login + institutions + preferences + the write after the crash, at least.
    expect(verified).toBeGreaterThanOrEqual(acked.size + preferenceAcks + 3);

    console.log(
      `kill -9 after ${streamMs} ms: ${acked.size} institutions and ${preferenceAcks} preference changes acknowledged ` +
        `(${inFlightAtKill} requests in flight, ${unacked.size} institutions unacknowledged); all acknowledged present; ` +
        `${verified} audit rows verified.`,
    );
  });
});

/**
 * The analytics replica: a PostgreSQL primary and a streaming hot standby made with PostgreSQL's own
 * tools (initdb, pg_basebackup) on free ports. Statistics are read on the standby while the primary
 * takes writes (and audited on the primary); when the standby's replay lags past the bound
 * (replay paused with pg_wal_replay_pause()), they are read on the primary; when replay resumes,
 * on the standby again.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { openServices } from '../../src/server/bootstrap.js';
import { generateDemo } from '../../src/server/demo/demo.js';
import { buildApp } from '../../src/server/http/app.js';
import { createLogger } from '../../src/server/logger.js';
import type { TestContext } from '../helpers/db.js';
import { api, auditOf, userWithSession, type Session } from '../helpers/factories.js';
import { pgBinDir, PgCluster } from '../helpers/pg-cluster.js';

const bin = pgBinDir();
if (!bin) console.warn('read-replica test skipped: PostgreSQL programs (initdb, pg_basebackup) not found');

describe.skipIf(!bin)('statistics on a read replica', () => {
  let primary: PgCluster;
  let standby: PgCluster;
  let t: TestContext;
  let analyst: Session;
  let writing = true;
  let writes: Promise<number> = Promise.resolve(0);
  // Every year: the demo spreads its cases over several.
  const url = '/api/statistics?figure=victimsIdentified&from=2000-01-01&to=2030-12-31';

  beforeAll(async () => {
    primary = await PgCluster.primary();
    await primary.start();
    standby = await primary.standby('analytics', { settings: { hot_standby_feedback: 'on' } });
    await standby.start();
    const config = loadConfig(
      {},
      {
        databaseUrl: primary.url(),
        readDatabaseUrl: standby.url(),
        readMaxLagSeconds: 2,
        masterKey: crypto.randomBytes(32).toString('base64'),
        publicUrl: 'http://nanduti.test',
        dataDir: '/nonexistent',
      },
    );
    const services = await openServices({ config, logger: createLogger('silent') });
    const app = await buildApp({ ...services, validateResponses: true }, { webDir: '/nonexistent' });
    await app.ready();
    t = {
      services: { ...services, validateResponses: true },
      app,
      databaseUrl: primary.url(),
      close: async () => {
        await app.close();
        await services.readDb?.close();
        await services.db.close();
      },
    };
    await generateDemo(t.services, {
      cases: 40,
      seed: 'replica',
      password: 'demo password for replica 2026',
    });
    analyst = await userWithSession(t, { role: 'analyst', institution: 'MESA' });
    await caughtUp();
  }, 240_000);

  afterAll(async () => {
    writing = false;
    await writes.catch(() => 0);
    await t?.close();
    await standby?.destroy();
    await primary?.destroy();
  });

  /** Waits until the standby has replayed everything the primary wrote so far. */
  async function caughtUp(): Promise<void> {
    const [current] = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    const lsn = current!.lsn;
    for (let i = 0; i < 600; i++) {
      const [row] = await standby.query<{ done: boolean }>(
        'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
        [lsn],
      );
      if (row?.done) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the standby did not catch up in 60 s');
  }

  /** Writes on the primary, one small transaction after another, until told to stop. */
  function startWriter(): Promise<number> {
    return (async () => {
      let n = 0;
      while (writing) {
        await t.services.db.transaction((trx) =>
          sql`insert into stat_dirty (person_id) values (gen_random_uuid())`.execute(trx),
        );
        n++;
        await new Promise((r) => setTimeout(r, 20));
      }
      return n;
    })();
  }

  const figure = async () => {
    const res = await api(t, analyst, 'GET', url);
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; freshness: { source: string; lagSeconds: number | null } };
  };

  it('reads statistics on the replica while the primary takes writes, auditing on the primary', async () => {
    writes = startWriter();
    const seen: string[] = [];
    let first: number | null = null;
    for (let i = 0; i < 5; i++) {
      const body = await figure();
      seen.push(body.freshness.source);
      first ??= body.total;
      expect(body.total).toBe(first);
      expect(body.freshness.lagSeconds).toBeLessThanOrEqual(2);
    }
    expect(seen).toEqual(['replica', 'replica', 'replica', 'replica', 'replica']);
    expect(first).toBeGreaterThan(0);
    const audit = await auditOf(t, analyst.user.id, 'success');
    expect(audit.filter((row) => row.action === 'statistics.read').length).toBeGreaterThanOrEqual(5);
  });

  it('falls back to the primary when the replica lags, and returns to it when it catches up', async () => {
    const before = (await figure()).total;
    await standby.query('select pg_wal_replay_pause()');
    // New cases on the primary change the figure there; the paused standby still has the old one.
    await generateDemo(t.services, {
      cases: 30,
      seed: 'replica-more',
      append: true,
      password: 'demo password for replica 2026',
    });
    // Let the lag pass the bound (2 s) while the writer goes on.
    await new Promise((r) => setTimeout(r, 3000));
    const fallback = await figure();
    expect(fallback.freshness).toEqual({ source: 'primary', lagSeconds: null, pending: 0 });
    expect(fallback.total).toBeGreaterThan(before);

    // With a looser bound the lagging replica answers, with its old figure and its lag shown.
    t.services.config.readMaxLagSeconds = 3600;
    const stale = await figure();
    expect(stale.freshness.source).toBe('replica');
    expect(stale.freshness.lagSeconds).toBeGreaterThan(2);
    expect(stale.total).toBe(before);

    t.services.config.readMaxLagSeconds = 2;
    await standby.query('select pg_wal_replay_resume()');
    await caughtUp();
    const again = await figure();
    expect(again.freshness.source).toBe('replica');
    expect(again.total).toBe(fallback.total);
    writing = false;
    expect(await writes).toBeGreaterThan(0);
  });
});

/**
 * The `nanduti` command, run as operators run it: a child process with NANDUTI_DATA_DIR or
 * DATABASE_URL, checked by exit code, output and what it left in the database.
 * Sign-ins after `keys rotate` and `restore` go through the real HTTP app in this process
 * (buildApp + inject, the same code `serve` runs) to save a server start each.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { connect } from '../../src/server/db/database.js';
import { lockDataDir } from '../../src/server/db/data-dir-lock.js';
import { openEmbedded } from '../../src/server/db/embedded.js';
import { migrations } from '../../src/server/db/migrate.js';
import { buildApp } from '../../src/server/http/app.js';
import { adminUrl, databaseUrl } from '../helpers/pg-urls.js';
import { PASSWORD, cleanUp, lockOwner, processAlive, runCli, tempDir, totpAfter } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ONE_LINE_REASON = /^nanduti: [^\n]+\n?$/;

/**
 * Entry names of a gzipped tar archive, without leading slashes, as the system's own `tar` lists
 * them: read independently of the server's archive code.
 */
function tarNames(file: string): string[] {
  const listed = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`tar -tzf failed: ${listed.stderr}`);
  return listed.stdout
    .split('\n')
    .filter(Boolean)
    .map((name) => name.replace(/^\/+/, ''));
}

/** Opens the embedded database in `dataDir` in this process (taking its lock), runs `fn`, closes. */
async function withDb<T>(
  dataDir: string,
  fn: (db: Awaited<ReturnType<typeof connect>>) => Promise<T>,
): Promise<T> {
  const db = await connect({ databaseUrl: null, dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Signs in through the real HTTP app on `dataDir` (master key from the directory). The caller
 * must `close()` the result, which also releases the data directory.
 */
async function signIn(dataDir: string, username: string, secret: string, lastStep: number | null) {
  const services = await openServices({
    config: loadConfig({ NANDUTI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
  });
  const app = await buildApp(services, { webDir: '/nonexistent' });
  const close = async () => {
    await app.close();
    await services.db.close();
  };
  try {
    const { code, step } = await totpAfter(secret, lastStep);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD, totp: code },
    });
    const headers = {
      cookie: String(response.headers['set-cookie'] ?? '').split(';')[0]!,
      'x-csrf-token': String(response.json().csrfToken ?? ''),
    };
    return { status: response.statusCode, step, app, headers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const pgReachable = await (async () => {
  const client = new pg.Client({ connectionString: adminUrl() });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    if (process.env.CI) return true; // let the test fail loudly in CI
    console.warn(
      `PostgreSQL is not reachable at ${adminUrl()}: skipping the DATABASE_URL checks (they run in CI).`,
    );
    return false;
  }
})();

describe('the nanduti command', () => {
  let root: string;
  let dataDir: string;
  let admin: { id: string; totpSecret: string };
  let lastStepA: number | null = null;
  let backupFile: string;
  let restoredDir: string;

  beforeAll(() => {
    root = tempDir();
    dataDir = path.join(root, 'a');
    backupFile = path.join(root, 'backup.tar.gz');
    restoredDir = path.join(root, 'b');
  });
  afterAll(cleanUp);

  it('create-admin --json prints one JSON object with the id and the base32 TOTP secret', async () => {
    const result = await runCli(
      ['create-admin', '--username', 'alicia', '--display-name', 'Alicia', '--password-stdin', '--json'],
      {
        env: { NANDUTI_DATA_DIR: dataDir },
        input: `${PASSWORD}\n`,
      },
    );
    expect(result.stderr).not.toMatch(/^nanduti:/m);
    expect(result.code).toBe(0);
    // Keep what later tests need before the stricter checks below.
    admin = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(admin.id).toMatch(UUID);
    expect(admin.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(fs.statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    // The operator is told to back the new key up — on stderr, with the logs.
    expect(result.stderr).toContain('Generated a new master key');
    // A script reads stdout with JSON.parse: nothing else may be printed there.
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a missing --username, a common password and a short one, with a one-line reason', async () => {
    const create = (username: string[], password: string) =>
      runCli(['create-admin', ...username, '--password-stdin'], {
        env: { NANDUTI_DATA_DIR: dataDir },
        input: `${password}\n`,
      });

    const [missing, unknown] = await Promise.all([
      create([], PASSWORD),
      runCli(['frobnicate'], { env: { NANDUTI_DATA_DIR: dataDir } }),
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(ONE_LINE_REASON);
    expect(missing.stderr).toContain('--username is required');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(ONE_LINE_REASON);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');

    // One of the ~49,000 common passwords (with digits appended), and one of 8 characters.
    const common = await create(['--username', 'roberto'], 'password1234');
    expect(common.code).not.toBe(0);
    expect(common.stderr).toMatch(ONE_LINE_REASON);
    expect(common.stderr).toContain('too common');
    const short = await create(['--username', 'ramona'], 'Tz8#qLw2');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(ONE_LINE_REASON);
    expect(short.stderr).toContain('at least 12 characters');

    const usernames = await withDb(dataDir, (db) =>
      db.transaction((trx) => trx.selectFrom('users').select('username').orderBy('username').execute()),
    );
    expect(usernames.map((u) => u.username)).toEqual(['alicia']);
  });

  it('migrate applies every migration to an empty directory once; run again, it changes nothing', async () => {
    const fresh = path.join(root, 'm');
    const schema = () =>
      withDb(fresh, (db) =>
        db.transaction(async (trx) => ({
          applied: (
            await sql<{ row: string }>`
              select name || ' ' || timestamp as row from schema_migrations order by name`.execute(trx)
          ).rows.map((r) => r.row),
          tables: (
            await sql<{ name: string }>`
              select table_name as name from information_schema.tables
              where table_schema = 'public' order by table_name`.execute(trx)
          ).rows.map((r) => r.name),
        })),
      );

    const first = await runCli(['migrate'], { env: { NANDUTI_DATA_DIR: fresh } });
    expect(first.stderr).not.toMatch(/^nanduti:/m);
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(`Applied: ${Object.keys(migrations).join(', ')}`);
    const before = await schema();
    expect(before.applied).toHaveLength(Object.keys(migrations).length);
    expect(before.tables).toEqual(expect.arrayContaining(['audit_events', 'cases', 'persons', 'users']));

    for (let run = 0; run < 2; run++) {
      const again = await runCli(['migrate'], { env: { NANDUTI_DATA_DIR: fresh } });
      expect(again.code).toBe(0);
      expect(again.stdout.trim()).toBe('The database is up to date.');
    }
    expect(await schema()).toEqual(before);

    // The database create-admin made (migrated on open) is up to date as well.
    const used = await runCli(['migrate'], { env: { NANDUTI_DATA_DIR: dataDir } });
    expect(used.code).toBe(0);
    expect(used.stdout.trim()).toBe('The database is up to date.');
  });

  it('a command takes over the lock of a process that died, and is refused while its owner lives', async () => {
    const lockFile = path.join(dataDir, 'nanduti.lock');
    // A pid that existed a moment ago and has ended (as after kill -9 or a power cut).
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    expect(processAlive(dead)).toBe(false);
    fs.writeFileSync(lockFile, String(dead));
    const taken = await runCli(['migrate'], { env: { NANDUTI_DATA_DIR: dataDir } });
    expect(taken.stderr).not.toMatch(/^nanduti:/m);
    expect(taken.code).toBe(0);
    // Taken over, then released at exit.
    expect(fs.existsSync(lockFile)).toBe(false);

    // A live owner (this test process stands in for a running server).
    fs.writeFileSync(lockFile, String(process.pid));
    try {
      const refused = await runCli(['migrate'], { env: { NANDUTI_DATA_DIR: dataDir } });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(ONE_LINE_REASON);
      expect(refused.stderr).toContain(
        `The data directory ${dataDir} is in use by another Ñandutí process (pid ${process.pid})`,
      );
      expect(lockOwner(dataDir)).toBe(process.pid);
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
  });

  it('audit verify passes on a used database', async () => {
    const session = await signIn(dataDir, 'alicia', admin.totpSecret, lastStepA);
    try {
      expect(session.status).toBe(200);
      lastStepA = session.step;
      const { headers } = session;
      for (const code of ['CLI-ONE', 'CLI-TWO', 'CLI-THREE']) {
        const response = await session.app.inject({
          method: 'POST',
          url: '/api/institutions',
          headers,
          payload: { code, name: code, kind: 'NGO' },
        });
        expect(response.statusCode).toBe(201);
      }
      const prefs = await session.app.inject({
        method: 'PATCH',
        url: '/api/session/preferences',
        headers,
        payload: { locale: 'gn' },
      });
      expect(prefs.statusCode).toBe(200);
    } finally {
      await session.close();
    }

    const result = await runCli(['audit', 'verify'], { env: { NANDUTI_DATA_DIR: dataDir } });
    expect(result.stderr).not.toMatch(/^nanduti:/m);
    expect(result.code).toBe(0);
    // At least: create-admin, login, three institutions, one preference change.
    const verified = Number(/Audit trail intact: (\d+) rows verified/.exec(result.stdout)?.[1]);
    expect(verified).toBeGreaterThanOrEqual(6);
  });

  it('backup and restore into an empty directory give the same, working database', async () => {
    const backup = await runCli(['backup', backupFile], { env: { NANDUTI_DATA_DIR: dataDir } });
    expect(backup.stderr).not.toMatch(/^nanduti:/m);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Embedded backup written to ${backupFile}`);
    expect(fs.statSync(backupFile).size).toBeGreaterThan(100_000);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);

    const restore = await runCli(['restore', backupFile], { env: { NANDUTI_DATA_DIR: restoredDir } });
    expect(restore.stderr).not.toMatch(/^nanduti:/m);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`Restored ${backupFile} into ${restoredDir}`);
    // The operator puts the master key in place, as the message says.
    fs.copyFileSync(path.join(dataDir, 'master.key'), path.join(restoredDir, 'master.key'));

    const snapshot = (dir: string) =>
      withDb(dir, (db) =>
        db.transaction(async (trx) => ({
          institutions: (
            await trx.selectFrom('institutions').select(['id', 'code']).orderBy('code').execute()
          ).map((r) => `${r.id} ${r.code}`),
          users: await trx
            .selectFrom('users')
            .select(['id', 'username', 'totp_secret', 'locale'])
            .orderBy('username')
            .execute(),
          audit: (await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(trx)).rows[0]!
            .n,
        })),
      );
    const original = await snapshot(dataDir);
    const restored = await snapshot(restoredDir);
    expect(restored).toEqual(original);
    expect(original.institutions.some((i) => i.endsWith(' CLI-THREE'))).toBe(true);
    expect(original.users.find((u) => u.username === 'alicia')?.locale).toBe('gn');

    // Working: the administrator signs in on the restored copy (password, TOTP secret decrypted).
    const session = await signIn(restoredDir, 'alicia', admin.totpSecret, lastStepA);
    try {
      expect(session.status).toBe(200);
    } finally {
      await session.close();
    }
  });

  it('the embedded backup leaves the master key and the lock file out', () => {
    const names = tarNames(backupFile);
    expect(names).toContain('PG_VERSION');
    // The message promises the key is not in the backup: data and key must be stored apart.
    expect(names).not.toContain('master.key');
    expect(names).not.toContain('nanduti.lock');
    // And a restore leaves no lock behind that a recycled pid could make look alive.
    expect(fs.existsSync(path.join(restoredDir, 'nanduti.lock'))).toBe(false);
  });

  it('restore refuses a directory that holds a database, a missing file and a damaged archive', async () => {
    const garbage = path.join(root, 'garbage.tar.gz');
    fs.writeFileSync(garbage, zlib.gzipSync(crypto.randomBytes(4096)));
    const emptyDir = path.join(root, 'c');
    const [occupied, missing, damaged] = await Promise.all([
      runCli(['restore', backupFile], { env: { NANDUTI_DATA_DIR: dataDir } }),
      runCli(['restore', path.join(root, 'nope.tar.gz')], { env: { NANDUTI_DATA_DIR: emptyDir } }),
      runCli(['restore', garbage], { env: { NANDUTI_DATA_DIR: path.join(root, 'd') } }),
    ]);
    expect(occupied.code).not.toBe(0);
    expect(occupied.stderr).toMatch(ONE_LINE_REASON);
    expect(occupied.stderr).toContain(`${dataDir} already holds a database`);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(ONE_LINE_REASON);
    expect(missing.stderr).toContain('does not exist');
    expect(damaged.code).not.toBe(0);
    expect(damaged.stderr).toMatch(ONE_LINE_REASON);
    expect(fs.existsSync(path.join(root, 'd', 'PG_VERSION'))).toBe(false);
  });

  it('keys rotate re-encrypts the TOTP secret under a new key, and sign-in still works', async () => {
    const keyIdOf = (value: string | null) => /^enc:v1:([^:]+):/.exec(value ?? '')?.[1];
    const totpSecretOf = () =>
      withDb(dataDir, (db) =>
        db.transaction((trx) =>
          trx.selectFrom('users').select('totp_secret').where('id', '=', admin.id).executeTakeFirstOrThrow(),
        ),
      );
    const before = keyIdOf((await totpSecretOf()).totp_secret);
    expect(before).toBeTruthy();

    const result = await runCli(['keys', 'rotate'], { env: { NANDUTI_DATA_DIR: dataDir } });
    expect(result.stderr).not.toMatch(/^nanduti:/m);
    expect(result.code).toBe(0);
    const newKey = /New data key (\S+); re-encrypted (\d+) values/.exec(result.stdout);
    expect(newKey).not.toBeNull();
    expect(Number(newKey![2])).toBeGreaterThanOrEqual(1);

    const after = keyIdOf((await totpSecretOf()).totp_secret);
    expect(after).toBe(newKey![1]);
    expect(after).not.toBe(before);

    const session = await signIn(dataDir, 'alicia', admin.totpSecret, lastStepA);
    try {
      expect(session.status).toBe(200);
      lastStepA = session.step;
    } finally {
      await session.close();
    }
  });

  it('audit verify fails, naming the row, after one audit row is edited', async () => {
    // Someone with direct access to the data directory disables the guard and edits row 3.
    const lock = lockDataDir(dataDir);
    const engine = await openEmbedded(dataDir);
    try {
      // The guard itself: an update is refused.
      await expect(engine.exec(`update audit_events set resource_id = 'x' where seq = 3`)).rejects.toThrow(
        'audit_events is append-only',
      );
      await engine.exec(`
        alter table audit_events disable trigger audit_events_no_update_delete;
        update audit_events set resource_id = 'tampered' where seq = 3;
        alter table audit_events enable trigger audit_events_no_update_delete;`);
    } finally {
      await engine.close();
      lock.release();
    }
    const result = await runCli(['audit', 'verify'], { env: { NANDUTI_DATA_DIR: dataDir } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(ONE_LINE_REASON);
    expect(result.stderr).toContain('audit trail broken at entry 3');
    expect(result.stdout).not.toContain('intact');
  });

  describe.skipIf(!pgReachable)('with DATABASE_URL', () => {
    const name = `nanduti_cli_${crypto.randomBytes(5).toString('hex')}`;
    const url = databaseUrl(name);

    beforeAll(async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`create database ${name}`);
      await client.end();
    });
    afterAll(async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    });

    it('backs up with pg_dump, says clearly when pg_dump is missing, and requires NANDUTI_MASTER_KEY', async () => {
      const migrate = await runCli(['migrate'], { env: { DATABASE_URL: url } });
      expect(migrate.stderr).not.toMatch(/^nanduti:/m);
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toMatch(/^Applied: /m);

      const dump = path.join(root, 'pg.dump');
      const emptyPath = tempDir('nanduti-nopath-');
      const [backup, noPgDump, noKey] = await Promise.all([
        runCli(['backup', dump], { env: { DATABASE_URL: url } }),
        runCli(['backup', path.join(root, 'never.dump')], { env: { DATABASE_URL: url, PATH: emptyPath } }),
        runCli(['audit', 'verify'], { env: { DATABASE_URL: url } }),
      ]);
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain('with pg_dump');
      expect(fs.readFileSync(dump).subarray(0, 5).toString('latin1')).toBe('PGDMP');
      const listing = spawnSync('pg_restore', ['--list', dump], { encoding: 'utf8' });
      expect(listing.status).toBe(0);
      expect(listing.stdout).toMatch(/TABLE public audit_events/);

      expect(noPgDump.code).not.toBe(0);
      expect(noPgDump.stderr).toMatch(ONE_LINE_REASON);
      expect(noPgDump.stderr).toContain('pg_dump was not found');

      expect(noKey.code).not.toBe(0);
      expect(noKey.stderr).toMatch(ONE_LINE_REASON);
      expect(noKey.stderr).toContain('NANDUTI_MASTER_KEY is required with DATABASE_URL');
    });

    it('migrate is idempotent; audit verify catches a row edited by a superuser who bypassed the guard', async () => {
      const env = { DATABASE_URL: url, NANDUTI_MASTER_KEY: crypto.randomBytes(32).toString('base64') };
      const again = await runCli(['migrate'], { env });
      expect(again.code).toBe(0);
      expect(again.stdout.trim()).toBe('The database is up to date.');

      const created = await runCli(['create-admin', '--username', 'pgadmin', '--password-stdin', '--json'], {
        env,
        input: `${PASSWORD}\n`,
      });
      expect(created.stderr).not.toMatch(/^nanduti:/m);
      expect(created.code).toBe(0);
      expect(JSON.parse(created.stdout).id).toMatch(UUID);
      const intact = await runCli(['audit', 'verify'], { env });
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/Audit trail intact: [1-9]\d* rows verified/);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await expect(client.query(`update audit_events set action = 'x' where seq = 1`)).rejects.toThrow(
          'audit_events is append-only',
        );
        // Replica mode skips ordinary triggers: only a superuser can do this.
        await client.query('set session_replication_role = replica');
        await client.query(`update audit_events set action = 'user.tampered' where seq = 1`);
      } finally {
        await client.end();
      }
      const broken = await runCli(['audit', 'verify'], { env });
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(ONE_LINE_REASON);
      expect(broken.stderr).toContain('audit trail broken at entry 1');
      expect(broken.stdout).not.toContain('intact');
    });
  });
});

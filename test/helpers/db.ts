/**
 * A fresh, migrated database for one test file, on the back-end the project runs (NANDUTI_TEST_DB),
 * and the services and HTTP app on top of it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { generateNoteKey } from '../../src/server/audit/note.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { loadKeyring } from '../../src/server/crypto/keyring.js';
import { connect, fromEngine, type Database } from '../../src/server/db/database.js';
import { openFromDump } from '../../src/server/db/embedded.js';
import { buildApp } from '../../src/server/http/app.js';
import { createLogger } from '../../src/server/logger.js';
import type { AppServices } from '../../src/server/services.js';
import { adminUrl, databaseUrl } from './pg-urls.js';

/** The audit log's checkpoint signing key in tests (outside the database, as in production). */
export const TEST_AUDIT_KEY = generateNoteKey('nanduti.test/audit');

export const backend = (process.env.NANDUTI_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** True when the PostgreSQL half has no server to run against (only outside CI; see global-db.ts). */
export const skipBackend = backend === 'postgres' && !inject('pgAvailable');

export async function openTestDatabase(): Promise<{
  db: Database;
  databaseUrl: string | null;
  drop: () => Promise<void>;
}> {
  if (backend === 'pglite') {
    const engine = await openFromDump(new Blob([fs.readFileSync(inject('pgliteDump'))]));
    const db = fromEngine(engine);
    return { db, databaseUrl: null, drop: () => db.close() };
  }
  const name = `nanduti_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const db = await connect({ databaseUrl: url, dataDir: null, poolSize: 4 });
  return {
    db,
    databaseUrl: url,
    drop: async () => {
      await db.close();
      const again = new pg.Client({ connectionString: adminUrl() });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export interface TestContext {
  services: AppServices & { masterKey: Buffer };
  app: Awaited<ReturnType<typeof buildApp>>;
  databaseUrl: string | null;
  close: () => Promise<void>;
}

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { db, databaseUrl: url, drop } = await openTestDatabase();
  const masterKey = crypto.randomBytes(32);
  const config = loadConfig(
    {},
    {
      publicUrl: 'http://nanduti.test',
      dataDir: '/nonexistent',
      auditKey: TEST_AUDIT_KEY.privateKey,
      ...overrides,
    },
  );
  const services = {
    db,
    crypto: await loadKeyring(db, masterKey),
    config,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    routes: [],
    validateResponses: true,
    masterKey,
  };
  const app = await buildApp(services, { webDir: '/nonexistent' });
  await app.ready();
  return {
    services,
    app,
    databaseUrl: url,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/**
 * Prepares one migrated database per test run, which every test file then clones:
 * - pglite: initdb + migrations once, dumped to a tarball each test file loads into memory;
 * - postgres: a template database each test file copies with CREATE DATABASE … TEMPLATE.
 * Both are removed at the end. If no PostgreSQL server answers, the postgres half fails in CI
 * and is skipped with a message elsewhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { adminUrl, databaseUrl } from '../helpers/pg-urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
    pgAvailable: boolean;
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.env.NANDUTI_TEST_DB;
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-test-'));
    const db = await connect({ databaseUrl: null, dataDir: null });
    await migrateToLatest(db);
    const dump = await db.embedded!.dumpDataDir('none');
    const file = path.join(dir, 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    project.provide('pgliteDump', file);
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }

  const template = `nanduti_test_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  try {
    await admin.connect();
  } catch (error) {
    const message = `PostgreSQL is not reachable at ${adminUrl()} (${(error as Error).message}).`;
    if (process.env.CI) throw new Error(`${message} The PostgreSQL half of the tests cannot run.`);
    console.warn(`${message} Skipping the PostgreSQL half of the tests (it fails in CI).`);
    project.provide('pgAvailable', false);
    return;
  }
  await admin.query(`create database ${template}`);
  const db = await connect({ databaseUrl: databaseUrl(template), dataDir: null, poolSize: 2 });
  await migrateToLatest(db);
  await db.close();
  project.provide('pgTemplate', template);
  project.provide('pgAvailable', true);
  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

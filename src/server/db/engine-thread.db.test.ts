/**
 * The embedded engine on a worker thread (engine-thread.ts) behaves as on the server's thread:
 * prepared statements, errors with their codes, read-only and rolled-back transactions, and commits
 * on disk (kept across a close and a reopen of the data directory).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messages } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../../../test/helpers/db.js';
import { connect, type Database } from './database.js';

describe.skipIf(backend !== 'pglite')('the embedded engine on a worker thread', () => {
  let dir: string;
  let db: Database;
  const open = () => connect({ databaseUrl: null, dataDir: dir, engineThread: 'worker' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-engine-thread-'));
    db = await open();
    await db
      .unsafeRoot()
      .schema.createTable('probe')
      .addColumn('n', 'integer')
      .addColumn('t', 'text')
      .execute();
  }, 300_000);
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = () =>
    db.transaction(async (trx) => {
      const { rows } = await sql<{ n: number; t: string }>`select n, t from probe order by n`.execute(trx);
      return rows;
    });

  it('runs statements with parameters, prepared once, and answers rows and counts', async () => {
    for (let i = 1; i <= 3; i++)
      await db.transaction((trx) =>
        sql`insert into probe (n, t) values (${i}, ${`ñandutí ${i}`})`.execute(trx),
      );
    const updated = await db.transaction((trx) =>
      sql`update probe set t = t || '!' where n >= ${2}`.execute(trx),
    );
    expect(updated.numAffectedRows).toBe(2n);
    expect(await rows()).toEqual([
      { n: 1, t: 'ñandutí 1' },
      { n: 2, t: 'ñandutí 2!' },
      { n: 3, t: 'ñandutí 3!' },
    ]);
  });

  it('throws the database error with its code, and rolls the transaction back', async () => {
    const before = await rows();
    const error = await db
      .transaction(async (trx) => {
        await sql`insert into probe (n, t) values (${9}, ${'gone'})`.execute(trx);
        await sql`select 1 / ${0}::int`.execute(trx);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect((error as { code: string }).code).toBe('22012');
    expect(await rows()).toEqual(before);
  });

  it('refuses a write in a read-only transaction', async () => {
    const error = await db
      .transaction((trx) => sql`insert into probe (n, t) values (${8}, ${'no'})`.execute(trx), {
        readOnly: true,
      })
      .catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('25006');
  });

  it('runs concurrent transactions one at a time, every commit kept across a reopen', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction((trx) => sql`insert into probe (n, t) values (${100 + i}, ${'c'})`.execute(trx)),
      ),
    );
    const before = await rows();
    expect(before.filter((r) => r.n >= 100)).toHaveLength(20);
    await db.close();
    db = await open();
    expect(await rows()).toEqual(before);
  }, 300_000);
});

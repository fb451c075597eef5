/**
 * Prepared statements on PostgreSQL (src/server/db/pg-prepared.ts): a statement marked PREPARED is
 * named from its second execution on and stays prepared on its connection; an unmarked one, a
 * statement without parameters, or any statement with the option off, runs unnamed. (The embedded
 * engine has no such thing: PostgreSQL only.)
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../src/server/db/database.js';
import { PREPARED } from '../../src/server/db/pg-prepared.js';
import { backend, openTestDatabase, skipBackend } from '../helpers/db.js';

describe.skipIf(skipBackend || backend !== 'postgres')('prepared statements (PostgreSQL)', () => {
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const test = await openTestDatabase();
    ({ drop } = test);
    url = test.databaseUrl!;
  });
  afterAll(async () => drop?.());

  /** One connection, so every transaction sees the same session's prepared statements. */
  async function withOneConnection<T>(
    preparedStatements: boolean | undefined,
    fn: (db: Database) => Promise<T>,
  ) {
    const db = await connect({ databaseUrl: url, dataDir: null, poolSize: 1, preparedStatements });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  const byCode = (db: Database, code: string, marked: boolean) =>
    db.transaction(async (trx) => {
      const query = trx.selectFrom('institutions').select('code').where('code', '=', code);
      return (marked ? query.modifyEnd(PREPARED) : query).execute();
    });

  const preparedNames = (db: Database) =>
    db.transaction(async (trx) => {
      const { rows } = await sql<{
        name: string;
        statement: string;
      }>`select name, statement from pg_prepared_statements order by name`.execute(trx);
      return rows;
    });

  it('names a marked look-up from its second execution, and answers the same', async () => {
    await withOneConnection(true, async (db) => {
      const first = await byCode(db, 'MESA', true);
      expect(await preparedNames(db)).toEqual([]);
      const second = await byCode(db, 'MESA', true);
      const third = await byCode(db, 'PNPTU', true);
      expect(second).toEqual(first);
      expect(third).toEqual([{ code: 'PNPTU' }]);
      const names = await preparedNames(db);
      expect(names).toHaveLength(1);
      expect(names[0]!.name).toMatch(/^k[0-9a-f]{24}$/);
      expect(names[0]!.statement).toContain('/* prepared */');
    });
  });

  it('leaves unmarked statements, and everything with the option off, unnamed', async () => {
    await withOneConnection(true, async (db) => {
      for (let i = 0; i < 3; i++) await byCode(db, 'MESA', false);
      expect(await preparedNames(db)).toEqual([]);
    });
    await withOneConnection(false, async (db) => {
      for (let i = 0; i < 3; i++) await byCode(db, 'MESA', true);
      expect(await preparedNames(db)).toEqual([]);
    });
  });

  it('is on unless turned off', async () => {
    await withOneConnection(undefined, async (db) => {
      for (let i = 0; i < 2; i++) await byCode(db, 'MESA', true);
      expect(await preparedNames(db)).toHaveLength(1);
    });
  });
});

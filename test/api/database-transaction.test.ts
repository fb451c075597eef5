/**
 * The single-connection rule (docs/adr/0002-embedded-durability.md): code reaches SQL only through
 * `Database.transaction(fn)` and the handle it is given. On PGlite the outer handle inside a
 * transaction would deadlock; here the types give no outer handle, and a nested call throws at once
 * (on both back-ends, so code that works on PostgreSQL cannot deadlock on PGlite).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.js';
import { openTestDatabase, skipBackend } from '../helpers/db.js';

describe.skipIf(skipBackend)('Database.transaction: the only door to SQL', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase());
    await db.transaction((trx) => sql`create table tx_probe (n int not null)`.execute(trx));
  });
  afterAll(async () => drop?.());

  const count = () =>
    db.transaction(async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from tx_probe`.execute(trx);
      return rows[0]!.n;
    });

  it('refuses a nested transaction at once, and rolls the outer one back', async () => {
    const before = await count();
    await expect(
      db.transaction(async (trx) => {
        await sql`insert into tx_probe (n) values (1)`.execute(trx);
        // A helper that forgot it was given `trx`: refused, not a deadlock on PGlite.
        await db.transaction((inner) => sql`insert into tx_probe (n) values (2)`.execute(inner));
      }),
    ).rejects.toThrow('Nested database transaction: use the transaction handle you were given.');
    expect(await count()).toBe(before);
  });

  it('sees the nesting through callbacks and timers started inside the transaction', async () => {
    await expect(
      db.transaction(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await Promise.resolve().then(() => db.transaction(async () => 1));
      }),
    ).rejects.toThrow('Nested database transaction');
  });

  it('runs concurrent transactions without deadlock (one at a time on PGlite, pooled on PostgreSQL)', async () => {
    const before = await count();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction(async (trx) => {
          await sql`insert into tx_probe (n) values (${i})`.execute(trx);
          const { rows } = await sql<{ n: number }>`select ${i}::int as n`.execute(trx);
          return rows[0]!.n;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(await count()).toBe(before + 12);
  });

  it('offers no query builder outside a transaction (checked by the type checker)', () => {
    const misuse = (d: Database) => {
      // @ts-expect-error Database has no selectFrom: queries go through transaction(fn)
      return d.selectFrom('users');
    };
    expect(typeof misuse).toBe('function');
    expect('selectFrom' in db).toBe(false);
  });
});

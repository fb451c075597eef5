/**
 * Statements on the embedded engine are prepared once and executed by name (pglite-driver.ts). The
 * same statements must give the same answers on both engines: values of every kind in and out,
 * errors with their codes, a failed statement inside a transaction, a schema change after a
 * statement was prepared, and more distinct statements than the driver keeps.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.js';
import { PREPARED_STATEMENTS_KEPT } from '../../src/server/db/pglite-driver.js';
import { openTestDatabase, skipBackend } from '../helpers/db.js';

describe.skipIf(skipBackend)('prepared statements', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase());
    await db.transaction((trx) =>
      sql`create table prep_probe (id int primary key, v text, at timestamptz, tags text[], j jsonb,
        b bytea, d date, n bigint)`.execute(trx),
    );
  });
  afterAll(async () => drop?.());

  const read = (id: number) =>
    db.transaction(async (trx) => {
      const { rows } = await sql<Record<string, unknown>>`select * from prep_probe where id = ${id}`.execute(
        trx,
      );
      return rows;
    });

  it('sends and returns each kind of value the same way every time', async () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const bytes = Uint8Array.from([0, 1, 254, 255]);
    await db.transaction((trx) =>
      sql`insert into prep_probe (id, v, at, tags, j, b, d, n)
          values (${1}, ${"it's"}, ${at}, ${['x', 'y"z', null]}, ${JSON.stringify({ a: [1] })}, ${bytes},
                  ${'2026-05-06'}, ${12_345_678_901})`.execute(trx),
    );
    // More executions than PostgreSQL's plan cache makes custom plans for (5): the generic plan too.
    for (let i = 0; i < 8; i++) {
      const [row] = await read(1);
      expect(row).toEqual({
        id: 1,
        v: "it's",
        at,
        tags: ['x', 'y"z', null],
        j: { a: [1] },
        b: expect.anything(),
        d: '2026-05-06',
        n: 12_345_678_901,
      });
      expect(Buffer.from(row!.b as Uint8Array)).toEqual(Buffer.from(bytes));
    }
    expect(await read(2)).toEqual([]);
  });

  it('reports errors with their code, and a failed statement aborts only its transaction', async () => {
    const insert = (id: number) =>
      db.transaction((trx) => sql`insert into prep_probe (id) values (${id})`.execute(trx));
    await insert(10);
    await expect(insert(10)).rejects.toMatchObject({ code: '23505' });
    await expect(
      db.transaction(async (trx) => {
        await sql`insert into prep_probe (id) values (${11})`.execute(trx);
        await sql`insert into prep_probe (id) values (${10})`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await read(11)).toEqual([]);
    // The same statements work afterwards.
    await insert(12);
    expect(await read(12)).toHaveLength(1);
  });

  it('sees a column added after its statement was prepared', async () => {
    expect(Object.keys((await read(1))[0]!)).not.toContain('extra');
    await db.transaction((trx) => sql`alter table prep_probe add column extra int default 7`.execute(trx));
    expect((await read(1))[0]).toMatchObject({ id: 1, extra: 7 });
  });

  it('opens each transaction as asked, even when its BEGIN travels with its first statement', async () => {
    // A transaction that runs nothing, and one that fails before its first statement, leave no trace.
    await db.transaction(async () => {});
    await expect(
      db.transaction(async () => {
        throw new Error('before any statement');
      }),
    ).rejects.toThrow('before any statement');
    const setting = (name: string, options: Parameters<Database['transaction']>[1]) =>
      db.transaction(async (trx) => {
        const { rows } = await sql<{ v: string }>`select current_setting(${name}) as v`.execute(trx);
        return rows[0]!.v;
      }, options);
    expect(await setting('transaction_isolation', { isolation: 'serializable' })).toBe('serializable');
    expect(await setting('transaction_isolation', {})).toBe('read committed');
    expect(await setting('transaction_read_only', { readOnly: true })).toBe('on');
    await expect(
      db.transaction((trx) => sql`insert into prep_probe (id) values (${30})`.execute(trx), {
        readOnly: true,
      }),
    ).rejects.toMatchObject({ code: '25006' });
    // Rows affected, as both drivers count them.
    const updated = await db.transaction((trx) =>
      sql`update prep_probe set v = ${'ñandutí ’ 🕸'} where id in (${10}, ${12})`.execute(trx),
    );
    expect(updated.numAffectedRows).toBe(2n);
    expect((await read(10))[0]!.v).toBe('ñandutí ’ 🕸');
  });

  it('plans a statement on an array overlap for its values, and the statements after it as usual', async () => {
    const overlap = (trx: Parameters<Parameters<Database['transaction']>[0]>[0]) =>
      sql<{
        id: number;
      }>`select id from prep_probe where array[v] && ${['ñandutí ’ 🕸', 'none']}::text[] order by id`.execute(
        trx,
      );
    for (let i = 0; i < 8; i++) {
      const { rows, mode } = await db.transaction(async (trx) => {
        const { rows } = await overlap(trx);
        // The statements after it in the same transaction run on the usual plan choice again.
        const after = await sql<{ v: string }>`select current_setting('plan_cache_mode') as v`.execute(trx);
        return { rows, mode: after.rows[0]!.v };
      });
      expect(rows).toEqual([{ id: 10 }, { id: 12 }]);
      expect(mode).toBe('auto');
    }
  });

  it('answers right after more distinct statements than it keeps', async () => {
    const distinct = PREPARED_STATEMENTS_KEPT + 20;
    const sums = await db.transaction(async (trx) => {
      const out: number[] = [];
      for (let i = 0; i < distinct; i++) {
        const { rows } = await sql<{ s: number }>`select ${sql.lit(i)}::int + ${i}::int as s`.execute(trx);
        out.push(rows[0]!.s);
      }
      return out;
    });
    expect(sums).toEqual(Array.from({ length: distinct }, (_, i) => 2 * i));
    const kept = await db.transaction(async (trx) => {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_prepared_statements`.execute(trx);
      return rows[0]!.n;
    });
    expect(kept).toBeLessThanOrEqual(PREPARED_STATEMENTS_KEPT);
    expect((await read(1))[0]).toMatchObject({ id: 1 });
  });
});

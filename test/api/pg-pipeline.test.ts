/**
 * Statements sent together on PostgreSQL (src/server/db/pg-pipeline.ts): a transaction's `begin`
 * goes with its first statement and a deferred write with its COMMIT, one round trip each, and an
 * error anywhere in such a batch stops what follows it (the statement never runs outside the
 * transaction; the COMMIT never goes through after a failed write). PostgreSQL only (the embedded
 * engine runs the statements one by one).
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, type Database } from '../../src/server/db/database.js';
import { DEFERRED, LAST_READ, LAST_STATEMENT, PREPARED } from '../../src/server/db/pg-prepared.js';
import { inWriteBatch } from '../../src/server/db/write-batch.js';
import { writeAudit } from '../../src/server/audit/audit.js';
import { backend, openTestDatabase, skipBackend } from '../helpers/db.js';

describe.skipIf(skipBackend || backend !== 'postgres')('statements sent together (PostgreSQL)', () => {
  let url: string;
  let drop: () => Promise<void>;
  let db: Database;

  beforeAll(async () => {
    const test = await openTestDatabase();
    ({ drop } = test);
    url = test.databaseUrl!;
    // One connection: every transaction runs on the same session, so a leftover open transaction
    // or a broken protocol state would show in the next one.
    db = await connect({ databaseUrl: url, dataDir: null, poolSize: 1 });
    await db.transaction((trx) =>
      sql`create table batch_probe (n int not null check (n >= 0), at_xid xid8 default pg_current_xact_id())`.execute(
        trx,
      ),
    );
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });
  afterEach(() => vi.restoreAllMocks());

  /** Round trips: each Sync (extended protocol) or simple Query message ends one. */
  function countRoundTrips() {
    const proto = (pg as unknown as { Connection: { prototype: { sync(): void; query(t: string): void } } })
      .Connection.prototype;
    const sync = vi.spyOn(proto, 'sync');
    const simple = vi.spyOn(proto, 'query');
    return () => sync.mock.calls.length + simple.mock.calls.length;
  }

  const probe = (trx: Parameters<Parameters<Database['transaction']>[0]>[0]) =>
    sql<{ n: number }>`select count(*)::int as n from batch_probe`.execute(trx).then((r) => r.rows[0]!.n);

  it('sends begin with the first statement and a deferred write with the commit', async () => {
    const before = await db.transaction(probe);
    const trips = countRoundTrips();
    const xids = await db.transaction(async (trx) => {
      const { rows } = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(trx);
      await sql`insert into batch_probe (n) values (1) ${DEFERRED}`.execute(trx);
      return rows[0]!.xid;
    });
    // begin + select, then insert + commit: two round trips (four, one per statement, before).
    expect(trips()).toBe(2);
    const rows = await db.transaction((trx) =>
      sql<{ n: number; xid: string }>`select n, at_xid::text as xid from batch_probe`.execute(trx),
    );
    expect(rows.rows).toHaveLength(before + 1);
    // The deferred row was written in the same transaction as the select.
    expect(rows.rows.at(-1)!.xid).toBe(xids);
  });

  it('applies the transaction settings sent ahead of the first statement', async () => {
    const settings = await db.transaction(
      (trx) =>
        sql<{ ro: string; iso: string }>`select current_setting('transaction_read_only') as ro,
          current_setting('transaction_isolation') as iso`
          .execute(trx)
          .then((r) => r.rows[0]!),
      { readOnly: true, isolation: 'serializable' },
    );
    expect(settings).toEqual({ ro: 'on', iso: 'serializable' });
    await expect(
      db.transaction((trx) => sql`insert into batch_probe (n) values (2)`.execute(trx), { readOnly: true }),
    ).rejects.toThrow(/read-only transaction/);
  });

  it('fails the commit when a deferred write fails, and keeps nothing of the transaction', async () => {
    const before = await db.transaction(probe);
    await expect(
      db.transaction(async (trx) => {
        await sql`insert into batch_probe (n) values (3)`.execute(trx);
        // Violates the check: the error comes with the COMMIT, which never runs.
        await sql`insert into batch_probe (n) values (-1) ${DEFERRED}`.execute(trx);
      }),
    ).rejects.toThrow(/batch_probe_n_check/);
    expect(await db.transaction(probe)).toBe(before);
    // The connection is usable and outside any transaction.
    const status = await db.transaction((trx) =>
      sql<{ n: number }>`select 1 as n`.execute(trx).then((r) => r.rows[0]!.n),
    );
    expect(status).toBe(1);
  });

  it('rolls back after a failing first statement, with the connection left clean', async () => {
    await expect(db.transaction((trx) => sql`select 1/0`.execute(trx))).rejects.toThrow(/division by zero/);
    const before = await db.transaction(probe);
    await db.transaction((trx) => sql`insert into batch_probe (n) values (4)`.execute(trx));
    expect(await db.transaction(probe)).toBe(before + 1);
  });

  it('sends nothing for a transaction without statements, and drops deferred writes on rollback', async () => {
    const trips = countRoundTrips();
    await db.transaction(async () => 1);
    await expect(
      db.transaction(async () => {
        throw new Error('nothing ran');
      }),
    ).rejects.toThrow('nothing ran');
    expect(trips()).toBe(0);
    const before = await db.transaction(probe);
    await expect(
      db.transaction(async (trx) => {
        await sql`insert into batch_probe (n) values (5) ${DEFERRED}`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.transaction(probe)).toBe(before);
  });

  /** The state of backend `pid` seen from another connection ('idle', 'idle in transaction'…). */
  async function backendState(pid: number): Promise<string | null> {
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const { rows } = await other.query<{ state: string }>(
        'select state from pg_stat_activity where pid = $1',
        [pid],
      );
      return rows[0]?.state ?? null;
    } finally {
      await other.end();
    }
  }

  it("commits a read-only transaction with its last read, in that read's round trip", async () => {
    const trips = countRoundTrips();
    const { pid, n } = await db.transaction(
      async (trx) => {
        const first = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        const last = await sql<{
          n: number;
        }>`select count(*)::int as n from batch_probe ${LAST_READ}`.execute(trx);
        return { pid: first.rows[0]!.pid, n: last.rows[0]!.n };
      },
      { readOnly: true },
    );
    // begin + select, then select + commit: two round trips (three with the commit on its own).
    expect(trips()).toBe(2);
    expect(n).toBe(await db.transaction(probe));
    // The transaction really ended on the server, and the connection works on.
    expect(await backendState(pid)).toBe('idle');
    expect(
      await db.transaction((trx) =>
        sql<{ one: number }>`select 1 as one`.execute(trx).then((r) => r.rows[0]!.one),
      ),
    ).toBe(1);
  });

  it('opens a read-only transaction again for a statement after the last read', async () => {
    const { ro, pid } = await db.transaction(
      async (trx) => {
        await sql`select 1 ${LAST_READ}`.execute(trx);
        const after = await sql<{
          ro: string;
          pid: number;
        }>`select current_setting('transaction_read_only') as ro,
          pg_backend_pid() as pid`.execute(trx);
        return after.rows[0]!;
      },
      { readOnly: true },
    );
    expect(ro).toBe('on');
    expect(await backendState(pid)).toBe('idle');
    await expect(
      db.transaction(
        async (trx) => {
          await sql`select 1 ${LAST_READ}`.execute(trx);
          await sql`insert into batch_probe (n) values (6)`.execute(trx);
        },
        { readOnly: true },
      ),
    ).rejects.toThrow(/read-only transaction/);
  });

  it('ignores the last-read mark in a read-write transaction: nothing commits before the end', async () => {
    const before = await db.transaction(probe);
    await expect(
      db.transaction(async (trx) => {
        await sql`insert into batch_probe (n) values (7)`.execute(trx);
        await sql`select 1 ${LAST_READ}`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.transaction(probe)).toBe(before);
  });

  it("commits a read-write transaction with its marked last statement, in that statement's round trip", async () => {
    const before = await db.transaction(probe);
    const trips = countRoundTrips();
    const { pid, n } = await db.transaction(async (trx) => {
      const { rows } = await sql<{ pid: number; n: number }>`with written as (
          insert into batch_probe (n) values (8) returning n)
        select pg_backend_pid() as pid, (select n from written) as n ${PREPARED} ${LAST_STATEMENT}`.execute(
        trx,
      );
      return rows[0]!;
    });
    // begin + the statement + commit: one round trip (two with the commit on its own).
    expect(trips()).toBe(1);
    expect(n).toBe(8);
    expect(await db.transaction(probe)).toBe(before + 1);
    expect(await backendState(pid)).toBe('idle');
  });

  it('runs a statement after the last statement in a read-only transaction: a read works, a write fails', async () => {
    const before = await db.transaction(probe);
    const ro = await db.transaction(async (trx) => {
      await sql`insert into batch_probe (n) values (9) ${LAST_STATEMENT}`.execute(trx);
      const after = await sql<{ ro: string }>`select current_setting('transaction_read_only') as ro`.execute(
        trx,
      );
      return after.rows[0]!.ro;
    });
    expect(ro).toBe('on');
    expect(await db.transaction(probe)).toBe(before + 1);
    // Nothing is written outside the committed transaction without an error.
    await expect(
      db.transaction(async (trx) => {
        await sql`insert into batch_probe (n) values (10) ${LAST_STATEMENT}`.execute(trx);
        await sql`insert into batch_probe (n) values (11)`.execute(trx);
      }),
    ).rejects.toThrow(/read-only transaction/);
    expect(await db.transaction(probe)).toBe(before + 2);
  });

  it('commits nothing when the last statement fails, with the deferred writes sent ahead of it', async () => {
    const before = await db.transaction(probe);
    await expect(
      db.transaction(async (trx) => {
        await sql`insert into batch_probe (n) values (12) ${DEFERRED}`.execute(trx);
        await sql`insert into batch_probe (n) values (-1) ${LAST_STATEMENT}`.execute(trx);
      }),
    ).rejects.toThrow(/check constraint/);
    expect(await db.transaction(probe)).toBe(before);
  });

  it('names a prepared statement that goes first in a batch, and answers from it', async () => {
    const byCode = (code: string) =>
      db.transaction((trx) =>
        trx.selectFrom('institutions').select('code').where('code', '=', code).modifyEnd(PREPARED).execute(),
      );
    for (let i = 0; i < 4; i++) expect(await byCode('MESA')).toEqual([{ code: 'MESA' }]);
    expect(await byCode('PNPTU')).toEqual([{ code: 'PNPTU' }]);
    const named = await db.transaction((trx) =>
      sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(trx),
    );
    expect(named.rows[0]!.n).toBe(1);
  });

  it('prepares a marked deferred statement once per connection, and fails the commit after a caught error', async () => {
    const ahead = (n: number) =>
      db.transaction(async (trx) => {
        await sql`select 1 / ${n}::int as x ${PREPARED} ${DEFERRED}`.execute(trx);
        return probe(trx);
      });
    for (let i = 0; i < 3; i++) await ahead(1);
    const named = await db.transaction((trx) =>
      sql<{
        n: number;
      }>`select count(*)::int as n from pg_prepared_statements where statement like '%/ $1::int%'`.execute(
        trx,
      ),
    );
    expect(named.rows[0]!.n).toBe(1);
    // A failing one stops the statement after it; a handler that catches that error cannot commit.
    const before = await db.transaction(probe);
    await expect(
      db.transaction(async (trx) => {
        await sql`insert into batch_probe (n) values (8)`.execute(trx);
        await sql`select 1 / ${0}::int as x ${PREPARED} ${DEFERRED}`.execute(trx);
        await probe(trx).catch(() => 0);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await db.transaction(probe)).toBe(before);
    // The connection goes on, and the prepared statement with it.
    expect(await ahead(1)).toBe(before);
  });

  it("writes a request's audit rows after its work, in its transaction, with the commit", async () => {
    const requestId = `batch-${Math.random().toString(36).slice(2)}`;
    const trips = countRoundTrips();
    await db.transaction((trx) =>
      inWriteBatch(
        trx,
        async () => {
          await writeAudit(trx, { actor: null, action: 'auth.login', requestId });
          await writeAudit(trx, { actor: null, action: 'auth.logout', requestId });
          await sql`select 1`.execute(trx);
        },
        { only: ['audit_events'], last: true },
      ),
    );
    expect(trips()).toBe(2);
    const rows = await db.transaction((trx) =>
      trx
        .selectFrom('audit_events')
        .select(['action', 'xid'])
        .where('request_id', '=', requestId)
        .orderBy('seq')
        .execute(),
    );
    expect(rows.map((r) => r.action)).toEqual(['auth.login', 'auth.logout']);
    expect(new Set(rows.map((r) => String(r.xid))).size).toBe(1);
  });
});

/**
 * Group commit on the embedded engine (wal-sync.ts): a request transaction's WAL fsync leaves Node's
 * thread and is shared, and still nothing is acknowledged before it is on disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, type Database } from './database.js';
import { walSyncOf, WalSync } from './wal-sync.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-wal-sync-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A file named like a WAL segment (or not), and a descriptor postgres would hold on it. */
function file(name: string): { path: string; fd: number } {
  const p = path.join(tmp, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, 'x');
  return { path: p, fd: fs.openSync(p, 'r+') };
}

describe('WalSync', () => {
  it('defers a WAL segment fsync during a settled commit and does it off the thread at settle()', async () => {
    const sync = new WalSync();
    const wal = file('a/pg_wal/000000010000000000000001');
    const onThread = vi.spyOn(fs, 'fsyncSync');
    const offThread = vi.spyOn(fs, 'fsync');
    await sync.settledHere(() => sync.commit(async () => sync.fsync(wal.path, wal.fd)));
    expect(onThread).not.toHaveBeenCalled();
    expect(offThread).not.toHaveBeenCalled();
    await sync.settle();
    expect(onThread).not.toHaveBeenCalled();
    expect(offThread).toHaveBeenCalledTimes(1);
    expect(sync.stats).toMatchObject({ deferred: 1, rounds: 1, immediate: 0 });
    await sync.settle(); // nothing left: no second round
    expect(sync.stats.rounds).toBe(1);
  });

  it('shares one round among the commits deferred before it starts', async () => {
    const sync = new WalSync();
    const wal = file('b/pg_wal/000000010000000000000001');
    const offThread = vi.spyOn(fs, 'fsync');
    for (let i = 0; i < 5; i++) {
      await sync.settledHere(() => sync.commit(async () => sync.fsync(wal.path, wal.fd)));
    }
    await Promise.all([sync.settle(), sync.settle(), sync.settle()]);
    expect(offThread).toHaveBeenCalledTimes(1);
    expect(sync.stats).toMatchObject({ deferred: 5, rounds: 1 });
  });

  it('fsyncs at once outside a settled transaction, and for files other than WAL segments', async () => {
    const sync = new WalSync();
    const wal = file('c/pg_wal/000000010000000000000001');
    const data = file('c/base/5/16384');
    const onThread = vi.spyOn(fs, 'fsyncSync');
    await sync.commit(async () => sync.fsync(wal.path, wal.fd)); // not inside settledHere
    await sync.settledHere(() => sync.commit(async () => sync.fsync(data.path, data.fd)));
    expect(onThread.mock.calls.map(([fd]) => fd)).toEqual([wal.fd, data.fd]);
    expect(sync.stats).toMatchObject({ deferred: 0, immediate: 2 });
  });

  it("keeps postgres' order: any other fsync first makes the deferred WAL durable", async () => {
    const sync = new WalSync();
    const wal = file('d/pg_wal/000000010000000000000002');
    const control = file('d/global/pg_control');
    const onThread = vi.spyOn(fs, 'fsyncSync');
    await sync.settledHere(() => sync.commit(async () => sync.fsync(wal.path, wal.fd)));
    sync.fsync(control.path, control.fd);
    // Our own descriptor of the segment first, then the control file's.
    expect(onThread).toHaveBeenCalledTimes(2);
    expect(onThread.mock.calls[1]![0]).toBe(control.fd);
    const offThread = vi.spyOn(fs, 'fsync');
    await sync.settle(); // already on disk
    expect(offThread).not.toHaveBeenCalled();
  });

  it('fails the waiting transactions and every later fsync when an fsync fails', async () => {
    const sync = new WalSync();
    const wal = file('e/pg_wal/000000010000000000000001');
    vi.spyOn(fs, 'fsync').mockImplementation(((_fd: number, callback: (e: Error | null) => void) =>
      callback(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }))) as typeof fs.fsync);
    await sync.settledHere(() => sync.commit(async () => sync.fsync(wal.path, wal.fd)));
    await expect(sync.settle()).rejects.toThrow('EIO');
    await expect(sync.settle()).rejects.toThrow('EIO');
    expect(() => sync.fsync(wal.path, wal.fd)).toThrow('EIO');
  });
});

describe('the embedded engine on a data directory', () => {
  let db: Database;
  beforeAll(async () => {
    db = await connect({ databaseUrl: null, dataDir: path.join(tmp, 'data') });
    await db.transaction((trx) => sql`create table probe (n int not null)`.execute(trx));
  }, 120_000);
  afterAll(async () => db?.close());

  it('answers a transaction only after its commit is fsynced, off the thread, never on it', async () => {
    const sync = walSyncOf(db.embedded!)!;
    const before = { ...sync.stats };
    const onThread = vi.spyOn(fs, 'fsyncSync');
    const done: number[] = [];
    const fsync = fs.fsync;
    vi.spyOn(fs, 'fsync').mockImplementation(((fd: number, callback: (e: Error | null) => void) => {
      // A round covers the commits deferred before it started.
      const covered = sync.stats.deferred;
      fsync(fd, (error) => {
        done.push(covered);
        callback(error);
      });
    }) as typeof fs.fsync);
    const results = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        let committed = 0;
        await db.transaction(async (trx) => {
          await sql`insert into probe (n) values (${i})`.execute(trx);
          // This transaction holds the one connection until its COMMIT: it is the next deferred.
          committed = sync.stats.deferred + 1;
        });
        // When the transaction returned, a finished fsync round had covered its commit.
        return { committed, durable: Math.max(0, ...done) };
      }),
    );
    expect(onThread).not.toHaveBeenCalled();
    expect(sync.stats.deferred - before.deferred).toBe(8);
    expect(sync.stats.immediate).toBe(before.immediate);
    for (const r of results) expect(r.durable).toBeGreaterThanOrEqual(r.committed);
    const rows = await db.transaction((trx) =>
      sql<{ n: number }>`select count(*)::int as n from probe`.execute(trx),
    );
    expect(rows.rows[0]!.n).toBe(8);
  }, 60_000);
});

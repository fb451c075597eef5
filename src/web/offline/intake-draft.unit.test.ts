/**
 * The intake draft on the device: only ciphertext at rest, the author's keys only (another user of
 * the browser sees nothing), deleted at sign-out, and gone after its age or its key's window.
 * IndexedDB is fake-indexeddb here; the cryptography is the platform's WebCrypto.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftStore, discardIntakeDrafts } from './intake-draft.js';
import { wipeAll } from './vault.js';

const key = () => Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
const keysOf = (window: number, current = key(), previous = key()) => ({
  current: { window, key: current },
  previous: { window: window - 1, key: previous },
  maxAgeHours: 24,
});
const DRAFT = { step: 'case', values: { person: { givenNames: 'Brígida Sintética' } } };

async function sealedRows(): Promise<Array<Record<string, unknown>>> {
  const open = indexedDB.open('nanduti-offline');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
    const req = db.transaction('sealed').objectStore('sealed').getAll();
    req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return rows;
}

describe('intake draft on the device', () => {
  afterEach(async () => {
    vi.useRealTimers();
    await wipeAll();
  });

  it('keeps only ciphertext and gives the draft back to its author', async () => {
    const keys = keysOf(20_000);
    const store = await DraftStore.open<typeof DRAFT>('user-a', keys);
    await store.save(DRAFT);
    const rows = await sealedRows();
    expect(rows).toHaveLength(1);
    const raw = rows
      .map((row) =>
        Object.values(row)
          .map((v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Buffer.from(v as ArrayBuffer) : v))
          .join('|'),
      )
      .join('\n');
    expect(raw).not.toContain('Brígida');
    expect(Buffer.from(raw, 'latin1').toString('utf8')).not.toContain('Brígida');
    const reopened = await DraftStore.open<typeof DRAFT>('user-a', keys);
    expect(await reopened.load()).toEqual(DRAFT);
  });

  it('shows another user of the browser nothing, and signing out deletes the draft', async () => {
    const keys = keysOf(20_000);
    await (await DraftStore.open('user-a', keys)).save(DRAFT);
    // Another user, with their own keys (the server derives them per user).
    expect(await (await DraftStore.open('user-b', keysOf(20_000))).load()).toBeNull();
    // Even a key of the same user cannot open another user's slot (the slot is authenticated).
    expect(await (await DraftStore.open('user-b', keys)).load()).toBeNull();
    expect(await sealedRows()).toHaveLength(1);
    await discardIntakeDrafts('user-a');
    expect(await sealedRows()).toHaveLength(0);
    expect(await (await DraftStore.open('user-a', keys)).load()).toBeNull();
  });

  it('a discard is never overtaken by a save begun before it', async () => {
    const store = await DraftStore.open<typeof DRAFT>('user-a', keysOf(20_000));
    // The wizard's last autosave is still sealing when the intake is confirmed and the draft discarded.
    const saving = store.save(DRAFT);
    const discarding = store.discard();
    await Promise.all([saving, discarding]);
    expect(await sealedRows()).toHaveLength(0);
    expect(await (await DraftStore.open('user-a', keysOf(20_000))).load()).toBeNull();
  });

  it("reads yesterday's window, not one older, and drops a draft older than its age", async () => {
    const [today, yesterday] = [key(), key()];
    await (await DraftStore.open('user-a', keysOf(20_000, today, yesterday))).save(DRAFT);
    // The next day: the draft was sealed under what is now the previous window's key.
    expect(await (await DraftStore.open('user-a', keysOf(20_001, key(), today))).load()).toEqual(DRAFT);
    // Two days on the server no longer releases that key: unreadable, and deleted.
    expect(await (await DraftStore.open('user-a', keysOf(20_002))).load()).toBeNull();
    expect(await sealedRows()).toHaveLength(0);

    await (await DraftStore.open('user-a', keysOf(20_000, today, yesterday))).save(DRAFT);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 25 * 3_600_000);
    // Opening any store sweeps every user's draft past its age, keys or not.
    await DraftStore.open('user-z', keysOf(20_001));
    expect(await sealedRows()).toHaveLength(0);
  });
});

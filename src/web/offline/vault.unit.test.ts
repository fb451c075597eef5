/**
 * The device vault: only ciphertext at rest, two ways in (PIN, device key), five wrong PINs wipe,
 * one user's store is closed to another, panic wipes all. IndexedDB is fake-indexeddb here; the
 * cryptography is the platform's WebCrypto.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  MAX_PIN_ATTEMPTS,
  NoVaultError,
  PIN_ITERATIONS,
  WrongPinError,
  createVault,
  deviceCredentialOf,
  hasVault,
  queuedCount,
  unlockWithDeviceKey,
  unlockWithPin,
  wipeAll,
} from './vault.js';

const FAST = { iterations: 1_000 }; // the default (600,000) is checked once below
const deviceKey = () =>
  Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

/** Every byte IndexedDB holds for the vault database, as text, to search for clear values. */
async function rawDump(): Promise<string> {
  const open = indexedDB.open('nanduti-offline');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const parts: string[] = [];
  for (const name of Array.from(db.objectStoreNames)) {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const row of rows)
      for (const value of Object.values(row as Record<string, unknown>)) {
        if (value instanceof ArrayBuffer || ArrayBuffer.isView(value))
          parts.push(Buffer.from(value instanceof ArrayBuffer ? value : value.buffer).toString('latin1'));
        else parts.push(String(value));
      }
  }
  db.close();
  return parts.join('\n');
}

describe('offline vault', () => {
  it('derives the PIN key with 600,000 PBKDF2 iterations by default', async () => {
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const vault = await createVault('user-default', 'device-1', '482913', deviceKey());
    await vault.put('draft', 'd1', { note: 'x' });
    const reopened = await unlockWithPin('user-default', '482913');
    expect(await reopened.get('draft', 'd1')).toEqual({ note: 'x' });
  }, 60_000);

  it('keeps only ciphertext: no name, document or narrative is readable in IndexedDB', async () => {
    const vault = await createVault('user-a', 'device-1', '1234', deviceKey(), FAST);
    const intake = {
      givenNames: 'Zunilda Mercedes',
      documentNumber: '4.812.377',
      narrative: 'Fue reclutada por Facebook con una oferta de trabajo en una cocina',
    };
    await vault.put('queue', 'w1', intake);
    expect(await vault.get('queue', 'w1')).toEqual(intake);
    const dump = await rawDump();
    for (const secret of ['Zunilda', '4.812.377', '4812377', 'Facebook', 'reclutada', '1234'])
      expect(dump).not.toContain(secret);
  });

  it('opens with the PIN offline and with the device key online, not with a wrong key', async () => {
    const key = deviceKey();
    const vault = await createVault('user-b', 'device-2', '7777', key, FAST);
    await vault.put('queue', 'w1', { n: 1 });
    expect(await (await unlockWithPin('user-b', '7777')).get('queue', 'w1')).toEqual({ n: 1 });
    expect(await (await unlockWithDeviceKey('user-b', key)).get('queue', 'w1')).toEqual({ n: 1 });
    await expect(unlockWithDeviceKey('user-b', deviceKey())).rejects.toThrow();
  });

  it('keeps the device secret for an online unlock, and counts waiting writes without opening', async () => {
    // A fresh random value, as the server issues one at registration.
    const deviceSecret = deviceKey();
    const vault = await createVault('user-s', 'device-s', '8888', deviceKey(), {
      ...FAST,
      secret: deviceSecret,
    });
    await vault.put('queue', 'w1', { n: 1 });
    await vault.put('queue', 'w2', { n: 2 });
    await vault.put('case', 'c1', { n: 3 });
    expect(await deviceCredentialOf('user-s')).toEqual({ deviceId: 'device-s', secret: deviceSecret });
    expect(await queuedCount('user-s')).toBe(2);
    await createVault('user-t', 'device-t', '8888', deviceKey(), FAST);
    expect(await deviceCredentialOf('user-t')).toBeUndefined();
  });

  it('wipes the store at the fifth wrong PIN in a row, and a right PIN resets the count', async () => {
    await createVault('user-c', 'device-3', '2468', deviceKey(), FAST);
    await expect(unlockWithPin('user-c', '0000')).rejects.toEqual(new WrongPinError(4));
    await unlockWithPin('user-c', '2468');
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
      await expect(unlockWithPin('user-c', '0000')).rejects.toBeInstanceOf(WrongPinError);
    expect(await hasVault('user-c')).toBe(true);
    await expect(unlockWithPin('user-c', '0000')).rejects.toEqual(new NoVaultError(true));
    expect(await hasVault('user-c')).toBe(false);
    await expect(unlockWithPin('user-c', '2468')).rejects.toBeInstanceOf(NoVaultError);
  });

  it('another user of the device cannot read this store, even with the same PIN', async () => {
    const mine = await createVault('user-d', 'device-4', '1111', deviceKey(), FAST);
    await mine.put('queue', 'w1', { secret: 'mine' });
    const theirs = await createVault('user-e', 'device-4', '1111', deviceKey(), FAST);
    expect(await theirs.list('queue')).toEqual([]);
    expect(await theirs.get('queue', 'w1')).toBeUndefined();
  });

  it('panic wipe deletes every store at once', async () => {
    await createVault('user-f', 'device-5', '9999', deviceKey(), FAST);
    await wipeAll();
    expect(await hasVault('user-f')).toBe(false);
    expect(await rawDump()).toBe('');
  });
});

/**
 * The device's encrypted store for offline work (docs/OFFLINE.md). IndexedDB (through Dexie) holds
 * only ciphertext: every record is AES-GCM-256 under the user's data key, with a fresh 96-bit IV per
 * write and the record's owner, kind and id as additional authenticated data (a record moved to
 * another user or slot does not decrypt).
 *
 * The data key is never stored in clear. It is wrapped twice:
 * - by a key derived from the user's offline PIN (PBKDF2-SHA256, 600,000 iterations, random salt),
 *   which opens the store with no network;
 * - by the device key that the server releases only to this user's signed-in session on this
 *   registered device (getDeviceKey), which opens it online without the PIN.
 * Five wrong PINs in a row wipe the user's store. Signing out only forgets the unwrapped key: the
 * queue stays, unreadable without the PIN. Another user of the same device has a store of their own
 * and cannot read this one. `wipeAll` (panic) needs no network and no PIN.
 */
import { Dexie, type EntityTable } from 'dexie';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PIN_ITERATIONS = 600_000;
/** Wrong PINs in a row that wipe the store. */
export const MAX_PIN_ATTEMPTS = 5;
const DB_NAME = 'nanduti-offline';
type Bytes = Uint8Array<ArrayBuffer>;

interface VaultRow {
  userId: string;
  deviceId: string;
  salt: Bytes;
  iterations: number;
  pinIv: Bytes;
  pinWrapped: ArrayBuffer;
  deviceIv: Bytes;
  deviceWrapped: ArrayBuffer;
  failedAttempts: number;
  /**
   * The device's secret from registerDevice (not personal data, useless without the user's
   * signed-in session): with it the signed-in app asks the server for the device key and opens the
   * store without the PIN. Absent in stores made before it was kept.
   */
  secret?: string;
}

interface SealedRow {
  /** `${userId}/${kind}/${id}` */
  slot: string;
  userId: string;
  kind: string;
  iv: Bytes;
  data: ArrayBuffer;
  updatedAt: number;
}

class OfflineDb extends Dexie {
  vaults!: EntityTable<VaultRow, 'userId'>;
  sealed!: EntityTable<SealedRow, 'slot'>;
  constructor() {
    super(DB_NAME);
    this.version(1).stores({ vaults: 'userId', sealed: 'slot, userId, [userId+kind]' });
  }
}

let db: OfflineDb | null = null;
const database = () => (db ??= new OfflineDb());

/** Thrown by an unlock whose PIN is wrong; `remaining` attempts before the store is wiped. */
export class WrongPinError extends Error {
  override readonly name = 'WrongPinError';
  constructor(readonly remaining: number) {
    super('wrong PIN');
  }
}
/** Thrown when the store was wiped (too many wrong PINs) or never existed for this user. */
export class NoVaultError extends Error {
  override readonly name = 'NoVaultError';
  constructor(readonly wiped: boolean) {
    super(wiped ? 'offline store wiped' : 'no offline store');
  }
}

const subtle = () => globalThis.crypto.subtle;
const random = (bytes: number): Bytes => globalThis.crypto.getRandomValues(new Uint8Array(bytes));
const utf8 = new TextEncoder();

function base64UrlToBytes(value: string): Bytes {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pinKey(pin: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', utf8.encode(pin), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function deviceWrappingKey(deviceKey: string): Promise<CryptoKey> {
  const raw = base64UrlToBytes(deviceKey);
  if (raw.length !== 32) throw new Error('device key must be 32 bytes');
  return subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']);
}

const wrapParams = (iv: Bytes, userId: string) => ({
  name: 'AES-GCM',
  iv,
  additionalData: utf8.encode(`nanduti-data-key/${userId}`),
});

async function unwrap(row: VaultRow, which: 'pin' | 'device', wrappingKey: CryptoKey): Promise<CryptoKey> {
  const [wrapped, iv] = which === 'pin' ? [row.pinWrapped, row.pinIv] : [row.deviceWrapped, row.deviceIv];
  // Not extractable once opened: the clear key never leaves WebCrypto.
  return subtle().unwrapKey('raw', wrapped, wrappingKey, wrapParams(iv, row.userId), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

/**
 * A user's sealed records under one AES-GCM key that never leaves WebCrypto: read and written in
 * clear only in memory. The offline store (`Vault`) and the intake wizard's draft
 * (pages/intake/draft.ts, under a key the server derives for the user) are both this.
 */
export class SealedRecords {
  constructor(
    readonly userId: string,
    private readonly key: CryptoKey,
  ) {}

  private slot(kind: string, id: string) {
    return `${this.userId}/${kind}/${id}`;
  }

  async put(kind: string, id: string, value: unknown): Promise<void> {
    const iv = random(12);
    const data = await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: utf8.encode(this.slot(kind, id)) },
      this.key,
      utf8.encode(JSON.stringify(value)),
    );
    await database().sealed.put({
      slot: this.slot(kind, id),
      userId: this.userId,
      kind,
      iv,
      data,
      updatedAt: Date.now(),
    });
  }

  async get<T>(kind: string, id: string): Promise<T | undefined> {
    const row = await database().sealed.get(this.slot(kind, id));
    return row ? this.open<T>(row) : undefined;
  }

  /** Every record of `kind`, oldest write first. */
  async list<T>(kind: string): Promise<Array<{ id: string; value: T }>> {
    const rows = await database().sealed.where({ userId: this.userId, kind }).sortBy('updatedAt');
    return Promise.all(
      rows.map(async (row) => ({
        id: row.slot.split('/').slice(2).join('/'),
        value: await this.open<T>(row),
      })),
    );
  }

  /** The ids of the records of `kind`, read without decrypting anything (ids are not personal data). */
  async ids(kind: string): Promise<string[]> {
    const slots = await database().sealed.where({ userId: this.userId, kind }).primaryKeys();
    return slots.map((slot) => slot.split('/').slice(2).join('/'));
  }

  async remove(kind: string, id: string): Promise<void> {
    await database().sealed.delete(this.slot(kind, id));
  }

  private async open<T>(row: SealedRow): Promise<T> {
    const clear = await subtle().decrypt(
      { name: 'AES-GCM', iv: row.iv, additionalData: utf8.encode(row.slot) },
      this.key,
      row.data,
    );
    return JSON.parse(new TextDecoder().decode(clear)) as T;
  }
}

/** An opened offline store: the user's records under their data key, on a registered device. */
export class Vault extends SealedRecords {
  constructor(
    userId: string,
    readonly deviceId: string,
    key: CryptoKey,
  ) {
    super(userId, key);
  }
}

/** A raw 32-byte key (base64url) as an AES-GCM key that cannot be exported again. */
export async function importAesKey(base64Url: string): Promise<CryptoKey> {
  const raw = base64UrlToBytes(base64Url);
  if (raw.length !== 32) throw new Error('key must be 32 bytes');
  return subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/**
 * Deletes sealed records of `kind`, with no key: the user's (`userId`), or everyone's written
 * before `before` (a shared device keeps no one's stale records).
 */
export async function deleteSealed(kind: string, which: { userId: string } | { before: number }) {
  const rows = database().sealed;
  if ('userId' in which) await rows.where({ userId: which.userId, kind }).delete();
  else await rows.filter((row) => row.kind === kind && row.updatedAt < which.before).delete();
}

/** Whether `userId` has a store on this device. */
export async function hasVault(userId: string): Promise<boolean> {
  return (await database().vaults.get(userId)) !== undefined;
}

/**
 * Creates the user's store (replacing an old one of theirs): a new data key wrapped by the PIN and
 * by the device key from registerDevice.
 */
export async function createVault(
  userId: string,
  deviceId: string,
  pin: string,
  deviceKey: string,
  options: { iterations?: number; secret?: string } = {},
): Promise<Vault> {
  const iterations = options.iterations ?? PIN_ITERATIONS;
  const dataKey = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const salt = random(16);
  const [pinIv, deviceIv] = [random(12), random(12)];
  const byPin = await pinKey(pin, salt, iterations);
  const pinWrapped = await subtle().wrapKey('raw', dataKey, byPin, wrapParams(pinIv, userId));
  const deviceWrapped = await subtle().wrapKey(
    'raw',
    dataKey,
    await deviceWrappingKey(deviceKey),
    wrapParams(deviceIv, userId),
  );
  await wipeUser(userId);
  const row: VaultRow = {
    userId,
    deviceId,
    salt,
    iterations,
    pinIv,
    pinWrapped,
    deviceIv,
    deviceWrapped,
    failedAttempts: 0,
    ...(options.secret ? { secret: options.secret } : {}),
  };
  await database().vaults.put(row);
  return new Vault(userId, deviceId, await unwrap(row, 'pin', byPin));
}

/** Opens the store with the offline PIN; the fifth wrong PIN in a row wipes it. */
export async function unlockWithPin(userId: string, pin: string): Promise<Vault> {
  const row = await database().vaults.get(userId);
  if (!row) throw new NoVaultError(false);
  try {
    const key = await unwrap(row, 'pin', await pinKey(pin, row.salt, row.iterations));
    if (row.failedAttempts) await database().vaults.update(userId, { failedAttempts: 0 });
    return new Vault(userId, row.deviceId, key);
  } catch {
    const failed = row.failedAttempts + 1;
    if (failed >= MAX_PIN_ATTEMPTS) {
      await wipeUser(userId);
      throw new NoVaultError(true);
    }
    await database().vaults.update(userId, { failedAttempts: failed });
    throw new WrongPinError(MAX_PIN_ATTEMPTS - failed);
  }
}

/** Opens the store with the device key the server released to this user's session (online). */
export async function unlockWithDeviceKey(userId: string, deviceKey: string): Promise<Vault> {
  const row = await database().vaults.get(userId);
  if (!row) throw new NoVaultError(false);
  return new Vault(userId, row.deviceId, await unwrap(row, 'device', await deviceWrappingKey(deviceKey)));
}

/** What a signed-in session needs to ask for the device key (getDeviceKey), if the store keeps it. */
export async function deviceCredentialOf(
  userId: string,
): Promise<{ deviceId: string; secret: string } | undefined> {
  const row = await database().vaults.get(userId);
  return row?.secret ? { deviceId: row.deviceId, secret: row.secret } : undefined;
}

/** How many writes wait in the user's queue, counted without opening the store (no content). */
export async function queuedCount(userId: string): Promise<number> {
  return database().sealed.where({ userId, kind: 'queue' }).count();
}

/** The registered device id of the user's store, readable without unlocking (it is not secret). */
export async function deviceIdOf(userId: string): Promise<string | undefined> {
  return (await database().vaults.get(userId))?.deviceId;
}

/** Deletes one user's store and records (a revoked device, too many wrong PINs). */
export async function wipeUser(userId: string): Promise<void> {
  const store = database();
  await store.transaction('rw', store.vaults, store.sealed, async () => {
    await store.sealed.where({ userId }).delete();
    await store.vaults.delete(userId);
  });
}

/** Panic: deletes every store on this device at once, with no network and no PIN. */
export async function wipeAll(): Promise<void> {
  const store = database();
  await store.transaction('rw', store.vaults, store.sealed, async () => {
    await store.sealed.clear();
    await store.vaults.clear();
  });
}

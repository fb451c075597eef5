/**
 * Field encryption for personal data: AES-256-GCM with a key id in every ciphertext, so data keys
 * can rotate, and keyed blind indexes (HMAC-SHA256) for exact look-ups without decrypting.
 *
 * Ciphertext: `enc:v1:<keyId>:<iv>:<tag>:<data>` (base64url parts). The column it belongs to is bound
 * as additional authenticated data, so a ciphertext copied into another column does not decrypt.
 */
import crypto from 'node:crypto';
import type { EncryptionContext } from './registry.js';

const PREFIX = 'enc:v1:';

export class DecryptionError extends Error {
  constructor(message = 'A stored value could not be decrypted (wrong key or altered data).') {
    super(message);
    this.name = 'DecryptionError';
  }
}

export class FieldCrypto {
  /** Each column's additional authenticated data, made once (a batch decrypts millions of fields). */
  private readonly aad = new Map<string, Buffer>();

  constructor(
    private readonly dataKeys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
    private readonly blindKey: Buffer,
  ) {
    if (!dataKeys.has(activeKeyId)) throw new Error(`Active key ${activeKeyId} is not loaded.`);
  }

  /** Encrypts `plaintext` for the column named by `context` (e.g. `persons.given_names`). */
  encrypt(plaintext: string, context: EncryptionContext): string {
    const key = this.dataKeys.get(this.activeKeyId)!;
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${PREFIX}${this.activeKeyId}:${iv.toString('base64url')}:${tag.toString('base64url')}:${data.toString('base64url')}`;
  }

  encryptNullable(plaintext: string | null | undefined, context: EncryptionContext): string | null {
    return plaintext === null || plaintext === undefined ? null : this.encrypt(plaintext, context);
  }

  decrypt(ciphertext: string, context: EncryptionContext): string {
    const parts = ciphertext.startsWith(PREFIX) ? ciphertext.slice(PREFIX.length).split(':') : [];
    if (parts.length !== 4) throw new DecryptionError('A stored value is not in the encrypted format.');
    const [keyId, iv, tag, data] = parts as [string, string, string, string];
    const key = this.dataKeys.get(keyId);
    if (!key) throw new DecryptionError(`A stored value uses key ${keyId}, which is not loaded.`);
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(this.aadOf(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new DecryptionError();
    }
  }

  private aadOf(context: EncryptionContext): Buffer {
    let aad = this.aad.get(context);
    if (aad === undefined) this.aad.set(context, (aad = Buffer.from(context)));
    return aad;
  }

  decryptNullable(ciphertext: string | null, context: EncryptionContext): string | null {
    return ciphertext === null ? null : this.decrypt(ciphertext, context);
  }

  /** The key id a ciphertext was made with (rotation uses it to find what is left to re-encrypt). */
  static keyIdOf(ciphertext: string): string | null {
    if (!ciphertext.startsWith(PREFIX)) return null;
    return ciphertext.slice(PREFIX.length).split(':')[0] ?? null;
  }

  /**
   * A keyed, deterministic index of `value` within `domain` (e.g. `document_number`): equal values
   * give equal indexes, and without the key nothing about the value can be learnt or tested.
   * Callers normalise the value first (case, spaces, accents) as their look-up requires.
   */
  blindIndex(value: string, domain: string): string {
    return crypto
      .createHmac('sha256', this.blindKey)
      .update(domain)
      .update('\u0000')
      .update(value)
      .digest('base64url');
  }
}

// ---- key wrapping ------------------------------------------------------------------------

/** Wraps a data key with the master key (AES-256-GCM, key id as AAD). */
export function wrapKey(master: Buffer, keyId: string, key: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(Buffer.from(`nanduti-key:${keyId}`));
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function unwrapKey(master: Buffer, keyId: string, wrapped: string): Buffer {
  const [iv, tag, data] = wrapped.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !data) throw new DecryptionError('A stored encryption key is malformed.');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', master, iv);
    decipher.setAAD(Buffer.from(`nanduti-key:${keyId}`));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new DecryptionError(
      'NANDUTI_MASTER_KEY does not match the key this database was set up with; restore the right master key.',
    );
  }
}

/** Parses a master key given as 64 hex characters or base64 of 32 bytes. */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error('NANDUTI_MASTER_KEY must be 32 bytes, as 64 hex characters or base64 (44 characters).');
  }
  return key;
}

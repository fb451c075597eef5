/**
 * `Idempotency-Key` for every write (IETF httpapi draft "The Idempotency-Key HTTP Header Field"):
 * a retried request with the same key answers the first answer again — same status, same body —
 * and writes nothing more; the same key with a different request is refused (422). A device that
 * lost the answer to a queued write (offline capture, docs/OFFLINE.md) retries without creating a
 * second record.
 *
 * The key is claimed in the write's own transaction and the answer stored there too, so a key
 * exists exactly when its write committed: a write that failed leaves no key and may be retried.
 * Two requests racing with one key: the second waits on the unique index until the first commits,
 * then replays its answer. Keys are per user and kept 24 hours; the stored body is encrypted.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { Trx } from '../db/database.js';
import { AppError } from '../core/errors.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered (the draft leaves it to the server; 24 h covers a day in the field). */
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_FORMAT = /^[\x21-\x7e]{8,255}$/;

/** The request's key, or undefined when it sent none; a malformed key is a 400. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_FORMAT.test(value))
    throw new AppError('idempotency_key_invalid', 400);
  return value;
}

/** A fingerprint of what the request asks: the operation and its validated input. */
export function requestFingerprint(operationId: string, input: unknown): string {
  return crypto
    .createHash('sha256')
    .update(operationId)
    .update('\u0000')
    .update(JSON.stringify(input) ?? '')
    .digest('base64url');
}

export type IdempotencyClaim =
  { kind: 'claimed'; id: string } | { kind: 'replay'; statusCode: number; body: unknown };

/**
 * Claims `key` for this request in `trx`, or returns the first answer given under it. A key used
 * for another request is a 422 (`idempotency_key_reused`).
 */
export async function claimIdempotencyKey(
  trx: Trx,
  fieldCrypto: FieldCrypto,
  claim: { userId: string; key: string; operationId: string; fingerprint: string; deviceId?: string | null },
): Promise<IdempotencyClaim> {
  await trx
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', claim.userId)
    .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`)
    .execute();
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      user_id: claim.userId,
      key: claim.key,
      operation_id: claim.operationId,
      request_hash: claim.fingerprint,
      device_id: claim.deviceId ?? null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { kind: 'claimed', id: inserted.id };
  const first = await trx
    .selectFrom('idempotency_keys')
    .select(['operation_id', 'request_hash', 'status_code', 'response'])
    .where('user_id', '=', claim.userId)
    .where('key', '=', claim.key)
    .executeTakeFirstOrThrow();
  if (first.operation_id !== claim.operationId || first.request_hash !== claim.fingerprint)
    throw new AppError('idempotency_key_reused', 422);
  if (first.status_code === null) throw new AppError('idempotency_key_in_progress', 409);
  const body =
    first.response === null
      ? undefined
      : (JSON.parse(fieldCrypto.decrypt(first.response, 'idempotency_keys.response')) as unknown);
  return { kind: 'replay', statusCode: first.status_code, body };
}

/** Stores the answer to a claimed key, in the same transaction as the write. */
export async function rememberAnswer(
  trx: Trx,
  fieldCrypto: FieldCrypto,
  id: string,
  statusCode: number,
  body: unknown,
): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({
      status_code: statusCode,
      response:
        body === undefined ? null : fieldCrypto.encrypt(JSON.stringify(body), 'idempotency_keys.response'),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Offline devices (docs/OFFLINE.md). A device is registered by its user while signed in; it gets a
 * secret (kept on the device) and a device key (which wraps the device's data key beside the
 * PIN-derived key, so the data opens only with the PIN or with this user's session on this device).
 * The server keeps the key encrypted and the secret as a hash. Revoked — by its user, a supervisor
 * or an administrator — or expired after `deviceExpiryDays` without contact, the device is answered
 * 410 and wipes itself.
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { DeviceView, ListDevicesQuery } from '../../../shared/api-devices.js';
import { authorize } from '../../access/authorize.js';
import type { DeviceTarget } from '../../access/policies.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, errors } from '../../core/errors.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Trx } from '../../db/database.js';
import {
  findDevice,
  insertDevice,
  listDeviceRows,
  markDeviceRevoked,
  touchDevice,
  type DeviceFilter,
  type DeviceRow as Row,
  type RevokedReason,
} from './devices.repository.js';

type View = z.input<typeof DeviceView>;

const DAY_MS = 86_400_000;
const randomKey = () => crypto.randomBytes(32).toString('base64url');
const hashSecret = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');

function present(row: Row): View {
  return {
    id: row.id,
    name: row.name,
    user: { id: row.user_id, displayName: row.display_name },
    createdAt: new Date(row.created_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
    state: row.revoked_at === null ? 'active' : row.revoked_reason === 'expired' ? 'expired' : 'revoked',
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
    revokedReason: row.revoked_reason,
  };
}

const targetOf = (row: Row): DeviceTarget => ({ userId: row.user_id, institutionId: row.institution_id });

export async function registerDevice(ctx: Ctx, fieldCrypto: FieldCrypto, name: string, expiryDays: number) {
  const secret = randomKey();
  const deviceKey = randomKey();
  const id = await insertDevice(ctx.trx, {
    user_id: ctx.actor.userId,
    name,
    secret_hash: hashSecret(secret),
    device_key: fieldCrypto.encrypt(deviceKey, 'devices.device_key'),
  });
  await auditOperation(ctx, 'device.register', 'device', id, ['name']);
  return { device: present((await findDevice(ctx.trx, id))!), secret, deviceKey, expiryDays };
}

export async function listDevices(ctx: Ctx, query: z.output<typeof ListDevicesQuery>) {
  let filter: DeviceFilter;
  if (query.scope === 'mine') filter = { userId: ctx.actor.userId };
  else if (ctx.actor.role === 'system_admin') filter = 'all';
  else if (ctx.actor.role === 'supervisor' || ctx.actor.role === 'institution_admin')
    filter = { institutionId: ctx.actor.institutionId };
  else
    throw errors.forbidden({
      audit: { action: 'device.list', resourceType: 'device' as const, resourceId: null },
    });
  return { items: (await listDeviceRows(ctx.trx, filter)).map(present) };
}

/** A device the actor may act on; another's device outside their reach is "not found". */
async function deviceFor(ctx: Ctx, id: string, action: 'device.revoke' | 'device.unlock'): Promise<Row> {
  const audit = { action, resourceType: 'device' as const, resourceId: id };
  const row = await findDevice(ctx.trx, id, { forUpdate: true });
  if (!row) throw errors.notFound({ audit });
  authorize(ctx.actor, action, targetOf(row), {
    hide: true,
    resourceType: 'device' as const,
    resourceId: id,
  });
  return row;
}

function reasonOf(ctx: Ctx, row: Row): RevokedReason {
  if (row.user_id === ctx.actor.userId) return 'user';
  return ctx.actor.role === 'supervisor' ? 'supervisor' : 'admin';
}

export async function revokeDevice(ctx: Ctx, id: string) {
  const row = await deviceFor(ctx, id, 'device.revoke');
  if (row.revoked_at === null) {
    await markDeviceRevoked(ctx.trx, id, reasonOf(ctx, row), ctx.actor.userId);
    await auditOperation(ctx, 'device.revoke', 'device', id, ['revokedAt']);
  }
  return present((await findDevice(ctx.trx, id))!);
}

/** Expires the device if it has not been in contact for `expiryDays`; true when it may go on. */
async function stillActive(trx: Trx, row: Row, expiryDays: number): Promise<boolean> {
  if (row.revoked_at !== null) return false;
  if (Date.now() - new Date(row.last_seen_at).getTime() <= expiryDays * DAY_MS) return true;
  await markDeviceRevoked(trx, row.id, 'expired');
  return false;
}

const gone = () => new AppError('device_revoked', 410);

/** The device key, to the device's own user presenting the device's secret; 410 once revoked or expired. */
export async function unlockDevice(
  ctx: Ctx,
  fieldCrypto: FieldCrypto,
  id: string,
  secret: string,
  expiryDays: number,
) {
  const row = await deviceFor(ctx, id, 'device.unlock');
  const given = Buffer.from(hashSecret(secret));
  if (!crypto.timingSafeEqual(given, Buffer.from(row.secret_hash)))
    throw new AppError(
      'device_secret_invalid',
      403,
      {},
      { audit: { action: 'device.unlock', resourceType: 'device' as const, resourceId: id } },
    );
  if (!(await stillActive(ctx.trx, row, expiryDays))) {
    await auditOperation(ctx, 'device.unlock', 'device', id, ['revokedAt']);
    return { gone: true as const };
  }
  await touchDevice(ctx.trx, id);
  await auditOperation(ctx, 'device.unlock', 'device', id);
  return {
    gone: false as const,
    answer: { deviceKey: fieldCrypto.decrypt(row.device_key, 'devices.device_key'), expiryDays },
  };
}

/**
 * A request made from a registered device (header `x-nanduti-device`): true when the device is the
 * actor's and still active (its contact is recorded); false means "answer 410: wipe yourself".
 */
export async function deviceContact(trx: Trx, userId: string, deviceId: string, expiryDays: number) {
  const row = await findDevice(trx, deviceId);
  if (!row || row.user_id !== userId || !(await stillActive(trx, row, expiryDays))) return false;
  await touchDevice(trx, deviceId);
  return true;
}

export { gone as deviceGone };

/** Reading and writing offline devices (docs/OFFLINE.md); who may see which is decided by the service. */
import type { Insertable } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { DeviceTable } from '../../db/schema.js';

/** Devices with their user's name and institution. */
function devicesWithUser(trx: Trx) {
  return trx
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .selectAll('devices')
    .select(['users.display_name', 'users.institution_id']);
}

/** Device `id` with its user's name and institution; `forUpdate` locks the device's row. */
export function findDevice(trx: Trx, id: string, { forUpdate = false } = {}) {
  const query = devicesWithUser(trx).where('devices.id', '=', id);
  return (forUpdate ? query.forUpdate('devices') : query).executeTakeFirst();
}
export type DeviceRow = NonNullable<Awaited<ReturnType<typeof findDevice>>>;

/** Which devices a list shows: one user's, one institution's users', or every device. */
export type DeviceFilter = { userId: string } | { institutionId: string } | 'all';

/** The devices of `filter`, the newest first (500 at most). */
export function listDeviceRows(trx: Trx, filter: DeviceFilter): Promise<DeviceRow[]> {
  let query = devicesWithUser(trx);
  if (filter !== 'all')
    query =
      'userId' in filter
        ? query.where('devices.user_id', '=', filter.userId)
        : query.where('users.institution_id', '=', filter.institutionId);
  return query.orderBy('devices.created_at', 'desc').limit(500).execute();
}

export async function insertDevice(trx: Trx, values: Insertable<DeviceTable>): Promise<string> {
  const row = await trx.insertInto('devices').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Why a device stopped working: revoked by its user, a supervisor or an administrator, or expired. */
export type RevokedReason = 'user' | 'supervisor' | 'admin' | 'expired';

/** Marks the device revoked now: by a person (`revokedBy`), or expired (no one). */
export async function markDeviceRevoked(
  trx: Trx,
  id: string,
  reason: RevokedReason,
  revokedBy: string | null = null,
): Promise<void> {
  await trx
    .updateTable('devices')
    .set({ revoked_at: new Date(), revoked_reason: reason, ...(revokedBy ? { revoked_by: revokedBy } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Records the device's contact now (its expiry counts from the last one). */
export async function touchDevice(trx: Trx, id: string): Promise<void> {
  await trx.updateTable('devices').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
}

/**
 * Offline capture and safe retries (docs/OFFLINE.md).
 * - idempotency_keys: the first answer to a write sent with an `Idempotency-Key`, per user and key,
 *   stored in the write's own transaction (so it exists exactly when the write committed); the
 *   response body is encrypted (it may carry personal data). Kept 24 hours.
 * - devices: each device a user registered for offline work; the server holds the device key
 *   (encrypted) and releases it only to that user's signed-in session presenting the device secret
 *   (stored as a hash). A revoked or expired device is told to wipe itself.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { belongsTo, createdAt, tableWithId } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'idempotency_keys')
    .addColumn('user_id', 'uuid', belongsTo('users.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'text') // encrypted
    .addColumn('device_id', 'uuid')
    .$call(createdAt)
    .addUniqueConstraint('idempotency_keys_user_key', ['user_id', 'key'])
    .execute();
  await sql`create index idempotency_keys_age_idx on idempotency_keys (user_id, created_at)`.execute(db);

  await tableWithId(db, 'devices')
    .addColumn('user_id', 'uuid', belongsTo('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('device_key', 'text', (c) => c.notNull()) // encrypted
    .$call(createdAt)
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('revoked_reason', 'text', (c) =>
      c.check(sql`revoked_reason is null or revoked_reason in ('user','supervisor','admin','expired')`),
    )
    .execute();
  await sql`create index devices_user_idx on devices (user_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('devices').execute();
  await db.schema.dropTable('idempotency_keys').execute();
}

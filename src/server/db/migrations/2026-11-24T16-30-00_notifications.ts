/**
 * Notifications: one row per recipient user, holding no personal data (the text is built at read time
 * from the kind and the referral's reference). The row is also the e-mail outbox: written in the
 * transaction of the change, sent after commit with retries (mail_state, mail_attempts, mail_next_at).
 * Referrals remember when they were escalated as overdue, so each is escalated once.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { belongsTo, createdAt, tableWithId } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'notifications')
    .addColumn('user_id', 'uuid', belongsTo('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'uuid', (c) => c.notNull())
    .$call(createdAt)
    .addColumn('read_at', 'timestamptz')
    // 'none' (no address), 'pending', 'sent', 'failed' (gave up after retries).
    .addColumn('mail_state', 'text', (c) =>
      c.notNull().check(sql`mail_state in ('none','pending','sent','failed')`),
    )
    .addColumn('mail_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mail_next_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index notifications_user_idx on notifications (user_id, created_at desc)`.execute(db);
  await sql`create index notifications_mail_idx on notifications (mail_next_at) where mail_state = 'pending'`.execute(
    db,
  );
  await db.schema.alterTable('referrals').addColumn('escalated_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('referrals').dropColumn('escalated_at').execute();
  await db.schema.dropTable('notifications').execute();
}

/**
 * Follow-up (docs/TASKS.md): tasks of a case plan — what, for which institution or user, due on
 * which day, in which state — created by hand or by rules (an overdue referral, a service not
 * delivered by its day). A rule's task names its source (`source_type`, `source_id`) and is created
 * once per source and kind. `title` is free text: encrypted. Referrals get the day their service is
 * due once accepted. Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { createdBy, institutionId, tableWithId, timestamps } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'tasks')
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id').onDelete('cascade'))
    .$call(institutionId)
    .addColumn('assignee_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('manual','referral_overdue','service_not_delivered','hearing')`),
    )
    .addColumn('title', 'text')
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'uuid')
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open','done','cancelled')`),
    )
    .addColumn('overdue_notified_at', 'timestamptz')
    .$call(createdBy)
    .$call(timestamps)
    .addColumn('completed_at', 'timestamptz')
    .addCheckConstraint('tasks_manual_title_check', sql`kind <> 'manual' or title is not null`)
    .execute();
  await sql`create unique index tasks_source_idx on tasks (kind, source_id) where source_id is not null`.execute(
    db,
  );
  await sql`create index tasks_case_idx on tasks (case_id) where case_id is not null`.execute(db);
  await sql`create index tasks_open_idx on tasks (institution_id, due_on) where status = 'open'`.execute(db);
  await sql`create index tasks_assignee_idx on tasks (assignee_user_id) where status = 'open'`.execute(db);
  await db.schema.alterTable('referrals').addColumn('service_due_on', 'date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('referrals').dropColumn('service_due_on').execute();
  await db.schema.dropTable('tasks').execute();
}

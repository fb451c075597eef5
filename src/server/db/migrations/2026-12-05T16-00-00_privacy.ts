/**
 * Privacy operations (docs/PRIVACY.md): the retention schedule per record category, legal holds,
 * erasure decisions (per record, no data), break-glass grants and their review, the DPO's oversight
 * alerts and the cursor of the job that computes them from the audit trail.
 *
 * Cases get `closed_at` (kept by a trigger when the status becomes Closed/ClosedReferred; retention
 * counts from it) and `erased_at`; persons and hotline contacts get `erased_at`. Erasure nulls the
 * personal columns, so the few of them that were NOT NULL become nullable here.
 * Encrypted columns: legal_holds.reason, break_glass.reason, break_glass.review_note.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { createdAt, institutionId, tableWithId, updatedAt } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_schedule')
    .addColumn('category', 'text', (c) => c.primaryKey())
    .addColumn('years', 'integer', (c) => c.notNull().check(sql`years between 1 and 100`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .$call(updatedAt)
    .execute();
  // The documented defaults (docs/PRIVACY.md, "Retention").
  await sql`insert into retention_schedule (category, years) values
    ('victim_case', 20), ('other_case', 5), ('hotline_contact', 2)`.execute(db);

  await db.schema.alterTable('cases').addColumn('closed_at', 'timestamptz').execute();
  await db.schema.alterTable('cases').addColumn('erased_at', 'timestamptz').execute();
  await db.schema.alterTable('persons').addColumn('erased_at', 'timestamptz').execute();
  await db.schema.alterTable('hotline_contacts').addColumn('erased_at', 'timestamptz').execute();
  await sql`update cases set closed_at = updated_at where status in ('Closed','ClosedReferred')`.execute(db);
  await sql`create function cases_closed_at() returns trigger language plpgsql as $$ begin
      if new.status in ('Closed','ClosedReferred') then
        if tg_op = 'INSERT' or old.status not in ('Closed','ClosedReferred') then new.closed_at := now(); end if;
      else new.closed_at := null; end if;
      return new; end $$`.execute(db);
  await sql`create trigger cases_closed_at before insert or update of status on cases
    for each row execute function cases_closed_at()`.execute(db);
  await sql`create index cases_closed_idx on cases (closed_at) where closed_at is not null and erased_at is null`.execute(
    db,
  );

  for (const [table, column] of [
    ['persons', 'given_names'],
    ['trafficking_decisions', 'reason'],
    ['service_deliveries', 'description'],
  ] as const) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} drop not null`.execute(db);
  }

  await tableWithId(db, 'legal_holds')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('reason', 'text', (c) => c.notNull()) // encrypted
    .addColumn('placed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('placed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('released_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('released_at', 'timestamptz')
    .execute();
  await sql`create index legal_holds_case_idx on legal_holds (case_id) where released_at is null`.execute(db);

  // One row per record an erasure decision was about: what, why, when, by whom — never the data.
  await tableWithId(db, 'erasure_decisions')
    .addColumn('record_type', 'text', (c) =>
      c.notNull().check(sql`record_type in ('case','hotline_contact')`),
    )
    .addColumn('record_id', 'uuid', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) =>
      c.notNull().check(sql`basis in ('retention_expired','data_subject_request')`),
    )
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('erased','refused')`))
    .addColumn('exception', 'text')
    .addColumn('requested_on', 'date')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index erasure_decisions_record_idx on erasure_decisions (record_id)`.execute(db);

  await tableWithId(db, 'break_glass')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .$call(institutionId)
    .addColumn('resource_type', 'text', (c) => c.notNull().check(sql`resource_type in ('person','case')`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull())
    .addColumn('owner_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('reason', 'text', (c) => c.notNull()) // encrypted
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.check(sql`review in ('justified','not_justified')`))
    .addColumn('review_note', 'text') // encrypted
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
  await sql`create index break_glass_grant_idx on break_glass (user_id, resource_id, expires_at)`.execute(db);
  await sql`create index break_glass_resource_idx on break_glass (resource_id)`.execute(db);
  await sql`create index break_glass_unreviewed_idx on break_glass (opened_at) where review is null`.execute(
    db,
  );

  await tableWithId(db, 'privacy_alerts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('institution_id', 'uuid', (c) => c.references('institutions.id'))
    .addColumn('window_from', 'timestamptz', (c) => c.notNull())
    .addColumn('window_to', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('outcome', 'text')
    .addColumn('resource_type', 'text')
    .addColumn('resource_id', 'text')
    .$call(createdAt)
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', 'timestamptz')
    .execute();
  await sql`create index privacy_alerts_open_idx on privacy_alerts (created_at desc) where acknowledged_at is null`.execute(
    db,
  );
  await sql`create index privacy_alerts_user_idx on privacy_alerts (kind, user_id, window_to)`.execute(db);
  // How far the oversight job has read the audit trail: the last leaf of the audit tree it read
  // (leaves are the committed rows in their final order; -1: none yet).
  await sql`create table privacy_alert_cursor (id integer primary key check (id = 1), last_leaf bigint not null)`.execute(
    db,
  );
  await sql`insert into privacy_alert_cursor (id, last_leaf) values (1, -1)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'privacy_alert_cursor',
    'privacy_alerts',
    'break_glass',
    'erasure_decisions',
    'legal_holds',
    'retention_schedule',
  ])
    await db.schema.dropTable(table).execute();
  await sql`drop trigger cases_closed_at on cases`.execute(db);
  await sql`drop function cases_closed_at()`.execute(db);
  await db.schema.alterTable('hotline_contacts').dropColumn('erased_at').execute();
  await db.schema.alterTable('persons').dropColumn('erased_at').execute();
  await db.schema.alterTable('cases').dropColumn('erased_at').execute();
  await db.schema.alterTable('cases').dropColumn('closed_at').execute();
}

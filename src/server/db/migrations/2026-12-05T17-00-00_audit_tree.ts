/**
 * The audit trail becomes an append-only Merkle tree (docs/AUDIT.md). Requests no longer chain their
 * row under a lock: `seq` comes from a sequence and each row records the id of the transaction that
 * wrote it (`xid`); a single sequencer folds committed rows into the tree in (xid, seq) order.
 * Rows written before this migration get xid 0, so they enter the tree first, in their old order.
 * The old chain columns stay for the rows that have them. Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { createdAt, updatedAt } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence audit_events_seq_seq owned by audit_events.seq`.execute(db);
  await sql`select setval('audit_events_seq_seq', coalesce((select max(seq) from audit_events), 0) + 1, false)`.execute(
    db,
  );
  await sql`alter table audit_events alter column seq set default nextval('audit_events_seq_seq')`.execute(
    db,
  );
  await sql`alter table audit_events alter column prev_hash drop not null`.execute(db);
  await sql`alter table audit_events alter column hash drop not null`.execute(db);
  await sql`alter table audit_events add column xid bigint not null default 0`.execute(db);
  await sql`alter table audit_events alter column xid set default (pg_current_xact_id()::text::bigint)`.execute(
    db,
  );
  await sql`create index audit_events_xid_idx on audit_events (xid, seq)`.execute(db);

  // Leaf i of the tree: which row, and its leaf hash (recomputed from the row by verification).
  await db.schema
    .createTable('audit_tree_leaves')
    .addColumn('idx', 'bigint', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().unique())
    .addColumn('hash', 'bytea', (c) => c.notNull())
    .execute();
  // Completed perfect subtrees (height ≥ 1), so a proof needs O(log² n) look-ups, not every leaf.
  await db.schema
    .createTable('audit_tree_nodes')
    .addColumn('height', 'smallint', (c) => c.notNull())
    .addColumn('idx', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_tree_nodes_pk', ['height', 'idx'])
    .execute();
  // The sequencer's row: locked by whoever folds; where it stopped; the tree's right edge.
  await db.schema
    .createTable('audit_tree_state')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root', 'bytea', (c) => c.notNull())
    .addColumn('frontier', 'jsonb', (c) => c.notNull())
    .addColumn('cursor_xid', 'bigint', (c) => c.notNull())
    .addColumn('cursor_seq', 'bigint', (c) => c.notNull())
    .addColumn('seq_floor', 'bigint', (c) => c.notNull())
    .addColumn('cluster_id', 'text')
    .$call(updatedAt)
    .execute();
  await sql`
    insert into audit_tree_state (id, size, root, frontier, cursor_xid, cursor_seq, seq_floor)
    values (1, 0, decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'), '[]', -1, -1, -1)`.execute(
    db,
  );
  // Signed checkpoints (public: sizes and hashes only) and the witnesses' cosignatures of them.
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('size', 'bigint', (c) => c.primaryKey())
    .addColumn('root', 'bytea', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .$call(createdAt)
    .execute();
  await db.schema
    .createTable('audit_cosignatures')
    .addColumn('size', 'bigint', (c) => c.notNull().references('audit_checkpoints.size'))
    .addColumn('witness', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .$call(createdAt)
    .addPrimaryKeyConstraint('audit_cosignatures_pk', ['size', 'witness'])
    .execute();
  for (const table of ['audit_tree_leaves', 'audit_tree_nodes', 'audit_checkpoints', 'audit_cosignatures']) {
    await sql`
      create trigger ${sql.raw(`${table}_no_update_delete`)} before update or delete on ${sql.table(table)}
      for each row execute function audit_events_append_only()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function audit_events_append_only()`.execute(db);
  }
}

export async function down(): Promise<void> {}

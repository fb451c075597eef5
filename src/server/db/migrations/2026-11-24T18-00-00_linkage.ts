/**
 * Cross-institution record linkage: batch runs, links between two persons (reversible: a removed
 * link keeps who removed it and when), the clusters the active links form, the review queue of
 * uncertain pairs, and reviewers' decisions that two persons are NOT the same (honoured by later
 * runs). The view person_cluster gives every person a cluster: its own id when it has no link.
 * No personal field is stored here: pairs, probabilities and ids only.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { belongsTo, createdAt, createdBy, tableWithId } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'linkage_runs')
    .addColumn('started_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('persons', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('candidate_pairs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('links_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviews_added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('match_threshold', 'double precision', (c) => c.notNull())
    .addColumn('review_threshold', 'double precision', (c) => c.notNull())
    // The estimated m/u per comparison level and λ: what the scores meant at the time.
    .addColumn('model', 'jsonb')
    .execute();
  await tableWithId(db, 'person_links')
    .addColumn('person_a', 'uuid', belongsTo('persons.id'))
    .addColumn('person_b', 'uuid', belongsTo('persons.id'))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('batch','review')`))
    .addColumn('probability', 'double precision')
    .addColumn('run_id', 'uuid', (c) => c.references('linkage_runs.id'))
    .$call(createdBy)
    .$call(createdAt)
    .addColumn('removed_at', 'timestamptz')
    .addColumn('removed_by', 'uuid', (c) => c.references('users.id'))
    .addCheckConstraint('person_links_ordered', sql`person_a < person_b`)
    .execute();
  await sql`create unique index person_links_active on person_links (person_a, person_b) where removed_at is null`.execute(
    db,
  );
  await sql`create index person_links_b on person_links (person_b) where removed_at is null`.execute(db);
  await db.schema
    .createTable('person_clusters')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('cluster_id', 'uuid', (c) => c.notNull())
    .execute();
  await sql`create index person_clusters_cluster on person_clusters (cluster_id)`.execute(db);
  await tableWithId(db, 'match_reviews')
    .addColumn('run_id', 'uuid', (c) => c.references('linkage_runs.id'))
    .addColumn('person_a', 'uuid', belongsTo('persons.id'))
    .addColumn('person_b', 'uuid', belongsTo('persons.id'))
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','confirmed','rejected')`),
    )
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .$call(createdAt)
    .addCheckConstraint('match_reviews_ordered', sql`person_a < person_b`)
    .execute();
  await sql`create unique index match_reviews_pending on match_reviews (person_a, person_b) where status = 'pending'`.execute(
    db,
  );
  await tableWithId(db, 'link_decisions')
    .addColumn('person_a', 'uuid', belongsTo('persons.id'))
    .addColumn('person_b', 'uuid', belongsTo('persons.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('same','different')`))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('link_decisions_ordered', sql`person_a < person_b`)
    .execute();
  await sql`create index link_decisions_pair on link_decisions (person_a, person_b)`.execute(db);
  await sql`
    create view person_cluster as
      select p.id as person_id, coalesce(c.cluster_id, p.id) as cluster_id
      from persons p left join person_clusters c on c.person_id = p.id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view person_cluster`.execute(db);
  for (const table of ['link_decisions', 'match_reviews', 'person_clusters', 'person_links', 'linkage_runs'])
    await db.schema.dropTable(table).execute();
}

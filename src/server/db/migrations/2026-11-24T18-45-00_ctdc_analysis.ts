/**
 * The CTDC analysis area: imported CTDC files (global dataset 2020 or synthetic 2024), one row per
 * record, kept apart from case records (no foreign key to persons or cases, never joined with them)
 * so analysts can compare Paraguay's figures with the global data.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import { belongsTo, createdAt, institutionId, tableWithId } from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'ctdc_imports')
    .addColumn('label', 'text', (c) => c.notNull())
    // 'global2020' (alpha-2, -99 missing, 0/1) or 'synthetic2024' (alpha-3, NULL/1).
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('global2020','synthetic2024')`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('columns', sql`text[]`, (c) => c.notNull())
    .addColumn('imported_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .$call(institutionId)
    .$call(createdAt)
    .execute();
  await db.schema
    .createTable('ctdc_records')
    .addColumn('import_id', 'uuid', belongsTo('ctdc_imports.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer')
    // Male, Female, TransgenderNonConforming, Unknown (both codebooks' labels mapped to these).
    .addColumn('gender', 'text')
    .addColumn('age_broad', 'text')
    // ISO 3166-1 alpha-2 ('ZZ' = unknown country), whatever the file used.
    .addColumn('citizenship', 'text')
    .addColumn('country_of_exploitation', 'text')
    .addColumn('is_forced_labour', 'boolean')
    .addColumn('is_sexual_exploit', 'boolean')
    .addColumn('is_other_exploit', 'boolean')
    // Names of the other binary CTDC variables that are 1 on this record (means, types, recruiter).
    .addColumn('flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addPrimaryKeyConstraint('ctdc_records_pk', ['import_id', 'line'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ctdc_records').execute();
  await db.schema.dropTable('ctdc_imports').execute();
}

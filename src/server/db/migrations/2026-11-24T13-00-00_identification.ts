/**
 * Identification: persons (identifying fields encrypted, blind indexes for look-ups), cases and
 * their sharing, timeline, screening instruments and screenings, trafficking-status decisions,
 * exploitation details and trafficking events (with ICT). Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    // Encrypted identifying fields (AES-256-GCM, src/server/crypto).
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('first_surname', 'text')
    .addColumn('second_surname', 'text')
    .addColumn('aliases', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('document_number', 'text')
    .addColumn('contact', 'text')
    .addColumn('residence_district', 'text')
    .addColumn('indigenous_community', 'text')
    // Blind indexes (HMAC) for look-ups without decrypting.
    .addColumn('name_tokens', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('document_bidx', 'text')
    .addColumn('identity_bidx', 'text')
    // Non-identifying attributes, kept in clear for statistics (counted only above k, see statistics).
    .addColumn('sex', 'text', (c) => c.notNull().defaultTo('Unknown'))
    .addColumn('gender', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('age_estimated', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('estimated_age', 'integer')
    .addColumn('nationalities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('document_type', 'text')
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('interpreter_needed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('indigenous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('disability', 'text')
    .addColumn('residence_department', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index persons_name_tokens_idx on persons using gin (name_tokens)`.execute(db);
  await db.schema.createIndex('persons_document_bidx_idx').on('persons').column('document_bidx').execute();
  await db.schema.createIndex('persons_identity_bidx_idx').on('persons').column('identity_bidx').execute();
  await db.schema.createIndex('persons_owner_idx').on('persons').column('owner_institution_id').execute();

  await db.schema
    .createTable('case_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('owner_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('owner_unit_id', 'uuid', (c) => c.references('units.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('detection_method', 'text', (c) => c.notNull())
    .addColumn('detected_on', 'date', (c) => c.notNull())
    .addColumn('detection_department', 'text')
    .addColumn('detection_country', 'text', (c) => c.notNull().defaultTo('PY'))
    .addColumn('detection_place', 'text') // encrypted free text
    .addColumn('narrative', 'text') // encrypted
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('Active'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('cases_owner_idx')
    .on('cases')
    .columns(['owner_institution_id', 'detected_on'])
    .execute();
  await db.schema.createIndex('cases_detected_idx').on('cases').column('detected_on').execute();

  await db.schema
    .createTable('case_assignments')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_assignments_pk', ['case_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('case_shares')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('shared_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('case_shares_inst_idx')
    .on('case_shares')
    .columns(['institution_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_persons')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_persons_pk', ['case_id', 'person_id'])
    .execute();
  await db.schema.createIndex('case_persons_person_idx').on('case_persons').column('person_id').execute();

  await db.schema
    .createTable('case_timeline')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('institution_id', 'uuid', (c) => c.references('institutions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('case_timeline_case_idx')
    .on('case_timeline')
    .columns(['case_id', 'at'])
    .execute();

  await db.schema
    .createTable('screening_instruments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published','retired')`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('screenings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('instrument_id', 'uuid', (c) => c.notNull().references('screening_instruments.id'))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('facts_date', 'date', (c) => c.notNull())
    .addColumn('age_at_facts', 'integer')
    .addColumn('child', 'text', (c) => c.notNull()) // yes | no | unknown
    .addColumn('act', 'boolean', (c) => c.notNull())
    .addColumn('means', 'boolean', (c) => c.notNull())
    .addColumn('purpose', 'boolean', (c) => c.notNull())
    .addColumn('indicator_count', 'integer', (c) => c.notNull())
    .addColumn('assessment', 'text', (c) => c.notNull())
    .addColumn('flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('screenings_case_idx')
    .on('screenings')
    .columns(['case_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('trafficking_decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_org_type', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull()) // encrypted
    .addColumn('screening_id', 'uuid', (c) => c.references('screenings.id'))
    .addColumn('reviews_decision_id', 'uuid', (c) => c.references('trafficking_decisions.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('trafficking_decisions_person_idx')
    .on('trafficking_decisions')
    .columns(['person_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('trafficking_decisions_decided_idx')
    .on('trafficking_decisions')
    .column('decided_on')
    .execute();

  await db.schema
    .createTable('victim_exploitation')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('exploitation_types', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('labour_industries', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('sexual_exploitation_types', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('control_methods', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('recruitment_methods', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('recruiter_relation', 'text')
    .addColumn('vulnerabilities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('victim_exploitation_pk', ['case_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('trafficking_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.references('persons.id'))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('Recruitment','Transit','Exploitation')`),
    )
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('district', 'text') // encrypted
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('online', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('platforms', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('trafficking_events_case_idx')
    .on('trafficking_events')
    .column('case_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}

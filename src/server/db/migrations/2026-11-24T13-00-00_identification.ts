/**
 * Identification: persons (identifying fields encrypted, blind indexes for look-ups), cases and
 * their sharing, timeline, screening instruments and screenings, trafficking-status decisions,
 * exploitation details and trafficking events (with ICT). Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';
import {
  caseId,
  createdAt,
  createdBy,
  createIndex,
  institutionId,
  personId,
  tableWithId,
  textList,
  timestamps,
  updatedAt,
} from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'persons')
    .addColumn('owner_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .$call(createdBy)
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
    .$call(textList('name_tokens'))
    .addColumn('document_bidx', 'text')
    .addColumn('identity_bidx', 'text')
    // Non-identifying attributes, kept in clear for statistics (counted only above k, see statistics).
    .addColumn('sex', 'text', (c) => c.notNull().defaultTo('Unknown'))
    .addColumn('gender', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('age_estimated', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('estimated_age', 'integer')
    .$call(textList('nationalities'))
    .addColumn('document_type', 'text')
    .$call(textList('languages'))
    .addColumn('interpreter_needed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('indigenous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('disability', 'text')
    .addColumn('residence_department', 'text')
    .$call(timestamps)
    .execute();
  await sql`create index persons_name_tokens_idx on persons using gin (name_tokens)`.execute(db);
  await createIndex(db, 'persons_document_bidx_idx', 'persons', ['document_bidx']);
  await createIndex(db, 'persons_identity_bidx_idx', 'persons', ['identity_bidx']);
  await createIndex(db, 'persons_owner_idx', 'persons', ['owner_institution_id']);

  await db.schema
    .createTable('case_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await tableWithId(db, 'cases')
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('owner_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('owner_unit_id', 'uuid', (c) => c.references('units.id'))
    .$call(createdBy)
    .addColumn('detection_method', 'text', (c) => c.notNull())
    .addColumn('detected_on', 'date', (c) => c.notNull())
    .addColumn('detection_department', 'text')
    .addColumn('detection_country', 'text', (c) => c.notNull().defaultTo('PY'))
    .addColumn('detection_place', 'text') // encrypted free text
    .addColumn('narrative', 'text') // encrypted
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('Active'))
    .$call(timestamps)
    .execute();
  await createIndex(db, 'cases_owner_idx', 'cases', ['owner_institution_id', 'detected_on']);
  await createIndex(db, 'cases_detected_idx', 'cases', ['detected_on']);

  await db.schema
    .createTable('case_assignments')
    .$call(caseId)
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_assignments_pk', ['case_id', 'user_id'])
    .execute();

  await tableWithId(db, 'case_shares')
    .$call(caseId)
    .$call(institutionId)
    .addColumn('shared_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .$call(createdAt)
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await createIndex(db, 'case_shares_inst_idx', 'case_shares', ['institution_id', 'case_id']);

  await db.schema
    .createTable('case_persons')
    .$call(caseId)
    .$call(personId)
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_persons_pk', ['case_id', 'person_id'])
    .execute();
  await createIndex(db, 'case_persons_person_idx', 'case_persons', ['person_id']);

  await db.schema
    .createTable('case_timeline')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .$call(caseId)
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('institution_id', 'uuid', (c) => c.references('institutions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await createIndex(db, 'case_timeline_case_idx', 'case_timeline', ['case_id', 'at']);

  await tableWithId(db, 'screening_instruments')
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published','retired')`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .$call(createdBy)
    .$call(createdAt)
    .addColumn('published_at', 'timestamptz')
    .execute();

  await tableWithId(db, 'screenings')
    .$call(caseId)
    .$call(personId)
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
    .$call(textList('flags'))
    .$call(createdBy)
    .$call(institutionId)
    .$call(createdAt)
    .execute();
  await createIndex(db, 'screenings_case_idx', 'screenings', ['case_id', 'person_id']);

  await tableWithId(db, 'trafficking_decisions')
    .$call(caseId)
    .$call(personId)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_org_type', 'text', (c) => c.notNull())
    .$call(institutionId)
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull()) // encrypted
    .addColumn('screening_id', 'uuid', (c) => c.references('screenings.id'))
    .addColumn('reviews_decision_id', 'uuid', (c) => c.references('trafficking_decisions.id'))
    .$call(createdAt)
    .execute();
  await createIndex(db, 'trafficking_decisions_person_idx', 'trafficking_decisions', [
    'person_id',
    'created_at',
  ]);
  await createIndex(db, 'trafficking_decisions_decided_idx', 'trafficking_decisions', ['decided_on']);

  await db.schema
    .createTable('victim_exploitation')
    .$call(caseId)
    .$call(personId)
    .$call(textList('exploitation_types'))
    .$call(textList('labour_industries'))
    .$call(textList('sexual_exploitation_types'))
    .$call(textList('control_methods'))
    .$call(textList('recruitment_methods'))
    .addColumn('recruiter_relation', 'text')
    .$call(textList('vulnerabilities'))
    .$call(updatedAt)
    .addPrimaryKeyConstraint('victim_exploitation_pk', ['case_id', 'person_id'])
    .execute();

  await tableWithId(db, 'trafficking_events')
    .$call(caseId)
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
    .$call(textList('platforms'))
    .$call(createdBy)
    .$call(createdAt)
    .execute();
  await createIndex(db, 'trafficking_events_case_idx', 'trafficking_events', ['case_id']);
}

export { forwardOnly as down } from './columns.js';

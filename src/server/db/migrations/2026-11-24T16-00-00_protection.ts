/**
 * Protection and referral (DOMAIN.md §5): the service directory (providers, the services each offers
 * with capacity and occupancy for places with beds), consents, needs, referrals, services delivered
 * and the protection status of foreign and repatriated victims. Frozen: never import application code.
 *
 * Encrypted columns (free text that may describe a person): consents.reason, person_needs.notes,
 * referrals.note, referrals.state_reason, service_deliveries.description.
 */
import { sql, type Kysely } from 'kysely';
import {
  belongsTo,
  caseId,
  createdAt,
  createdBy,
  createIndex,
  institutionId,
  personId,
  tableWithId,
  textList,
  timestamps,
  unitId,
  updatedAt,
} from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'service_providers')
    .$call(institutionId)
    .$call(unitId)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    // Eligibility: an empty list means "anyone".
    .$call(textList('sexes'))
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .$call(textList('nationalities'))
    .$call(textList('languages'))
    // Institutional, never personal.
    .addColumn('hours', 'text')
    .addColumn('contact', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .$call(createdBy)
    .$call(timestamps)
    .addCheckConstraint(
      'service_providers_age_check',
      sql`min_age is null or max_age is null or min_age <= max_age`,
    )
    .execute();
  await createIndex(db, 'service_providers_institution_idx', 'service_providers', ['institution_id']);

  await tableWithId(db, 'provider_services')
    .addColumn('provider_id', 'uuid', belongsTo('service_providers.id'))
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('departments', sql`text[]`, (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('occupancy', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(updatedAt)
    .addUniqueConstraint('provider_services_unique', ['provider_id', 'service_type'])
    // The database itself refuses an occupancy below zero or above capacity.
    .addCheckConstraint(
      'provider_services_occupancy_check',
      sql`occupancy >= 0 and (capacity is null or (capacity >= 0 and occupancy <= capacity))`,
    )
    .execute();
  await sql`create index provider_services_type_idx on provider_services (service_type)`.execute(db);

  await tableWithId(db, 'consents')
    .$call(caseId)
    .$call(personId)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('consent','best_interest_exception')`))
    .addColumn('services', sql`text[]`, (c) => c.notNull())
    .addColumn('shared_fields', sql`text[]`, (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('given_by', 'text')
    .addColumn('given_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text') // encrypted
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .$call(institutionId)
    .$call(createdAt)
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  await createIndex(db, 'consents_case_person_idx', 'consents', ['case_id', 'person_id']);

  await tableWithId(db, 'person_needs')
    .$call(caseId)
    .$call(personId)
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('notes', 'text') // encrypted
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unmet_reason', 'text')
    // Snapshot of non-identifying attributes for the gap report (no decryption needed to count).
    .addColumn('person_sex', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .$call(createdBy)
    .$call(institutionId)
    .$call(timestamps)
    .execute();
  await createIndex(db, 'person_needs_case_idx', 'person_needs', ['case_id']);
  await sql`create index person_needs_unmet_idx on person_needs (service_type, department) where status = 'unmet'`.execute(
    db,
  );

  await tableWithId(db, 'referrals')
    .$call(caseId)
    .$call(personId)
    .addColumn('need_id', 'uuid', (c) => c.notNull().references('person_needs.id'))
    .addColumn('consent_id', 'uuid', (c) => c.notNull().references('consents.id'))
    .addColumn('provider_service_id', 'uuid', (c) => c.notNull().references('provider_services.id'))
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('from_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('to_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`state in ('requested','accepted','declined','in_progress','completed','closed','withdrawn')`,
        ),
    )
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('shared_fields', sql`text[]`, (c) => c.notNull())
    .addColumn('note', 'text') // encrypted
    .addColumn('state_reason', 'text') // encrypted
    .addColumn('holds_place', 'boolean', (c) => c.notNull().defaultTo(false))
    .$call(createdBy)
    .$call(timestamps)
    .execute();
  await sql`create index referrals_to_idx on referrals (to_institution_id, state, created_at)`.execute(db);
  await sql`create index referrals_from_idx on referrals (from_institution_id, state, created_at)`.execute(
    db,
  );
  await createIndex(db, 'referrals_consent_idx', 'referrals', ['consent_id']);
  await createIndex(db, 'referrals_case_idx', 'referrals', ['case_id']);

  await tableWithId(db, 'service_deliveries')
    .addColumn('referral_id', 'uuid', belongsTo('referrals.id'))
    .addColumn('delivered_on', 'date', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull()) // encrypted
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .$call(institutionId)
    .$call(createdAt)
    .execute();
  await createIndex(db, 'service_deliveries_referral_idx', 'service_deliveries', ['referral_id']);

  await db.schema
    .createTable('protection_status')
    .$call(caseId)
    .$call(personId)
    .addColumn('origin_country', 'text')
    .addColumn('destination_country', 'text')
    .addColumn('consulate', 'text')
    .addColumn('return_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('return_arranged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('residency_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('residency_granted', 'boolean', (c) => c.notNull().defaultTo(false))
    .$call(updatedAt)
    .addPrimaryKeyConstraint('protection_status_pk', ['case_id', 'person_id'])
    .execute();
}

export { forwardOnly as down } from './columns.js';

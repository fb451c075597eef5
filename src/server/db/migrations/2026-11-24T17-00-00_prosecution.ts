/**
 * Prosecution (DOMAIN.md §6): the legal-provision catalogue (seeded from DOMAIN.md §2, with es/gn/en
 * labels), investigations with their linked cases, suspects (identity encrypted, like persons),
 * charges, procedural stages and outcomes per defendant, operations, international cooperation and
 * victims' participation. Frozen: never import application code.
 *
 * Encrypted columns: investigations.complaint_summary, investigations.ict_accounts,
 * investigation_suspects.{given_names,surnames,aliases,document_number,position},
 * investigation_operations.place. What statistics count (dates, department, sex, birth year,
 * nationality, official kind and institution, sentence months) is kept in clear.
 */
import { sql, type Kysely } from 'kysely';
import {
  belongsTo,
  createdAt,
  createdBy,
  institutionId,
  personId,
  tableWithId,
  textList,
  timestamps,
  unitId,
  updatedAt,
} from './columns.js';

const now = (c: any) => c.notNull().defaultTo(sql`now()`);

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'legal_provisions')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('article', 'text', (c) => c.notNull())
    .addColumn('label_es', 'text', (c) => c.notNull())
    .addColumn('label_gn', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('max_years', 'integer')
    .addColumn('article_unconfirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  // DOMAIN.md §2. Article numbers 5–7 of Law 4788/2012 are cited but unconfirmed: flagged as such.
  const provisions: Array<[string, string, string, string, string, string, number | null, boolean]> = [
    [
      'L4788-5',
      'Ley 4788/2012',
      '5',
      'Ley 4788/2012 — trata de personas con fines de explotación sexual',
      'Léi 4788/2012 — tapicha ñemuhũ explotación sexual-rã',
      'Law 4788/2012 — trafficking in persons for sexual exploitation',
      8,
      true,
    ],
    [
      'L4788-6',
      'Ley 4788/2012',
      '6',
      'Ley 4788/2012 — trata de personas con fines de explotación laboral',
      'Léi 4788/2012 — tapicha ñemuhũ explotación tembiapópe',
      'Law 4788/2012 — trafficking in persons for labour exploitation',
      8,
      true,
    ],
    [
      'L4788-7',
      'Ley 4788/2012',
      '7',
      'Ley 4788/2012 — circunstancias agravantes (fuerza, fraude, coacción; víctima niño)',
      'Léi 4788/2012 — circunstancias agravantes (mbarete, ñembotavy, ñemondýi; mitã)',
      'Law 4788/2012 — aggravating circumstances (force, fraud, coercion; child victim)',
      20,
      true,
    ],
    [
      'CP-129',
      'Código Penal (1997)',
      '129',
      'Código Penal art. 129 — trata de personas hacia el exterior para la prostitución',
      'Código Penal art. 129 — tapicha ñemuhũ tetã ambuére prostitución-rã',
      'Penal Code art. 129 — transnational movement for prostitution',
      6,
      false,
    ],
    [
      'CP-129B',
      'Código Penal (reforma 2009)',
      '129b',
      'Código Penal art. 129b — trata de personas con fines de explotación sexual',
      'Código Penal art. 129b — tapicha ñemuhũ explotación sexual-rã',
      'Penal Code art. 129b — trafficking for sexual exploitation',
      12,
      false,
    ],
    [
      'CP-129C',
      'Código Penal (reforma 2009)',
      '129c',
      'Código Penal art. 129c — trata de personas con fines de explotación personal y laboral',
      'Código Penal art. 129c — tapicha ñemuhũ explotación tembiapópe',
      'Penal Code art. 129c — trafficking for labour exploitation',
      12,
      false,
    ],
    [
      'CP-139',
      'Código Penal (1997)',
      '139',
      'Código Penal art. 139 — proxenetismo',
      'Código Penal art. 139 — proxenetismo',
      'Penal Code art. 139 — pimping',
      null,
      false,
    ],
    [
      'CP-OTHER',
      'Código Penal',
      '—',
      'Otra disposición del Código Penal (privación de libertad, secuestro u otra)',
      'Ambue disposición Código Penal-pegua',
      'Another provision of the Penal Code (deprivation of liberty, kidnapping or other)',
      null,
      false,
    ],
  ];
  await db
    .insertInto('legal_provisions')
    .values(
      provisions.map(([code, instrument, article, es, gn, en, maxYears, unconfirmed], index) => ({
        code,
        instrument,
        article,
        label_es: es,
        label_gn: gn,
        label_en: en,
        max_years: maxYears,
        article_unconfirmed: unconfirmed,
        sort: index + 1,
      })),
    )
    .execute();

  await tableWithId(db, 'investigations')
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('owner_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .$call(unitId)
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('complaint_on', 'date')
    .addColumn('complaint_summary', 'text') // encrypted
    .addColumn('department', 'text')
    .$call(textList('ict_platforms'))
    .addColumn('ict_accounts', 'text') // encrypted
    .$call(createdBy)
    .$call(timestamps)
    .addUniqueConstraint('investigations_reference_unique', ['owner_institution_id', 'reference'])
    .addCheckConstraint(
      'investigations_complaint_check',
      sql`complaint_on is null or complaint_on <= opened_on`,
    )
    .execute();
  await sql`create index investigations_opened_idx on investigations (opened_on)`.execute(db);

  // Institutions the prosecutor instructed to work on the investigation (police on instruction).
  await db.schema
    .createTable('investigation_instructions')
    .addColumn('investigation_id', 'uuid', belongsTo('investigations.id'))
    .$call(institutionId)
    .addColumn('instructed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('instructed_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('investigation_instructions_pk', ['investigation_id', 'institution_id'])
    .execute();
  await sql`create index investigation_instructions_institution_idx on investigation_instructions (institution_id)`.execute(
    db,
  );

  await db.schema
    .createTable('investigation_cases')
    .addColumn('investigation_id', 'uuid', belongsTo('investigations.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('linked_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('linked_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('investigation_cases_pk', ['investigation_id', 'case_id'])
    .execute();

  await tableWithId(db, 'investigation_suspects')
    .addColumn('investigation_id', 'uuid', belongsTo('investigations.id'))
    .addColumn('given_names', 'text', (c) => c.notNull()) // encrypted
    .addColumn('surnames', 'text') // encrypted
    .addColumn('aliases', 'text') // encrypted (JSON list)
    .addColumn('document_number', 'text') // encrypted
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('nationality', 'text')
    .addColumn('roles', sql`text[]`, (c) => c.notNull())
    .addColumn('official_kind', 'text')
    .addColumn('official_institution_id', 'uuid', (c) => c.references('institutions.id'))
    .addColumn('official_position', 'text') // encrypted
    .$call(createdBy)
    .$call(createdAt)
    .addCheckConstraint(
      'investigation_suspects_official_check',
      sql`(official_kind is null) = (official_institution_id is null)`,
    )
    .execute();
  await sql`create index investigation_suspects_investigation_idx on investigation_suspects (investigation_id)`.execute(
    db,
  );
  // The complicity filter looks suspects up by the official's institution on every query.
  await sql`create index investigation_suspects_official_idx on investigation_suspects (official_institution_id) where official_institution_id is not null`.execute(
    db,
  );

  await tableWithId(db, 'suspect_charges')
    .addColumn('suspect_id', 'uuid', belongsTo('investigation_suspects.id'))
    .addColumn('provision_id', 'uuid', (c) => c.notNull().references('legal_provisions.id'))
    .addColumn('charged_on', 'date', (c) => c.notNull())
    .$call(createdBy)
    .$call(createdAt)
    .addUniqueConstraint('suspect_charges_unique', ['suspect_id', 'provision_id'])
    .execute();

  await tableWithId(db, 'procedural_stages')
    .addColumn('suspect_id', 'uuid', belongsTo('investigation_suspects.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .$call(createdBy)
    .$call(createdAt)
    .addUniqueConstraint('procedural_stages_seq_unique', ['suspect_id', 'seq'])
    .execute();
  await sql`create index procedural_stages_stage_idx on procedural_stages (stage, occurred_on)`.execute(db);

  await tableWithId(db, 'suspect_outcomes')
    .addColumn('suspect_id', 'uuid', belongsTo('investigation_suspects.id'))
    .addColumn('stage_id', 'uuid', (c) => c.notNull().unique().references('procedural_stages.id'))
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('convicted','acquitted','dismissed')`),
    )
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('sentence_months', 'integer', (c) =>
      c.check(sql`sentence_months is null or sentence_months > 0`),
    )
    .addColumn('suspended', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('fine_amount', 'bigint')
    .addColumn('restitution_amount', 'bigint')
    .$call(createdBy)
    .$call(createdAt)
    .execute();
  await sql`create index suspect_outcomes_decided_idx on suspect_outcomes (outcome, decided_on)`.execute(db);

  await tableWithId(db, 'investigation_operations')
    .addColumn('investigation_id', 'uuid', belongsTo('investigations.id'))
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('place', 'text') // encrypted
    .addColumn('persons_arrested', 'integer', (c) => c.notNull())
    .addColumn('victims_rescued', 'integer', (c) => c.notNull())
    .$call(createdBy)
    .$call(createdAt)
    .execute();

  await tableWithId(db, 'cooperation_requests')
    .addColumn('investigation_id', 'uuid', belongsTo('investigations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'date', (c) => c.notNull())
    .addColumn('granted_on', 'date')
    .$call(createdBy)
    .$call(createdAt)
    .addCheckConstraint(
      'cooperation_requests_dates_check',
      sql`granted_on is null or granted_on >= requested_on`,
    )
    .execute();

  await tableWithId(db, 'victim_participation')
    .addColumn('investigation_id', 'uuid', belongsTo('investigations.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .$call(personId)
    .addColumn('witness', 'boolean', (c) => c.notNull())
    .addColumn('protective_measures', sql`text[]`, (c) => c.notNull())
    .addColumn('penalised', 'boolean', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .$call(updatedAt)
    .addUniqueConstraint('victim_participation_unique', ['investigation_id', 'person_id'])
    .execute();
}

export { forwardOnly as down } from './columns.js';

/**
 * Foundation schema: institutions and units, users, sessions, login attempts, one-time tokens,
 * encryption keys and the append-only audit trail. Frozen: never import application code here.
 */
import { sql, type Kysely } from 'kysely';
import { refusingFunction } from './columns.js';
import {
  belongsTo,
  createdAt,
  createdBy,
  createIndex,
  institutionId,
  tableWithId,
  timestamps,
  unitId,
} from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'institutions')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .$call(createdAt)
    .execute();

  await tableWithId(db, 'units')
    .$call(institutionId)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .$call(createdAt)
    .addUniqueConstraint('units_institution_code_unique', ['institution_id', 'code'])
    .execute();

  await tableWithId(db, 'users')
    .$call(institutionId)
    .$call(unitId)
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`role in ('system_admin','institution_admin','case_worker','supervisor','prosecutor','analyst','dpo')`,
        ),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending','active','disabled')`),
    )
    .addColumn('password_hash', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('totp_last_step', 'bigint')
    .addColumn('locale', 'text', (c) =>
      c
        .notNull()
        .defaultTo('es')
        .check(sql`locale in ('es','gn','en')`),
    )
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .$call(timestamps)
    .execute();
  await createIndex(db, 'users_institution_idx', 'users', ['institution_id']);

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', belongsTo('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .$call(createdAt)
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await createIndex(db, 'sessions_user_idx', 'sessions', ['user_id']);

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('success', 'boolean', (c) => c.notNull())
    .execute();
  await createIndex(db, 'login_attempts_client_idx', 'login_attempts', ['client_key', 'at']);

  await db.schema
    .createTable('one_time_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose in ('setup','activation','password_reset')`),
    )
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .$call(createdBy)
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .$call(createdAt)
    .execute();

  await db.schema
    .createTable('crypto_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('data','blind_index')`))
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','retired')`))
    .$call(createdAt)
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_username', 'text')
    .addColumn('actor_institution_id', 'uuid')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('success','denied','failure')`))
    .addColumn('resource_type', 'text')
    .addColumn('resource_id', 'text')
    .addColumn('purpose', 'text')
    .addColumn('request_id', 'text')
    .addColumn('changed_fields', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await createIndex(db, 'audit_events_at_idx', 'audit_events', ['at']);
  await createIndex(db, 'audit_events_resource_idx', 'audit_events', ['resource_type', 'resource_id']);
  await createIndex(db, 'audit_events_actor_idx', 'audit_events', ['actor_user_id']);

  // Append-only: the application never updates or deletes audit rows; the database refuses it too.
  await refusingFunction(db, 'audit_events_append_only', 'audit_events is append-only');
  await sql`
    create trigger audit_events_no_update_delete
    before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db);
  await sql`
    create trigger audit_events_no_truncate
    before truncate on audit_events
    for each statement execute function audit_events_append_only()`.execute(db);

  // Institutions and their units (DOMAIN.md §1). Catalogue data: administrators can add more.
  const institutions: Array<[string, string, string]> = [
    ['PNPTU', 'Policía Nacional — División contra la Trata de Personas', 'LawEnforcement'],
    [
      'MP-UFETESI',
      'Ministerio Público — Unidad Fiscal Especializada contra la Trata de Personas y Explotación Sexual de NNA',
      'CourtOrProsecution',
    ],
    ['MINMUJER', 'Ministerio de la Mujer', 'CentralGovernmentOrganisation'],
    ['MINNA', 'Ministerio de la Niñez y la Adolescencia', 'CentralGovernmentOrganisation'],
    ['MTESS', 'Ministerio de Trabajo, Empleo y Seguridad Social', 'CentralGovernmentOrganisation'],
    ['MRE', 'Ministerio de Relaciones Exteriores', 'CentralGovernmentOrganisation'],
    ['DGM', 'Dirección General de Migraciones', 'ImmigrationService'],
    ['MSPBS', 'Ministerio de Salud Pública y Bienestar Social', 'HealthServiceOrganisation'],
    ['PJ', 'Poder Judicial', 'CourtOrProsecution'],
    ['NGO-LUNANUEVA', 'Grupo Luna Nueva', 'NGO'],
    ['INT-OIM', 'Organización Internacional para las Migraciones (OIM)', 'InternationalOrganisation'],
    ['MESA', 'Mesa Interinstitucional para la Prevención y Combate a la Trata de Personas', 'Coordination'],
  ];
  await db
    .insertInto('institutions')
    .values(institutions.map(([code, name, kind]) => ({ code, name, kind })))
    .execute();

  const units: Array<[string, string, string, string | null]> = [
    ['PNPTU', 'ASU', 'División contra la Trata de Personas — Asunción', 'PY-ASU'],
    ['PNPTU', 'PUERTO-ELISA', 'Unidad contra la Trata — Puerto Elisa', 'PY-11'],
    ['PNPTU', 'CORONEL-OVIEDO', 'Unidad contra la Trata — Coronel Oviedo', 'PY-5'],
    ['PNPTU', 'ENCARNACION', 'Unidad contra la Trata — Encarnación', 'PY-7'],
    ['PNPTU', 'CAAGUAZU', 'Unidad contra la Trata — Caaguazú', 'PY-5'],
    ['PNPTU', 'CDE', 'Unidad contra la Trata — Ciudad del Este', 'PY-10'],
    ['MP-UFETESI', 'UFETESI', 'Unidad Fiscal Especializada contra la Trata de Personas', 'PY-ASU'],
    ['MINMUJER', 'DGPAVT', 'Dirección General de Prevención y Atención a Víctimas de Trata', 'PY-ASU'],
    ['MINMUJER', 'ALBERGUE', 'Centro de Referencia y Albergue Transitorio', 'PY-ASU'],
    ['MINNA', 'SOP-FRONTERA', 'Protección en frontera de niñas, niños y adolescentes', null],
    ['MTESS', 'INSPECCION', 'Dirección de Inspección del Trabajo', 'PY-ASU'],
    ['MRE', 'CONSULADOS', 'Consulados y secciones consulares', null],
    ['MRE', 'MESA-SECRETARIA', 'Secretaría de la Mesa Interinstitucional', 'PY-ASU'],
  ];
  for (const [code, unitCode, name, department] of units) {
    await db
      .insertInto('units')
      .values({
        institution_id: db.selectFrom('institutions').select('id').where('code', '=', code),
        code: unitCode,
        name,
        department,
      })
      .execute();
  }
}

export { forwardOnly as down } from './columns.js';

/**
 * Protection as the law asks it (docs/LEGAL-PROVISIONS.md, "Protection and the authorities"):
 *
 * - institutions.authorities: the legal roles an institution holds for children and indigenous
 *   persons (`child_protection`, `child_best_interest_exception` — may sign a child's best-interest
 *   exception —, `children_defender`, `juvenile_judge`, `indigenous_affairs`). Seeded: MINNA; the
 *   municipal children's councils (CODENI); the public defender's children's defenders (Defensoría
 *   de la Niñez y la Adolescencia); the judiciary, with a unit for the children's courts (Juzgados de
 *   la Niñez y la Adolescencia); and INDI, the Paraguayan Indigenous Institute.
 * - protection_status: the recovery and reflection period (from, until), voluntary return with the
 *   risk assessment that must come before it (assessed on, level, returned on), and the
 *   non-punishment principle on the case (the person was penalised for acts they were compelled to
 *   commit, or the principle was applied: proceedings not brought or dropped).
 * - persons.pseudonym: the person gave no name; `given_names` holds a pseudonym, shown marked as such
 *   wherever a name would be.
 *
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

const INSTITUTIONS: Array<[code: string, name: string, kind: string, authorities: string[]]> = [
  [
    'CODENI',
    'Consejerías Municipales por los Derechos del Niño, Niña y Adolescente (CODENI)',
    'LocalGovernmentOrganisation',
    ['child_protection', 'child_best_interest_exception'],
  ],
  [
    'DEFENSORIA-NNA',
    'Ministerio de la Defensa Pública — Defensoría de la Niñez y la Adolescencia',
    'CentralGovernmentOrganisation',
    ['children_defender', 'child_best_interest_exception'],
  ],
  [
    'INDI',
    'Instituto Paraguayo del Indígena (INDI)',
    'CentralGovernmentOrganisation',
    ['indigenous_affairs'],
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table institutions add column authorities text[] not null default '{}'`.execute(db);
  for (const [code, name, kind, authorities] of INSTITUTIONS)
    await db
      .insertInto('institutions')
      .values({ code, name, kind, authorities: sql`${sql.lit(`{${authorities.join(',')}}`)}::text[]` })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  await sql`update institutions set authorities = '{child_protection,child_best_interest_exception}'
    where code = 'MINNA'`.execute(db);
  await sql`update institutions set authorities = '{juvenile_judge,child_best_interest_exception}'
    where code = 'PJ'`.execute(db);
  await sql`insert into units (institution_id, code, name, department)
    select id, 'JUZGADOS-NNA', 'Juzgados de la Niñez y la Adolescencia', null from institutions where code = 'PJ'
    and not exists (select 1 from units u join institutions i on i.id = u.institution_id
      where i.code = 'PJ' and u.code = 'JUZGADOS-NNA')`.execute(db);

  await sql`alter table protection_status
    add column reflection_from date,
    add column reflection_until date,
    add column return_voluntary boolean not null default false,
    add column return_risk_assessed_on date,
    add column return_risk_level text check (return_risk_level is null or return_risk_level in ('low','medium','high')),
    add column returned_on date,
    add column penalised boolean not null default false,
    add column non_punishment_applied boolean not null default false,
    add column recorded_on date,
    add constraint protection_status_reflection_check
      check (reflection_until is null or (reflection_from is not null and reflection_until >= reflection_from)),
    add constraint protection_status_return_check
      check (returned_on is null or (return_risk_assessed_on is not null and returned_on >= return_risk_assessed_on))`.execute(
    db,
  );
  // The day the status was first recorded (Paraguay's day), for the figures' date basis.
  await sql`update protection_status set recorded_on = (updated_at at time zone 'America/Asuncion')::date`.execute(
    db,
  );

  await sql`alter table persons add column pseudonym boolean not null default false`.execute(db);
}

export { forwardOnly as down } from './columns.js';

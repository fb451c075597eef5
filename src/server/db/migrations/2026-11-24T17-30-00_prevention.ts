/**
 * Prevention (DOMAIN.md §7 "Prevention"): training events and their participants counted by
 * institution and sex, awareness campaigns, hotline contacts, and the national action plan with its
 * progress history. Seeds an EXAMPLE action plan (synthetic, marked as such) that the Mesa's
 * administrators replace or edit. Frozen: never import application code.
 *
 * Encrypted column: hotline_contacts.summary (what the caller reported; it may describe a person).
 */
import { sql, type Kysely } from 'kysely';
import {
  belongsTo,
  createdAt,
  createdBy,
  institutionId,
  tableWithId,
  textList,
  timestamps,
  unitId,
} from './columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await tableWithId(db, 'training_events')
    .$call(institutionId)
    .$call(unitId)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('modality', 'text', (c) =>
      c.notNull().check(sql`modality in ('in_person','virtual','hybrid')`),
    )
    .addColumn('department', 'text')
    // The venue or platform: institutional, never a person.
    .addColumn('place', 'text')
    .addColumn('audience_institution_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .$call(textList('topics'))
    .$call(createdBy)
    .$call(timestamps)
    .addCheckConstraint('training_events_dates_check', sql`ends_on is null or ends_on >= held_on`)
    .execute();
  await sql`create index training_events_held_idx on training_events (held_on, institution_id)`.execute(db);

  // Participants are counted, not named: one row per (training, institution, sex). A null
  // institution is "other or not stated" (e.g. municipal staff, students).
  await tableWithId(db, 'training_participants')
    .addColumn('training_id', 'uuid', belongsTo('training_events.id'))
    .addColumn('institution_id', 'uuid', (c) => c.references('institutions.id'))
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('Female','Male','Unspecified')`))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0 and count <= 100000`))
    .execute();
  await sql`create unique index training_participants_cell_idx on training_participants
    (training_id, coalesce(institution_id, '00000000-0000-0000-0000-000000000000'::uuid), sex)`.execute(db);

  await tableWithId(db, 'campaigns')
    .$call(institutionId)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('channels', sql`text[]`, (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    // Empty: national.
    .$call(textList('departments'))
    .$call(textList('languages'))
    .addColumn('reach', 'integer', (c) => c.check(sql`reach is null or reach >= 0`))
    .addColumn('reach_basis', 'text')
    .addColumn('partners', 'text')
    .$call(createdBy)
    .$call(createdAt)
    .addCheckConstraint('campaigns_dates_check', sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await sql`create index campaigns_starts_idx on campaigns (starts_on, institution_id)`.execute(db);

  await tableWithId(db, 'hotline_contacts')
    .$call(institutionId)
    .$call(unitId)
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('exploitation_type', 'text')
    .addColumn('department', 'text')
    .addColumn('child_involved', 'boolean')
    .addColumn('summary', 'text') // encrypted
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .$call(createdAt)
    .execute();
  await sql`create index hotline_contacts_inst_idx on hotline_contacts (institution_id, received_on)`.execute(
    db,
  );
  await sql`create index hotline_contacts_received_idx on hotline_contacts (received_on, channel, department)`.execute(
    db,
  );

  await tableWithId(db, 'action_plans')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await tableWithId(db, 'action_plan_objectives')
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('action_plans.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('action_plan_objectives_code_unique', ['plan_id', 'code'])
    .execute();
  await tableWithId(db, 'action_plan_actions')
    .addColumn('objective_id', 'uuid', (c) => c.notNull().references('action_plan_objectives.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('responsible_institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline', 'numeric', (c) => c.notNull().defaultTo(0))
    .addColumn('target', 'numeric', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .$call(timestamps)
    .execute();
  // Progress reports are appended, never overwritten: the latest is the current value.
  await tableWithId(db, 'action_plan_progress')
    .addColumn('action_id', 'uuid', (c) => c.notNull().references('action_plan_actions.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .$call(institutionId)
    .$call(createdAt)
    .execute();
  await sql`create index action_plan_progress_action_idx on action_plan_progress (action_id, created_at)`.execute(
    db,
  );

  await seedExamplePlan(db);
}

type SeedAction = [
  code: string,
  title: string,
  institution: string,
  indicator: string,
  unit: string,
  target: number,
];

/** A plausible, SYNTHETIC plan so the pages have structure from day one; not the official plan. */
const EXAMPLE_PLAN: Array<[code: string, title: string, actions: SeedAction[]]> = [
  [
    'OE1',
    'Prevención: informar a la población y capacitar a funcionarios',
    [
      [
        '1.1',
        'Capacitar a policías, fiscales e inspectores en identificación de víctimas',
        'PNPTU',
        'Funcionarios capacitados',
        'personas',
        600,
      ],
      ['1.2', 'Talleres regionales con gobiernos locales', 'MINMUJER', 'Talleres realizados', 'talleres', 12],
      [
        '1.3',
        'Campaña nacional de la línea de denuncia en español y guaraní',
        'MINMUJER',
        'Personas alcanzadas',
        'personas',
        500000,
      ],
      [
        '1.4',
        'Capacitar al personal consular en atención a víctimas en el exterior',
        'MRE',
        'Consulados con personal capacitado',
        'consulados',
        15,
      ],
    ],
  ],
  [
    'OE2',
    'Atención y protección integral a las víctimas',
    [
      [
        '2.1',
        'Ampliar las plazas de albergue para mujeres víctimas',
        'MINMUJER',
        'Plazas disponibles',
        'plazas',
        40,
      ],
      [
        '2.2',
        'Protocolo de frontera para niñas, niños y adolescentes en todos los pasos',
        'MINNA',
        'Pasos de frontera con protocolo',
        'pasos',
        10,
      ],
    ],
  ],
  [
    'OE3',
    'Persecución penal del delito de trata',
    [
      [
        '3.1',
        'Investigaciones fiscales iniciadas con víctima identificada',
        'MP-UFETESI',
        'Investigaciones iniciadas',
        'investigaciones',
        120,
      ],
      [
        '3.2',
        'Inspecciones laborales en sectores de riesgo',
        'MTESS',
        'Inspecciones realizadas',
        'inspecciones',
        200,
      ],
    ],
  ],
  [
    'OE4',
    'Coordinación interinstitucional e información',
    [
      [
        '4.1',
        'Estadísticas nacionales publicadas desde los registros',
        'MESA',
        'Informes anuales publicados',
        'informes',
        1,
      ],
    ],
  ],
];

async function seedExamplePlan(db: Kysely<any>): Promise<void> {
  const plan = await db
    .insertInto('action_plans')
    .values({
      title: 'Plan Nacional de Prevención y Combate a la Trata de Personas 2026–2030',
      description:
        'DATOS DE EJEMPLO (sintéticos): estructura de muestra para que la Mesa Interinstitucional cargue o edite el plan oficial. No es el plan vigente.',
      starts_on: '2026-01-01',
      ends_on: '2030-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [position, [code, title, actions]] of EXAMPLE_PLAN.entries()) {
    const objective = await db
      .insertInto('action_plan_objectives')
      .values({ plan_id: plan.id, code, title, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [actionCode, actionTitle, institution, indicator, unit, target] of actions) {
      await db
        .insertInto('action_plan_actions')
        .values({
          objective_id: objective.id,
          code: actionCode,
          title: actionTitle,
          responsible_institution_id: db
            .selectFrom('institutions')
            .select('id')
            .where('code', '=', institution),
          indicator,
          unit,
          target,
          due_on: '2030-12-31',
        })
        .execute();
    }
  }
}

export { forwardOnly as down } from './columns.js';

/**
 * Prosecution figures (docs/DOMAIN.md §7): investigations opened, persons charged (imputados) and
 * convicted with their sentences, complicity investigations, international cooperation, operations.
 * They are read from the prosecution tables (no victim facts): suspects are counted per suspect record
 * (record linkage covers victims, not suspects). Aggregates only, and no drill-down (drill.ts): the
 * investigations behind a number are reached only through the investigation scope.
 */
import type { DimensionId } from '../../../shared/api-statistics.js';
import { defineFigure } from '../figure.js';

/** The investigation's attributes every prosecution source carries (`i` = investigations). */
const INVESTIGATION = `i.owner_institution_id as institution_id, coalesce(i.department, 'Unknown') as department,
  case when cardinality(i.ict_platforms) > 0 then 'online' else 'offline' end as ict`;

const INVESTIGATIONS = `select i.id, i.opened_on as on_date, ${INVESTIGATION},
  exists (select 1 from investigation_suspects s where s.investigation_id = i.id and s.official_kind is not null)
    as complicity
  from investigations i`;

/** One row per suspect: the date of their first imputación. */
const CHARGED = `select s.id, min(ps.occurred_on) as on_date, s.sex, ${INVESTIGATION}
  from investigation_suspects s join investigations i on i.id = s.investigation_id
  join procedural_stages ps on ps.suspect_id = s.id and ps.stage = 'imputacion'
  group by s.id, i.id`;

/** One row per convicted suspect: their first conviction (sentence date) and its sentence. */
const CONVICTED = `select distinct on (s.id) s.id, o.decided_on as on_date, s.sex, ${INVESTIGATION},
  o.sentence_months,
  case when o.sentence_months is null then 'none' when o.sentence_months < 24 then '<24'
    when o.sentence_months < 60 then '24-59' when o.sentence_months < 120 then '60-119' else '120+' end
    as sentence_band
  from suspect_outcomes o join investigation_suspects s on s.id = o.suspect_id
  join investigations i on i.id = s.investigation_id
  where o.outcome = 'convicted'
  order by s.id, o.decided_on, o.created_at, o.id`;

const COOPERATION = `select c.id, c.requested_on as on_date, c.kind, ${INVESTIGATION}
  from cooperation_requests c join investigations i on i.id = c.investigation_id`;

/** The department of an operation is where it took place. */
const OPERATIONS = `select o.id, o.occurred_on as on_date, o.persons_arrested, o.victims_rescued,
  i.owner_institution_id as institution_id, o.department,
  case when cardinality(i.ict_platforms) > 0 then 'online' else 'offline' end as ict
  from investigation_operations o join investigations i on i.id = o.investigation_id`;

const BASE = { department: 'f.department', ict: 'f.ict' } as const;
const PERSON = { ...BASE, sex: 'f.sex' } as const;
const breakdowns = (columns: object): DimensionId[] => [
  'year',
  'institution',
  ...(Object.keys(columns) as DimensionId[]),
];
const common = {
  area: 'prosecution',
  fact: 'source',
  date: 'f.on_date',
  institution: 'f.institution_id',
} as const;

export const prosecutionFigures = [
  defineFigure({
    ...common,
    id: 'investigationsOpened',
    unit: 'investigations',
    measure: 'rows',
    source: INVESTIGATIONS,
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: { es: 'Investigaciones iniciadas', en: 'Investigations opened' },
    definition: {
      es: 'Investigaciones de trata abiertas en el período (fecha de apertura); institución titular, departamento del hecho; TIC: la investigación registró plataformas.',
      en: 'Trafficking investigations opened in the period (opening date); owning institution, department of the facts; ICT: the investigation recorded platforms.',
    },
  }),
  defineFigure({
    ...common,
    id: 'complicityInvestigations',
    unit: 'investigations',
    measure: 'rows',
    source: INVESTIGATIONS,
    where: 'f.complicity',
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: {
      es: 'Investigaciones por complicidad de funcionarios',
      en: 'Investigations of official complicity',
    },
    definition: {
      es: 'Investigaciones abiertas en el período con al menos un sospechoso funcionario público. Solo agregados: sin desglose por institución del funcionario ni acceso a los casos.',
      en: 'Investigations opened in the period with at least one suspect who is a public official. Aggregates only: never by the official’s institution, no drill-down.',
    },
  }),
  defineFigure({
    ...common,
    id: 'personsCharged',
    unit: 'persons',
    measure: 'rows',
    source: CHARGED,
    columns: PERSON,
    breakdowns: breakdowns(PERSON),
    title: { es: 'Personas imputadas', en: 'Persons charged (imputados)' },
    definition: {
      es: 'Sospechosos distintos cuya primera imputación fue en el período (un sospechoso por registro de investigación); sexo del imputado.',
      en: 'Distinct suspects whose first imputación was in the period (one suspect per investigation record); sex of the suspect.',
    },
  }),
  defineFigure({
    ...common,
    id: 'personsConvicted',
    unit: 'persons',
    measure: 'rows',
    source: CONVICTED,
    columns: { ...PERSON, sentenceBand: 'f.sentence_band' },
    breakdowns: breakdowns({ ...PERSON, sentenceBand: 1 }),
    title: { es: 'Personas condenadas', en: 'Persons convicted' },
    definition: {
      es: 'Sospechosos distintos condenados, en el año de su primera sentencia condenatoria; pena en meses por tramo (<24, 24–59, 60–119, 120+; «sin pena» si no se registró).',
      en: 'Distinct suspects convicted, in the year of their first conviction; sentence in months by band (<24, 24–59, 60–119, 120+; “none” when not recorded).',
    },
  }),
  defineFigure({
    ...common,
    id: 'sentenceMonths',
    unit: 'months',
    measure: 'medianDays',
    valueColumn: 'f.sentence_months',
    source: CONVICTED,
    where: 'f.sentence_months is not null',
    columns: PERSON,
    breakdowns: breakdowns(PERSON),
    title: { es: 'Pena de prisión (mediana, meses)', en: 'Prison sentence (median, months)' },
    definition: {
      es: 'Mediana de la pena (meses) de las personas condenadas en el período con pena registrada.',
      en: 'Median sentence (months) of the persons convicted in the period with a recorded sentence.',
    },
  }),
  defineFigure({
    ...common,
    id: 'cooperationRequests',
    unit: 'requests',
    measure: 'rows',
    source: COOPERATION,
    columns: { ...BASE, cooperationKind: 'f.kind' },
    breakdowns: breakdowns({ ...BASE, cooperationKind: 1 }),
    title: { es: 'Solicitudes de cooperación internacional', en: 'International cooperation requests' },
    definition: {
      es: 'Solicitudes (extradición, asistencia jurídica mutua, equipo conjunto) enviadas o recibidas en el período (fecha de solicitud).',
      en: 'Requests (extradition, mutual legal assistance, joint investigation) sent or received in the period (request date).',
    },
  }),
  defineFigure({
    ...common,
    id: 'operationsConducted',
    unit: 'operations',
    measure: 'rows',
    source: OPERATIONS,
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: { es: 'Operativos y allanamientos', en: 'Operations and raids' },
    definition: {
      es: 'Operativos registrados en las investigaciones, por fecha y departamento donde ocurrieron.',
      en: 'Operations recorded in investigations, by date and department where they took place.',
    },
  }),
  defineFigure({
    ...common,
    id: 'personsArrested',
    unit: 'persons',
    measure: 'sum',
    valueColumn: 'f.persons_arrested',
    source: OPERATIONS,
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: { es: 'Personas detenidas en operativos', en: 'Persons arrested in operations' },
    definition: {
      es: 'Suma de las personas detenidas registradas en los operativos del período.',
      en: 'Sum of the persons arrested recorded in the operations of the period.',
    },
  }),
  defineFigure({
    ...common,
    id: 'victimsRescued',
    unit: 'persons',
    measure: 'sum',
    valueColumn: 'f.victims_rescued',
    source: OPERATIONS,
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: { es: 'Víctimas rescatadas en operativos', en: 'Victims rescued in operations' },
    definition: {
      es: 'Suma de las víctimas rescatadas registradas en los operativos del período (número declarado en el operativo, no personas registradas).',
      en: 'Sum of the victims rescued recorded in the operations of the period (the number reported for the operation, not registered persons).',
    },
  }),
];

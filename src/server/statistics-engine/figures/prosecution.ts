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

/** A suspect's attributes at a date `d` (GLOTIP: sex, age group, citizenship; official or not). */
const SUSPECT = (d: string) => `s.sex, coalesce(s.nationality, 'Unknown') as nationality,
  case when s.birth_year is null then 'unknown' when extract(year from ${d})::int - s.birth_year < 18 then 'child'
    else 'adult' end as age_group,
  s.official_kind is not null as official`;

/**
 * A suspect's charges (those matching `where`): whether any is under a trafficking provision
 * (legal_provisions.category) and the form of exploitation of those together (TIP: sex and labour
 * trafficking apart). A provision that punishes no one form (Law 4788's aggravating circumstances)
 * adds none: the form comes from the suspect's other trafficking charges.
 */
const chargeSummary = (
  where: string,
) => `select c.suspect_id, bool_or(lp.category = 'trafficking') as trafficking,
  case when bool_or(lp.category = 'trafficking' and lp.exploitation = 'SexualExploitation')
      and bool_or(lp.category = 'trafficking' and lp.exploitation = 'ForcedLabour') then 'SexualAndLabour'
    when bool_or(lp.category = 'trafficking' and lp.exploitation = 'SexualExploitation') then 'SexualExploitation'
    when bool_or(lp.category = 'trafficking' and lp.exploitation = 'ForcedLabour') then 'ForcedLabour'
    else 'Unknown' end as exploitation
  from suspect_charges c join legal_provisions lp on lp.id = c.provision_id where ${where} group by c.suspect_id`;
const CHARGE_SUMMARY = chargeSummary('true');
/** As CHARGE_SUMMARY, over the charges the suspect was convicted on. */
const CONVICTION_SUMMARY = chargeSummary(`c.outcome = 'convicted'`);

/** One row per suspect: the date of their first imputación, and whether a charge is trafficking. */
const CHARGED = `select s.id, min(ps.occurred_on) as on_date, ${SUSPECT('min(ps.occurred_on)')},
  ch.trafficking, ch.exploitation, ${INVESTIGATION}
  from investigation_suspects s join investigations i on i.id = s.investigation_id
  join procedural_stages ps on ps.suspect_id = s.id and ps.stage = 'imputacion'
  join (${CHARGE_SUMMARY}) ch on ch.suspect_id = s.id
  group by s.id, i.id, ch.trafficking, ch.exploitation`;

/**
 * Since when a defendant stands convicted: the first outcome of their latest run of convictions
 * (suspect_outcomes). A charge's outcome date is that of the last outcome recorded (an appeal
 * rewrites it), so a conviction upheld on appeal would otherwise move to the appeal's year; one
 * overturned on appeal leaves the figures (the charges are no longer convicted), and one
 * reinstated later dates from its reinstatement.
 */
const CONVICTED_SINCE = `select o.suspect_id, min(o.decided_on) as since from suspect_outcomes o
  where o.outcome = 'convicted' and not exists (select 1 from suspect_outcomes x
    where x.suspect_id = o.suspect_id and x.outcome <> 'convicted'
      and (x.decided_on, x.created_at, x.id) > (o.decided_on, o.created_at, o.id))
  group by o.suspect_id`;
const CONVICTED_ON = 'coalesce(cv.since, c.outcome_on)';

/**
 * One row per convicted suspect, from the outcomes recorded per charge: a conviction under a
 * trafficking provision first (the earliest, with its longest sentence), else the first conviction
 * under another provision, dated since when the defendant stands convicted (CONVICTED_SINCE). The
 * form of exploitation is that of all the trafficking charges convicted on (an
 * aggravating-circumstances charge alone names none). A suspended sentence has its own band and
 * stays out of the prison median.
 */
const CONVICTED = `select distinct on (s.id) s.id, ${CONVICTED_ON} as on_date, ${SUSPECT(CONVICTED_ON)},
  lp.category = 'trafficking' as trafficking, cs.exploitation,
  ${INVESTIGATION}, c.sentence_months, c.suspended,
  case when c.suspended then 'suspended' when c.sentence_months is null then 'none'
    when c.sentence_months < 24 then '<24' when c.sentence_months < 60 then '24-59'
    when c.sentence_months < 120 then '60-119' else '120+' end as sentence_band
  from suspect_charges c join legal_provisions lp on lp.id = c.provision_id
  join investigation_suspects s on s.id = c.suspect_id
  join investigations i on i.id = s.investigation_id
  join (${CONVICTION_SUMMARY}) cs on cs.suspect_id = s.id
  left join (${CONVICTED_SINCE}) cv on cv.suspect_id = s.id
  where c.outcome = 'convicted'
  order by s.id, (lp.category = 'trafficking') desc, c.outcome_on, c.sentence_months desc nulls last, c.id`;

/**
 * Defendants convicted of trafficking (a conviction on a charge under a trafficking provision) whose
 * sentence ordered restitution or compensation to the victims; a conviction for pimping alone is
 * not a trafficking conviction here either.
 */
const COMPENSATION = `select distinct on (s.id) s.id, o.decided_on as on_date, ${SUSPECT('o.decided_on')}, ${INVESTIGATION}
  from suspect_outcomes o join investigation_suspects s on s.id = o.suspect_id
  join investigations i on i.id = s.investigation_id
  where o.outcome = 'convicted' and o.restitution_amount > 0
    and exists (select 1 from suspect_charges c join legal_provisions lp on lp.id = c.provision_id
      where c.suspect_id = s.id and c.outcome = 'convicted' and lp.category = 'trafficking')
  order by s.id, o.decided_on, o.created_at, o.id`;

/**
 * Victims' participation in proceedings (victim_participation): one row per person record, dated on
 * the day the participation was first recorded (Paraguay's day, `recorded_on`: an update of the
 * record does not move it).
 */
const PARTICIPATION = `select distinct on (vp.person_id) vp.person_id as id, vp.recorded_on as on_date,
  ${INVESTIGATION}
  from victim_participation vp join investigations i on i.id = vp.investigation_id
  order by vp.person_id, vp.recorded_on, vp.id`;

/** The participations that record the person penalised, the earliest first (one row per person). */
const PARTICIPATION_PENALISED = `select distinct on (vp.person_id) vp.person_id as id, vp.recorded_on as on_date,
  ${INVESTIGATION}
  from victim_participation vp join investigations i on i.id = vp.investigation_id
  where vp.penalised
  order by vp.person_id, vp.recorded_on, vp.id`;

/**
 * Victims penalised for acts they were compelled to commit: from any participation in proceedings
 * that records it (the earliest such) or from their protection status on a case; one row per person
 * record at the earliest of those dates. The protection rows take the case's owner, department and ICT.
 */
const PENALISED = `select distinct on (p.id) p.id, p.on_date, p.institution_id, p.department, p.ict from (
    select f.id, f.on_date, f.institution_id, f.department, f.ict, 0 as src from (${PARTICIPATION_PENALISED}) f
    union all
    select ps.person_id, ps.recorded_on, c.owner_institution_id, coalesce(c.detection_department, 'Unknown'),
      case when exists (select 1 from trafficking_events e where e.case_id = c.id and e.online) then 'online'
        else 'offline' end, 1
    from protection_status ps join cases c on c.id = ps.case_id
    where ps.penalised and ps.recorded_on is not null
  ) p order by p.id, p.on_date, p.src`;

const COOPERATION = `select c.id, c.requested_on as on_date, c.kind, ${INVESTIGATION}
  from cooperation_requests c join investigations i on i.id = c.investigation_id`;

/** The department of an operation is where it took place. */
const OPERATIONS = `select o.id, o.occurred_on as on_date, o.persons_arrested, o.victims_rescued,
  i.owner_institution_id as institution_id, o.department,
  case when cardinality(i.ict_platforms) > 0 then 'online' else 'offline' end as ict
  from investigation_operations o join investigations i on i.id = o.investigation_id`;

const BASE = { department: 'f.department', ict: 'f.ict' } as const;
const PERSON = {
  ...BASE,
  sex: 'f.sex',
  ageGroup: 'f.age_group',
  nationality: 'f.nationality',
} as const;
/** Persons charged or convicted: also by the form of exploitation of their trafficking charges. */
const DEFENDANT = { ...PERSON, exploitation: 'f.exploitation' } as const;
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
    where: 'f.trafficking',
    columns: DEFENDANT,
    breakdowns: breakdowns(DEFENDANT),
    title: { es: 'Personas imputadas por trata', en: 'Persons charged with trafficking (imputados)' },
    definition: {
      es: 'Sospechosos distintos cuya primera imputación fue en el período y con al menos un cargo bajo una disposición de trata (Ley 4788/2012, Código Penal arts. 129, 129b, 129c); un sospechoso por registro de investigación. Las imputaciones solo por otras disposiciones (p. ej. proxenetismo) se cuentan aparte. Sexo, edad, nacionalidad del imputado y forma de explotación de sus cargos de trata.',
      en: 'Distinct suspects whose first imputación was in the period, with at least one charge under a trafficking provision (Law 4788/2012, Penal Code arts. 129, 129b, 129c); one suspect per investigation record. Charges under other provisions only (e.g. pimping) are counted apart. Sex, age and citizenship of the suspect, and the form of exploitation of their trafficking charges.',
    },
  }),
  defineFigure({
    ...common,
    id: 'personsConvicted',
    unit: 'persons',
    measure: 'rows',
    source: CONVICTED,
    where: 'f.trafficking',
    columns: { ...DEFENDANT, sentenceBand: 'f.sentence_band' },
    breakdowns: breakdowns({ ...DEFENDANT, sentenceBand: 1 }),
    title: { es: 'Personas condenadas por trata', en: 'Persons convicted of trafficking' },
    definition: {
      es: 'Sospechosos distintos condenados por al menos un cargo bajo una disposición de trata (resultado registrado por cargo), en el año de esa primera condena (una condena confirmada en apelación queda en el año de la sentencia; una revocada deja de contarse); pena en meses por tramo (<24, 24–59, 60–119, 120+; «suspendida» si la pena se suspendió; «sin pena» si no se registró). Las condenas solo por otras disposiciones se cuentan aparte.',
      en: 'Distinct suspects convicted on at least one charge under a trafficking provision (outcome recorded per charge), in the year of that first conviction (one upheld on appeal stays in the year of the sentence; one overturned is no longer counted); sentence in months by band (<24, 24–59, 60–119, 120+; "suspended" when the sentence was suspended; "none" when not recorded). Convictions under other provisions only are counted apart.',
    },
  }),
  defineFigure({
    ...common,
    id: 'sentenceMonths',
    unit: 'months',
    measure: 'medianDays',
    valueColumn: 'f.sentence_months',
    source: CONVICTED,
    where: 'f.trafficking and f.sentence_months is not null and not f.suspended',
    columns: DEFENDANT,
    breakdowns: breakdowns(DEFENDANT),
    title: { es: 'Pena de prisión (mediana, meses)', en: 'Prison sentence (median, months)' },
    definition: {
      es: 'Mediana de la pena de prisión (meses) de las personas condenadas por trata en el período; las penas suspendidas no son prisión y quedan fuera.',
      en: 'Median prison sentence (months) of the persons convicted of trafficking in the period; suspended sentences are not prison and are left out.',
    },
  }),
  defineFigure({
    ...common,
    id: 'personsChargedOtherProvisions',
    unit: 'persons',
    measure: 'rows',
    source: CHARGED,
    where: 'not f.trafficking',
    columns: PERSON,
    breakdowns: breakdowns(PERSON),
    title: {
      es: 'Personas imputadas solo por otras disposiciones',
      en: 'Persons charged under other provisions only',
    },
    definition: {
      es: 'Sospechosos de investigaciones de trata cuya primera imputación fue en el período y cuyos cargos son todos de otras disposiciones (proxenetismo, pornografía infantil, privación de libertad u otras): desglose aparte, no sumado a las imputaciones por trata.',
      en: 'Suspects of trafficking investigations whose first imputación was in the period and whose charges are all under other provisions (pimping, child sexual abuse material, deprivation of liberty or others): a separate breakdown, not added to trafficking charges.',
    },
  }),
  defineFigure({
    ...common,
    id: 'personsConvictedOtherProvisions',
    unit: 'persons',
    measure: 'rows',
    source: CONVICTED,
    where: 'not f.trafficking',
    columns: { ...PERSON, sentenceBand: 'f.sentence_band' },
    breakdowns: breakdowns({ ...PERSON, sentenceBand: 1 }),
    title: {
      es: 'Personas condenadas solo por otras disposiciones',
      en: 'Persons convicted under other provisions only',
    },
    definition: {
      es: 'Sospechosos de investigaciones de trata condenados en el período sin ninguna condena bajo una disposición de trata (p. ej. solo proxenetismo).',
      en: 'Suspects of trafficking investigations convicted in the period with no conviction under a trafficking provision (e.g. pimping only).',
    },
  }),
  defineFigure({
    ...common,
    id: 'officialsCharged',
    unit: 'persons',
    measure: 'rows',
    source: CHARGED,
    where: 'f.trafficking and f.official',
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: {
      es: 'Funcionarios imputados por complicidad en trata',
      en: 'Officials charged for complicity in trafficking',
    },
    definition: {
      es: 'Personas imputadas por trata en el período que son funcionarios públicos (sospechoso marcado como funcionario). Solo agregados: nunca por institución del funcionario.',
      en: 'Persons charged with trafficking in the period who are public officials (suspect flagged as an official). Aggregates only: never by the official’s institution.',
    },
  }),
  defineFigure({
    ...common,
    id: 'officialsConvicted',
    unit: 'persons',
    measure: 'rows',
    source: CONVICTED,
    where: 'f.trafficking and f.official',
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: {
      es: 'Funcionarios condenados por complicidad en trata',
      en: 'Officials convicted for complicity in trafficking',
    },
    definition: {
      es: 'Personas condenadas por trata en el período que son funcionarios públicos. Solo agregados.',
      en: 'Persons convicted of trafficking in the period who are public officials. Aggregates only.',
    },
  }),
  defineFigure({
    ...common,
    id: 'compensationOrdered',
    unit: 'persons',
    measure: 'rows',
    source: COMPENSATION,
    columns: PERSON,
    breakdowns: breakdowns(PERSON),
    title: {
      es: 'Condenados con reparación o indemnización ordenada',
      en: 'Convicted persons ordered to pay restitution or compensation',
    },
    definition: {
      es: 'Personas condenadas por trata (al menos un cargo bajo una disposición de trata) en el período a las que la sentencia ordenó pagar una reparación o indemnización a las víctimas (monto mayor que cero); fecha de la sentencia.',
      en: 'Persons convicted of trafficking (on at least one charge under a trafficking provision) in the period whose sentence ordered restitution or compensation to the victims (an amount above zero); date of the sentence.',
    },
  }),
  defineFigure({
    ...common,
    id: 'victimsInProceedings',
    unit: 'persons',
    measure: 'rows',
    source: PARTICIPATION,
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: { es: 'Víctimas que participaron en el proceso', en: 'Victims who took part in proceedings' },
    definition: {
      es: 'Personas (registros de persona) cuya participación en un proceso penal se registró por primera vez en el período (testigo o parte, con sus medidas de protección). La participación es voluntaria.',
      en: 'Persons (person records) whose participation in criminal proceedings was first recorded in the period (as witness or party, with their protective measures). Participation is voluntary.',
    },
  }),
  defineFigure({
    ...common,
    id: 'victimsPenalised',
    unit: 'persons',
    measure: 'rows',
    source: PENALISED,
    columns: BASE,
    breakdowns: breakdowns(BASE),
    title: {
      es: 'Víctimas sancionadas por actos que fueron obligadas a cometer',
      en: 'Victims penalised for acts they were compelled to commit',
    },
    definition: {
      es: 'Personas registradas como sancionadas por actos cometidos como consecuencia directa de la trata (principio de no punición), en su participación en un proceso o en su situación de protección en un caso; una vez, en la fecha más temprana. Debería ser cero.',
      en: 'Persons recorded as penalised for acts committed as a direct result of being trafficked (non-punishment principle), in their participation in proceedings or in their protection status on a case; once, at the earliest date. It should be zero.',
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

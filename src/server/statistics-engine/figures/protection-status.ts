/**
 * Protection under the law (docs/STATISTICS.md): victims granted a recovery and reflection period,
 * victims who returned voluntarily after a risk assessment, and the non-punishment principle applied.
 * Read from the protection status of each person on a case (one row per person record, counted once
 * at the earliest date); institution = the case's owner, department = where the case was detected.
 */
import { defineFigure } from '../figure.js';

/** One row per protection status, with the case's attributes. */
const STATUS = (date: string, where: string) => `select distinct on (ps.person_id) ps.person_id as id,
  ${date} as on_date, c.owner_institution_id as institution_id,
  coalesce(c.detection_department, 'Unknown') as department,
  case when exists (select 1 from trafficking_events e where e.case_id = c.id and e.online) then 'online'
    else 'offline' end as ict
  from protection_status ps join cases c on c.id = ps.case_id
  where ${where} order by ps.person_id, ${date}, ps.case_id`;

const BASE = { department: 'f.department', ict: 'f.ict' } as const;
const common = {
  area: 'protection',
  fact: 'source',
  date: 'f.on_date',
  institution: 'f.institution_id',
  unit: 'persons',
  measure: 'rows',
  columns: BASE,
  breakdowns: ['year', 'institution', 'department', 'ict'],
} as const;

export const protectionStatusFigures = [
  defineFigure({
    ...common,
    id: 'victimsReflectionPeriod',
    source: STATUS('ps.reflection_from', 'ps.reflection_from is not null'),
    title: {
      es: 'Víctimas con período de recuperación y reflexión',
      en: 'Victims granted a recovery and reflection period',
    },
    definition: {
      es: 'Personas (registros de persona) cuyo período de recuperación y reflexión comenzó en el período (fecha de inicio): tiempo para recuperarse y decidir, sin obligación de cooperar con la investigación ni expulsión.',
      en: 'Persons (person records) whose recovery and reflection period began in the period (start date): time to recover and decide, with no duty to cooperate with the investigation and no removal.',
    },
  }),
  defineFigure({
    ...common,
    id: 'victimsVoluntaryReturn',
    source: STATUS('ps.returned_on', 'ps.returned_on is not null and ps.return_voluntary'),
    title: {
      es: 'Víctimas con retorno voluntario',
      en: 'Victims who returned voluntarily',
    },
    definition: {
      es: 'Personas que retornaron en el período (fecha de retorno) por decisión propia e informada, tras una evaluación de riesgo registrada antes del retorno.',
      en: 'Persons who returned in the period (return date) by their own informed choice, after a risk assessment recorded before the return.',
    },
  }),
  defineFigure({
    ...common,
    id: 'victimsNonPunishment',
    source: STATUS('ps.recorded_on', 'ps.non_punishment_applied and ps.recorded_on is not null'),
    title: {
      es: 'Víctimas a las que se aplicó el principio de no punición',
      en: 'Victims to whom the non-punishment principle was applied',
    },
    definition: {
      es: 'Personas cuya situación de protección, registrada por primera vez en el período, indica que no se las procesó o se retiraron los cargos por actos que fueron obligadas a cometer como consecuencia de la trata.',
      en: 'Persons whose protection status, first recorded in the period, says they were not prosecuted, or the charges were dropped, for acts they were compelled to commit as a result of being trafficked.',
    },
  }),
];

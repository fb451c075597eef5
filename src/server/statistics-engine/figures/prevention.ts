/**
 * Prevention figures (docs/DOMAIN.md §7): trainings held and their participants, campaigns and their
 * reach, hotline contacts. Read from the prevention tables, which hold counts and codes only.
 */
import { defineFigure } from '../figure.js';

const TRAININGS = `select t.id, t.held_on as on_date, t.institution_id, coalesce(t.department, 'Unknown') as department
  from training_events t`;
/** One row per (training, participants' institution, sex) with its count. */
const PARTICIPANTS = `select p.id, t.held_on as on_date, p.institution_id, p.sex, p.count,
  coalesce(t.department, 'Unknown') as department
  from training_participants p join training_events t on t.id = p.training_id`;
const CAMPAIGNS = `select c.id, c.starts_on as on_date, c.institution_id, c.reach from campaigns c`;
const HOTLINE = `select h.id, h.received_on as on_date, h.institution_id,
  coalesce(h.department, 'Unknown') as department, h.channel
  from hotline_contacts h`;

const common = {
  area: 'prevention',
  fact: 'source',
  date: 'f.on_date',
  institution: 'f.institution_id',
} as const;

export const preventionFigures = [
  defineFigure({
    ...common,
    id: 'trainingsHeld',
    unit: 'trainings',
    measure: 'rows',
    source: TRAININGS,
    columns: { department: 'f.department' },
    breakdowns: ['year', 'institution', 'department'],
    title: { es: 'Capacitaciones realizadas', en: 'Trainings held' },
    definition: {
      es: 'Capacitaciones, talleres, seminarios y cursos que comenzaron en el período; institución organizadora.',
      en: 'Trainings, workshops, seminars and courses that began in the period; organising institution.',
    },
  }),
  defineFigure({
    ...common,
    id: 'trainingParticipants',
    unit: 'participants',
    measure: 'sum',
    valueColumn: 'f.count',
    source: PARTICIPANTS,
    columns: { department: 'f.department', sex: 'f.sex' },
    breakdowns: ['year', 'institution', 'department', 'sex'],
    title: { es: 'Participantes capacitados', en: 'Training participants' },
    definition: {
      es: 'Participantes de las capacitaciones del período, por institución de origen de los participantes y sexo.',
      en: 'Participants of the trainings of the period, by the participants’ institution and sex.',
    },
  }),
  defineFigure({
    ...common,
    id: 'campaignsRun',
    unit: 'campaigns',
    measure: 'rows',
    source: CAMPAIGNS,
    breakdowns: ['year', 'institution'],
    title: { es: 'Campañas de prevención', en: 'Prevention campaigns' },
    definition: {
      es: 'Campañas que comenzaron en el período; institución responsable.',
      en: 'Campaigns that began in the period; responsible institution.',
    },
  }),
  defineFigure({
    ...common,
    id: 'campaignReach',
    unit: 'persons',
    measure: 'sum',
    valueColumn: 'f.reach',
    source: CAMPAIGNS,
    where: 'f.reach is not null',
    breakdowns: ['year', 'institution'],
    title: { es: 'Alcance de las campañas', en: 'Campaign reach' },
    definition: {
      es: 'Suma del alcance declarado de las campañas del período que lo registraron (personas alcanzadas según la base declarada de cada campaña).',
      en: 'Sum of the declared reach of the campaigns of the period that recorded it (persons reached on each campaign’s declared basis).',
    },
  }),
  defineFigure({
    ...common,
    id: 'hotlineContacts',
    unit: 'contacts',
    measure: 'rows',
    source: HOTLINE,
    columns: { department: 'f.department', hotlineChannel: 'f.channel' },
    breakdowns: ['year', 'institution', 'department', 'hotlineChannel'],
    title: { es: 'Contactos con líneas de denuncia', en: 'Hotline contacts' },
    definition: {
      es: 'Contactos recibidos por las líneas de denuncia y orientación en el período, por canal y departamento.',
      en: 'Contacts received by reporting and helplines in the period, by channel and department.',
    },
  }),
];

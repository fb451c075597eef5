/**
 * The demo's service directory (docs/DOMAIN.md §1, §5): fictitious providers of the institutions that
 * protect victims — the women's ministry's shelters and regional centres, the children's ministry's
 * shelters and day centres, health, consular repatriation, migration, labour, an NGO and IOM. Every
 * name says "(ficticio)". Faithful to the seeds, no shelter takes adult men (the gap report shows it),
 * and the Chaco and the north have no shelter at all (needs there are "not offered in department").
 */
import { DEPARTMENTS } from '../../shared/catalogues.js';

/** One service a demo provider offers: where, and how many places for a bed service. */
export interface DemoServiceSpec {
  type: string;
  departments: readonly string[];
  capacity?: number;
}

export interface DemoProviderSpec {
  institutionCode: string;
  name: string;
  department: string;
  sexes: readonly string[];
  minAge: number | null;
  maxAge: number | null;
  hours: string;
  contact: string;
  services: readonly DemoServiceSpec[];
}

/** Every department of Paraguay (national services). */
const ALL = DEPARTMENTS;
const METRO = ['PY-ASU', 'PY-11', 'PY-3', 'PY-9'];
const EAST = ['PY-10', 'PY-14', 'PY-5', 'PY-2'];
const SOUTH = ['PY-7', 'PY-8', 'PY-6', 'PY-4'];
const NORTH = ['PY-13', 'PY-1', 'PY-2', 'PY-14'];
const OFFICE = 'Lunes a viernes, 7:00 a 15:00';
const ALWAYS = 'Las 24 horas, todos los días';
const contact = (n: number) => `Línea institucional 0800-000-${String(n).padStart(3, '0')} (ficticia)`;

/** Whom a provider takes: adult women, children and adolescents, or anyone. */
const ADULT_WOMEN = { sexes: ['Female'], minAge: 18, maxAge: null };
const CHILDREN = { sexes: [], minAge: 0, maxAge: 17 };
const ANYONE = { sexes: [], minAge: null, maxAge: null };

/**
 * A regional centre of the women’s ministry: counselling and legal aid for its region, and a shelter
 * there when it has places (then open day and night).
 */
function regionalWomenCentre(
  name: string,
  department: string,
  n: number,
  region: readonly string[],
  shelterPlaces?: number,
): DemoProviderSpec {
  return {
    institutionCode: 'MINMUJER',
    name: `Centro Regional de las Mujeres ${name} (ficticio)`,
    department,
    ...ADULT_WOMEN,
    hours: shelterPlaces ? ALWAYS : OFFICE,
    contact: contact(n),
    services: [
      ...(shelterPlaces ? [{ type: 'Shelter', departments: region, capacity: shelterPlaces }] : []),
      { type: 'Psychological', departments: region },
      { type: 'LegalAid', departments: region },
    ],
  };
}

export const DEMO_PROVIDERS: readonly DemoProviderSpec[] = [
  {
    institutionCode: 'MINMUJER',
    name: 'Albergue Transitorio Kuña Rekove — Asunción (ficticio)',
    department: 'PY-ASU',
    ...ADULT_WOMEN,
    hours: ALWAYS,
    contact: contact(101),
    services: [
      { type: 'Shelter', departments: [...METRO, 'PY-12', 'PY-15'], capacity: 30 },
      { type: 'Psychological', departments: METRO },
      { type: 'LegalAid', departments: METRO },
    ],
  },
  {
    institutionCode: 'MINMUJER',
    name: 'Casa de Acogida Mburucuyá — Central (ficticia)',
    department: 'PY-11',
    ...ADULT_WOMEN,
    hours: ALWAYS,
    contact: contact(102),
    services: [
      { type: 'Shelter', departments: ['PY-11', 'PY-ASU', 'PY-3', 'PY-9'], capacity: 16 },
      { type: 'Psychological', departments: ['PY-11'] },
      { type: 'Livelihood', departments: METRO },
    ],
  },
  regionalWomenCentre('Yvága — Ciudad del Este', 'PY-10', 103, EAST, 12),
  regionalWomenCentre('Ñasaindy — Encarnación', 'PY-7', 104, SOUTH, 10),
  regionalWomenCentre('Yvytu — Pedro Juan Caballero', 'PY-13', 105, NORTH),
  {
    institutionCode: 'MINNA',
    name: 'Hogar Transitorio Mitã Róga — Asunción (ficticio)',
    department: 'PY-ASU',
    ...CHILDREN,
    hours: ALWAYS,
    contact: contact(201),
    services: [
      { type: 'Shelter', departments: [...METRO, 'PY-5', 'PY-12', 'PY-15'], capacity: 24 },
      { type: 'Psychological', departments: METRO },
      { type: 'FamilyReintegration', departments: ALL },
      { type: 'Education', departments: METRO },
    ],
  },
  {
    institutionCode: 'MINNA',
    name: 'Centro de Protección Integral Arasunu — Alto Paraná (ficticio)',
    department: 'PY-10',
    ...CHILDREN,
    hours: ALWAYS,
    contact: contact(202),
    services: [
      { type: 'Shelter', departments: [...EAST, ...SOUTH.slice(0, 2), 'PY-13'], capacity: 14 },
      { type: 'DropInCentre', departments: ['PY-10'] },
      { type: 'Psychological', departments: EAST },
    ],
  },
  {
    institutionCode: 'MINNA',
    name: "Centro de Día Kunu'ũ — Central (ficticio)",
    department: 'PY-11',
    sexes: [],
    minAge: 6,
    maxAge: 17,
    hours: OFFICE,
    contact: contact(203),
    services: [
      { type: 'DropInCentre', departments: METRO },
      { type: 'Education', departments: [...METRO, ...EAST, ...SOUTH] },
    ],
  },
  {
    institutionCode: 'MSPBS',
    name: 'Red de Atención en Salud a Víctimas (ficticia)',
    department: 'PY-ASU',
    ...ANYONE,
    hours: ALWAYS,
    contact: contact(301),
    services: [
      { type: 'Medical', departments: ALL },
      { type: 'Psychological', departments: ALL },
    ],
  },
  {
    institutionCode: 'MSPBS',
    name: 'Hospital Regional Tesãi — Ciudad del Este (ficticio)',
    department: 'PY-10',
    ...ANYONE,
    hours: ALWAYS,
    contact: contact(302),
    services: [{ type: 'Medical', departments: [...EAST, 'PY-7'] }],
  },
  {
    institutionCode: 'MRE',
    name: 'Red Consular de Asistencia y Repatriación (ficticia)',
    department: 'PY-ASU',
    ...ANYONE,
    hours: OFFICE,
    contact: contact(401),
    services: [{ type: 'Repatriation', departments: ALL }],
  },
  {
    institutionCode: 'DGM',
    name: 'Oficina de Regularización Migratoria para Víctimas (ficticia)',
    department: 'PY-ASU',
    ...ANYONE,
    hours: OFFICE,
    contact: contact(501),
    services: [{ type: 'ResidencyRegularisation', departments: ALL }],
  },
  {
    institutionCode: 'MTESS',
    name: 'Programa de Empleo y Capacitación Ñepytyvõ (ficticio)',
    department: 'PY-ASU',
    sexes: [],
    minAge: 16,
    maxAge: null,
    hours: OFFICE,
    contact: contact(601),
    services: [{ type: 'Livelihood', departments: ALL }],
  },
  {
    institutionCode: 'NGO-LUNANUEVA',
    name: 'Casa Jasy — acompañamiento a niñas y mujeres (ficticia)',
    department: 'PY-ASU',
    sexes: ['Female'],
    minAge: 12,
    maxAge: null,
    hours: ALWAYS,
    contact: contact(701),
    services: [
      { type: 'Shelter', departments: ['PY-ASU', 'PY-11'], capacity: 10 },
      { type: 'Psychological', departments: ALL },
      { type: 'LegalAid', departments: ALL },
      { type: 'Livelihood', departments: METRO },
      { type: 'Interpretation', departments: ALL },
    ],
  },
  {
    institutionCode: 'INT-OIM',
    name: 'Programa de Retorno y Reintegración Tape Pyahu (ficticio)',
    department: 'PY-ASU',
    ...ANYONE,
    hours: OFFICE,
    contact: contact(801),
    services: [
      { type: 'Repatriation', departments: ALL },
      { type: 'FamilyReintegration', departments: ALL },
      { type: 'FinancialHelp', departments: ALL },
      { type: 'Interpretation', departments: ALL },
    ],
  },
];

/** Institutions that receive demo referrals (they get demo staff to answer them). */
export const PROVIDER_INSTITUTIONS = [...new Set(DEMO_PROVIDERS.map((p) => p.institutionCode))];

/**
 * Spanish and English labels of the report (PDF, spreadsheet, CSV). The web app has its own catalogues
 * (src/web/i18n/statistics); HTCDS codes take their labels from the shared value labels
 * (src/shared/value-labels), the same words the web shows.
 */
import type { DimensionId } from '../../shared/api-statistics.js';
import { DEPARTMENT_NAMES } from '../../shared/catalogues.js';
import { valuesEn } from '../../shared/value-labels/en.js';
import { valuesEs } from '../../shared/value-labels/es.js';

type Locale = 'es' | 'en';

const DIMENSIONS: Record<DimensionId, [string, string]> = {
  year: ['Año', 'Year'],
  department: ['Departamento', 'Department'],
  institution: ['Institución', 'Institution'],
  decisionOrg: ['Tipo de organización que decidió', 'Deciding organisation type'],
  sex: ['Sexo', 'Sex'],
  ageGroup: ['Grupo de edad', 'Age group'],
  ageBand: ['Franja de edad', 'Age band'],
  nationality: ['Nacionalidad', 'Nationality'],
  exploitation: ['Forma de explotación', 'Form of exploitation'],
  ict: ['TIC (en línea)', 'ICT (online)'],
  platform: ['Plataforma', 'Platform'],
  scope: ['Alcance (interna o transnacional)', 'Scope (domestic or transnational)'],
  serviceType: ['Tipo de servicio', 'Type of service'],
  referralState: ['Estado de la derivación', 'Referral state'],
  unmetReason: ['Motivo', 'Reason'],
  sentenceBand: ['Pena (meses)', 'Sentence (months)'],
  cooperationKind: ['Tipo de cooperación', 'Type of cooperation'],
  hotlineChannel: ['Canal', 'Channel'],
};

const VALUES: Partial<Record<DimensionId, Record<string, [string, string]>>> = {
  sex: {
    Unspecified: ['Sin especificar', 'Unspecified'],
    Female: ['Mujer', 'Female'],
    Male: ['Hombre', 'Male'],
    Intersex: ['Intersexual', 'Intersex'],
    Unknown: ['Desconocido', 'Unknown'],
  },
  ageGroup: {
    child: ['Niñas, niños y adolescentes (< 18)', 'Children (< 18)'],
    adult: ['Personas adultas', 'Adults'],
    unknown: ['Edad desconocida', 'Age unknown'],
  },
  ict: {
    online_recruitment: ['Captación en línea', 'Recruited online'],
    online_exploitation: ['Explotación en línea', 'Exploited online'],
    online_both: ['Captación y explotación en línea', 'Recruited and exploited online'],
    offline: ['Sin TIC registradas', 'No ICT recorded'],
    online: ['Con plataformas en línea', 'Online platforms recorded'],
  },
  sentenceBand: {
    '<24': ['Menos de 24', 'Under 24'],
    '24-59': ['24 a 59', '24 to 59'],
    '60-119': ['60 a 119', '60 to 119'],
    '120+': ['120 o más', '120 or more'],
    suspended: ['Pena suspendida', 'Suspended sentence'],
    none: ['Sin pena de prisión registrada', 'No prison sentence recorded'],
  },
  scope: {
    domestic: ['Trata interna', 'Domestic trafficking'],
    transnational: ['Trata transnacional', 'Transnational trafficking'],
  },
  exploitation: {
    SexualAndLabour: ['Explotación sexual y laboral', 'Sexual and labour exploitation'],
  },
  cooperationKind: {
    extradition: ['Extradición', 'Extradition'],
    mutual_legal_assistance: ['Asistencia jurídica mutua', 'Mutual legal assistance'],
    joint_investigation: ['Equipo conjunto de investigación', 'Joint investigation team'],
  },
  referralState: {
    requested: ['Solicitada', 'Requested'],
    accepted: ['Aceptada', 'Accepted'],
    in_progress: ['En curso', 'In progress'],
    declined: ['Rechazada', 'Declined'],
    completed: ['Completada', 'Completed'],
    closed: ['Cerrada', 'Closed'],
    withdrawn: ['Retirada (sin consentimiento)', 'Withdrawn (consent withdrawn)'],
  },
  unmetReason: {
    no_provider_for_profile: ['Ningún proveedor para el perfil', 'No provider for the profile'],
    no_capacity: ['Sin plazas', 'No capacity'],
    not_offered_in_department: ['No ofrecido en el departamento', 'Not offered in the department'],
    Unknown: ['Desconocido', 'Unknown'],
  },
};

/** The closed list of HTCDS codes a dimension takes its value labels from. */
const CODE_LISTS: Partial<Record<DimensionId, string>> = {
  serviceType: 'SERVICE_TYPES',
  decisionOrg: 'DECISION_ORG_TYPES',
  exploitation: 'EXPLOITATION_TYPES',
  platform: 'PLATFORMS',
  hotlineChannel: 'HOTLINE_CHANNELS',
};
const VALUE_LABELS: Record<Locale, Record<string, string>> = { es: valuesEs, en: valuesEn };

/** The label of a dimension. */
export function dimensionLabel(dimension: DimensionId, locale: Locale): string {
  return DIMENSIONS[dimension][locale === 'es' ? 0 : 1];
}

/** The label of a value of a dimension. */
export function labelOf(dimension: DimensionId, key: string, locale: Locale): string {
  if (dimension === 'department' && key in DEPARTMENT_NAMES)
    return DEPARTMENT_NAMES[key as keyof typeof DEPARTMENT_NAMES];
  if (key === 'Unknown') return locale === 'es' ? 'Desconocido' : 'Unknown';
  const pair = VALUES[dimension]?.[key];
  if (pair) return pair[locale === 'es' ? 0 : 1];
  const list = CODE_LISTS[dimension];
  return (list && VALUE_LABELS[locale][`value.${list}.${key}`]) ?? key;
}

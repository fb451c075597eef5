/**
 * Free texts of the demo's protection records (need notes, referral notes and reasons, services
 * delivered, best-interest exceptions). Institutional phrasing only — never a name or a detail that
 * identifies someone — and encrypted like the API encrypts them, since real ones may describe a person.
 */
import type { Rng } from './prng.js';

const NEED_NOTES = [
  'Solicita acompañamiento durante la declaración.',
  'Necesita atención lo antes posible.',
  'Prefiere ser atendida por personal femenino.',
  'Sin documentos de identidad al momento del rescate.',
  'Manifiesta temor de regresar a su comunidad.',
  'Requiere seguimiento semanal.',
  'Acompañada por un familiar de confianza.',
];

const REFERRAL_NOTES = [
  'Se coordinó por teléfono con la institución receptora.',
  'Derivación urgente: la persona se encuentra sin lugar seguro.',
  'Se adjuntará el informe técnico por vía oficial.',
  'La persona fue informada del servicio y está de acuerdo.',
  'Requiere traslado desde el lugar de rescate.',
];

const DECLINE_REASONS = [
  'Sin plazas disponibles en este momento.',
  'La persona no cumple el perfil del servicio; se sugiere otra institución.',
  'El servicio no se presta en el departamento indicado.',
  'Falta información para evaluar la derivación.',
];

const CLOSE_REASONS = [
  'La persona dejó de asistir al servicio.',
  'La persona decidió no continuar.',
  'Se trasladó a otro departamento; se derivó a otro servicio.',
  'Sin contacto con la persona después de varios intentos.',
];

const DELIVERIES: Record<string, readonly string[]> = {
  Shelter: ['Alojamiento, alimentación y acompañamiento.', 'Ingreso al albergue y plan de atención.'],
  DropInCentre: ['Atención en el centro de día.', 'Actividades recreativas y merienda.'],
  Medical: [
    'Consulta médica general.',
    'Control de salud y estudios de laboratorio.',
    'Atención odontológica.',
  ],
  Psychological: ['Sesión de contención psicológica.', 'Sesión de terapia individual.', 'Sesión grupal.'],
  LegalAid: ['Asesoría jurídica.', 'Acompañamiento a audiencia.', 'Preparación para la declaración.'],
  Repatriation: ['Gestión de documentos de viaje.', 'Retorno acompañado al país.', 'Recepción en frontera.'],
  ResidencyRegularisation: [
    'Presentación de la solicitud de residencia.',
    'Entrega de carnet de residencia.',
  ],
  FamilyReintegration: [
    'Visita domiciliaria.',
    'Reunión con la familia.',
    'Seguimiento de la reintegración.',
  ],
  Education: ['Inscripción escolar.', 'Apoyo escolar.', 'Entrega de útiles escolares.'],
  Livelihood: [
    'Curso de capacitación laboral.',
    'Orientación laboral.',
    'Entrega de insumos para emprendimiento.',
  ],
  FinancialHelp: ['Entrega de ayuda económica.', 'Subsidio de transporte.'],
  Interpretation: ['Interpretación durante la entrevista.', 'Traducción de documentos.'],
};

const EXCEPTION_REASONS = [
  'Niña sin referente adulto localizable; el interés superior exige atención inmediata.',
  'El adulto responsable está investigado en la causa; se actúa en interés superior del niño.',
  'Adolescente sin tutor legal en el país; la atención no admite demora.',
];

export const needNote = (rng: Rng) => rng.pick(NEED_NOTES);
export const referralNote = (rng: Rng) => rng.pick(REFERRAL_NOTES);
export const declineReason = (rng: Rng) => rng.pick(DECLINE_REASONS);
export const closeReason = (rng: Rng) => rng.pick(CLOSE_REASONS);
export const exceptionReason = (rng: Rng) => rng.pick(EXCEPTION_REASONS);
export const noPlaceReason = () => DECLINE_REASONS[0]!;

export function deliveryText(rng: Rng, serviceType: string): string {
  return rng.pick(DELIVERIES[serviceType] ?? ['Atención brindada.']);
}

/** The consulate that assists a Paraguayan found in `country` (institutional, not personal). */
export function consulateIn(country: string): string {
  const cities: Record<string, string> = {
    AR: 'Buenos Aires',
    ES: 'Madrid',
    BR: 'São Paulo',
    BO: 'Santa Cruz de la Sierra',
    CL: 'Santiago',
    FR: 'París',
    KR: 'Seúl',
    JP: 'Tokio',
    US: 'Nueva York',
    UY: 'Montevideo',
  };
  return `Consulado del Paraguay en ${cities[country] ?? country}`;
}

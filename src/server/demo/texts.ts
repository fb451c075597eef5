/**
 * Synthetic Spanish texts built from templates: case narratives, detection places, decision
 * reasons, share reasons. They name no one (the people are invented anyway, and names belong in
 * the person record).
 */
import { DEPARTMENT_NAMES } from '../../shared/catalogues.js';
import type { Rng } from './prng.js';
import { DETECTION_PLACES, DISTRICTS } from './vocabulary.js';

const COUNTRY_NAMES: Record<string, string> = {
  PY: 'Paraguay',
  AR: 'Argentina',
  ES: 'España',
  BR: 'Brasil',
  BO: 'Bolivia',
  CL: 'Chile',
  FR: 'Francia',
  KR: 'Corea del Sur',
  JP: 'Japón',
  CN: 'China',
  DO: 'República Dominicana',
  ID: 'Indonesia',
};

const OFFERS: Record<string, readonly string[]> = {
  SexualExploitation: [
    'camarera',
    'niñera',
    'modelo',
    'empleada de comercio',
    'bailarina',
    'cuidadora de ancianos',
  ],
  ForcedLabour: [
    'peón rural',
    'albañil',
    'costurero en un taller',
    'ayudante de cocina',
    'vendedor',
    'carbonero',
  ],
  Servitude: ['trabajo doméstico con estudios pagados', 'ayuda en una casa de familia a cambio de estudios'],
  ChildLabour: ['ayudante en una chacra', 'vendedor ambulante'],
};

const CONTROL_PHRASES: Record<string, string> = {
  FalsePromises: 'Las condiciones prometidas nunca se cumplieron.',
  TakesEarnings: 'Le quitaban todo lo que ganaba.',
  DebtBondage: 'Le exigían pagar una deuda por el viaje, el alojamiento y la comida que no dejaba de crecer.',
  PsychologicalAbuse: 'Sufría insultos y humillaciones constantes.',
  PhysicalThreats: 'Recibía amenazas de golpes si intentaba irse.',
  WithholdsDocuments: 'Le retuvieron el documento de identidad.',
  ThreatensChildrenFamily: 'Amenazaban con hacer daño a su familia.',
  ExcessiveWorkingHours: 'Trabajaba más de catorce horas al día, sin descanso semanal.',
  PhysicalAbuse: 'Sufrió golpes.',
  SexualAbuse: 'Sufrió abuso sexual.',
};

const DETECTION_PHRASES: Record<string, string> = {
  Hotline: 'tras una llamada a la línea de denuncia',
  PoliceOperation: 'en un procedimiento policial',
  LabourInspection: 'durante una inspección del trabajo',
  BorderControl: 'en un control migratorio',
  Consulate: 'cuando pidió ayuda en el consulado',
  HealthOrSchool: 'por personal de salud o de la escuela',
  NgoOutreach: 'por el equipo de calle de una organización de la sociedad civil',
  SelfReferral: 'cuando la propia persona se presentó a denunciar',
  Other: 'por una comunicación de otra institución',
};

export function placeName(country: string, department: string | null): string {
  if (country !== 'PY') return COUNTRY_NAMES[country] ?? country;
  return department
    ? (DEPARTMENT_NAMES[department as keyof typeof DEPARTMENT_NAMES] ?? department)
    : 'Paraguay';
}

function subject(victims: ReadonlyArray<{ female: boolean; age: number }>): string {
  const [first] = victims;
  if (!first) return 'Una persona';
  if (victims.length > 1) {
    const minors = victims.filter((v) => v.age < 18).length;
    return `${victims.length} personas${minors ? `, ${minors} de ellas menores de edad,` : ''}`;
  }
  const noun =
    first.age < 12
      ? first.female
        ? 'Una niña'
        : 'Un niño'
      : first.age < 18
        ? first.female
          ? 'Una adolescente'
          : 'Un adolescente'
        : first.female
          ? 'Una mujer'
          : 'Un hombre';
  return `${noun} de ${first.age} años`;
}

export interface NarrativeFacts {
  exploitationType: string;
  victims: ReadonlyArray<{ female: boolean; age: number }>;
  online: { recruitment: boolean; exploitation: boolean; platform: string | null };
  destination: string;
  controls: readonly string[];
  detectionMethod: string;
}

/** A short case narrative in Spanish. */
export function narrative(rng: Rng, f: NarrativeFacts): string {
  const plural = f.victims.length > 1;
  const female = !plural && (f.victims[0]?.female ?? true);
  const recruited = plural ? 'fueron captadas' : female ? 'fue captada' : 'fue captado';
  const how = f.online.recruitment
    ? `por ${f.online.platform ?? 'redes sociales'}, por un perfil que no conocía${plural ? 'n' : ''}`
    : rng.pick([
        'por una persona conocida del barrio',
        'por un familiar',
        'por un aviso en una radio local',
        'por una amiga',
      ]);
  const offer = rng.pick(OFFERS[f.exploitationType] ?? ['un empleo bien pagado']);
  const parts = [`${subject(f.victims)} ${recruited} ${how} con una oferta de ${offer}.`];
  if (f.online.exploitation) {
    parts.push(
      'Luego le exigieron enviar imágenes y hacer transmisiones en vivo, bajo amenaza de difundirlas.',
    );
  } else {
    parts.push(`Fue${plural ? 'ron' : ''} llevad${plural ? 'as' : female ? 'a' : 'o'} a ${f.destination}.`);
  }
  for (const control of f.controls.slice(0, 2)) {
    const phrase = CONTROL_PHRASES[control];
    if (phrase) parts.push(phrase);
  }
  parts.push(`La situación se detectó ${DETECTION_PHRASES[f.detectionMethod] ?? 'por otra vía'}.`);
  return parts.join(' ');
}

/** A detection place: a kind of place and a district. */
export function detectionPlace(rng: Rng, department: string | null, city: string | null): string {
  const where = city ?? (department ? rng.pick(DISTRICTS[department] ?? ['']) : '');
  return where ? `${rng.pick(DETECTION_PLACES)}, ${where}` : rng.pick(DETECTION_PLACES);
}

const REASONS: Record<string, readonly string[]> = {
  ActualVictimOfTrafficking: [
    'La entrevista y la documentación muestran captación, medio y finalidad de explotación.',
    'Se confirma la situación de trata con los elementos reunidos en la entrevista y el informe policial.',
    'Acto, medio y finalidad acreditados; se activa la protección integral.',
  ],
  PossibleVictimOfTrafficking: [
    'Hay indicadores de trata; falta confirmar algunos elementos. Se investiga.',
    'Indicadores presentes en la entrevista inicial; se requiere una segunda entrevista.',
    'Situación compatible con trata; se deriva al Ministerio Público para investigar.',
  ],
  NotAVictimOfTrafficking: [
    'La entrevista no muestra elementos de trata; se deriva a servicios sociales.',
    'Se trata de una situación laboral irregular sin elementos de trata; se informa al Ministerio de Trabajo.',
  ],
};

export function decisionReason(rng: Rng, status: string, review: boolean): string {
  const reason = rng.pick(REASONS[status] ?? ['Decisión registrada.']);
  return review ? `Revisión de la decisión anterior. ${reason}` : reason;
}

export const SHARE_REASONS = {
  prosecution: 'Denuncia remitida al Ministerio Público para la investigación.',
  child: 'Derivación para la protección especial de niñas, niños y adolescentes.',
  women: 'Derivación para la atención integral de mujeres víctimas.',
} as const;

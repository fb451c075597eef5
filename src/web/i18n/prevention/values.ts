/**
 * Translated labels of the prevention value lists (src/shared/api-prevention.ts). Typed from the
 * lists, so a value added without its labels is a compile error. Guaraní needs native review.
 */
import {
  CAMPAIGN_CHANNELS,
  HOTLINE_CHANNELS,
  HOTLINE_TOPICS,
  PARTICIPANT_SEXES,
  TRAINING_KINDS,
  TRAINING_MODALITIES,
  TRAINING_TOPICS,
} from '../../../shared/api-prevention.js';
import type { Locale } from '../../../shared/roles.js';

export const PREVENTION_LISTS = {
  TRAINING_KINDS,
  TRAINING_MODALITIES,
  TRAINING_TOPICS,
  PARTICIPANT_SEXES,
  CAMPAIGN_CHANNELS,
  HOTLINE_CHANNELS,
  HOTLINE_TOPICS,
} as const;
export type PreventionList = keyof typeof PREVENTION_LISTS;
type Labels = Readonly<Record<Locale, string>>;
type LabelMap = {
  readonly [L in PreventionList]: Readonly<Record<(typeof PREVENTION_LISTS)[L][number], Labels>>;
};

const l = (es: string, gn: string, en: string): Labels => ({ es, gn, en });

export const PREVENTION_LABELS: LabelMap = {
  TRAINING_KINDS: {
    Training: l('Capacitación', "Mbo'epy", 'Training'),
    Workshop: l('Taller', 'Taller (tembiapo atýpe)', 'Workshop'),
    Seminar: l('Seminario', 'Seminario (aty guasu)', 'Seminar'),
    Webinar: l('Webinario', 'Webinario (ñanduti rupive)', 'Webinar'),
    Course: l('Curso', "Mbo'esyry", 'Course'),
  },
  TRAINING_MODALITIES: {
    in_person: l('Presencial', 'Ñembyaty oĩháme', 'In person'),
    virtual: l('Virtual', 'Ñanduti rupive', 'Virtual'),
    hybrid: l('Híbrida', 'Mokõive', 'Hybrid'),
  },
  TRAINING_TOPICS: {
    VictimIdentification: l('Identificación de víctimas', 'Víctima jeikuaa', 'Victim identification'),
    LegalFramework: l('Marco legal', 'Léi rehegua', 'Legal framework'),
    VictimCare: l('Atención a víctimas', 'Víctima ñangareko', 'Victim care'),
    Referral: l('Derivación', 'Ñemondo', 'Referral'),
    Investigation: l('Investigación', 'Jeporeka', 'Investigation'),
    LabourExploitation: l('Explotación laboral', 'Explotación tembiapópe', 'Labour exploitation'),
    SexualExploitation: l('Explotación sexual', 'Explotación sexual rehegua', 'Sexual exploitation'),
    ChildProtection: l('Protección de la niñez', 'Mitã ñangareko', 'Child protection'),
    OnlineExploitation: l('Explotación en línea', 'Explotación ñanduti rupive', 'Online exploitation'),
    Migration: l('Migración', 'Migrasión', 'Migration'),
    Prevention: l('Prevención', 'Jejoko', 'Prevention'),
    Other: l('Otro', 'Ambue', 'Other'),
  },
  PARTICIPANT_SEXES: {
    Female: l('Mujeres', 'Kuña', 'Women'),
    Male: l('Hombres', 'Kuimba’e', 'Men'),
    Unspecified: l('Otro o sin dato', 'Ambue térã ndojekuaái', 'Other or not stated'),
  },
  CAMPAIGN_CHANNELS: {
    Radio: l('Radio', 'Radio rupive', 'Radio'),
    Television: l('Televisión', 'Tele rupive', 'Television'),
    Press: l('Prensa escrita', 'Kuatiañe’ẽ', 'Press'),
    SocialMedia: l('Redes sociales', 'Ñanduti joaju', 'Social media'),
    Billboard: l('Carteles', 'Kuatia guasu', 'Billboards'),
    Leaflets: l('Folletos', 'Kuatia’i', 'Leaflets'),
    PublicEvent: l('Evento público', 'Aty opavavépe g̃uarã', 'Public event'),
    Schools: l('Escuelas', "Mbo'ehao", 'Schools'),
    SMS: l('Mensajes de texto', 'Marandu’i pumbyrýpe', 'Text messages'),
    Other: l('Otro', 'Ambue', 'Other'),
  },
  HOTLINE_CHANNELS: {
    Phone: l('Teléfono', 'Pumbyry', 'Phone'),
    WhatsApp: l('WhatsApp', 'WhatsApp rupive', 'WhatsApp'),
    Email: l('Correo electrónico', 'Ñanduti kuatia', 'E-mail'),
    Web: l('Formulario web', 'Kuatia ñanduti', 'Web form'),
    SocialMedia: l('Redes sociales', 'Ñanduti joaju', 'Social media'),
    InPerson: l('En persona', 'Tete rupive', 'In person'),
    Other: l('Otro', 'Ambue', 'Other'),
  },
  HOTLINE_TOPICS: {
    PossibleTrafficking: l('Posible trata de personas', 'Ikatúva trata de personas', 'Possible trafficking'),
    MissingPerson: l('Persona desaparecida', 'Tapicha okañýva', 'Missing person'),
    InformationRequest: l('Pedido de información', 'Marandu jerure', 'Information request'),
    AssistanceRequest: l('Pedido de ayuda', 'Pytyvõ jerure', 'Request for help'),
    OtherCrime: l('Otro delito', 'Ambue delito', 'Other crime'),
    Other: l('Otro', 'Ambue', 'Other'),
  },
};

/** The label of `value` in `list`, or the value itself if unknown (never blank). */
export function preventionLabel(locale: Locale, list: PreventionList, value: string): string {
  const labels = (PREVENTION_LABELS[list] as Record<string, Labels | undefined>)[value];
  return labels?.[locale] ?? value;
}

/** Every value of `list` with its label, in the list's order. */
export function preventionOptions(locale: Locale, list: PreventionList) {
  return PREVENTION_LISTS[list].map((value) => ({ value, label: preventionLabel(locale, list, value) }));
}

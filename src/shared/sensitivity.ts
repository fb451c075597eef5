/**
 * Sensitivity labels (docs/PRIVACY.md, "Sensitivity labels"): every personal field of a person or a
 * case carries one label, in this ONE registry. The label decides whether a field is masked in lists
 * and exports (and so in the offline set, which is built from lists), what a consent receipt calls
 * the data it covers, and what a reveal names in the audit trail. Shared by the server and the web.
 */
import type { Locale, Role } from './roles.js';

export const SENSITIVITY_LABELS = [
  'identity',
  'contact',
  'location',
  'health',
  'testimony',
  'legal',
] as const;
export type SensitivityLabel = (typeof SENSITIVITY_LABELS)[number];

/** Field → label. Keys are API field names (person and case views, shareable referral fields). */
export const FIELD_SENSITIVITY = {
  // person
  givenNames: 'identity',
  firstSurname: 'identity',
  secondSurname: 'identity',
  surnames: 'identity',
  aliases: 'identity',
  dateOfBirth: 'identity',
  age: 'identity',
  documentType: 'identity',
  documentNumber: 'identity',
  nationalities: 'identity',
  sex: 'identity',
  languages: 'identity',
  interpreterNeeded: 'identity',
  indigenousCommunity: 'identity',
  contact: 'contact',
  residenceDepartment: 'location',
  residenceDistrict: 'location',
  disability: 'health',
  need: 'health',
  // case
  detectionPlace: 'location',
  narrative: 'testimony',
  screeningAnswers: 'testimony',
  decisionReason: 'legal',
  protectionStatus: 'legal',
} as const satisfies Record<string, SensitivityLabel>;
export type LabelledField = keyof typeof FIELD_SENSITIVITY;

/**
 * Labels masked in lists and exports: shown only on the record's own page, and there only after an
 * explicit, audited reveal. Identity stays visible in lists (a worker must find the person).
 */
export const MASKED_IN_LISTS: readonly SensitivityLabel[] = [
  'contact',
  'location',
  'health',
  'testimony',
  'legal',
];

/**
 * Labels never copied to a device when a case is kept for offline work (docs/OFFLINE.md): the
 * testimony (narrative, screening answers), health and legal findings stay on the server. What is
 * typed on the device itself — an intake, an edit — is kept, encrypted in the vault, until sent.
 */
export const EXCLUDED_FROM_DEVICES: readonly SensitivityLabel[] = ['testimony', 'health', 'legal'];

/** Whether a kept case's copy on a device may hold `field`. */
export function keptOnDevices(field: string): boolean {
  return labelKeptOnDevices(sensitivityOf(field));
}

/** Whether what carries `label` (a field's, or a case note's own; null: none) may be copied to a device. */
export function labelKeptOnDevices(label: SensitivityLabel | null): boolean {
  return label === null || !EXCLUDED_FROM_DEVICES.includes(label);
}

export function sensitivityOf(field: string): SensitivityLabel | null {
  return (FIELD_SENSITIVITY as Record<string, SensitivityLabel>)[field] ?? null;
}

/** Whether `field` is masked in lists and exports. */
export function maskedInLists(field: string): boolean {
  const label = sensitivityOf(field);
  return label !== null && MASKED_IN_LISTS.includes(label);
}

/**
 * The labels each role needs to do its work, shown without asking on a record's page. Every other
 * labelled field comes masked (null, and named in the view's `masked`) and is shown only by an
 * explicit reveal that states its purpose and is audited (`revealPersonFields`). A case worker
 * arranges care and contact; a supervisor or a prosecutor reads the case, the place and the legal
 * situation, but not the person's health or how to reach them.
 */
export const LABELS_NEEDED_BY_ROLE: Record<Role, readonly SensitivityLabel[]> = {
  case_worker: SENSITIVITY_LABELS,
  supervisor: ['identity', 'location', 'testimony', 'legal'],
  prosecutor: ['identity', 'location', 'testimony', 'legal'],
  dpo: ['identity'],
  analyst: ['identity'],
  institution_admin: ['identity'],
  system_admin: ['identity'],
};

/** The person view's fields that may come masked on the record's page (and be revealed). */
export const REVEALABLE_PERSON_FIELDS = [
  'contact',
  'disability',
  'residenceDepartment',
  'residenceDistrict',
] as const;
export type RevealablePersonField = (typeof REVEALABLE_PERSON_FIELDS)[number];

/**
 * Why a masked field is revealed: one of the audit trail's purposes (src/shared/actions.ts), so the
 * reason is recorded without free text (which could itself hold personal data).
 */
export const REVEAL_PURPOSES = [
  'case_management',
  'referral',
  'investigation',
  'data_subject_request',
] as const;

/** The fields of a person's page masked for `role` (their labels are not among those it needs). */
export function personFieldsMaskedFor(role: Role): RevealablePersonField[] {
  const needed = LABELS_NEEDED_BY_ROLE[role];
  return REVEALABLE_PERSON_FIELDS.filter((f) => !needed.includes(sensitivityOf(f)!));
}

/** The distinct labels of `fields`, in the registry's order. */
export function labelsOf(fields: readonly string[]): SensitivityLabel[] {
  const found = new Set(fields.map(sensitivityOf).filter((l): l is SensitivityLabel => l !== null));
  return SENSITIVITY_LABELS.filter((l) => found.has(l));
}

/** What each label means, for people (consent receipts, the reveal button). */
export const SENSITIVITY_LABEL_TEXT: Record<SensitivityLabel, Record<Locale, string>> = {
  identity: {
    es: 'Identidad (nombres, edad, documento, nacionalidad, idiomas)',
    gn: 'Mávapa (téra, ary, kuatia, tetã, ñe’ẽ)',
    en: 'Identity (names, age, document, nationality, languages)',
  },
  contact: {
    es: 'Contacto (teléfono, dirección)',
    gn: 'Ñemongeta (pumbyry, tendakuéra)',
    en: 'Contact (phone, address)',
  },
  location: {
    es: 'Ubicación (lugares, distrito)',
    gn: 'Tenda (tenda, távaygua)',
    en: 'Location (places, district)',
  },
  health: {
    es: 'Salud y necesidades (discapacidad, necesidades de atención)',
    gn: 'Tesãi ha tekotevẽ (ñembyasy, ñangareko tekotevẽ)',
    en: 'Health and needs (disability, care needs)',
  },
  testimony: {
    es: 'Relato (lo que la persona contó)',
    gn: 'Mombe’u (umi mba’e omombe’úva)',
    en: 'Testimony (what the person told)',
  },
  legal: {
    es: 'Situación legal (decisiones, protección)',
    gn: 'Léi rehegua (jeporavo, ñeñangareko)',
    en: 'Legal situation (decisions, protection)',
  },
};

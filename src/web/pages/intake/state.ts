/**
 * What the intake wizard holds while it is filled in, and how the form values become request
 * bodies. Everything lives in the page's memory only: nothing personal goes into the address or
 * into browser storage, and going back to a step shows what was written there.
 */
import type { z } from 'zod';
import type { DecisionView, ScreeningView } from '../../../shared/api-identification.js';
import type { LANGUAGES, SEXES } from '../../../shared/catalogues.js';
import { paraguayToday } from '../../../shared/dates.js';
import type { Answer } from '../../../shared/screening-rules.js';

export const STEPS = ['person', 'case', 'screening', 'decision'] as const;
export type StepId = (typeof STEPS)[number];

/** Countries offered first for a nationality (Paraguay and its region); any other by its code. */
export const NATIONALITY_CHOICES = ['PY', 'AR', 'BR', 'BO', 'UY', 'CL', 'PE', 'CO', 'VE'] as const;
export const OTHER_COUNTRY = 'other';

export interface PersonValues {
  givenNames: string;
  firstSurname: string;
  secondSurname: string;
  sex: (typeof SEXES)[number];
  dateOfBirth: string;
  /** A number once typed; '' while empty. */
  estimatedAge: number | '';
  ageApproximate: boolean;
  /** One of NATIONALITY_CHOICES, OTHER_COUNTRY, or '' (not known). */
  nationality: string;
  otherCountry: string;
  documentType: string;
  documentNumber: string;
  languages: (typeof LANGUAGES)[number][];
  interpreterNeeded: boolean;
  indigenous: boolean;
  indigenousCommunity: string;
  residenceDepartment: string;
}

export interface CaseValues {
  detectionMethod: string;
  detectedOn: string;
  detectionDepartment: string;
  detectionPlace: string;
  narrative: string;
}

export interface ScreeningValues {
  /** '' until the user sets it; the detection date is offered meanwhile. */
  factsDate: string;
  answers: Record<string, Answer>;
}

export interface DecisionValues {
  status: string;
  decisionOrgType: string;
  decidedOn: string;
  reason: string;
}

export interface IntakeValues {
  person: PersonValues;
  case: CaseValues;
  screening: ScreeningValues;
  decision: DecisionValues;
}

/** What has been saved so far (ids and references only). */
export interface IntakeProgress {
  person?: { id: string; name: string };
  case?: { id: string; reference: string; personLinked: boolean };
  screening?: z.output<typeof ScreeningView>;
  decision?: z.output<typeof DecisionView>;
}

/** Today in Paraguay's time zone, as YYYY-MM-DD (where the interviews happen). */
export function todayInParaguay(now = new Date()): string {
  return paraguayToday(now);
}

export function initialValues(today = todayInParaguay()): IntakeValues {
  return {
    person: {
      givenNames: '',
      firstSurname: '',
      secondSurname: '',
      sex: 'Unknown',
      dateOfBirth: '',
      estimatedAge: '',
      ageApproximate: false,
      nationality: 'PY',
      otherCountry: '',
      documentType: '',
      documentNumber: '',
      languages: [],
      interpreterNeeded: false,
      indigenous: false,
      indigenousCommunity: '',
      residenceDepartment: '',
    },
    case: {
      detectionMethod: '',
      detectedOn: today,
      detectionDepartment: '',
      detectionPlace: '',
      narrative: '',
    },
    screening: { factsDate: '', answers: {} },
    decision: { status: '', decisionOrgType: '', decidedOn: today, reason: '' },
  };
}

const orNull = (value: string) => value.trim() || null;
const orUndefined = (value: string) => (value === '' ? undefined : value);

/** The person fields of the create request (and of the duplicate check), before validation. */
export function personRequest(values: PersonValues) {
  const country =
    values.nationality === OTHER_COUNTRY ? values.otherCountry.trim().toUpperCase() : values.nationality;
  const documentType = orNull(values.documentType);
  return {
    givenNames: values.givenNames,
    firstSurname: orNull(values.firstSurname),
    secondSurname: orNull(values.secondSurname),
    sex: values.sex,
    dateOfBirth: orNull(values.dateOfBirth),
    estimatedAge: values.estimatedAge === '' ? null : values.estimatedAge,
    ageApproximate: values.ageApproximate,
    nationalities: country === '' ? [] : [country],
    documentType,
    documentNumber: documentType === null || documentType === 'None' ? null : orNull(values.documentNumber),
    languages: values.languages,
    interpreterNeeded: values.interpreterNeeded,
    indigenous: values.indigenous,
    indigenousCommunity: values.indigenous ? orNull(values.indigenousCommunity) : null,
    residenceDepartment: orNull(values.residenceDepartment),
  };
}

/** The create-case request, before validation (an unchosen method fails as "choose one"). */
export function caseRequest(values: CaseValues) {
  return {
    detectionMethod: orUndefined(values.detectionMethod),
    detectedOn: values.detectedOn,
    detectionDepartment: orNull(values.detectionDepartment),
    detectionPlace: orNull(values.detectionPlace),
    narrative: orNull(values.narrative),
  };
}

export function decisionRequest(values: DecisionValues, personId: string, screeningId: string | null) {
  return {
    personId,
    status: orUndefined(values.status),
    decisionOrgType: orUndefined(values.decisionOrgType),
    decidedOn: values.decidedOn,
    reason: values.reason,
    screeningId,
  };
}

/** How far the user may go: a step opens once every step before it is saved. */
export function reachableSteps(progress: IntakeProgress): StepId[] {
  const steps: StepId[] = ['person'];
  if (!progress.person) return steps;
  steps.push('case');
  if (!progress.case?.personLinked) return steps;
  steps.push('screening');
  if (!progress.screening) return steps;
  steps.push('decision');
  return steps;
}

/** Whether each step's work is saved. */
export function stepDone(step: StepId, progress: IntakeProgress): boolean {
  switch (step) {
    case 'person':
      return Boolean(progress.person);
    case 'case':
      return Boolean(progress.case?.personLinked);
    case 'screening':
      return Boolean(progress.screening);
    case 'decision':
      return Boolean(progress.decision);
  }
}

/**
 * What the intake wizard holds while it is filled in (the draft), and how it becomes the one
 * request that writes the whole intake (submitIntake) when the user confirms it. Nothing is
 * written before: the draft lives in the page and, encrypted, on the device (draft.ts), so a reload
 * resumes it; nothing personal goes into the address. Going back to a step shows what was written.
 */
import type { z } from 'zod';
import type { IntakeDecision, SubmitIntakeRequest } from '../../../shared/api-devices.js';
import type { LANGUAGES, SEXES } from '../../../shared/catalogues.js';
import { paraguayToday } from '../../../shared/dates.js';
import {
  assess,
  childStatus,
  type Answer,
  type ChildAssessment,
  type RuleDefinition,
  type ScreeningResult,
} from '../../../shared/screening-rules.js';

export const STEPS = ['person', 'case', 'screening', 'decision'] as const;
export type StepId = (typeof STEPS)[number];

/** Countries offered first for a nationality (Paraguay and its region); any other by its code. */
export const NATIONALITY_CHOICES = ['PY', 'AR', 'BR', 'BO', 'UY', 'CL', 'PE', 'CO', 'VE'] as const;
export const OTHER_COUNTRY = 'other';

export interface PersonValues {
  givenNames: string;
  firstSurname: string;
  secondSurname: string;
  /** The person gives no name: `givenNames` is a pseudonym (never matched on). */
  pseudonym: boolean;
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
  decidedOn: string;
  reason: string;
}

export interface IntakeValues {
  person: PersonValues;
  case: CaseValues;
  screening: ScreeningValues;
  decision: DecisionValues;
}

/** Who the intake is about, once the duplicate check has been seen. */
export type PersonChoice =
  | { kind: 'new'; name: string; confirmNotDuplicate: boolean }
  | { kind: 'existing'; id: string; name: string };

/** The whole wizard, as kept (encrypted) between reloads. */
export interface IntakeDraft {
  step: StepId;
  values: IntakeValues;
  /** Set once step 1 is checked (duplicates seen); cleared when the person's fields change. */
  person?: PersonChoice | undefined;
  caseChecked: boolean;
  /** The instrument version the answers were checked against; cleared when they change. */
  screeningVersion?: number | undefined;
  /** Sent as Idempotency-Key: a confirmation retried after a lost answer is written once. */
  idempotencyKey: string;
}

export function newDraft(today = todayInParaguay()): IntakeDraft {
  return {
    step: 'person',
    values: initialValues(today),
    caseChecked: false,
    idempotencyKey: `intake-${globalThis.crypto.randomUUID()}`,
  };
}

/** The draft after the user changed the values of one step: that step must be checked again. */
export function withValues<K extends keyof IntakeValues>(
  draft: IntakeDraft,
  key: K,
  next: IntakeValues[K],
): IntakeDraft {
  const changed = { ...draft, values: { ...draft.values, [key]: next } };
  if (key === 'person') return { ...changed, person: undefined };
  if (key === 'case') return { ...changed, caseChecked: false };
  if (key === 'screening') return { ...changed, screeningVersion: undefined };
  return changed;
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
      pseudonym: false,
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
    decision: { status: '', decidedOn: today, reason: '' },
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
    // A draft saved before the field existed has none.
    pseudonym: values.pseudonym === true,
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

/** The decision part of the intake request, before validation. */
export function decisionRequest(values: DecisionValues) {
  return {
    status: orUndefined(values.status),
    decidedOn: values.decidedOn,
    reason: values.reason,
  };
}

/** The screening part of the intake request; the detection date stands for an unset facts date. */
export function screeningRequest(values: IntakeValues, instrumentVersion: number | undefined) {
  return {
    instrumentVersion,
    factsDate: values.screening.factsDate || values.case.detectedOn,
    answers: values.screening.answers,
  };
}

type Decision = z.input<typeof IntakeDecision>;

/** The one request of a checked draft: the whole intake, with its decision or none (later). */
export function intakeRequest(
  draft: IntakeDraft,
  decision: Decision | null,
): z.input<typeof SubmitIntakeRequest> {
  const { person } = draft;
  if (!person || !draft.caseChecked || draft.screeningVersion === undefined)
    throw new Error('intake not checked');
  return {
    person:
      person.kind === 'new'
        ? ({
            ...personRequest(draft.values.person),
            confirmNotDuplicate: person.confirmNotDuplicate,
          } as NonNullable<z.input<typeof SubmitIntakeRequest>['person']>)
        : null,
    personId: person.kind === 'existing' ? person.id : null,
    case: caseRequest(draft.values.case) as z.input<typeof SubmitIntakeRequest>['case'],
    screening: screeningRequest(draft.values, draft.screeningVersion) as NonNullable<
      z.input<typeof SubmitIntakeRequest>['screening']
    >,
    decision,
  };
}

export type ScreeningPreview = ScreeningResult & ChildAssessment;

/**
 * What the server will compute from the screening (the same shared rules), shown before anything
 * is written: the person's age as typed in step 1, estimated today. Throws a RangeError when the
 * facts are before the birth.
 */
export function screeningPreview(
  definition: RuleDefinition,
  values: IntakeValues,
  today = todayInParaguay(),
): ScreeningPreview {
  const { person } = values;
  const age = childStatus({
    dateOfBirth: person.dateOfBirth || null,
    estimatedAge: person.estimatedAge === '' ? null : person.estimatedAge,
    ageApproximate: person.ageApproximate,
    factsDate: values.screening.factsDate || values.case.detectedOn,
    recordedOn: today,
  });
  return { ...assess(definition, values.screening.answers, age.child), ...age };
}

/** How far the user may go: a step opens once every step before it is checked. */
export function reachableSteps(draft: IntakeDraft): StepId[] {
  const steps: StepId[] = ['person'];
  if (!draft.person) return steps;
  steps.push('case');
  if (!draft.caseChecked) return steps;
  steps.push('screening');
  if (draft.screeningVersion === undefined) return steps;
  steps.push('decision');
  return steps;
}

/** Whether each step is checked (the decision step is done when the intake is confirmed). */
export function stepDone(step: StepId, draft: IntakeDraft): boolean {
  switch (step) {
    case 'person':
      return Boolean(draft.person);
    case 'case':
      return draft.caseChecked;
    case 'screening':
      return draft.screeningVersion !== undefined;
    case 'decision':
      return false;
  }
}

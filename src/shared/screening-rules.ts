/**
 * The identification rules of the screening protocol (docs/DOMAIN.md §3), as pure functions: the server
 * stores what they compute and the web can show the same result while a form is being filled.
 *
 * Palermo Protocol art. 3: an adult is a presumed victim when there is an act (recruitment,
 * transport, transfer, harbouring, receipt), a means (threat, force, coercion, fraud, deception,
 * abuse of power or vulnerability, payments) and an exploitative purpose; for a child (under 18 at
 * the time of the facts) act and purpose suffice. Indicators never prove or disprove trafficking:
 * the assessment guides the interviewer; a person decides the status.
 */
import type { ASSESSMENTS } from './catalogues.js';

export type Answer = 'yes' | 'no' | 'unknown';
export type ChildStatus = 'yes' | 'no' | 'unknown';
export type Assessment = (typeof ASSESSMENTS)[number];

/** The minimum an instrument must offer the rules: sections of a kind, with question ids. */
export interface RuleDefinition {
  sections: ReadonlyArray<{
    id?: string;
    kind: string;
    questions: ReadonlyArray<{ id: string; towardPurpose?: boolean }>;
  }>;
}

/** Law 4788/2012's test: act + purpose make the offence; the means only aggravate it. */
export const LAW4788_ASSESSMENTS = ['offence', 'possible_offence', 'no_indication'] as const;
export type Law4788Assessment = (typeof LAW4788_ASSESSMENTS)[number];
/** What aggravates the offence under Law 4788/2012 (docs/DOMAIN.md §2): a means, a child victim. */
export const LAW4788_AGGRAVATING = ['means', 'child'] as const;
export type Law4788Aggravating = (typeof LAW4788_AGGRAVATING)[number];

export const AGE_OF_MAJORITY = 18;
/** An approximate age from 18 up to this one may still be a child's (the "unknown" band). */
export const NEAR_MAJORITY_MAX_AGE = 20;

export const AGE_FLAGS = {
  /** The age is an approximate estimate close to majority: treated as possibly a child. */
  nearMajority: 'approximate_age_near_majority',
  /** Neither a date of birth nor an estimated age: treated as possibly a child. */
  unknown: 'age_unknown_treated_as_possible_child',
  /** The age at the facts comes from an estimated age, not from a date of birth. */
  fromEstimate: 'age_from_estimate',
} as const;

/** Sections whose "yes" answers count as indicators (they never make the definition by themselves). */
export const INDICATOR_KINDS: ReadonlySet<string> = new Set([
  'forced_labour',
  'child',
  'domestic_servitude',
  'sexual_exploitation',
  'labour_exploitation',
]);

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIsoDate(value: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError('Expected a date as YYYY-MM-DD.');
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError('Not a real calendar date.');
  }
  return { y, m, d };
}

/** Whole years from `from` to `to` (both YYYY-MM-DD); throws a RangeError when `to` is earlier. */
function wholeYears(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1;
  if (years < 0) throw new RangeError('The later date is before the earlier one.');
  return years;
}

/**
 * Age in whole years on `factsDate` of someone born on `dateOfBirth` (both YYYY-MM-DD). The age
 * goes up on the birthday itself. Someone born on 29 February has the birthday on 1 March in
 * common years (the later of the two conventions, so a child is protected as a child up to the
 * last day). Throws a RangeError for malformed dates or facts before the birth.
 */
export function ageAt(dateOfBirth: string, factsDate: string): number {
  return wholeYears(dateOfBirth, factsDate);
}

export interface AgeFacts {
  /** From a document or a reliable source; approximate when `ageApproximate`. */
  dateOfBirth: string | null;
  /** Age in years as estimated on `recordedOn` (when there is no date of birth). */
  estimatedAge: number | null;
  /** The date of birth or age is an estimate, not taken from a document. */
  ageApproximate: boolean;
  factsDate: string;
  /** When the estimated age was recorded. */
  recordedOn: string;
}

export interface ChildAssessment {
  child: ChildStatus;
  ageAtFacts: number | null;
  flags: string[];
}

/** The estimated age carried from the day it was recorded to the day of the facts, in whole years. */
function estimatedAgeAt(estimate: number, recordedOn: string, factsDate: string): number {
  const age =
    factsDate <= recordedOn
      ? estimate - wholeYears(factsDate, recordedOn)
      : estimate + wholeYears(recordedOn, factsDate);
  if (age < 0) throw new RangeError('The facts are before the estimated birth.');
  return age;
}

/**
 * Was the person a child (under 18) at the time of the facts?
 * - a date of birth: a child iff the age at the facts is under 18 (17 years 364 days is a child;
 *   the 18th birthday is the first day of adulthood);
 * - an estimated age: carried to the facts date; under 18 is a child;
 * - an approximate age (or approximate date of birth) of 18 to 20 at the facts: "unknown",
 *   flagged `approximate_age_near_majority` (the estimate may be a child's);
 * - no date of birth and no estimate: "unknown", flagged `age_unknown_treated_as_possible_child`.
 * Protection errs towards the child: "unknown" never counts as an adult in `assess`.
 * Throws a RangeError when the facts are before the birth.
 */
export function childStatus(input: AgeFacts): ChildAssessment {
  const flags: string[] = [];
  let age: number | null = null;
  if (input.dateOfBirth) {
    age = ageAt(input.dateOfBirth, input.factsDate);
  } else if (input.estimatedAge !== null && input.estimatedAge !== undefined) {
    age = estimatedAgeAt(input.estimatedAge, input.recordedOn, input.factsDate);
    flags.push(AGE_FLAGS.fromEstimate);
  }
  if (age === null) return { child: 'unknown', ageAtFacts: null, flags: [AGE_FLAGS.unknown] };
  const band = ageBand(age, input.ageApproximate);
  if (band === 'child') return { child: 'yes', ageAtFacts: age, flags };
  if (band === 'near_majority') {
    return { child: 'unknown', ageAtFacts: age, flags: [...flags, AGE_FLAGS.nearMajority] };
  }
  return { child: 'no', ageAtFacts: age, flags };
}

/**
 * Where a known age (whole years) falls: a child under 18; an approximate age (or approximate date
 * of birth) from 18 to 20 may still be a child's (`near_majority`); otherwise an adult. The one rule
 * of "possibly a child" by age: the screening's child rule (`childStatus`) and a child's consent
 * (`minor-consent.ts`, on the server and on the offline device) both read it.
 */
export function ageBand(age: number, approximate: boolean): 'child' | 'near_majority' | 'adult' {
  if (age < AGE_OF_MAJORITY) return 'child';
  if (approximate && age <= NEAR_MAJORITY_MAX_AGE) return 'near_majority';
  return 'adult';
}

export interface ScreeningResult {
  act: boolean;
  means: boolean;
  /** A "yes" in the purpose section, or — for a child or possible child — a child indicator of exploitation. */
  purpose: boolean;
  /** "yes" answers to child indicators that describe exploitation (`towardPurpose`), counted for a (possible) child. */
  childPurposeCount: number;
  /** "yes" answers in the indicator sections (forced labour, child, domestic servitude, sexual and labour exploitation). */
  indicatorCount: number;
  /** "yes" answers in the vulnerability section (context, never an indicator by itself). */
  vulnerabilityCount: number;
  /** Palermo Protocol art. 3 (the international definition): what `assessment` has always meant. */
  assessment: Assessment;
  /** Law 4788/2012: act + purpose are the offence; means (and a child victim) aggravate it. */
  law4788: { assessment: Law4788Assessment; aggravating: Law4788Aggravating[] };
}

/**
 * The assessment of one screening, by two tests recorded side by side (docs/DOMAIN.md §3):
 *
 * Palermo Protocol art. 3 (`assessment`):
 * - act ∧ purpose ∧ (means ∨ the person is or may be a child) → `presumed_victim`;
 * - otherwise any act, means, purpose or indicator → `possible_victim` (investigate);
 * - otherwise `no_indication`.
 * For a child (or possible child) the child indicators that describe exploitation (questions marked
 * `towardPurpose`: work instead of school, criadazgo, sexual contact paid by an adult, money handed
 * over) count toward the purpose: a child's "agreement" is irrelevant, so no coercion is asked.
 *
 * Law 4788/2012 (`law4788`): force, fraud or coercion aggravate rather than define the offence (US
 * TIP 2023, seed 000), so act ∧ purpose → `offence`, aggravated by a means and by a child victim;
 * otherwise any act, means, purpose or indicator → `possible_offence`; else `no_indication`.
 *
 * Vulnerability factors describe the context and never change either test. Answers to questions
 * the definition does not have are ignored (the server refuses them before).
 */
export function assess(
  definition: RuleDefinition,
  answers: Readonly<Record<string, Answer>>,
  child: ChildStatus,
): ScreeningResult {
  const yesIn = (kind: (k: string) => boolean, only?: (q: { towardPurpose?: boolean }) => boolean) =>
    definition.sections
      .filter((section) => kind(section.kind))
      .reduce(
        (n, section) =>
          n + section.questions.filter((q) => answers[q.id] === 'yes' && (!only || only(q))).length,
        0,
      );
  const act = yesIn((k) => k === 'act') > 0;
  const means = yesIn((k) => k === 'means') > 0;
  const mayBeChild = child !== 'no';
  const childPurposeCount = mayBeChild
    ? yesIn(
        (k) => k === 'child',
        (q) => q.towardPurpose === true,
      )
    : 0;
  const purpose = yesIn((k) => k === 'purpose') > 0 || childPurposeCount > 0;
  const indicatorCount = yesIn((k) => INDICATOR_KINDS.has(k));
  const vulnerabilityCount = yesIn((k) => k === 'vulnerability');
  const anything = act || means || purpose || indicatorCount > 0;
  const assessment: Assessment =
    act && purpose && (means || mayBeChild)
      ? 'presumed_victim'
      : anything
        ? 'possible_victim'
        : 'no_indication';
  const aggravating: Law4788Aggravating[] = [];
  if (means) aggravating.push('means');
  if (child === 'yes') aggravating.push('child');
  const law4788 = {
    assessment: (act && purpose
      ? 'offence'
      : anything
        ? 'possible_offence'
        : 'no_indication') as Law4788Assessment,
    aggravating,
  };
  return {
    act,
    means,
    purpose,
    childPurposeCount,
    indicatorCount,
    vulnerabilityCount,
    assessment,
    law4788,
  };
}

/** Every question id of a definition, in order. */
export function questionIds(definition: RuleDefinition): string[] {
  return definition.sections.flatMap((section) => section.questions.map((q) => q.id));
}

/** Ids that appear more than once (question ids must be unique across all sections). */
export function duplicateQuestionIds(definition: RuleDefinition): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of questionIds(definition)) (seen.has(id) ? duplicates : seen).add(id);
  return [...duplicates];
}

/** Answer keys that are not questions of the definition. */
export function unknownQuestionIds(
  definition: RuleDefinition,
  answers: Readonly<Record<string, unknown>>,
): string[] {
  const known = new Set(questionIds(definition));
  return Object.keys(answers).filter((id) => !known.has(id));
}

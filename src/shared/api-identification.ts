/**
 * API shapes of identification: persons, cases, screening, decisions, exploitation and events.
 * Search terms and identifying fields travel only in request bodies, never in URLs.
 */
import { z } from 'zod';
import {
  ASSESSMENTS,
  CASE_PERSON_ROLES,
  CASE_STATUSES,
  CONTROL_METHODS,
  DECISION_ORG_TYPES,
  DEPARTMENTS,
  DETECTION_METHODS,
  DOCUMENT_TYPES,
  EVENT_TYPES,
  EXPLOITATION_TYPES,
  GENDERS,
  ISIC_SECTIONS,
  LANGUAGES,
  PLATFORMS,
  RECRUITER_RELATIONS,
  RECRUITMENT_METHODS,
  SEXES,
  SEXUAL_EXPLOITATION_TYPES,
  TRAFFICKING_STATUSES,
  VULNERABILITY_FACTORS,
} from './catalogues.js';
import { InstitutionRef, pageQuery, Uuid } from './api.js';
import { LAW4788_AGGRAVATING, LAW4788_ASSESSMENTS } from './screening-rules.js';
import { isAfterParaguayToday } from './dates.js';
import { REVEAL_PURPOSES, REVEALABLE_PERSON_FIELDS } from './sensitivity.js';
import { isAlpha2 } from './iso3166.js';

const name = (max = 120) => z.string().trim().min(1).max(max);
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'issue.dateFormat')
  // Date.parse rolls 2001-02-30 over to March; a real date reads back as itself.
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'issue.notARealDate');
/** A date where only the past makes sense (facts, decisions, hearings): not after today in Paraguay. */
export const PastIsoDate = IsoDate.refine((v) => !isAfterParaguayToday(v), 'issue.afterToday');
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'issue.countryCodeFormat')
  .refine(isAlpha2, 'issue.unknownCountry');
export const Department = z.enum(DEPARTMENTS);
export const Texts = z.object({ es: z.string(), gn: z.string(), en: z.string() });

// ---- persons ------------------------------------------------------------------------------
/** The person fields without creation defaults: an update changes only the fields it names. */
const PersonFieldsNoDefaults = z.strictObject({
  givenNames: name(),
  firstSurname: name().nullable().optional(),
  secondSurname: name().nullable().optional(),
  aliases: z.array(name()).max(10),
  /** The person gave no name: `givenNames` is a pseudonym, shown marked as such wherever a name would be. */
  pseudonym: z.boolean(),
  sex: z.enum(SEXES),
  gender: z.enum(GENDERS).nullable().optional(),
  dateOfBirth: IsoDate.nullable().optional(),
  estimatedAge: z.number().int().min(0).max(120).nullable().optional(),
  /** The age or birth date is an estimate (no document). */
  ageApproximate: z.boolean(),
  nationalities: z.array(CountryCode).max(5),
  documentType: z.enum(DOCUMENT_TYPES).nullable().optional(),
  documentNumber: z.string().trim().min(1).max(40).nullable().optional(),
  languages: z.array(z.enum(LANGUAGES)).max(4),
  interpreterNeeded: z.boolean(),
  indigenous: z.boolean(),
  indigenousCommunity: name(200).nullable().optional(),
  disability: z.string().trim().max(200).nullable().optional(),
  contact: z.string().trim().max(200).nullable().optional(),
  residenceDepartment: Department.nullable().optional(),
  residenceDistrict: name(120).nullable().optional(),
});
const base = PersonFieldsNoDefaults.shape;
export const PersonFields = PersonFieldsNoDefaults.extend({
  aliases: base.aliases.default([]),
  pseudonym: base.pseudonym.default(false),
  sex: base.sex.default('Unknown'),
  ageApproximate: base.ageApproximate.default(false),
  nationalities: base.nationalities.default([]),
  languages: base.languages.default([]),
  interpreterNeeded: base.interpreterNeeded.default(false),
  indigenous: base.indigenous.default(false),
});
export const CreatePersonRequest = PersonFields.extend({
  /** Set after the user has seen the possible duplicates and decided this is someone else. */
  confirmNotDuplicate: z.boolean().default(false),
});
export const UpdatePersonRequest = PersonFieldsNoDefaults.partial()
  .extend({
    /** The person version this edit was made against: see UpdateCaseRequest.baseVersion. */
    baseVersion: z.number().int().positive().optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'baseVersion'), 'issue.nothingToChange');

export const PersonCaseLink = z.object({
  caseId: Uuid,
  reference: z.string(),
  role: z.enum(CASE_PERSON_ROLES),
});
/** A break-glass grant as a page shows it: its end, for the banner's countdown (docs/PRIVACY.md). */
export const EmergencyAccess = z.object({ id: Uuid, expiresAt: z.string() });
export type EmergencyAccess = z.infer<typeof EmergencyAccess>;

export const PersonView = z.object({
  id: Uuid,
  givenNames: z.string(),
  firstSurname: z.string().nullable(),
  secondSurname: z.string().nullable(),
  aliases: z.array(z.string()),
  pseudonym: z.boolean(),
  sex: z.enum(SEXES),
  gender: z.enum(GENDERS).nullable(),
  dateOfBirth: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  estimatedAge: z.number().int().nullable(),
  ageApproximate: z.boolean(),
  nationalities: z.array(z.string()),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  documentNumber: z.string().nullable(),
  languages: z.array(z.enum(LANGUAGES)),
  interpreterNeeded: z.boolean(),
  indigenous: z.boolean(),
  indigenousCommunity: z.string().nullable(),
  disability: z.string().nullable(),
  contact: z.string().nullable(),
  residenceDepartment: z.string().nullable(),
  residenceDistrict: z.string().nullable(),
  ownerInstitution: InstitutionRef,
  cases: z.array(PersonCaseLink),
  createdAt: z.string(),
  /** Raised by every change; an offline edit names the version it was made against. */
  version: z.number().int(),
  /** What the reader may do to this record (`person.update`), decided by the server. */
  permissions: z.array(z.string()),
  /**
   * Fields sent as null because their sensitivity label is not one the reader's role needs
   * (src/shared/sensitivity.ts); `revealPersonFields` shows them, with a purpose, audited.
   */
  masked: z.array(z.enum(REVEALABLE_PERSON_FIELDS)),
  /** The reader's unexpired emergency access (break-glass) this record is shown through, or null. */
  emergencyAccess: EmergencyAccess.nullable(),
});
export type PersonView = z.infer<typeof PersonView>;

/** Reveal masked fields of a person: which, and why (a purpose, written to the audit trail). */
export const RevealPersonFieldsRequest = z.strictObject({
  fields: z
    .array(z.enum(REVEALABLE_PERSON_FIELDS))
    .min(1)
    .max(REVEALABLE_PERSON_FIELDS.length)
    .refine((fields) => new Set(fields).size === fields.length, 'issue.fieldTwice'),
  purpose: z.enum(REVEAL_PURPOSES),
});
export const RevealedPersonFields = z.object({
  values: z.array(z.object({ field: z.enum(REVEALABLE_PERSON_FIELDS), value: z.string().nullable() })),
});

export const PersonSummary = z.object({
  id: Uuid,
  fullName: z.string(),
  sex: z.enum(SEXES),
  birthYear: z.number().int().nullable(),
  ownerInstitutionCode: z.string(),
});
export const SearchPersonsRequest = z.strictObject({
  q: z.string().trim().min(2).max(120),
  limit: z.number().int().min(1).max(100).default(20),
});
export const PersonSearchResult = z.object({ items: z.array(PersonSummary) });

export const DuplicateCandidate = PersonSummary.extend({
  matchedOn: z.array(z.enum(['document', 'names_and_birth_date'])),
});
export const CheckDuplicatesRequest = PersonFields.partial().extend({ givenNames: name() });
export const DuplicateCheckResult = z.object({ candidates: z.array(DuplicateCandidate) });

// ---- cases --------------------------------------------------------------------------------
export const CreateCaseRequest = z.strictObject({
  detectionMethod: z.enum(DETECTION_METHODS),
  detectedOn: IsoDate,
  detectionDepartment: Department.nullable().optional(),
  detectionCountry: CountryCode.default('PY'),
  detectionPlace: z.string().trim().max(200).nullable().optional(),
  narrative: z.string().trim().max(20000).nullable().optional(),
  ownerUnitId: Uuid.nullable().optional(),
  assignedUserIds: z.array(Uuid).max(20).default([]),
});
export const UpdateCaseRequest = z
  .strictObject({
    status: z.enum(CASE_STATUSES).optional(),
    detectionDepartment: Department.nullable().optional(),
    detectionPlace: z.string().trim().max(200).nullable().optional(),
    narrative: z.string().trim().max(20000).nullable().optional(),
    ownerUnitId: Uuid.nullable().optional(),
    assignedUserIds: z.array(Uuid).max(20).optional(),
    /**
     * The case version this edit was made against (an offline edit): a field someone else changed
     * after it is a conflict (409 version_conflict), never overwritten silently.
     */
    baseVersion: z.number().int().positive().optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'baseVersion'), 'issue.nothingToChange');
export const AddCasePersonRequest = z.strictObject({ personId: Uuid, role: z.enum(CASE_PERSON_ROLES) });
export const ShareCaseRequest = z.strictObject({
  institutionId: Uuid,
  reason: z.string().trim().min(3).max(500),
});

export const ListCasesQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  detectionMethod: z.enum(DETECTION_METHODS).optional(),
  department: Department.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  reference: z.string().trim().max(20).optional(),
  assessment: z.enum(ASSESSMENTS).optional(),
  ict: z.enum(['true', 'false']).optional(),
  ...pageQuery(1_000_000),
});
export const CaseSummary = z.object({
  id: Uuid,
  reference: z.string(),
  detectionMethod: z.enum(DETECTION_METHODS),
  detectedOn: z.string(),
  detectionDepartment: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  ownerInstitutionCode: z.string(),
  personCount: z.number().int(),
  shared: z.boolean(),
});
export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number().int() });
/** The case list's search box: a person's name (tolerant, as searchPersons) or a reference prefix. */
export const SearchCasesRequest = z.strictObject({
  q: z.string().trim().min(2).max(120),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});

// ---- screening ----------------------------------------------------------------------------
export const SECTION_KINDS = [
  'act',
  'means',
  'purpose',
  'forced_labour',
  'child',
  'domestic_servitude',
  'sexual_exploitation',
  'labour_exploitation',
  'vulnerability',
] as const;
export const InstrumentQuestion = z.object({
  id: z.string().regex(/^[a-z0-9_.]+$/),
  text: Texts,
  help: Texts.optional(),
  /** In a child section: the indicator describes exploitation and counts toward the purpose for a child. */
  towardPurpose: z.boolean().optional(),
});
export const InstrumentSection = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  kind: z.enum(SECTION_KINDS),
  title: Texts,
  help: Texts.optional(),
  questions: z.array(InstrumentQuestion).min(1),
});
export const InstrumentDefinition = z.object({
  title: Texts,
  guidance: z.array(Texts),
  sections: z.array(InstrumentSection).min(3),
});
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;
export const InstrumentView = z.object({
  id: Uuid,
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  definition: InstrumentDefinition,
  publishedAt: z.string().nullable(),
});
export const GetInstrumentQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });
export const CreateInstrumentRequest = z.strictObject({ definition: InstrumentDefinition });

export const Answer = z.enum(['yes', 'no', 'unknown']);
export const SubmitScreeningRequest = z.strictObject({
  personId: Uuid,
  instrumentVersion: z.number().int().positive(),
  /** When the facts happened (the child rule uses the age at that date). */
  factsDate: IsoDate,
  answers: z.record(z.string().max(64), Answer),
});
export const ScreeningView = z.object({
  id: Uuid,
  caseId: Uuid,
  personId: Uuid,
  instrumentVersion: z.number().int(),
  factsDate: z.string(),
  ageAtFacts: z.number().int().nullable(),
  child: z.enum(['yes', 'no', 'unknown']),
  act: z.boolean(),
  means: z.boolean(),
  purpose: z.boolean(),
  indicatorCount: z.number().int(),
  /** Palermo Protocol art. 3 (the child rule applied). */
  assessment: z.enum(ASSESSMENTS),
  /** Law 4788/2012: act + purpose are the offence; means and a child victim aggravate it. */
  law4788: z.object({
    assessment: z.enum(LAW4788_ASSESSMENTS),
    aggravating: z.array(z.enum(LAW4788_AGGRAVATING)),
  }),
  flags: z.array(z.string()),
  answers: z.record(z.string(), Answer),
  createdAt: z.string(),
});

export const DecideStatusRequest = z.strictObject({
  personId: Uuid,
  status: z.enum(TRAFFICKING_STATUSES),
  /**
   * Ignored: the deciding organisation (HTCDS vic_TraffickingStatusDecisionMakingOrg) is taken from
   * the decider's institution, never typed. Accepted so that older clients keep working.
   */
  decisionOrgType: z.enum(DECISION_ORG_TYPES).optional(),
  decidedOn: IsoDate,
  reason: z.string().trim().min(3).max(5000),
  screeningId: Uuid.nullable().optional(),
  /** Set when this decision reviews (replaces) an earlier one. */
  reviewsDecisionId: Uuid.nullable().optional(),
});
export const DecisionView = z.object({
  id: Uuid,
  personId: Uuid,
  status: z.enum(TRAFFICKING_STATUSES),
  decisionOrgType: z.enum(DECISION_ORG_TYPES),
  institution: InstitutionRef,
  decidedBy: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  decidedOn: z.string(),
  reason: z.string(),
  screeningId: Uuid.nullable(),
  reviewsDecisionId: Uuid.nullable(),
  createdAt: z.string(),
});

// ---- exploitation and events ------------------------------------------------------------------
export const ExploitationRequest = z.strictObject({
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).default([]),
  labourIndustries: z.array(z.enum(ISIC_SECTIONS)).default([]),
  sexualExploitationTypes: z.array(z.enum(SEXUAL_EXPLOITATION_TYPES)).default([]),
  controlMethods: z.array(z.enum(CONTROL_METHODS)).default([]),
  recruitmentMethods: z.array(z.enum(RECRUITMENT_METHODS)).default([]),
  recruiterRelation: z.enum(RECRUITER_RELATIONS).nullable().optional(),
  vulnerabilities: z.array(z.enum(VULNERABILITY_FACTORS)).default([]),
});
/** The fields of an exploitation record, in form order (server audit and web form share it). */
export const EXPLOITATION_FIELDS = Object.keys(ExploitationRequest.shape) as Array<
  keyof typeof ExploitationRequest.shape
>;
export const ExploitationView = z.object({
  personId: Uuid,
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  labourIndustries: z.array(z.enum(ISIC_SECTIONS)),
  sexualExploitationTypes: z.array(z.enum(SEXUAL_EXPLOITATION_TYPES)),
  controlMethods: z.array(z.enum(CONTROL_METHODS)),
  recruitmentMethods: z.array(z.enum(RECRUITMENT_METHODS)),
  recruiterRelation: z.enum(RECRUITER_RELATIONS).nullable(),
  vulnerabilities: z.array(z.enum(VULNERABILITY_FACTORS)),
});
/** The fields of a trafficking event (AddEventRequest adds the checks across fields). */
export const AddEventObject = z.strictObject({
  personId: Uuid.nullable().optional(),
  type: z.enum(EVENT_TYPES),
  country: CountryCode,
  department: Department.nullable().optional(),
  district: name(120).nullable().optional(),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  online: z.boolean().default(false),
  platforms: z.array(z.enum(PLATFORMS)).max(13).default([]),
});
/** The checks across an event's fields: platforms only online, an end not before the start. */
export function withEventChecks<
  T extends z.ZodType<{
    online: boolean;
    platforms: unknown[];
    startDate?: string | null;
    endDate?: string | null;
  }>,
>(schema: T) {
  return schema
    .refine((v) => v.online || v.platforms.length === 0, {
      message: 'issue.platformsNeedOnline',
      path: ['platforms'],
    })
    .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, {
      message: 'issue.endsBeforeStart',
      path: ['endDate'],
    });
}
export const AddEventRequest = withEventChecks(AddEventObject);
export const EventView = z.object({
  id: Uuid,
  personId: Uuid.nullable(),
  type: z.enum(EVENT_TYPES),
  country: z.string(),
  department: z.string().nullable(),
  district: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  online: z.boolean(),
  platforms: z.array(z.enum(PLATFORMS)),
});

// ---- the case page ----------------------------------------------------------------------------
export const CaseView = z.object({
  id: Uuid,
  reference: z.string(),
  ownerInstitution: InstitutionRef,
  ownerUnitId: Uuid.nullable(),
  detectionMethod: z.enum(DETECTION_METHODS),
  detectedOn: z.string(),
  detectionDepartment: z.string().nullable(),
  detectionCountry: z.string(),
  detectionPlace: z.string().nullable(),
  narrative: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  assignedUsers: z.array(z.object({ id: Uuid, displayName: z.string() })),
  persons: z.array(
    z.object({
      personId: Uuid,
      role: z.enum(CASE_PERSON_ROLES),
      fullName: z.string(),
      sex: z.enum(SEXES),
      birthYear: z.number().int().nullable(),
      latestAssessment: z.enum(ASSESSMENTS).nullable(),
      currentStatus: z.enum(TRAFFICKING_STATUSES).nullable(),
    }),
  ),
  screenings: z.array(ScreeningView),
  decisions: z.array(DecisionView),
  exploitation: z.array(ExploitationView),
  events: z.array(EventView),
  shares: z.array(
    z.object({ id: Uuid, institution: InstitutionRef, reason: z.string(), createdAt: z.string() }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      actor: z.string().nullable(),
      institutionCode: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  /** What the caller may do on this case (computed by the server). */
  permissions: z.array(z.string()),
  createdAt: z.string(),
  /** Raised by every change of the case's own fields; an offline edit names the version it was made against. */
  version: z.number().int(),
  /** The reader's unexpired emergency access (break-glass) this case is shown through, or null. */
  emergencyAccess: EmergencyAccess.nullable(),
});
export type CaseView = z.infer<typeof CaseView>;

/** Ids only in the query string: never personal data in URLs. */
export const ListDecisionsQuery = z.strictObject({ personId: Uuid.optional() });

/** The roles that record decisions (docs/ACCESS-CONTROL.md): the only ones a policy can name. */
export const DECIDING_ROLES = ['case_worker', 'supervisor', 'prosecutor'] as const;
/** Who may confirm a victim ("ActualVictimOfTrafficking"): institutions and their roles. */
export const DecisionPolicyView = z.object({
  entries: z.array(z.object({ institution: InstitutionRef, roles: z.array(z.enum(DECIDING_ROLES)) })),
});
export const UpdateDecisionPolicyRequest = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        institutionId: Uuid,
        roles: z.array(z.enum(DECIDING_ROLES)).min(1).max(DECIDING_ROLES.length),
      }),
    )
    .max(200),
});
export const DecisionList = z.object({ items: z.array(DecisionView) });

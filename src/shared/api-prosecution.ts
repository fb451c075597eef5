/**
 * API shapes of prosecution (docs/DOMAIN.md §6): investigations, suspects and defendants with their
 * charges, procedural stages and outcomes, operations, international cooperation, victims'
 * participation and the official-complicity register. Suspects' identity travels only in request
 * bodies and in authorised reads, never in URLs.
 */
import { z } from 'zod';
import { InstitutionRef, pageQuery, Uuid } from './api.js';
import { CountryCode, Department, IsoDate, PastIsoDate, Texts } from './api-identification.js';
import { PLATFORMS, SEXES } from './catalogues.js';

/** Paraguayan procedure after the complaint: the stages a defendant passes through. */
export const PROCEDURAL_STAGES = [
  'imputacion',
  'acusacion',
  'juicio_oral',
  'sentencia',
  'apelacion',
  'sobreseimiento',
  'salida_alternativa',
] as const;
export const OUTCOMES = ['convicted', 'acquitted', 'dismissed'] as const;
/** HTCDS perpetrator roles (docs/DOMAIN.md §4). */
export const PERPETRATOR_ROLES = [
  'RecruiterIntermediary',
  'Transporter',
  'BrokerTravelAgent',
  'Harbourer',
  'Buyer',
  'Seller',
  'Controller',
  'Exploiter',
  'Smuggler',
  'Abuser',
  'Kidnapper',
  'Other',
] as const;
/** A suspect who is a public official: the kind of office (seed 000 names complicity). */
export const OFFICIAL_KINDS = ['police', 'border_migration', 'judicial', 'elected', 'other'] as const;
export const COOPERATION_KINDS = ['extradition', 'mutual_legal_assistance', 'joint_investigation'] as const;
export const COOPERATION_DIRECTIONS = ['outgoing', 'incoming'] as const;
export const PROTECTIVE_MEASURES = [
  'identity_reserved',
  'testimony_in_camera',
  'prior_testimony_recorded',
  'police_protection',
  'relocation',
  'shelter',
  'other',
] as const;

export const ProceduralStage = z.enum(PROCEDURAL_STAGES);
export const Outcome = z.enum(OUTCOMES);
const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'issue.repeated');
const text = (max: number) => z.string().trim().min(1).max(max);

// ---- catalogue ----------------------------------------------------------------------------
export const LegalProvisionView = z.object({
  id: Uuid,
  code: z.string(),
  instrument: z.string(),
  article: z.string(),
  label: Texts,
  maxYears: z.number().int().nullable(),
  /** The article number is cited in practice but not confirmed against the law's text. */
  articleUnconfirmed: z.boolean(),
  /** trafficking: counted in the trafficking prosecution figures; related, other: apart. */
  category: z.enum(['trafficking', 'related', 'other']),
  /** The form of exploitation a trafficking provision punishes (HTCDS), if one. */
  exploitation: z.string().nullable(),
  /** In force from / until (inclusive; null: not known or still in force). */
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** Where the article number was verified (null: unverified, see docs/LEGAL-PROVISIONS.md). */
  source: z.string().nullable(),
});
export const LegalProvisionList = z.object({ items: z.array(LegalProvisionView) });

// ---- investigations ------------------------------------------------------------------------
export const CreateInvestigationRequest = z.strictObject({
  /** The prosecutor's file number (carpeta fiscal), unique in the institution. Never a name. */
  reference: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[\p{L}\p{N} ./_-]+$/u, 'issue.referenceChars'),
  openedOn: PastIsoDate,
  complaintOn: PastIsoDate.nullable().optional(),
  /** What the complaint says; may describe persons, so it is stored encrypted. */
  complaintSummary: text(4000).nullable().optional(),
  department: Department.nullable().optional(),
  /** Institutions instructed to work on it (police on instruction): they may read it and record operations. */
  instructedInstitutionIds: distinct(Uuid, 10).default([]),
  /** Cases the investigation comes from (the actor must be able to read each). */
  caseIds: distinct(Uuid, 20).default([]),
  ictPlatforms: distinct(z.enum(PLATFORMS), 20).default([]),
  /** Accounts, profiles, numbers used: free text, encrypted. */
  ictAccounts: text(2000).nullable().optional(),
});
export const LinkCaseRequest = z.strictObject({ caseId: Uuid });
export const InstructInstitutionRequest = z.strictObject({ institutionId: Uuid });

export const AddSuspectRequest = z.strictObject({
  givenNames: text(120),
  surnames: text(120).nullable().optional(),
  aliases: z.array(text(120)).max(10).default([]),
  documentNumber: text(40).nullable().optional(),
  sex: z.enum(SEXES),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  nationality: CountryCode.nullable().optional(),
  roles: distinct(z.enum(PERPETRATOR_ROLES), 12).refine((l) => l.length > 0, 'issue.chooseRole'),
  /** Set when the suspect is a public official: a complicity investigation. */
  official: z
    .strictObject({
      kind: z.enum(OFFICIAL_KINDS),
      institutionId: Uuid,
      /** Post or unit, e.g. "Comisaría 3ª"; no names. */
      position: text(200).nullable().optional(),
    })
    .nullable()
    .optional(),
});

export const RecordChargeRequest = z
  .strictObject({
    provisionId: Uuid,
    chargedOn: PastIsoDate,
    /** When the facts charged happened: the provision must have been in force then. */
    factsOn: PastIsoDate.nullable().optional(),
  })
  .refine((c) => !c.factsOn || c.factsOn <= c.chargedOn, {
    message: 'issue.factsBeforeCharge',
    path: ['factsOn'],
  });
export const RecordStageRequest = z.strictObject({
  stage: ProceduralStage,
  occurredOn: PastIsoDate,
});
/** A conviction's sentence: months of prison (up to 50 years), and whether it is suspended. */
const Sentence = {
  sentenceMonths: z.number().int().min(1).max(600).nullable().optional(),
  suspended: z.boolean().default(false),
};
/** The outcome of one charge of the defendant (the offence of a conviction is then known). */
export const ChargeOutcomeRequest = z
  .strictObject({ chargeId: Uuid, outcome: Outcome, ...Sentence })
  .refine((o) => o.outcome === 'convicted' || (o.sentenceMonths == null && !o.suspended), {
    message: 'issue.sentenceNeedsConviction',
    path: ['sentenceMonths'],
  });
export const RecordOutcomeRequest = z
  .strictObject({
    outcome: Outcome,
    decidedOn: PastIsoDate,
    ...Sentence,
    /**
     * The outcome of each charge; when left out, the defendant's outcome and sentence apply to
     * every charge. A charge not listed keeps no outcome.
     */
    charges: z.array(ChargeOutcomeRequest).max(20).optional(),
    /** In guaraníes. */
    fineAmount: z.number().int().min(0).max(1e13).nullable().optional(),
    restitutionAmount: z.number().int().min(0).max(1e13).nullable().optional(),
  })
  .refine((o) => o.outcome === 'convicted' || o.sentenceMonths == null, {
    message: 'issue.sentenceNeedsConviction',
    path: ['sentenceMonths'],
  })
  .refine((o) => o.outcome !== 'convicted' || o.sentenceMonths != null || o.fineAmount != null, {
    message: 'issue.convictionNeedsSentence',
    path: ['sentenceMonths'],
  })
  .refine((o) => o.outcome === 'convicted' || !o.suspended, {
    message: 'issue.suspendedNeedsSentence',
    path: ['suspended'],
  });

export const RecordOperationRequest = z.strictObject({
  occurredOn: PastIsoDate,
  department: Department,
  /** Address or premises; may identify persons, so encrypted. */
  place: text(300).nullable().optional(),
  personsArrested: z.number().int().min(0).max(10000),
  victimsRescued: z.number().int().min(0).max(10000),
});
export const RecordCooperationRequest = z
  .strictObject({
    kind: z.enum(COOPERATION_KINDS),
    direction: z.enum(COOPERATION_DIRECTIONS),
    country: CountryCode,
    requestedOn: PastIsoDate,
    grantedOn: PastIsoDate.nullable().optional(),
  })
  .refine((r) => !r.grantedOn || r.grantedOn >= r.requestedOn, {
    message: 'issue.grantedBeforeRequested',
    path: ['grantedOn'],
  });
export const VictimParticipationRequest = z.strictObject({
  caseId: Uuid,
  personId: Uuid,
  witness: z.boolean(),
  protectiveMeasures: distinct(z.enum(PROTECTIVE_MEASURES), 7).default([]),
  /** Was the person penalised for acts they were compelled to commit (non-punishment)? */
  penalised: z.boolean(),
});

export const ListInvestigationsQuery = z.strictObject({
  /** A file number, or its beginning. */
  reference: z.string().trim().min(1).max(60).optional(),
  stage: ProceduralStage.optional(),
  complicity: z.enum(['true', 'false']).optional(),
  openedFrom: IsoDate.optional(),
  openedTo: IsoDate.optional(),
  ...pageQuery(100_000),
});
export const ExportInvestigationsQuery = z.strictObject({
  openedFrom: IsoDate.optional(),
  openedTo: IsoDate.optional(),
});

// ---- views ---------------------------------------------------------------------------------
export const StageView = z.object({ id: Uuid, stage: ProceduralStage, occurredOn: z.string() });
export const ChargeView = z.object({
  id: Uuid,
  provisionId: Uuid,
  provisionCode: z.string(),
  label: Texts,
  chargedOn: z.string(),
  factsOn: z.string().nullable(),
  /** The article number is not verified against the law's text (docs/LEGAL-PROVISIONS.md). */
  articleUnconfirmed: z.boolean(),
  outcome: z
    .object({
      outcome: Outcome,
      decidedOn: z.string(),
      sentenceMonths: z.number().int().nullable(),
      suspended: z.boolean(),
    })
    .nullable(),
});
export const OutcomeView = z.object({
  outcome: Outcome,
  decidedOn: z.string(),
  sentenceMonths: z.number().int().nullable(),
  suspended: z.boolean(),
  fineAmount: z.number().nullable(),
  restitutionAmount: z.number().nullable(),
});
export const SuspectView = z.object({
  id: Uuid,
  givenNames: z.string(),
  surnames: z.string().nullable(),
  aliases: z.array(z.string()),
  documentNumber: z.string().nullable(),
  sex: z.enum(SEXES),
  birthYear: z.number().int().nullable(),
  nationality: z.string().nullable(),
  roles: z.array(z.enum(PERPETRATOR_ROLES)),
  official: z
    .object({ kind: z.enum(OFFICIAL_KINDS), institution: InstitutionRef, position: z.string().nullable() })
    .nullable(),
  charges: z.array(ChargeView),
  stages: z.array(StageView),
  currentStage: ProceduralStage.nullable(),
  /** The stages the server would accept next (the UI offers only these). */
  nextStages: z.array(ProceduralStage),
  outcome: OutcomeView.nullable(),
  mayRecordOutcome: z.boolean(),
});
export const InvestigationActions = z.array(
  z.enum(['addSuspect', 'linkCase', 'instruct', 'recordOperation', 'recordCooperation', 'prosecute']),
);
export const InvestigationView = z.object({
  id: Uuid,
  reference: z.string(),
  institution: InstitutionRef,
  instructed: z.array(InstitutionRef),
  openedOn: z.string(),
  complaintOn: z.string().nullable(),
  complaintSummary: z.string().nullable(),
  department: z.string().nullable(),
  ictPlatforms: z.array(z.string()),
  ictAccounts: z.string().nullable(),
  complicity: z.boolean(),
  /** Linked cases; the reference only when the actor may read the case (else null). */
  cases: z.array(z.object({ id: Uuid, reference: z.string().nullable() })),
  suspects: z.array(SuspectView),
  operations: z.array(
    z.object({
      id: Uuid,
      occurredOn: z.string(),
      department: z.string(),
      place: z.string().nullable(),
      personsArrested: z.number().int(),
      victimsRescued: z.number().int(),
    }),
  ),
  cooperation: z.array(
    z.object({
      id: Uuid,
      kind: z.enum(COOPERATION_KINDS),
      direction: z.enum(COOPERATION_DIRECTIONS),
      country: z.string(),
      requestedOn: z.string(),
      grantedOn: z.string().nullable(),
    }),
  ),
  victims: z.array(
    z.object({
      caseId: Uuid,
      personId: Uuid,
      witness: z.boolean(),
      protectiveMeasures: z.array(z.enum(PROTECTIVE_MEASURES)),
      penalised: z.boolean(),
    }),
  ),
  actions: InvestigationActions,
});
export const InvestigationSummary = z.object({
  id: Uuid,
  reference: z.string(),
  openedOn: z.string(),
  department: z.string().nullable(),
  complicity: z.boolean(),
  suspects: z.number().int(),
  /** The furthest stage any defendant reached (by order of the procedure). */
  furthestStage: ProceduralStage.nullable(),
});
export const InvestigationList = z.object({ items: z.array(InvestigationSummary), total: z.number().int() });
export const ComplicityRegister = z.object({
  items: z.array(
    z.object({
      investigationId: Uuid,
      reference: z.string(),
      openedOn: z.string(),
      suspectId: Uuid,
      kind: z.enum(OFFICIAL_KINDS),
      institution: InstitutionRef,
      currentStage: ProceduralStage.nullable(),
      outcome: Outcome.nullable(),
    }),
  ),
});

/**
 * The export: what the statistics count, without any name. One row per investigation and one per
 * defendant (sex, birth year, roles, official kind and institution, charges, stage dates, outcome).
 */
export const InvestigationExport = z.object({
  investigations: z.array(
    z.object({
      id: Uuid,
      reference: z.string(),
      openedOn: z.string(),
      complaintOn: z.string().nullable(),
      department: z.string().nullable(),
      complicity: z.boolean(),
      ictPlatforms: z.array(z.string()),
      operations: z.number().int(),
      personsArrested: z.number().int(),
      victimsRescued: z.number().int(),
      cooperationRequests: z.array(
        z.object({
          kind: z.string(),
          country: z.string(),
          requestedOn: z.string(),
          grantedOn: z.string().nullable(),
        }),
      ),
    }),
  ),
  defendants: z.array(
    z.object({
      investigationId: Uuid,
      suspectId: Uuid,
      sex: z.string(),
      birthYear: z.number().int().nullable(),
      nationality: z.string().nullable(),
      roles: z.array(z.string()),
      officialKind: z.string().nullable(),
      officialInstitutionCode: z.string().nullable(),
      charges: z.array(z.string()),
      stages: z.array(z.object({ stage: ProceduralStage, occurredOn: z.string() })),
      outcome: Outcome.nullable(),
      decidedOn: z.string().nullable(),
      sentenceMonths: z.number().int().nullable(),
      suspended: z.boolean().nullable(),
    }),
  ),
});

/**
 * API shapes of prevention: training events with their participants counted by institution and
 * sex, awareness campaigns, hotline contacts (which can open a case), and the national action plan
 * with its progress history. The value lists are closed here; their labels are in
 * src/web/i18n/prevention/values.ts. Only the hotline contact's summary is personal (encrypted).
 */
import { z } from 'zod';
import { distinctList, InstitutionRef, pageQuery, Uuid } from './api.js';
import { CaseView, Department, IsoDate } from './api-identification.js';
import { EXPLOITATION_TYPES, LANGUAGES } from './catalogues.js';

export const TRAINING_KINDS = ['Training', 'Workshop', 'Seminar', 'Webinar', 'Course'] as const;
export const TRAINING_MODALITIES = ['in_person', 'virtual', 'hybrid'] as const;
export const TRAINING_TOPICS = [
  'VictimIdentification',
  'LegalFramework',
  'VictimCare',
  'Referral',
  'Investigation',
  'LabourExploitation',
  'SexualExploitation',
  'ChildProtection',
  'OnlineExploitation',
  'Migration',
  'Prevention',
  'Other',
] as const;
/** Participants are counted as women, men, and "other or not stated". */
export const PARTICIPANT_SEXES = ['Female', 'Male', 'Unspecified'] as const;
export const CAMPAIGN_CHANNELS = [
  'Radio',
  'Television',
  'Press',
  'SocialMedia',
  'Billboard',
  'Leaflets',
  'PublicEvent',
  'Schools',
  'SMS',
  'Other',
] as const;
export const HOTLINE_CHANNELS = [
  'Phone',
  'WhatsApp',
  'Email',
  'Web',
  'SocialMedia',
  'InPerson',
  'Other',
] as const;
export const HOTLINE_TOPICS = [
  'PossibleTrafficking',
  'MissingPerson',
  'InformationRequest',
  'AssistanceRequest',
  'OtherCrime',
  'Other',
] as const;

const title = z.string().trim().min(3).max(200);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const endsAfterStart = (start: string | undefined, end: string | null | undefined) =>
  !end || !start || end >= start;
const Page = {
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  ...pageQuery(1_000_000),
};

// ---- trainings ----------------------------------------------------------------------------
export const CreateTrainingRequest = z
  .strictObject({
    title,
    kind: z.enum(TRAINING_KINDS),
    heldOn: IsoDate,
    endsOn: IsoDate.nullable().optional(),
    modality: z.enum(TRAINING_MODALITIES),
    /** Where it took place; null for a virtual event. */
    department: Department.nullable().optional(),
    /** The venue or the platform (institutional, never a person). */
    place: optionalText(200),
    unitId: Uuid.nullable().optional(),
    audienceInstitutionIds: distinctList(Uuid, 0, 50).default([]),
    topics: distinctList(z.enum(TRAINING_TOPICS), 1, TRAINING_TOPICS.length),
  })
  .refine((v) => endsAfterStart(v.heldOn, v.endsOn), {
    path: ['endsOn'],
    message: 'issue.endsBeforeStart',
  })
  .refine((v) => v.modality === 'virtual' || v.department, {
    path: ['department'],
    message: 'issue.eventDepartment',
  });

export const ParticipantCell = z.strictObject({
  /** Null: other or not stated (municipal staff, students…). */
  institutionId: Uuid.nullable(),
  sex: z.enum(PARTICIPANT_SEXES),
  count: z.number().int().min(0).max(100_000),
});
/** The whole grid, replacing the previous one (bulk entry: institution × sex). */
export const RecordParticipantsRequest = z.strictObject({
  participants: z
    .array(ParticipantCell)
    .max(300)
    .refine(
      (cells) => new Set(cells.map((c) => `${c.institutionId ?? ''}|${c.sex}`)).size === cells.length,
      'issue.participantCellTwice',
    ),
});

export const ParticipantTotals = z.object({
  total: z.number().int(),
  bySex: z.record(z.enum(PARTICIPANT_SEXES), z.number().int()),
});
export const TrainingSummary = z.object({
  id: Uuid,
  institution: InstitutionRef,
  title: z.string(),
  kind: z.enum(TRAINING_KINDS),
  heldOn: IsoDate,
  endsOn: IsoDate.nullable(),
  modality: z.enum(TRAINING_MODALITIES),
  department: Department.nullable(),
  topics: z.array(z.enum(TRAINING_TOPICS)),
  participants: ParticipantTotals,
});
export const TrainingView = TrainingSummary.extend({
  unitId: Uuid.nullable(),
  place: z.string().nullable(),
  audience: z.array(InstitutionRef),
  grid: z.array(
    z.object({
      institution: InstitutionRef.nullable(),
      sex: z.enum(PARTICIPANT_SEXES),
      count: z.number().int(),
    }),
  ),
  byInstitution: z.array(
    z.object({
      institution: InstitutionRef.nullable(),
      total: z.number().int(),
      bySex: ParticipantTotals.shape.bySex,
    }),
  ),
  canRecord: z.boolean(),
});
export const ListTrainingsQuery = z.strictObject({
  ...Page,
  institutionId: Uuid.optional(),
  department: Department.optional(),
  topic: z.enum(TRAINING_TOPICS).optional(),
});
export const TrainingList = z.object({
  items: z.array(TrainingSummary),
  total: z.number().int(),
  /** Over every event that matches the filter, not just this page. */
  participants: ParticipantTotals,
});

// ---- campaigns ----------------------------------------------------------------------------
export const CreateCampaignRequest = z
  .strictObject({
    title,
    channels: distinctList(z.enum(CAMPAIGN_CHANNELS), 1, CAMPAIGN_CHANNELS.length),
    startsOn: IsoDate,
    endsOn: IsoDate.nullable().optional(),
    /** Empty: national. */
    departments: distinctList(Department, 0, 18).default([]),
    languages: distinctList(z.enum(LANGUAGES), 0, LANGUAGES.length).default([]),
    /** Estimated people reached. */
    reach: z.number().int().min(0).max(100_000_000).nullable().optional(),
    /** How the reach was estimated (audience figures, leaflets handed out…). */
    reachBasis: optionalText(300),
    partners: optionalText(300),
  })
  .refine((v) => endsAfterStart(v.startsOn, v.endsOn), {
    path: ['endsOn'],
    message: 'issue.endsBeforeStart',
  });
export const CampaignView = z.object({
  id: Uuid,
  institution: InstitutionRef,
  title: z.string(),
  channels: z.array(z.enum(CAMPAIGN_CHANNELS)),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  departments: z.array(Department),
  languages: z.array(z.enum(LANGUAGES)),
  reach: z.number().int().nullable(),
  reachBasis: z.string().nullable(),
  partners: z.string().nullable(),
});
export const ListCampaignsQuery = z.strictObject({
  ...Page,
  institutionId: Uuid.optional(),
  channel: z.enum(CAMPAIGN_CHANNELS).optional(),
});
export const CampaignList = z.object({
  items: z.array(CampaignView),
  total: z.number().int(),
  reach: z.number().int(),
});

// ---- hotline ------------------------------------------------------------------------------
export const RecordHotlineContactRequest = z.strictObject({
  receivedOn: IsoDate,
  channel: z.enum(HOTLINE_CHANNELS),
  topic: z.enum(HOTLINE_TOPICS),
  exploitationType: z.enum(EXPLOITATION_TYPES).nullable().optional(),
  /** Where the reported situation happens. */
  department: Department.nullable().optional(),
  childInvolved: z.boolean().nullable().optional(),
  /** What was reported. Encrypted; never in lists. */
  summary: optionalText(5000),
  unitId: Uuid.nullable().optional(),
});
export const HotlineContactSummary = z.object({
  id: Uuid,
  institution: InstitutionRef,
  receivedOn: IsoDate,
  channel: z.enum(HOTLINE_CHANNELS),
  topic: z.enum(HOTLINE_TOPICS),
  exploitationType: z.enum(EXPLOITATION_TYPES).nullable(),
  department: Department.nullable(),
  childInvolved: z.boolean().nullable(),
  caseId: Uuid.nullable(),
});
export const HotlineContactView = HotlineContactSummary.extend({
  summary: z.string().nullable(),
  caseReference: z.string().nullable(),
  canOpenCase: z.boolean(),
});
export const ListHotlineQuery = z.strictObject({
  ...Page,
  channel: z.enum(HOTLINE_CHANNELS).optional(),
  topic: z.enum(HOTLINE_TOPICS).optional(),
  department: Department.optional(),
});
export const HotlineContactList = z.object({
  items: z.array(HotlineContactSummary),
  total: z.number().int(),
});
export const OpenCaseFromContactRequest = z.strictObject({
  /** Defaults to the contact's summary. */
  narrative: optionalText(20000),
  ownerUnitId: Uuid.nullable().optional(),
});
export const OpenedCase = z.object({ contact: HotlineContactView, case: CaseView });

// ---- national action plan -----------------------------------------------------------------
/** A reporting period: a year, a quarter or a month (2026, 2026-Q2, 2026-05). */
export const Period = z
  .string()
  .trim()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'issue.period');
export const ProgressEntry = z.object({
  id: Uuid,
  period: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  institution: InstitutionRef,
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export const ActionPlanActionView = z.object({
  id: Uuid,
  objectiveId: Uuid,
  code: z.string(),
  title: z.string(),
  responsible: InstitutionRef,
  indicator: z.string(),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  dueOn: IsoDate.nullable(),
  latest: ProgressEntry.nullable(),
  /** Newest first; in the single-action view only. */
  history: z.array(ProgressEntry).optional(),
  canReport: z.boolean(),
});
export const ActionPlanView = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  canEdit: z.boolean(),
  objectives: z.array(
    z.object({ id: Uuid, code: z.string(), title: z.string(), actions: z.array(ActionPlanActionView) }),
  ),
});
const actionFields = {
  code: z.string().trim().min(1).max(20),
  title,
  responsibleInstitutionId: Uuid,
  indicator: z.string().trim().min(3).max(300),
  unit: z.string().trim().min(1).max(50),
  baseline: z.number().min(0).max(1e12).default(0),
  target: z.number().min(0).max(1e12),
  dueOn: IsoDate.nullable().optional(),
};
export const CreateObjectiveRequest = z.strictObject({
  code: z.string().trim().min(1).max(20),
  title,
});
export const ObjectiveView = z.object({ id: Uuid, code: z.string(), title: z.string() });
export const CreateActionRequest = z.strictObject({ objectiveId: Uuid, ...actionFields });
export const UpdateActionRequest = z
  .strictObject({
    title: actionFields.title.optional(),
    responsibleInstitutionId: Uuid.optional(),
    indicator: actionFields.indicator.optional(),
    unit: actionFields.unit.optional(),
    target: actionFields.target.optional(),
    dueOn: IsoDate.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'issue.nothingToChange');
export const ProgressRequest = z.strictObject({
  period: Period,
  value: z.number().min(0).max(1e12),
  note: optionalText(1000),
});

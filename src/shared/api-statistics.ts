/**
 * API shapes of statistics: the figures of docs/DOMAIN.md §7 with their filters and breakdowns, the
 * national report and the public (disclosure-controlled) open data. Only counts, codes and dates
 * travel here; a drill-down returns case references, read through the usual case access rules.
 */
import { z } from 'zod';
import { Uuid } from './api.js';
import { Department, IsoDate } from './api-identification.js';
import { AGE_BANDS, EXPLOITATION_TYPES, PLATFORMS, SEXES } from './catalogues.js';

export const FIGURE_IDS = [
  'victimsIdentified',
  'possibleVictims',
  'victimsIdentifiedOnline',
  'victimsAssisted',
  'victimsRepatriated',
  'foreignVictimsResidency',
  'servicesDelivered',
  'referralsMade',
  'unmetNeeds',
  'daysToFirstService',
  'investigationsOpened',
  'complicityInvestigations',
  'personsCharged',
  'personsConvicted',
  'sentenceMonths',
  'personsChargedOtherProvisions',
  'personsConvictedOtherProvisions',
  'officialsCharged',
  'officialsConvicted',
  'compensationOrdered',
  'victimsInProceedings',
  'victimsPenalised',
  'victimsReflectionPeriod',
  'victimsVoluntaryReturn',
  'victimsNonPunishment',
  'cooperationRequests',
  'operationsConducted',
  'personsArrested',
  'victimsRescued',
  'trainingsHeld',
  'trainingParticipants',
  'campaignsRun',
  'campaignReach',
  'hotlineContacts',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];
/**
 * Figures about victims (person facts): every filter applies and they have a drill-down to cases.
 * The prosecution and prevention figures apply only the filters listed in their breakdowns.
 */
export const VICTIM_FIGURES: readonly FigureId[] = FIGURE_IDS.slice(
  0,
  FIGURE_IDS.indexOf('investigationsOpened'),
);
export const AREAS = ['identification', 'protection', 'ict', 'prosecution', 'prevention'] as const;
export type Area = (typeof AREAS)[number];

export const DIMENSION_IDS = [
  'year',
  'department',
  'institution',
  'decisionOrg',
  'sex',
  'ageGroup',
  'ageBand',
  'nationality',
  'exploitation',
  'ict',
  'platform',
  'scope',
  'serviceType',
  'referralState',
  'unmetReason',
  'sentenceBand',
  'cooperationKind',
  'hotlineChannel',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];
export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export const ICT_VALUES = ['online_recruitment', 'online_exploitation', 'online_both', 'offline'] as const;
/** Sentence length bands (months) of persons convicted. */
export const SENTENCE_BANDS = ['<24', '24-59', '60-119', '120+', 'suspended', 'none'] as const;
/** Domestic or transnational trafficking (a victim's events abroad or a foreign citizenship). */
export const SCOPES = ['domestic', 'transnational'] as const;
/** What one counted unit of a figure is. */
export const UNITS = [
  'persons',
  'referrals',
  'needs',
  'deliveries',
  'days',
  'investigations',
  'requests',
  'operations',
  'trainings',
  'participants',
  'campaigns',
  'contacts',
  'months',
] as const;
export type Unit = (typeof UNITS)[number];
/** `online` filters any ICT involvement. */
export const ICT_FILTERS = ['online', ...ICT_VALUES] as const;

const Year = z.coerce.number().int().min(1990).max(2100);

/** Filters shared by every figure; each figure applies them on its own date basis. */
export const StatisticsFilters = z.strictObject({
  year: Year.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  department: z.union([Department, z.literal('Unknown')]).optional(),
  institution: Uuid.optional(),
  sex: z.enum(SEXES).optional(),
  ageGroup: z.enum(AGE_GROUPS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  nationality: z
    .string()
    .regex(/^([A-Z]{2}|Unknown)$/, 'issue.countryCodeOrUnknown')
    .optional(),
  exploitation: z.enum(EXPLOITATION_TYPES).optional(),
  ict: z.enum(ICT_FILTERS).optional(),
  platform: z.enum(PLATFORMS).optional(),
});
export type StatisticsFilters = z.output<typeof StatisticsFilters>;

export const StatisticsQuery = StatisticsFilters.extend({
  figure: z.enum(FIGURE_IDS),
  by: z.enum(DIMENSION_IDS).optional(),
});

export const FigureRow = z.object({ key: z.string(), value: z.number() });
/**
 * How current the figures are: where they were read (the primary, or the analytics replica with its
 * replay lag in seconds) and how many persons' changes wait for the background refresh (0: the
 * figures match the records; counted up to 501).
 */
export const Freshness = z.object({
  source: z.enum(['primary', 'replica']),
  lagSeconds: z.number().nullable(),
  pending: z.number(),
});
export type Freshness = z.output<typeof Freshness>;
export const FigureResult = z.object({
  figure: z.enum(FIGURE_IDS),
  area: z.enum(AREAS),
  unit: z.enum(UNITS),
  title: z.string(),
  definition: z.string(),
  period: z.object({ from: IsoDate, to: IsoDate }),
  total: z.number().nullable(),
  previousTotal: z.number().nullable(),
  /** Change against the same period one year earlier, in percent (null when there is no base). */
  changePercent: z.number().nullable(),
  by: z.enum(DIMENSION_IDS).nullable(),
  /** Persons counted under several values (forms of exploitation, platforms): rows may exceed the total. */
  multiValued: z.boolean(),
  rows: z.array(FigureRow),
  breakdowns: z.array(z.enum(DIMENSION_IDS)),
  /** Set on the figure operation itself (not on the report's figures). */
  freshness: Freshness.optional(),
});
export type FigureResult = z.output<typeof FigureResult>;

/**
 * The figure operation's answer: a row's `value` is null with `small: true` when an analyst reads a
 * count of 1 or 2 that includes other institutions' victims, shown as "<3"; `smallTotals` names the
 * totals withheld the same way (docs/PRIVACY.md, "Small counts for analysts").
 */
export const StatisticsResult = FigureResult.extend({
  rows: z.array(FigureRow.extend({ value: z.number().nullable(), small: z.boolean().optional() })),
  smallTotals: z.array(z.enum(['total', 'previousTotal'])).optional(),
});
export type StatisticsResult = z.output<typeof StatisticsResult>;

export const DrillQuery = StatisticsFilters.extend({
  figure: z.enum(FIGURE_IDS),
  by: z.enum(DIMENSION_IDS).optional(),
  key: z.string().max(64).optional(),
});
export const DrillResult = z.object({
  figure: z.enum(FIGURE_IDS),
  /** Cases behind the number (a case may hold several counted persons), over all institutions. */
  total: z.number(),
  /** The cases of those records the reader may open (their institution's or shared with it). */
  cases: z.array(z.object({ id: Uuid, reference: z.string() })),
  hidden: z.number(),
  truncated: z.boolean(),
});

export const ReportQuery = z.strictObject({
  year: Year,
  locale: z.enum(['es', 'en']).optional(),
});
/** The report's figures: for an analyst, counts of 1 or 2 withheld as in `getStatistics` ("<3"). */
export const ReportSection = z.object({
  area: z.enum(AREAS),
  figures: z.array(StatisticsResult),
});
/**
 * A cross table of the report (GLOTIP shapes). A null cell is a count of 1 or 2 withheld from an
 * analyst ("<3"); other readers get every count.
 */
export const ReportTable = z.object({
  id: z.string(),
  title: z.string(),
  rowKeys: z.array(z.string()),
  colKeys: z.array(z.string()),
  cells: z.array(z.array(z.number().nullable())),
});
export type ReportTable = z.output<typeof ReportTable>;
export const TipAnswer = z.object({
  question: z.string(),
  value: z.number().nullable(),
  note: z.string().nullable(),
  /** A count of 1 or 2 withheld from an analyst ("<3"): `value` is null. */
  small: z.boolean().optional(),
});
export const NationalReport = z.object({
  year: z.number(),
  locale: z.enum(['es', 'en']),
  generatedAt: z.string(),
  sections: z.array(ReportSection),
  /** The US TIP report questionnaire's questions this system can answer from the records. */
  tip: z.array(TipAnswer),
  /** Tables in the shape of UNODC's GLOTIP data collection. */
  glotip: z.array(ReportTable),
});
export type NationalReport = z.output<typeof NationalReport>;

export const PublicQuery = z.strictObject({
  year: Year.optional(),
  /** A release's version (default: the latest published). */
  release: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

/** A published release of the public statistics: immutable, numbered, dated (docs/DISCLOSURE-CONTROL.md). */
export const StatisticsRelease = z.object({
  version: z.number(),
  publishedAt: z.string(),
  years: z.array(z.number()),
  k: z.number(),
  /** The protection applied: threshold, suppression, change threshold and cell-key perturbation table. */
  method: z.string(),
});
export type StatisticsRelease = z.output<typeof StatisticsRelease>;
/** How often releases are due: every 1, 3 (quarterly), 6 or 12 months, each covering a period that ends on a month's last day. */
export const RELEASE_FREQUENCIES = [1, 3, 6, 12] as const;
/** A scheduled release: the period it covers ends on `periodEnd`; it is due `lagDays` later. */
export const ScheduledRelease = z.object({
  periodEnd: z.string(),
  dueOn: z.string(),
  /** The first release published after the period ended (it covers the period), if any. */
  release: z.number().nullable(),
  /** published: a release covers the period; overdue: due before today and none does; upcoming otherwise. */
  state: z.enum(['published', 'overdue', 'upcoming']),
});
export const ReleaseSchedule = z.object({
  frequencyMonths: z.number(),
  lagDays: z.number(),
  /** The next scheduled releases not yet published, soonest first. */
  next: z.array(ScheduledRelease),
});
export type ReleaseSchedule = z.output<typeof ReleaseSchedule>;
export const StatisticsReleaseList = z.object({
  releases: z.array(StatisticsRelease),
  /** The release calendar (null when none is set). */
  schedule: ReleaseSchedule.nullable(),
});
export const ReleaseCalendarRequest = z.strictObject({
  frequencyMonths: z.literal(RELEASE_FREQUENCIES),
  /** Days between the end of the period and the release (late registrations settle). */
  lagDays: z.number().int().min(0).max(365),
});
export const ReleaseCalendarView = z.object({
  calendar: z
    .object({
      frequencyMonths: z.number(),
      lagDays: z.number(),
      /** The day (YYYY-MM-DD) the schedule counts from: the system's first day in use. */
      startsOn: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** The latest due releases and the next ones, in date order. */
  scheduled: z.array(ScheduledRelease),
  /** The latest due release that no release covers, if any. */
  overdue: ScheduledRelease.nullable(),
});
export type ReleaseCalendarView = z.output<typeof ReleaseCalendarView>;
export const PublishReleaseRequest = z.strictObject({});
export const PublicTable = z.object({
  id: z.string(),
  figure: z.enum(FIGURE_IDS),
  rowDimension: z.enum(DIMENSION_IDS),
  colDimension: z.enum(DIMENSION_IDS).nullable(),
  rowKeys: z.array(z.string()),
  colKeys: z.array(z.string()),
  /** null = suppressed (fewer than k persons, or would reveal such a cell). */
  cells: z.array(z.array(z.number().nullable())),
  rowTotals: z.array(z.number().nullable()),
  colTotals: z.array(z.number().nullable()),
  total: z.number().nullable(),
  suppressed: z.number(),
  multiValued: z.boolean(),
});
export type PublicTable = z.output<typeof PublicTable>;
export const PublicStatistics = z.object({
  year: z.number(),
  years: z.array(z.number()),
  k: z.number(),
  licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
  generatedAt: z.string(),
  tables: z.array(PublicTable),
  /** The release these tables belong to. */
  release: StatisticsRelease,
});
export type PublicStatistics = z.output<typeof PublicStatistics>;

/** The files the national report is rendered to. */
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The national report as a file: the report's query and the format. */
export const ReportFileQuery = ReportQuery.extend({ format: z.enum(REPORT_FORMATS) });

/** Statistics operations: figures, drill-down, the national report (JSON and files), the public open data. */
import { defineContract } from '../contract.js';
import {
  DrillQuery,
  DrillResult,
  StatisticsResult,
  NationalReport,
  PublicQuery,
  PublicStatistics,
  PublishReleaseRequest,
  ReleaseCalendarRequest,
  ReleaseCalendarView,
  ReportFileQuery,
  ReportQuery,
  StatisticsQuery,
  StatisticsRelease,
  StatisticsReleaseList,
} from '../api-statistics.js';

const common = { tags: ['statistics'], purpose: 'statistics' } as const;

export const getStatistics = defineContract({
  ...common,
  operationId: 'getStatistics',
  method: 'GET',
  path: '/api/statistics',
  summary:
    'One figure (docs/DOMAIN.md §7) for a period and filters, its year-over-year change and a breakdown',
  action: 'statistics.read',
  query: StatisticsQuery,
  response: StatisticsResult,
});

export const drillStatistics = defineContract({
  ...common,
  operationId: 'drillStatistics',
  method: 'GET',
  path: '/api/statistics/records',
  summary: 'The cases behind a figure or one of its cells, as far as the reader may open them (audited)',
  action: 'statistics.drill',
  query: DrillQuery,
  response: DrillResult,
});

export const getNationalReport = defineContract({
  ...common,
  operationId: 'getNationalReport',
  method: 'GET',
  path: '/api/statistics/report',
  summary: 'The national report of a year: every figure with breakdowns, TIP questionnaire, GLOTIP tables',
  action: 'statistics.report',
  query: ReportQuery,
  response: NationalReport,
});

export const downloadNationalReport = defineContract({
  ...common,
  operationId: 'downloadNationalReport',
  method: 'GET',
  path: '/api/statistics/report/file',
  summary: 'The national report of a year as a PDF, spreadsheet (xlsx), CSV or JSON file',
  action: 'statistics.report',
  query: ReportFileQuery,
  response: null,
  download: true,
  status: 200,
});

export const getPublicStatistics = defineContract({
  operationId: 'getPublicStatistics',
  method: 'GET',
  path: '/api/public/statistics',
  summary:
    'Open data: the protected figures of a year in a published release (default: the latest; no sign-in)',
  tags: ['public'],
  auth: 'public',
  query: PublicQuery,
  response: PublicStatistics,
});

export const downloadPublicStatistics = defineContract({
  operationId: 'downloadPublicStatistics',
  method: 'GET',
  path: '/api/public/statistics.csv',
  summary: 'Open data as CSV (CC BY 4.0): the same protected tables, one line per cell',
  tags: ['public'],
  auth: 'public',
  query: PublicQuery,
  response: null,
  download: true,
  status: 200,
});

export const listStatisticsReleases = defineContract({
  operationId: 'listStatisticsReleases',
  method: 'GET',
  path: '/api/public/statistics/releases',
  summary: 'The published releases of the open data, newest first (version, date, years, protection)',
  tags: ['public'],
  auth: 'public',
  response: StatisticsReleaseList,
});

export const publishStatisticsRelease = defineContract({
  ...common,
  operationId: 'publishStatisticsRelease',
  method: 'POST',
  path: '/api/statistics/releases',
  summary:
    'Publishes a new release of the open data: a frozen, dated snapshot under disclosure control and cell-key perturbation',
  action: 'statistics.publish',
  body: PublishReleaseRequest,
  response: StatisticsRelease,
  status: 201,
});

export const getStatisticsReleaseCalendar = defineContract({
  ...common,
  operationId: 'getStatisticsReleaseCalendar',
  method: 'GET',
  path: '/api/statistics/release-calendar',
  summary:
    'The release calendar of the open data: frequency, lag, the latest due and next scheduled releases, and the overdue one',
  action: 'statistics.calendar',
  response: ReleaseCalendarView,
});

export const updateStatisticsReleaseCalendar = defineContract({
  ...common,
  operationId: 'updateStatisticsReleaseCalendar',
  method: 'PUT',
  path: '/api/statistics/release-calendar',
  summary: 'Sets the release calendar of the open data: every 1, 3, 6 or 12 months, with a lag in days',
  action: 'statistics.calendar',
  body: ReleaseCalendarRequest,
  response: ReleaseCalendarView,
});

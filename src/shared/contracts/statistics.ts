/** Statistics operations: figures, drill-down, the national report (JSON and files), the public open data. */
import { defineOperations } from '../contract.js';
import * as api from '../api-statistics.js';

const statistics = defineOperations({ tags: ['statistics'], purpose: 'statistics' });

const openData = defineOperations({ tags: ['public'] });

export const getStatistics = statistics.get('getStatistics', '/api/statistics', {
  summary:
    'One figure (docs/DOMAIN.md §7) for a period and filters, its year-over-year change and a breakdown',
  action: 'statistics.read',
  query: api.StatisticsQuery,
  response: api.StatisticsResult,
});

export const drillStatistics = statistics.get('drillStatistics', '/api/statistics/records', {
  summary: 'The cases behind a figure or one of its cells, as far as the reader may open them (audited)',
  action: 'statistics.drill',
  query: api.DrillQuery,
  response: api.DrillResult,
});

export const getNationalReport = statistics.get('getNationalReport', '/api/statistics/report', {
  summary: 'The national report of a year: every figure with breakdowns, TIP questionnaire, GLOTIP tables',
  action: 'statistics.report',
  query: api.ReportQuery,
  response: api.NationalReport,
});

export const downloadNationalReport = statistics.get(
  'downloadNationalReport',
  '/api/statistics/report/file',
  {
    summary: 'The national report of a year as a PDF, spreadsheet (xlsx), CSV or JSON file',
    action: 'statistics.report',
    query: api.ReportFileQuery,
    response: null,
    download: true,
    status: 200,
  },
);

export const getPublicStatistics = openData.get('getPublicStatistics', '/api/public/statistics', {
  summary:
    'Open data: the protected figures of a year in a published release (default: the latest; no sign-in)',
  auth: 'public',
  query: api.PublicQuery,
  response: api.PublicStatistics,
});

export const downloadPublicStatistics = openData.get(
  'downloadPublicStatistics',
  '/api/public/statistics.csv',
  {
    summary: 'Open data as CSV (CC BY 4.0): the same protected tables, one line per cell',
    auth: 'public',
    query: api.PublicQuery,
    response: null,
    download: true,
    status: 200,
  },
);

export const listStatisticsReleases = openData.get(
  'listStatisticsReleases',
  '/api/public/statistics/releases',
  {
    summary: 'The published releases of the open data, newest first (version, date, years, protection)',
    auth: 'public',
    response: api.StatisticsReleaseList,
  },
);

export const publishStatisticsRelease = statistics.create(
  'publishStatisticsRelease',
  '/api/statistics/releases',
  {
    summary:
      'Publishes a new release of the open data: a frozen, dated snapshot under disclosure control and cell-key perturbation',
    action: 'statistics.publish',
    body: api.PublishReleaseRequest,
    response: api.StatisticsRelease,
  },
);

export const getStatisticsReleaseCalendar = statistics.get(
  'getStatisticsReleaseCalendar',
  '/api/statistics/release-calendar',
  {
    summary:
      'The release calendar of the open data: frequency, lag, the latest due and next scheduled releases, and the overdue one',
    action: 'statistics.calendar',
    response: api.ReleaseCalendarView,
  },
);

export const updateStatisticsReleaseCalendar = statistics.put(
  'updateStatisticsReleaseCalendar',
  '/api/statistics/release-calendar',
  {
    summary: 'Sets the release calendar of the open data: every 1, 3, 6 or 12 months, with a lag in days',
    action: 'statistics.calendar',
    body: api.ReleaseCalendarRequest,
    response: api.ReleaseCalendarView,
  },
);

/** Statistics operations: figures, drill-down, the national report (JSON and files), the public open data. */
import { defineContract } from '../contract.js';
import {
  DrillQuery,
  DrillResult,
  StatisticsResult,
  NationalReport,
  PublicQuery,
  PublicStatistics,
  ReportFileQuery,
  ReportQuery,
  StatisticsQuery,
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
  summary: 'Open data: the protected figures of a year (no sign-in; every table passes disclosure control)',
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

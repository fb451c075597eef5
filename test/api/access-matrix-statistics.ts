/**
 * The statistics rows of the access matrix (access-matrix.test.ts): figures and the national report
 * are aggregates for analysts, supervisors, prosecutors and the Mesa's staff; the drill-down to cases
 * is for roles that read case records (and lists only the cases they may open); the open data is
 * public (no session).
 */
import type { TestContext } from '../helpers/db.js';
import { api, userWithSession } from '../helpers/factories.js';
import type { Runners } from './access-matrix-kit.js';

// prettier-ignore
export const STATISTICS_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'getStatistics: victims identified in 2025 by sex':                     '200  403  403  200  200  200  403',
  'drillStatistics: the cases behind victims identified in 2025':         '403  403  403  200  200  403  403',
  'getNationalReport: the 2025 report (JSON)':                            '200  403  403  200  200  200  403',
  'downloadNationalReport: the 2025 report as CSV':                       '200  403  403  200  200  200  403',
  'getPublicStatistics: the latest release (no session needed)':          '200  200  200  200  200  200  200',
  'downloadPublicStatistics: the latest release as CSV':                   '200  200  200  200  200  200  200',
  'listStatisticsReleases: the published releases (no session needed)':   '200  200  200  200  200  200  200',
  'publishStatisticsRelease: publish a release of the open data':        '403  403  403  403  403  201  403',
  'getStatisticsReleaseCalendar: the release calendar, what is overdue':  '200  403  403  403  403  200  403',
  'updateStatisticsReleaseCalendar: quarterly, 45 days after':            '200  403  403  403  403  200  403',
} as const;

/** The open data is served from releases: a statistician publishes one if there is none yet. */
async function ensureRelease(t: TestContext) {
  const list = await api(t, null, 'GET', '/api/public/statistics/releases');
  if (list.json().releases.length) return;
  const analyst = await userWithSession(t, { role: 'analyst', institution: 'MESA' });
  await api(t, analyst, 'POST', '/api/statistics/releases', {});
}

export const STATISTICS_RUN: Runners<typeof STATISTICS_MATRIX> = {
  'getStatistics: victims identified in 2025 by sex': (c) =>
    api(c.t, c.s, 'GET', '/api/statistics?figure=victimsIdentified&year=2025&by=sex'),
  'drillStatistics: the cases behind victims identified in 2025': (c) =>
    api(c.t, c.s, 'GET', '/api/statistics/records?figure=victimsIdentified&year=2025'),
  'getNationalReport: the 2025 report (JSON)': (c) =>
    api(c.t, c.s, 'GET', '/api/statistics/report?year=2025'),
  'downloadNationalReport: the 2025 report as CSV': (c) =>
    api(c.t, c.s, 'GET', '/api/statistics/report/file?year=2025&format=csv'),
  'getPublicStatistics: the latest release (no session needed)': async (c) => {
    await ensureRelease(c.t);
    return api(c.t, c.s, 'GET', '/api/public/statistics');
  },
  'downloadPublicStatistics: the latest release as CSV': async (c) => {
    await ensureRelease(c.t);
    return api(c.t, c.s, 'GET', '/api/public/statistics.csv');
  },
  'listStatisticsReleases: the published releases (no session needed)': (c) =>
    api(c.t, c.s, 'GET', '/api/public/statistics/releases'),
  'publishStatisticsRelease: publish a release of the open data': (c) =>
    api(c.t, c.s, 'POST', '/api/statistics/releases', {}),
  'getStatisticsReleaseCalendar: the release calendar, what is overdue': (c) =>
    api(c.t, c.s, 'GET', '/api/statistics/release-calendar'),
  'updateStatisticsReleaseCalendar: quarterly, 45 days after': (c) =>
    api(c.t, c.s, 'PUT', '/api/statistics/release-calendar', { frequencyMonths: 3, lagDays: 45 }),
};

/**
 * The release calendar of the open data (docs/DISCLOSURE-CONTROL.md "Release calendar"): releases
 * due every 1, 3, 6 or 12 months, a lag after each period; the public list shows the next scheduled
 * releases; the analyst sees the latest due ones and the one that is overdue, which a release
 * published after its period ended covers. The schedule counts from the system's first day in use, so a
 * fresh installation has nothing overdue. Set by the analyst or the system administrator, audited;
 * bad input changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { calendarView, schedule } from '../../src/server/modules/statistics/release-calendar.js';
import { addDays, paraguayToday } from '../../src/shared/dates.js';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe('the release schedule', () => {
  const quarterly = { frequencyMonths: 3, lagDays: 45, startsOn: '2020-01-01' };

  it('puts quarterly releases 45 days after each quarter, and finds the overdue one', () => {
    const published = [{ version: 1, day: '2026-08-01' }];
    const rows = schedule(quarterly, published, '2026-12-06');
    const of = (periodEnd: string) => rows.find((r) => r.periodEnd === periodEnd);
    expect(of('2026-06-30')).toEqual({
      periodEnd: '2026-06-30',
      dueOn: '2026-08-14',
      release: 1,
      state: 'published',
    });
    expect(of('2026-09-30')).toMatchObject({ dueOn: '2026-11-14', release: null, state: 'overdue' });
    expect(of('2026-12-31')).toMatchObject({ dueOn: '2027-02-14', state: 'upcoming' });
    expect(rows.filter((r) => r.periodEnd.startsWith('2026')).map((r) => r.periodEnd)).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    const view = calendarView(quarterly, published, '2026-12-06');
    expect(view.overdue?.periodEnd).toBe('2026-09-30');
    expect(view.next.map((s) => s.dueOn)).toEqual(['2027-02-14', '2027-05-15', '2027-08-14']);
    expect(view.scheduled.filter((s) => s.dueOn < '2026-12-06')).toHaveLength(4);
  });

  it('is not overdue on its due day, and a release after the period ends covers it even early', () => {
    const second = [{ version: 1, day: '2026-08-01' }];
    expect(calendarView(quarterly, second, '2026-11-14').overdue).toBeNull();
    expect(calendarView(quarterly, second, '2026-11-15').overdue?.dueOn).toBe('2026-11-14');
    // With no release at all, the latest due one is overdue.
    expect(calendarView(quarterly, [], '2026-11-14').overdue?.periodEnd).toBe('2026-06-30');
    // Published on 2 October, before the due day: covers the quarter ending 30 September.
    const early = calendarView(quarterly, [{ version: 4, day: '2026-10-02' }], '2026-12-06');
    expect(early.overdue).toBeNull();
    // Published on the last day of the quarter: does not cover it (the quarter was not over).
    const sameDay = calendarView(quarterly, [{ version: 4, day: '2026-09-30' }], '2026-12-06');
    expect(sameDay.overdue?.periodEnd).toBe('2026-09-30');
    // Monthly and yearly periods end on the last day of a month (February included).
    expect(
      schedule({ frequencyMonths: 1, lagDays: 0, startsOn: '2020-01-01' }, [], '2028-03-10').map(
        (s) => s.periodEnd,
      ),
    ).toContain('2028-02-29');
    expect(
      schedule({ frequencyMonths: 12, lagDays: 90, startsOn: '2020-01-01' }, [], '2026-12-06').map(
        (s) => s.periodEnd,
      ),
    ).toEqual(['2024-12-31', '2025-12-31', '2026-12-31', '2027-12-31', '2028-12-31']);
  });
});

describe('the start of the schedule', () => {
  it('has no release due for a period that ended before the system was in use', () => {
    const fresh = { frequencyMonths: 3, lagDays: 45, startsOn: '2026-12-06' };
    const view = calendarView(fresh, [], '2026-12-06');
    expect(view.overdue).toBeNull();
    expect(view.scheduled.map((s) => s.periodEnd)).toEqual([
      '2026-12-31',
      '2027-03-31',
      '2027-06-30',
      '2027-09-30',
    ]);
    // The quarter in which the system started is due; once its day passes without a release it is overdue.
    expect(calendarView(fresh, [], '2027-02-15').overdue?.periodEnd).toBe('2026-12-31');
    // A start on a period's last day still counts that period.
    const onLastDay = schedule({ ...fresh, startsOn: '2026-09-30' }, [], '2026-12-06');
    expect(onLastDay[0]).toMatchObject({ periodEnd: '2026-09-30', state: 'overdue' });
  });
});

describe.skipIf(skipBackend)('release calendar API', () => {
  const t = useTestContext();
  const [analyst, admin, worker] = useSessions(t, 'analyst@MESA', 'system_admin@MESA', 'case_worker@PNPTU');
  const today = paraguayToday();

  it('has the documented default, counted from the first day in use, shown to the public with the next dates', async () => {
    const view = await api(t, analyst, 'GET', '/api/statistics/release-calendar');
    expect(view.statusCode).toBe(200);
    expect(view.json().calendar).toMatchObject({ frequencyMonths: 3, lagDays: 45, startsOn: today });
    // A fresh database: nothing was due before it was in use.
    expect(view.json().overdue).toBeNull();
    expect(view.json().scheduled.every((s: { periodEnd: string }) => s.periodEnd >= today)).toBe(true);
    const list = await api(t, null, 'GET', '/api/public/statistics/releases');
    expect(list.statusCode).toBe(200);
    const { schedule: shown } = list.json();
    expect(shown).toMatchObject({ frequencyMonths: 3, lagDays: 45 });
    expect(shown.next).toHaveLength(3);
    for (const s of shown.next) {
      expect(s.dueOn >= today).toBe(true);
      expect(s.dueOn).toBe(addDays(s.periodEnd, 45));
    }
  });

  it('shows the analyst the overdue release until a release covers it', async () => {
    // A system in use since last year (the start is not settable through the API).
    await t.services.db.transaction((trx) =>
      trx
        .updateTable('statistics_release_calendar')
        .set({ starts_on: `${Number(today.slice(0, 4)) - 1}-01-01` })
        .execute(),
    );
    const set = await api(t, analyst, 'PUT', '/api/statistics/release-calendar', {
      frequencyMonths: 1,
      lagDays: 0,
    });
    expect(set.statusCode).toBe(200);
    // Monthly with no lag: last month's release was due on its last day, and none is published.
    const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
    expect(set.json().overdue).toMatchObject({
      periodEnd: lastMonthEnd,
      dueOn: lastMonthEnd,
      state: 'overdue',
    });
    const publicList = (await api(t, null, 'GET', '/api/public/statistics/releases')).json();
    expect(publicList.schedule.next[0].dueOn >= today).toBe(true);
    expect(JSON.stringify(publicList)).not.toContain('overdue');

    const published = await api(t, analyst, 'POST', '/api/statistics/releases', {});
    expect(published.statusCode).toBe(201);
    const after = (await api(t, analyst, 'GET', '/api/statistics/release-calendar')).json();
    expect(after.overdue).toBeNull();
    expect(after.scheduled.find((s: { periodEnd: string }) => s.periodEnd === lastMonthEnd)).toMatchObject({
      state: 'published',
      release: published.json().version,
    });
    const trail = (await auditOf(t, analyst.user.id)).map((r) => `${r.action}:${r.outcome}`);
    expect(trail).toContain('statistics.calendar:success');
  });

  it('is set by the system administrator too, by no case role, and refuses bad input without change', async () => {
    const byAdmin = await api(t, admin, 'PUT', '/api/statistics/release-calendar', {
      frequencyMonths: 6,
      lagDays: 60,
    });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().calendar).toMatchObject({ frequencyMonths: 6, lagDays: 60 });
    expect((await api(t, worker, 'GET', '/api/statistics/release-calendar')).statusCode).toBe(403);
    expect(
      (await api(t, worker, 'PUT', '/api/statistics/release-calendar', { frequencyMonths: 3, lagDays: 45 }))
        .statusCode,
    ).toBe(403);
    for (const body of [
      { frequencyMonths: 2, lagDays: 45 },
      { frequencyMonths: 3, lagDays: -1 },
      { frequencyMonths: 3, lagDays: 400 },
      { frequencyMonths: 3, lagDays: 4.5 },
      { frequencyMonths: 3 },
      { frequencyMonths: 3, lagDays: 45, startsOn: '2026-01-01' },
    ]) {
      const res = await api(t, analyst, 'PUT', '/api/statistics/release-calendar', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const unchanged = (await api(t, analyst, 'GET', '/api/statistics/release-calendar')).json();
    expect(unchanged.calendar).toMatchObject({ frequencyMonths: 6, lagDays: 60 });
  });
});

/**
 * The open data's release calendar, for the analyst and the system administrator: how often a
 * release is due and how long after its period, the latest due and next scheduled releases with
 * their state, and a warning when the latest due release has not been published. The public
 * dashboard shows the next dates (`NextReleases`).
 */
import { useState } from 'react';
import {
  RELEASE_FREQUENCIES,
  type ReleaseCalendarView,
  type ReleaseSchedule,
} from '../../../shared/api-statistics.js';
import {
  getStatisticsReleaseCalendar,
  updateStatisticsReleaseCalendar,
} from '../../../shared/contracts/statistics.js';
import { Form, useApiForm, useFormAlert } from '../../components/Form.js';
import { SubmitRow } from '../../components/FormActions.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';

type View = ReleaseCalendarView;
type Scheduled = View['scheduled'][number];

/** A calendar day (YYYY-MM-DD) in the reader's language, shown as that day wherever the reader is. */
function useDay() {
  const { formatDate } = useI18n();
  return (day: string) => formatDate(day);
}

export function ReleaseCalendar({ canPublish }: { canPublish: boolean }) {
  const { t } = useI18n();
  const day = useDay();
  const loaded = useApiQuery(getStatisticsReleaseCalendar, {});
  return (
    <div data-testid="release-calendar" className="release-calendar">
      <h3>{t('stats.calendar')}</h3>
      <QueryState query={loaded}>
        {(view) => (
          <>
            {view.overdue && (
              <p className="notice notice--warning" role="status" data-testid="release-overdue">
                {t('stats.calendarOverdue', {
                  due: day(view.overdue.dueOn),
                  period: day(view.overdue.periodEnd),
                })}
                {canPublish ? ` ${t('stats.calendarOverdueAct')}` : ''}
              </p>
            )}
            {view.calendar ? (
              <p>
                {t('stats.calendarRule', {
                  months: view.calendar.frequencyMonths,
                  days: view.calendar.lagDays,
                })}{' '}
                {t('stats.calendarStarts', { day: day(view.calendar.startsOn) })}
              </p>
            ) : (
              <p className="empty">{t('stats.calendarNone')}</p>
            )}
            {view.scheduled.length > 0 && <ScheduleTable rows={view.scheduled} />}
            <CalendarForm view={view} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function ScheduleTable({ rows }: { rows: Scheduled[] }) {
  const { t } = useI18n();
  const day = useDay();
  return (
    <div className="table-scroll">
      <table className="table table--cards" data-testid="release-schedule-table">
        <caption className="visually-hidden">{t('stats.calendar')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.calendarPeriodEnd')}</th>
            <th scope="col">{t('stats.calendarDue')}</th>
            <th scope="col">{t('stats.calendarState')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.periodEnd} data-state={row.state}>
              <td data-label={t('stats.calendarPeriodEnd')}>{day(row.periodEnd)}</td>
              <td data-label={t('stats.calendarDue')}>{day(row.dueOn)}</td>
              <td data-label={t('stats.calendarState')}>
                {row.state === 'published'
                  ? t('stats.calendarPublished', { version: row.release ?? 0 })
                  : t(`stats.calendar.${row.state}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CalendarForm({ view }: { view: View }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useApiForm(updateStatisticsReleaseCalendar, {
    defaultValues: {
      frequencyMonths: view.calendar?.frequencyMonths as (typeof RELEASE_FREQUENCIES)[number] | undefined,
      lagDays: view.calendar?.lagDays ?? 45,
    },
    prepare: (values) => ({ ...values, frequencyMonths: Number(values.frequencyMonths) }),
    onSuccess: () => setSaved(t('stats.calendarSaved')),
  });
  const alert = useFormAlert(form);
  return (
    <Form
      form={form}
      onSubmit={form.onSubmit}
      testId="release-calendar-form"
      className="form release-calendar-form"
    >
      <FormSelect msg="stats.calendarFrequency" name="frequencyMonths" required>
        {RELEASE_FREQUENCIES.map((months) => (
          <option key={months} value={months}>
            {t('stats.calendarEvery', { months })}
          </option>
        ))}
      </FormSelect>
      <FormText msg="stats.calendarLag" name="lagDays" type="number" min={0} max={365} required />
      <SubmitRow alert={alert} success={saved} pending={form.pending} label={t('stats.calendarSave')} />
    </Form>
  );
}

/** The next scheduled releases, on the public dashboard. */
export function NextReleases({ schedule }: { schedule: ReleaseSchedule | null }) {
  const { t } = useI18n();
  const day = useDay();
  if (!schedule) return null;
  return (
    <p data-testid="release-next">
      {t('public.calendar', { months: schedule.frequencyMonths, days: schedule.lagDays })}{' '}
      {schedule.next.length > 0 &&
        t('public.nextReleases', { dates: schedule.next.map((s) => day(s.dueOn)).join(', ') })}
    </p>
  );
}

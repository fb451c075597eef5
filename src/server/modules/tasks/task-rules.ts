/**
 * The rules that create follow-up tasks and tell people about overdue work, run by the background
 * job in batches (notification-jobs.ts), each batch in its own transaction:
 * - an overdue referral (its answer deadline in working days passed): escalated to the supervisors
 *   of both sides once (notifications.service.ts) and a task for the receiving institution;
 * - a service not delivered by its day (an accepted referral with no delivery after service_due_on):
 *   a task for the receiving institution;
 * - an overdue task (open, due before today): a notification to its assignee, or to the case-role
 *   staff of its institution when nobody is assigned, once per due day;
 * - a rule's task whose reason has gone (the referral answered, the service delivered or the
 *   referral ended): done, so nobody is told about work that no longer waits.
 * Each rule task is created once per source and kind (unique index), so runs are idempotent.
 * `today` is Paraguay's day; tests pass another to move the clock.
 */
import { sql, type RawBuilder } from 'kysely';
import { followUpToday } from '../../core/clock.js';
import { CASE_ROLES } from '../../access/policies.js';
import { AWAITING_ANSWER_REFERRAL_STATES } from '../../../shared/catalogues.js';
import type { Database, Trx } from '../../db/database.js';
import { escalateOverdueReferrals, notifyUsers } from '../notifications/notifications.service.js';

export const RULE_BATCH = 500;
/** The referral states in which an accepted service is still to be delivered. */
const SERVICE_PENDING_STATES = ['accepted', 'in_progress'] as const;

/**
 * Inserts the rule tasks that `select` gives (one batch: case, institution, kind, source type and
 * id, due day; a task that exists already is skipped) and returns how many it made.
 */
async function insertRuleTasks(trx: Trx, select: RawBuilder<unknown>): Promise<number> {
  const rows = await sql<{ n: number }>`
    with made as (
      insert into tasks (case_id, institution_id, kind, source_type, source_id, due_on)
      ${select}
      limit ${RULE_BATCH}
      on conflict do nothing
      returning 1
    ) select count(*)::int as n from made`.execute(trx);
  return Number(rows.rows[0]?.n ?? 0);
}

/** Tasks for referrals escalated as overdue that have none yet (one batch); returns how many. */
function referralOverdueTasks(trx: Trx, today: string): Promise<number> {
  return insertRuleTasks(
    trx,
    sql`select r.case_id, r.to_institution_id, 'referral_overdue', 'referral', r.id, ${today}::date
      from referrals r
      where r.escalated_at is not null
        and r.state in (${sql.join(AWAITING_ANSWER_REFERRAL_STATES.map((s) => sql.lit(s)))})
        and not exists (select 1 from tasks t where t.kind = 'referral_overdue' and t.source_id = r.id)`,
  );
}

/** Tasks for accepted referrals whose service day passed without a delivery (one batch). */
function serviceNotDeliveredTasks(trx: Trx, today: string): Promise<number> {
  return insertRuleTasks(
    trx,
    sql`select r.case_id, r.to_institution_id, 'service_not_delivered', 'referral', r.id, r.service_due_on
      from referrals r
      where r.state in (${sql.join(SERVICE_PENDING_STATES.map((s) => sql.lit(s)))})
        and r.service_due_on < ${today}::date
        and not exists (select 1 from service_deliveries d where d.referral_id = r.id)
        and not exists (select 1 from tasks t where t.kind = 'service_not_delivered' and t.source_id = r.id)`,
  );
}

/**
 * Open rule tasks whose source no longer calls for them (one batch): an overdue referral that has
 * since been answered, a service since delivered or whose referral ended. Returns how many.
 */
async function settledRuleTasks(trx: Trx): Promise<number> {
  const rows = await sql<{ n: number }>`
    with settled as (
      update tasks t set status = 'done', completed_at = now(), updated_at = now()
      where t.id in (
        select t2.id from tasks t2 join referrals r on r.id = t2.source_id
        where t2.status = 'open'
          and t2.source_type = 'referral'
          and (
            (t2.kind = 'referral_overdue' and r.state not in (${sql.join(AWAITING_ANSWER_REFERRAL_STATES.map((s) => sql.lit(s)))}))
            or (t2.kind = 'service_not_delivered' and (
              r.state not in (${sql.join(SERVICE_PENDING_STATES.map((s) => sql.lit(s)))})
              or exists (select 1 from service_deliveries d where d.referral_id = r.id)))
          )
        limit ${RULE_BATCH}
      )
      returning 1
    ) select count(*)::int as n from settled`.execute(trx);
  return Number(rows.rows[0]?.n ?? 0);
}

/** Notifies the people of overdue tasks not notified yet (one batch); returns how many tasks. */
async function notifyOverdueTasks(trx: Trx, today: string): Promise<number> {
  const due = await trx
    .updateTable('tasks')
    .set({ overdue_notified_at: new Date() })
    .where(
      'id',
      'in',
      trx
        .selectFrom('tasks')
        .select('id')
        .where('status', '=', 'open')
        .where('due_on', '<', today)
        .where('overdue_notified_at', 'is', null)
        .orderBy('due_on')
        .limit(RULE_BATCH),
    )
    .returning(['id', 'institution_id', 'assignee_user_id'])
    .execute();
  for (const task of due) {
    let recipients = trx
      .selectFrom('users')
      .select(['id', 'email'])
      .where('status', '=', 'active')
      .where('institution_id', '=', task.institution_id);
    recipients = task.assignee_user_id
      ? recipients.where('id', '=', task.assignee_user_id)
      : recipients.where('role', 'in', [...CASE_ROLES]);
    await notifyUsers(trx, await recipients.execute(), 'task_overdue', 'task', task.id);
  }
  return due.length;
}

export interface RuleRun {
  referralsEscalated: number;
  tasksCreated: number;
  tasksNotified: number;
  tasksSettled: number;
}

/** Runs every rule until nothing is left, one batch per transaction. */
export async function runFollowUpRules(db: Database, today = followUpToday()): Promise<RuleRun> {
  const run: RuleRun = { referralsEscalated: 0, tasksCreated: 0, tasksNotified: 0, tasksSettled: 0 };
  for (;;) {
    const settled = await db.transaction((trx) => settledRuleTasks(trx));
    run.tasksSettled += settled;
    if (settled < RULE_BATCH) break;
  }
  run.referralsEscalated = await escalateOverdueReferrals(db);
  for (const rule of [referralOverdueTasks, serviceNotDeliveredTasks]) {
    for (;;) {
      const made = await db.transaction((trx) => rule(trx, today));
      run.tasksCreated += made;
      if (made < RULE_BATCH) break;
    }
  }
  for (;;) {
    const notified = await db.transaction((trx) => notifyOverdueTasks(trx, today));
    run.tasksNotified += notified;
    if (notified < RULE_BATCH) break;
  }
  return run;
}

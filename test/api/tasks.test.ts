/**
 * Follow-up tasks: a case plan made by hand, my tasks, my institution's overdue work, and the rules
 * (an overdue referral, a service not delivered by its day) run by the background job, with the
 * clock moved by passing another day. Overdue tasks notify their assignee once.
 */
import { describe, expect, it } from 'vitest';
import { addDays, paraguayToday } from '../../src/shared/dates.js';
import { runFollowUpRules } from '../../src/server/modules/tasks/task-rules.js';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { insertReferral } from './protection-fixtures.js';
import { insertCase } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('tasks and follow-up rules', () => {
  const t = useTestContext();
  const [police, supervisor, minna, minnaSupervisor] = useSessions(
    t,
    'case_worker@PNPTU',
    'supervisor@PNPTU',
    'case_worker@MINNA',
    'supervisor@MINNA',
  );

  it('keeps a case plan: add, list by case, mine and overdue, change status and assignee', async () => {
    const caseId = await insertCase(t, 'PNPTU');
    const yesterday = addDays(paraguayToday(), -1);
    const made = await api(t, police, 'POST', '/api/tasks', {
      caseId,
      title: 'Coordinar entrevista con la fiscalía',
      dueOn: yesterday,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      kind: 'manual',
      title: 'Coordinar entrevista con la fiscalía',
      caseId,
      status: 'open',
      overdue: true,
      canUpdate: true,
      institution: { code: 'PNPTU' },
    });
    // The title is encrypted at rest.
    const stored = await t.services.db.transaction((trx) =>
      trx.selectFrom('tasks').select('title').where('id', '=', made.json().id).executeTakeFirstOrThrow(),
    );
    expect(stored.title).toMatch(/^enc:v1:/);

    const assigned = await api(t, police, 'POST', '/api/tasks', {
      caseId,
      title: 'Solicitar documentos',
      dueOn: addDays(paraguayToday(), 10),
      assigneeUserId: supervisor.user.id,
    });
    expect(assigned.json().assignee).toMatchObject({ id: supervisor.user.id });

    const plan = await api(t, supervisor, 'GET', `/api/tasks?view=case&caseId=${caseId}`);
    expect(plan.json().total).toBe(2);
    expect(plan.json().items[0].dueOn).toBe(yesterday);
    const mine = await api(t, supervisor, 'GET', '/api/tasks?view=mine');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([assigned.json().id]);
    const overdue = await api(t, supervisor, 'GET', '/api/tasks?view=overdue');
    expect(overdue.json().items.map((i: { id: string }) => i.id)).toContain(made.json().id);

    // Another institution sees neither the plan nor the task.
    expect((await api(t, minna, 'GET', `/api/tasks?view=case&caseId=${caseId}`)).statusCode).toBe(404);
    expect(
      (await api(t, minna, 'PATCH', `/api/tasks/${made.json().id}`, { status: 'done' })).statusCode,
    ).toBe(404);
    // An assignee of another institution is refused.
    const foreign = await api(t, police, 'POST', '/api/tasks', {
      caseId,
      title: 'Tarea mal asignada',
      dueOn: yesterday,
      assigneeUserId: minna.user.id,
    });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([400, 'task_assignee_unknown']);

    const done = await api(t, supervisor, 'PATCH', `/api/tasks/${made.json().id}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, workingDaysLeft: null });
    const after = await api(t, supervisor, 'GET', '/api/tasks?view=overdue');
    expect(after.json().items.map((i: { id: string }) => i.id)).not.toContain(made.json().id);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const res = await api(t, police, 'POST', '/api/tasks', { title: 'x', dueOn: '2026-02-30' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['body.dueOn', 'body.title']);
  });

  it('makes a task of an overdue referral and of a service not delivered, once, and notifies', async () => {
    const late = await insertReferral(t, 'PNPTU', 'MINNA');
    const accepted = await insertReferral(t, 'PNPTU', 'MINNA', { state: 'accepted' });
    await t.services.db.transaction(async (trx) => {
      await trx
        .updateTable('referrals')
        .set({ due_at: new Date(Date.now() - 86_400_000) })
        .where('id', '=', late.referralId)
        .execute();
      await trx
        .updateTable('referrals')
        .set({ service_due_on: addDays(paraguayToday(), 3) })
        .where('id', '=', accepted.referralId)
        .execute();
    });
    const first = await runFollowUpRules(t.services.db);
    expect(first.referralsEscalated).toBeGreaterThanOrEqual(1);
    const tasks = (await api(t, minnaSupervisor, 'GET', '/api/tasks?view=overdue')).json();
    // Made today: not overdue yet.
    expect(tasks.items.map((i: { source: { id: string } | null }) => i.source?.id)).not.toContain(
      late.referralId,
    );
    const plan = await api(t, police, 'GET', `/api/tasks?view=case&caseId=${late.caseId}`);
    expect(plan.json().items).toMatchObject([
      {
        kind: 'referral_overdue',
        title: null,
        institution: { code: 'MINNA' },
        source: { id: late.referralId },
      },
    ]);
    // Move the clock: five days later the service is late too, and the referral's task is overdue.
    const later = addDays(paraguayToday(), 5);
    const second = await runFollowUpRules(t.services.db, later);
    expect(second.tasksCreated).toBeGreaterThanOrEqual(1);
    expect(second.tasksNotified).toBeGreaterThanOrEqual(1);
    const servicePlan = await api(t, police, 'GET', `/api/tasks?view=case&caseId=${accepted.caseId}`);
    expect(servicePlan.json().items).toMatchObject([
      { kind: 'service_not_delivered', institution: { code: 'MINNA' }, source: { id: accepted.referralId } },
    ]);
    const notes = (await api(t, minna, 'GET', '/api/notifications')).json();
    const taskNote = notes.items.find((n: { kind: string }) => n.kind === 'task_overdue');
    expect(taskNote).toMatchObject({ resourceType: 'task' });
    expect(taskNote.text).toMatch(/^La tarea TAR-[0-9A-F]{8} está vencida\.$/);
    // Idempotent: nothing new on a third run.
    const third = await runFollowUpRules(t.services.db, later);
    expect(third).toEqual({ referralsEscalated: 0, tasksCreated: 0, tasksNotified: 0, tasksSettled: 0 });

    // MINNA answers the late referral and delivers the late service: both tasks are done by the
    // next run, and no longer appear among the overdue ones.
    const answered = await api(t, minna, 'POST', `/api/referrals/${late.referralId}/acceptance`);
    expect(answered.statusCode).toBe(200);
    const delivered = await api(t, minna, 'POST', `/api/referrals/${accepted.referralId}/deliveries`, {
      deliveredOn: paraguayToday(),
      description: 'Atención sintética brindada.',
    });
    expect(delivered.statusCode).toBe(201);
    const fourth = await runFollowUpRules(t.services.db, later);
    expect(fourth.tasksSettled).toBe(2);
    for (const { caseId, kind } of [
      { caseId: late.caseId, kind: 'referral_overdue' },
      { caseId: accepted.caseId, kind: 'service_not_delivered' },
    ]) {
      const items = (await api(t, police, 'GET', `/api/tasks?view=case&caseId=${caseId}&status=done`)).json()
        .items;
      expect(items.find((i: { kind: string }) => i.kind === kind)).toMatchObject({ status: 'done' });
    }
    const overdue = (await api(t, minnaSupervisor, 'GET', '/api/tasks?view=overdue')).json().items;
    expect(overdue.map((i: { source: { id: string } | null }) => i.source?.id)).not.toEqual(
      expect.arrayContaining([late.referralId]),
    );
    expect((await runFollowUpRules(t.services.db, later)).tasksSettled).toBe(0);
  });
});

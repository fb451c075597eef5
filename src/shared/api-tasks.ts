/**
 * API shapes of follow-up: tasks of a case plan, created by hand or by rules (docs/TASKS.md). A
 * task's title is free text (encrypted at rest); rule tasks carry a kind and their source instead.
 */
import { z } from 'zod';
import { pageQuery, Uuid } from './api.js';
import { IsoDate } from './api-identification.js';

export const TASK_KINDS = ['manual', 'referral_overdue', 'service_not_delivered', 'hearing'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const TaskKind = z.enum(TASK_KINDS);
export const TaskStatus = z.enum(TASK_STATUSES);

export const CreateTaskRequest = z.strictObject({
  /** The case whose plan the task belongs to (optional: a task may stand alone). */
  caseId: Uuid.optional(),
  /** What is to be done. Avoid names: the case already says whom it is about. */
  title: z.string().trim().min(3).max(300),
  dueOn: IsoDate,
  /** A user of the caller's institution; none: the institution as a whole. */
  assigneeUserId: Uuid.nullable().optional(),
});

export const UpdateTaskRequest = z
  .strictObject({
    status: TaskStatus.optional(),
    dueOn: IsoDate.optional(),
    assigneeUserId: Uuid.nullable().optional(),
    title: z.string().trim().min(3).max(300).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'issue.nothingToChange');

export const ListTasksQuery = z.strictObject({
  /** mine: assigned to me; overdue: open and past due in my institution; case: a case's plan. */
  view: z.enum(['mine', 'overdue', 'case']).default('mine'),
  caseId: Uuid.optional(),
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
  ...pageQuery(100_000),
});

export const TaskView = z.object({
  id: Uuid,
  kind: TaskKind,
  /** The title of a task made by hand; null for a rule's task (the kind and source say what). */
  title: z.string().nullable(),
  caseId: Uuid.nullable(),
  caseReference: z.string().nullable(),
  institution: z.object({ id: Uuid, code: z.string() }),
  assignee: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  dueOn: z.string(),
  status: TaskStatus,
  /** Open and its due day has passed (Paraguay's calendar). */
  overdue: z.boolean(),
  /** Working days from today to the due day (negative: overdue by that many). Open tasks only. */
  workingDaysLeft: z.number().int().nullable(),
  /** What a rule's task is about: a referral (its DER- reference). */
  source: z.object({ type: z.literal('referral'), id: Uuid, reference: z.string() }).nullable(),
  createdAt: z.string(),
  /** The caller may change it (computed by the server). */
  canUpdate: z.boolean(),
});
export const TaskList = z.object({ items: z.array(TaskView), total: z.number().int() });

/** Task rows → API objects: the title decrypted, days left counted in Paraguay's working days. */
import type { z } from 'zod';
import type { TaskView } from '../../../shared/api-tasks.js';
import { workingDaysBetween } from '../../../shared/working-days.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { referralReference } from '../notifications/notification-text.js';

export const TASK_COLUMNS = [
  'tasks.id',
  'tasks.kind',
  'tasks.title',
  'tasks.case_id',
  'tasks.institution_id',
  'tasks.assignee_user_id',
  'tasks.source_type',
  'tasks.source_id',
  'tasks.due_on',
  'tasks.status',
  'tasks.created_at',
  'institutions.code as institution_code',
  'cases.reference as case_reference',
  'users.display_name as assignee_name',
] as const;

export interface TaskRow {
  id: string;
  kind: string;
  title: string | null;
  case_id: string | null;
  institution_id: string;
  assignee_user_id: string | null;
  source_type: string | null;
  source_id: string | null;
  due_on: string | Date;
  status: string;
  created_at: Date | string;
  institution_code: string;
  case_reference: string | null;
  assignee_name: string | null;
}

const isoDay = (value: string | Date) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

export function presentTask(
  row: TaskRow,
  crypto: FieldCrypto,
  today: string,
  canUpdate: boolean,
): z.input<typeof TaskView> {
  const dueOn = isoDay(row.due_on);
  const open = row.status === 'open';
  return {
    id: row.id,
    kind: row.kind as z.input<typeof TaskView>['kind'],
    title: row.title === null ? null : crypto.decrypt(row.title, 'tasks.title'),
    caseId: row.case_id,
    caseReference: row.case_reference,
    institution: { id: row.institution_id, code: row.institution_code },
    assignee:
      row.assignee_user_id && row.assignee_name
        ? { id: row.assignee_user_id, displayName: row.assignee_name }
        : null,
    dueOn,
    status: row.status as z.input<typeof TaskView>['status'],
    overdue: open && dueOn < today,
    workingDaysLeft: open
      ? dueOn >= today
        ? workingDaysBetween(today, dueOn)
        : -workingDaysBetween(dueOn, today)
      : null,
    source:
      row.source_type === 'referral' && row.source_id
        ? { type: 'referral', id: row.source_id, reference: referralReference(row.source_id) }
        : null,
    createdAt: new Date(row.created_at).toISOString(),
    canUpdate,
  };
}

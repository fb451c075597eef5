/**
 * Adds a task to a case's plan: what is to be done and by when, counted in Paraguay's working days
 * (public holidays excluded) from today; the day it falls on is shown before saving.
 */
import { z } from 'zod';
import { CreateTaskRequest } from '../../../shared/api-tasks.js';
import { createTask } from '../../../shared/contracts/tasks.js';
import { paraguayToday } from '../../../shared/dates.js';
import { addWorkingDays } from '../../../shared/working-days.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormNumber, FormText } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const TaskFields = CreateTaskRequest.pick({ title: true }).extend({
  workingDays: z.number().int().min(0).max(250),
});

export function TaskDialog(props: { caseId: string; onClose(): void; onSaved(message: string): void }) {
  const { t, formatDate } = useI18n();
  const today = paraguayToday();
  const form = useApiForm(createTask, {
    schema: TaskFields,
    defaultValues: { title: '', workingDays: 5 },
    hints: { workingDays: 'tasks.workingDaysHint' },
    toInput: (values: z.output<typeof TaskFields>) => ({
      body: { caseId: props.caseId, title: values.title, dueOn: addWorkingDays(today, values.workingDays) },
    }),
    onSuccess: (task) => props.onSaved(t('tasks.created', { due: formatDate(task.dueOn) })),
  });
  const days = form.watch('workingDays') as unknown;
  const due =
    typeof days === 'number' && Number.isInteger(days) && days >= 0 ? addWorkingDays(today, days) : null;
  return (
    <FormDialog
      title={t('tasks.addTitle')}
      form={form}
      submitLabel={t('action.create')}
      onClose={props.onClose}
      testId="task-form"
    >
      <FormText msg="tasks.title" name="title" autoComplete="off" required />
      <FormNumber label={t('tasks.workingDays')} name="workingDays" max={250} required />
      {due && (
        <p className="field-hint" aria-live="polite" data-testid="task-due">
          {t('tasks.dueOn', { due: formatDate(due) })}
        </p>
      )}
    </FormDialog>
  );
}

/**
 * A form on a kept case whose result is queued on the device, not sent: the fields, the live
 * region with what to fix, and "save"/"cancel". `queue` seals the write in the device's queue.
 */
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { Form, useFormAlert, type ZodForm } from '../../components/Form.js';
import { FormActions } from '../../components/FormActions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export function QueuedForm<S extends z.ZodType>({
  form,
  testId,
  queue,
  onSaved,
  onCancel,
  children,
}: {
  form: ZodForm<S>;
  testId: string;
  queue(values: z.output<S>): Promise<void>;
  onSaved(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const alert = useFormAlert(form);
  const onSubmit = form.handleSubmit(async (values) => {
    await queue(values as z.output<S>);
    onSaved();
  });
  return (
    <Form form={form} onSubmit={onSubmit} className="form offline-form" testId={testId}>
      {children}
      <FormActions
        alert={alert}
        pending={form.formState.isSubmitting}
        submitLabel={t('offline.cases.saveEdit')}
        onCancel={onCancel}
      />
    </Form>
  );
}

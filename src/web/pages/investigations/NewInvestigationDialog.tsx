/**
 * Opening an investigation: the file number, dates, department, the complaint, and the case it
 * comes from (chosen among the cases the user may see; preselected when opened from a case).
 * Checked with the shared schema before sending.
 */
import type { z } from 'zod';
import type { CreateInvestigationRequest } from '../../../shared/api-prosecution.js';
import { listCases } from '../../../shared/contracts/cases.js';
import { createInvestigation } from '../../../shared/contracts/investigations.js';
import { paraguayToday } from '../../../shared/dates.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormDepartment, FormSelect, FormText, FormTextArea } from '../../components/FormFields.js';
import { ValueChoices } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import type { Investigation } from './form.js';

/** One case is chosen here (the API takes several). */
function requestOf(values: z.input<typeof CreateInvestigationRequest>) {
  const caseId = values.caseIds as unknown as string | undefined;
  return { ...values, caseIds: caseId ? [caseId] : [] };
}

export function NewInvestigationDialog(props: {
  caseId: string | null;
  onClose(): void;
  onCreated(investigation: Investigation): void;
}) {
  const { t } = useI18n();
  const cases = useApiQuery(listCases, { query: { limit: 100 } }).data?.items ?? [];
  const form = useApiForm(createInvestigation, {
    defaultValues: { openedOn: paraguayToday(), caseIds: (props.caseId ?? '') as never, ictPlatforms: [] },
    prepare: requestOf,
    onSuccess: props.onCreated,
  });
  // The case it was opened from keeps one option, named once the list has loaded.
  const from =
    props.caseId && (cases.find((c) => c.id === props.caseId)?.reference ?? t('prosecution.thisCase'));
  return (
    <FormDialog
      title={t('prosecution.new')}
      form={form}
      submitLabel={t('prosecution.open')}
      onClose={props.onClose}
      testId="investigation-form"
    >
      <FormText
        msg="prosecution.field.reference"
        hint={t('prosecution.referenceHint')}
        name="reference"
        maxLength={60}
        required
      />
      <FormText msg="prosecution.field.openedOn" name="openedOn" type="date" required />
      <FormText msg="prosecution.field.complaintOn" name="complaintOn" type="date" blank="null" />
      <FormDepartment msg="prosecution.field.department" name="department" blank="null" />
      <FormSelect msg="prosecution.field.case" hint={t('prosecution.caseHint')} name="caseIds">
        <option value="">{t('common.none')}</option>
        {props.caseId && <option value={props.caseId}>{from}</option>}
        {cases
          .filter((c) => c.id !== props.caseId)
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.reference}
            </option>
          ))}
      </FormSelect>
      <FormTextArea
        msg="prosecution.field.complaintSummary"
        hint={t('prosecution.complaintHint')}
        name="complaintSummary"
        rows={3}
        maxLength={4000}
        blank="null"
      />
      <ValueChoices legend={t('prosecution.field.ict')} name="ictPlatforms" list="PLATFORMS" />
      <FormText
        msg="prosecution.field.ictAccounts"
        hint={t('prosecution.ictAccountsHint')}
        name="ictAccounts"
        maxLength={2000}
        blank="null"
      />
    </FormDialog>
  );
}

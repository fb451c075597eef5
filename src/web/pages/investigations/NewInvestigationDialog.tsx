/**
 * Opening an investigation: the file number, dates, department, the complaint, and the case it
 * comes from (chosen among the cases the user may see; preselected when opened from a case).
 * Checked with the shared schema before sending.
 */
import { useState, type FormEvent } from 'react';
import { CreateInvestigationRequest } from '../../../shared/api-prosecution.js';
import { PLATFORMS } from '../../../shared/catalogues.js';
import * as api from '../../api-legacy.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckboxGroup } from '../cases/fields.js';
import { useValueLabel } from '../cases/labels.js';
import { localIsoDate } from '../referrals/inbox.js';
import { createInvestigation, type Investigation } from './client.js';

const FIELDS = ['reference', 'openedOn', 'complaintOn', 'department', 'complaintSummary', 'caseIds'] as const;

export function NewInvestigationDialog(props: {
  caseId: string | null;
  onClose(): void;
  onCreated(investigation: Investigation): void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const cases = useLoad(() => api.listCases({ limit: 100 }), 'cases');
  const [reference, setReference] = useState('');
  const [openedOn, setOpenedOn] = useState(localIsoDate());
  const [complaintOn, setComplaintOn] = useState('');
  const [department, setDepartment] = useState('');
  const [summary, setSummary] = useState('');
  const [caseId, setCaseId] = useState(props.caseId ?? '');
  const [platforms, setPlatforms] = useState<Array<(typeof PLATFORMS)[number]>>([]);
  const [accounts, setAccounts] = useState('');
  const label = useValueLabel();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(
      CreateInvestigationRequest,
      {
        reference,
        openedOn,
        complaintOn: complaintOn || null,
        department: department || null,
        complaintSummary: summary.trim() || null,
        caseIds: caseId ? [caseId] : [],
        ictPlatforms: platforms,
        ictAccounts: accounts.trim() || null,
      },
      t,
    );
    if (!checked.ok) return form.showErrors(checked.errors);
    const created = await form.submit(() => createInvestigation(checked.data), FIELDS);
    if (created) props.onCreated(created);
  }

  const known = cases.data?.items ?? [];
  return (
    <Modal title={t('prosecution.new')} onClose={props.onClose}>
      <form
        ref={form.formRef}
        onSubmit={onSubmit}
        noValidate
        className="form"
        data-testid="investigation-form"
      >
        <TextField
          label={t('prosecution.field.reference')}
          hint={t('prosecution.referenceHint')}
          name="reference"
          value={reference}
          maxLength={60}
          onChange={(event) => setReference(event.target.value)}
          error={form.errors.reference}
          required
        />
        <TextField
          label={t('prosecution.field.openedOn')}
          name="openedOn"
          type="date"
          value={openedOn}
          onChange={(event) => setOpenedOn(event.target.value)}
          error={form.errors.openedOn}
          required
        />
        <TextField
          label={t('prosecution.field.complaintOn')}
          name="complaintOn"
          type="date"
          value={complaintOn}
          onChange={(event) => setComplaintOn(event.target.value)}
          error={form.errors.complaintOn}
        />
        <DepartmentSelect
          label={t('prosecution.field.department')}
          name="department"
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
          error={form.errors.department}
        />
        <SelectField
          label={t('prosecution.field.case')}
          hint={t('prosecution.caseHint')}
          name="caseIds"
          value={caseId}
          onChange={(event) => setCaseId(event.target.value)}
          error={form.errors.caseIds}
        >
          <option value="">{t('common.none')}</option>
          {/* The case it was opened from, even before the list has loaded. */}
          {props.caseId && !known.some((c) => c.id === props.caseId) && (
            <option value={props.caseId}>{t('prosecution.thisCase')}</option>
          )}
          {known.map((c) => (
            <option key={c.id} value={c.id}>
              {c.reference}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('prosecution.field.complaintSummary')}
          hint={t('prosecution.complaintHint')}
          name="complaintSummary"
          rows={3}
          maxLength={4000}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
          error={form.errors.complaintSummary}
        />
        <CheckboxGroup
          legend={t('prosecution.field.ict')}
          name="ictPlatforms"
          options={PLATFORMS}
          value={platforms}
          onChange={setPlatforms}
          label={(value) => label('PLATFORMS', value)}
          error={form.errors.ictPlatforms}
        />
        <TextField
          label={t('prosecution.field.ictAccounts')}
          hint={t('prosecution.ictAccountsHint')}
          name="ictAccounts"
          value={accounts}
          maxLength={2000}
          onChange={(event) => setAccounts(event.target.value)}
          error={form.errors.ictAccounts}
        />
        <FormActions form={form} submitLabel={t('prosecution.open')} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}

/** Shares the case with another institution, with the reason the audit trail keeps. */
import type { CaseView } from '../../../shared/api-identification.js';
import { shareCase } from '../../../shared/contracts/cases.js';
import { listInstitutions } from '../../../shared/contracts/institutions.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormSelect, FormTextArea } from '../../components/FormFields.js';
import { QueryState } from '../../components/QueryState.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';

interface Props {
  view: CaseView;
  onClose(): void;
  onSaved(message: string): void;
}

export function ShareDialog({ view, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const institutions = useApiQuery(listInstitutions, {});
  const excluded = new Set([view.ownerInstitution.id, ...view.shares.map((share) => share.institution.id)]);
  const choices = (institutions.data?.items ?? []).filter((institution) => !excluded.has(institution.id));
  const form = useApiForm(shareCase, {
    defaultValues: { institutionId: '', reason: '' },
    toInput: (body) => ({ params: { id: view.id }, body }),
    onSuccess: (_, values) => {
      const code = choices.find((institution) => institution.id === values.institutionId)?.code ?? '';
      onSaved(t('cases.share.saved', { code }));
    },
  });
  return (
    <FormDialog
      title={t('cases.share.dialogTitle', { reference: view.reference })}
      form={form}
      submitLabel={t('cases.share.submit')}
      onClose={onClose}
      done={institutions.data ? undefined : <QueryState query={institutions}>{() => null}</QueryState>}
    >
      <p className="field-hint">{t('cases.share.explain')}</p>
      <FormSelect msg="cases.share.institution" name="institutionId" required>
        <option value="">{t('cases.choose')}</option>
        {choices.map((institution) => (
          <option key={institution.id} value={institution.id}>
            {institution.code} — {institution.name}
          </option>
        ))}
      </FormSelect>
      <FormTextArea msg="cases.share.reason" name="reason" rows={3} maxLength={500} required />
    </FormDialog>
  );
}

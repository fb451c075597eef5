/**
 * Linking another case the user may see, and instructing another institution (the police) to work
 * on the investigation. Both pick from lists the server gives; nothing is typed.
 */
import { listCases } from '../../../shared/contracts/cases.js';
import { instructInstitution, linkInvestigationCase } from '../../../shared/contracts/investigations.js';
import { FormSelect } from '../../components/FormFields.js';
import { InstitutionOptions } from '../../components/InstitutionOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { ActionDialog, useInvestigationForm, type FormProps } from './form.js';

export function LinkCaseForm(props: FormProps) {
  const { t } = useI18n();
  const cases = useApiQuery(listCases, { query: { limit: 100 } }).data?.items ?? [];
  const form = useInvestigationForm(linkInvestigationCase, props, 'prosecution.caseLinked', {
    defaultValues: { caseId: '' },
    hints: { caseId: 'prosecution.chooseOne' },
  });
  const linked = new Set(props.investigation.cases.map((c) => c.id));
  return (
    <ActionDialog kind="linkCase" form={form} onClose={props.onClose}>
      <FormSelect msg="prosecution.field.case" name="caseId" blank="keep" required>
        <option value="">{t('prosecution.choose')}</option>
        {cases
          .filter((c) => !linked.has(c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.reference}
            </option>
          ))}
      </FormSelect>
    </ActionDialog>
  );
}

export function InstructForm(props: FormProps) {
  const { t } = useI18n();
  const { investigation } = props;
  const form = useInvestigationForm(instructInstitution, props, 'prosecution.instructed', {
    defaultValues: { institutionId: '' },
    hints: { institutionId: 'prosecution.chooseOne' },
  });
  return (
    <ActionDialog kind="instruct" form={form} onClose={props.onClose}>
      <FormSelect
        msg="prosecution.field.institution"
        hint={t('prosecution.instructHint')}
        name="institutionId"
        blank="keep"
        required
      >
        <InstitutionOptions
          empty={t('prosecution.choose')}
          exclude={[investigation.institution.id, ...investigation.instructed.map((i) => i.id)]}
        />
      </FormSelect>
    </ActionDialog>
  );
}

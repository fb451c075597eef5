/** Creates a user and shows the activation link once, to be handed over through a safe channel. */
import { useEffect, useState } from 'react';
import type { CreateUserResponse, InstitutionView } from '../../../shared/api.js';
import type { z } from 'zod';
import { createUser } from '../../../shared/contracts/users.js';
import { CopyField } from '../../components/CopyField.js';
import { UsernameField } from '../../components/AccountFields.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { RoleOptions, UnitSelect } from './UnitSelect.js';

interface Props {
  institutions: readonly InstitutionView[];
  defaultInstitutionId: string;
  /** Called with the new username when a user was created. */
  onClose(createdUsername?: string): void;
}

export function UserCreateDialog({ institutions, defaultInstitutionId, onClose }: Props) {
  const { t } = useI18n();
  const [result, setResult] = useState<z.output<typeof CreateUserResponse>>();
  const form = useApiForm(createUser, {
    defaultValues: {
      username: '',
      displayName: '',
      email: null,
      role: '',
      institutionId: institutions.some((i) => i.id === defaultInstitutionId)
        ? defaultInstitutionId
        : (institutions[0]?.id ?? ''),
      unitId: null,
    },
    hints: { username: 'error.usernameFormat' },
    onSuccess: setResult,
  });
  const institutionId = form.watch('institutionId');
  useEffect(() => form.setValue('unitId', null), [form, institutionId]);

  const units = institutions.find((i) => i.id === institutionId)?.units ?? [];
  const done = result && (
    <div className="result">
      <p className="notice notice--success" role="status">
        {t('users.created', { username: result.user.username })}
      </p>
      <CopyField label={t('users.activationLink')} value={result.activationLink} testId="activation-link" />
      <p className="notice notice--warning">{t('users.linkNote')}</p>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={() => onClose(result.user.username)}>
          {t('action.close')}
        </button>
      </div>
    </div>
  );
  return (
    <FormDialog
      title={t('users.createTitle')}
      form={form}
      submitLabel={t('action.create')}
      onClose={() => onClose(result?.user.username)}
      done={done}
    >
      <UsernameField label={t('users.username')} hint={t('setup.usernameHint')} autoComplete="off" />
      <FormText msg="users.displayName" name="displayName" autoComplete="off" required />
      <FormText msg="users.email" name="email" type="email" autoComplete="off" blank="null" />
      <FormSelect msg="users.role" name="role" required>
        <RoleOptions empty />
      </FormSelect>
      <FormSelect msg="users.institution" name="institutionId" required>
        {institutions.map((institution) => (
          <option key={institution.id} value={institution.id}>
            {institution.code} — {institution.name}
          </option>
        ))}
      </FormSelect>
      <UnitSelect units={units} value={null} />
    </FormDialog>
  );
}

/** Creates a user and shows the activation link once, to be handed over through a safe channel. */
import { useState, type FormEvent } from 'react';
import { CreateUserRequest, type InstitutionView } from '../../../shared/api.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import * as api from '../../api-legacy.js';
import { CopyField } from '../../components/CopyField.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { UnitSelect } from './UnitSelect.js';

interface Props {
  institutions: readonly InstitutionView[];
  defaultInstitutionId: string;
  /** Called with the new username when a user was created, so the list reloads. */
  onClose(createdUsername?: string): void;
}

const FIELDS = ['username', 'displayName', 'email', 'role', 'institutionId', 'unitId'] as const;

export function UserCreateDialog({ institutions, defaultInstitutionId, onClose }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [institutionId, setInstitutionId] = useState(
    institutions.some((i) => i.id === defaultInstitutionId)
      ? defaultInstitutionId
      : (institutions[0]?.id ?? ''),
  );
  const [unitId, setUnitId] = useState('');
  const [created, setCreated] = useState<{ username: string; activationLink: string } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      username,
      displayName,
      email: email.trim() === '' ? null : email,
      role: role === '' ? undefined : role,
      institutionId,
      unitId: unitId === '' ? null : unitId,
    };
    const checked = validate(CreateUserRequest, input, t, { username: 'error.usernameFormat' });
    if (!checked.ok) return form.showErrors(checked.errors);
    const result = await form.submit(() => api.createUser(checked.data), FIELDS);
    if (result) setCreated({ username: result.user.username, activationLink: result.activationLink });
  }

  const units = institutions.find((i) => i.id === institutionId)?.units ?? [];
  return (
    <Modal title={t('users.createTitle')} onClose={() => onClose(created?.username)}>
      {created ? (
        <div className="result">
          <p className="notice notice--success" role="status">
            {t('users.created', { username: created.username })}
          </p>
          <CopyField
            label={t('users.activationLink')}
            value={created.activationLink}
            testId="activation-link"
          />
          <p className="notice notice--warning">{t('users.linkNote')}</p>
          <div className="form-actions">
            <button type="button" className="btn btn--primary" onClick={() => onClose(created.username)}>
              {t('action.close')}
            </button>
          </div>
        </div>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <TextField
            label={t('users.username')}
            name="username"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            hint={t('setup.usernameHint')}
            error={form.errors.username}
            required
          />
          <TextField
            label={t('users.displayName')}
            name="displayName"
            autoComplete="off"
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            error={form.errors.displayName}
            required
          />
          <TextField
            label={t('users.email')}
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.errors.email}
          />
          <SelectField
            label={t('users.role')}
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role | '')}
            error={form.errors.role}
            required
          >
            <option value="" disabled>
              —
            </option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`role.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('users.institution')}
            name="institutionId"
            value={institutionId}
            onChange={(event) => {
              setInstitutionId(event.target.value);
              setUnitId('');
            }}
            error={form.errors.institutionId}
            required
          >
            {institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.code} — {institution.name}
              </option>
            ))}
          </SelectField>
          <UnitSelect units={units} value={unitId} onChange={setUnitId} error={form.errors.unitId} />
          <FormActions form={form} submitLabel={t('action.create')} onCancel={onClose} />
        </form>
      )}
    </Modal>
  );
}

/** Edits a user's name, e-mail, role, unit and status; only changed fields are sent. */
import { useState, type FormEvent } from 'react';
import { UpdateUserRequest, type InstitutionView, type UserView } from '../../../shared/api.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import * as api from '../../api-legacy.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { FORM_ERROR, validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { UnitSelect } from './UnitSelect.js';

interface Props {
  user: UserView;
  institutions: readonly InstitutionView[];
  /** `changed` is true when the server accepted a change, so the list reloads. */
  onClose(changed?: boolean): void;
}

const FIELDS = ['displayName', 'email', 'role', 'unitId', 'status'] as const;

export function UserEditDialog({ user, institutions, onClose }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email ?? '');
  const [role, setRole] = useState<Role>(user.role);
  const [unitId, setUnitId] = useState(user.unitId ?? '');
  const [status, setStatus] = useState<UserView['status']>(user.status);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (displayName !== user.displayName) changes.displayName = displayName;
    const newEmail = email.trim() === '' ? null : email;
    if (newEmail !== user.email) changes.email = newEmail;
    if (role !== user.role) changes.role = role;
    const newUnit = unitId === '' ? null : unitId;
    if (newUnit !== user.unitId) changes.unitId = newUnit;
    // A pending user stays pending until activated; only active/disabled can be set.
    if (status !== user.status && status !== 'pending') changes.status = status;
    const checked = validate(UpdateUserRequest, changes, t);
    if (!checked.ok) {
      const { [FORM_ERROR]: formError, ...fieldErrors } = checked.errors;
      return form.showErrors(
        formError ? { ...fieldErrors, [FORM_ERROR]: t('error.nothingToChange') } : fieldErrors,
      );
    }
    const done = await form.submit(async () => {
      await api.updateUser(user.id, checked.data);
      return true;
    }, FIELDS);
    if (done) onClose(true);
  }

  const units = institutions.find((i) => i.id === user.institution.id)?.units ?? [];
  return (
    <Modal title={t('users.editTitle', { username: user.username })} onClose={() => onClose()}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
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
          onChange={(event) => setRole(event.target.value as Role)}
          error={form.errors.role}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`role.${value}`)}
            </option>
          ))}
        </SelectField>
        <UnitSelect units={units} value={unitId} onChange={setUnitId} error={form.errors.unitId} />
        <SelectField
          label={t('users.status')}
          name="status"
          value={status}
          onChange={(event) => setStatus(event.target.value as UserView['status'])}
          error={form.errors.status}
        >
          {user.status === 'pending' && <option value="pending">{t('status.pending')}</option>}
          <option value="active">{t('status.active')}</option>
          <option value="disabled">{t('status.disabled')}</option>
        </SelectField>
        <FormActions form={form} submitLabel={t('action.save')} onCancel={onClose} />
      </form>
    </Modal>
  );
}

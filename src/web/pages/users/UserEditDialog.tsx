/** Edits a user's name, e-mail, role, unit and status; only changed fields are sent. */
import type { z } from 'zod';
import type { InstitutionView, UpdateUserRequest, UserView } from '../../../shared/api.js';
import { updateUser } from '../../../shared/contracts/users.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { RoleOptions, UnitSelect } from './UnitSelect.js';

interface Props {
  user: UserView;
  institutions: readonly InstitutionView[];
  /** `changed` is true when the server accepted a change. */
  onClose(changed?: boolean): void;
}

type Changes = z.input<typeof UpdateUserRequest>;

export function UserEditDialog({ user, institutions, onClose }: Props) {
  const { t } = useI18n();
  const form = useApiForm(updateUser, {
    defaultValues: {
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      unitId: user.unitId,
      status: user.status === 'pending' ? undefined : user.status,
    },
    // Only what changed; a pending user stays pending until activated.
    prepare: (values) => {
      const changes: Record<string, unknown> = {};
      for (const key of ['displayName', 'email', 'role', 'unitId', 'status'] as const) {
        const before = key === 'status' && user.status === 'pending' ? undefined : user[key];
        if (values[key] !== undefined && values[key] !== before) changes[key] = values[key];
      }
      return changes as Changes;
    },
    hints: { '': 'error.nothingToChange' },
    toInput: (body) => ({ params: { id: user.id }, body }),
    onSuccess: () => onClose(true),
  });
  const units = institutions.find((i) => i.id === user.institution.id)?.units ?? [];
  return (
    <FormDialog title={t('users.editTitle', { username: user.username })} form={form} onClose={onClose}>
      <FormText msg="users.displayName" name="displayName" autoComplete="off" required />
      <FormText msg="users.email" name="email" type="email" autoComplete="off" blank="null" />
      <FormSelect msg="users.role" name="role">
        <RoleOptions empty={false} />
      </FormSelect>
      <UnitSelect units={units} value={user.unitId} />
      <FormSelect msg="users.status" name="status">
        {user.status === 'pending' && <option value="">{t('status.pending')}</option>}
        <option value="active">{t('status.active')}</option>
        <option value="disabled">{t('status.disabled')}</option>
      </FormSelect>
    </FormDialog>
  );
}

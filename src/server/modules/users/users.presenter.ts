import type { UserView } from '../../../shared/api.js';
import type { Role } from '../../../shared/roles.js';
import type { UserListRow } from './users.repository.js';
import { presentInstitution } from '../institutions/institutions.presenter.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function presentUser(row: UserListRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    role: row.role as Role,
    institution: presentInstitution(row),
    unitId: row.unit_id,
    status: row.status as UserView['status'],
    totpEnabled: row.totp_enabled,
    lockedUntil:
      row.locked_until && new Date(row.locked_until).getTime() > Date.now() ? iso(row.locked_until) : null,
    createdAt: iso(row.created_at)!,
  };
}

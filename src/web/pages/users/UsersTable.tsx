/** The users list as a table; it scrolls sideways on narrow screens rather than squeezing. */
import type { UserView } from '../../../shared/api.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Props {
  users: readonly UserView[];
  busy: boolean;
  currentUserId: string;
  /** Null when the session may not do it: the button is then not shown at all. */
  onEdit: ((user: UserView) => void) | null;
  onReset: ((user: UserView) => void) | null;
}

export function UsersTable({ users, busy, currentUserId, onEdit, onReset }: Props) {
  const { t, formatDateTime } = useI18n();
  const hasActions = onEdit !== null || onReset !== null;
  const now = Date.now();
  return (
    <div className="table-scroll" role="region" aria-label={t('users.title')} tabIndex={0}>
      <table className="table table--cards" aria-busy={busy}>
        <caption className="visually-hidden">{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.col.user')}</th>
            <th scope="col">{t('users.col.role')}</th>
            <th scope="col">{t('users.col.institution')}</th>
            <th scope="col">{t('users.col.status')}</th>
            <th scope="col">{t('users.col.totp')}</th>
            {hasActions && <th scope="col">{t('users.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
            return (
              <tr key={user.id}>
                <th scope="row" className="cell-user">
                  <span className="cell-primary">
                    {user.displayName}{' '}
                    {user.id === currentUserId && <span className="muted">{t('users.you')}</span>}
                  </span>
                  <code className="cell-secondary">{user.username}</code>
                  {user.email && <span className="cell-secondary">{user.email}</span>}
                </th>
                <td data-label={t('users.col.role')}>{t(`role.${user.role}`)}</td>
                <td data-label={t('users.col.institution')}>
                  <abbr title={user.institution.name}>{user.institution.code}</abbr>
                </td>
                <td data-label={t('users.col.status')}>
                  <span className={`badge badge--${user.status}`}>{t(`status.${user.status}`)}</span>
                  {locked && user.lockedUntil && (
                    <span className="cell-secondary badge badge--warning">
                      {t('users.lockedUntil', { date: formatDateTime(user.lockedUntil) })}
                    </span>
                  )}
                </td>
                <td data-label={t('users.col.totp')}>
                  {user.totpEnabled ? t('common.yes') : t('common.no')}
                </td>
                {hasActions && (
                  <td>
                    <div className="cell-actions">
                      {onEdit && (
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => onEdit(user)}
                          aria-label={`${t('action.edit')}: ${user.username}`}
                        >
                          {t('action.edit')}
                        </button>
                      )}
                      {onReset && (
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => onReset(user)}
                          aria-label={`${t('users.resetPassword')}: ${user.username}`}
                        >
                          {t('users.resetPassword')}
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The users list as a table; it scrolls sideways on narrow screens rather than squeezing. */
import type { UserView } from '../../../shared/api.js';
import { Table } from '../../components/DataTable.js';
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
  const now = Date.now();
  /** A row's button, named with the user it acts on. */
  const action = (label: string, onClick: ((user: UserView) => void) | null, user: UserView) =>
    onClick && (
      <button
        type="button"
        className="btn btn--small"
        onClick={() => onClick(user)}
        aria-label={`${label}: ${user.username}`}
      >
        {label}
      </button>
    );
  return (
    <Table
      rows={users}
      rowKey={(user) => user.id}
      label={t('users.title')}
      busy={busy}
      columns={[
        {
          header: t('users.col.user'),
          className: 'cell-user',
          cell: (user) => (
            <>
              <span className="cell-primary">
                {user.displayName}{' '}
                {user.id === currentUserId && <span className="muted">{t('users.you')}</span>}
              </span>
              <code className="cell-secondary">{user.username}</code>
              {user.email && <span className="cell-secondary">{user.email}</span>}
            </>
          ),
        },
        { header: t('users.col.role'), cell: (user) => t(`role.${user.role}`) },
        {
          header: t('users.col.institution'),
          cell: (user) => <abbr title={user.institution.name}>{user.institution.code}</abbr>,
        },
        {
          header: t('users.col.status'),
          cell: (user) => (
            <>
              <span className={`badge badge--${user.status}`}>{t(`status.${user.status}`)}</span>
              {user.lockedUntil !== null && Date.parse(user.lockedUntil) > now && (
                <span className="cell-secondary badge badge--warning">
                  {t('users.lockedUntil', { date: formatDateTime(user.lockedUntil) })}
                </span>
              )}
            </>
          ),
        },
        {
          header: t('users.col.totp'),
          cell: (user) => (user.totpEnabled ? t('common.yes') : t('common.no')),
        },
        (onEdit !== null || onReset !== null) && {
          header: t('users.col.actions'),
          cardLabel: false,
          cell: (user) => (
            <div className="cell-actions">
              {action(t('action.edit'), onEdit, user)}
              {action(t('users.resetPassword'), onReset, user)}
            </div>
          ),
        },
      ]}
    />
  );
}

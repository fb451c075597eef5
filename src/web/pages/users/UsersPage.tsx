/** Users administration: search, filter by institution, page through, create, edit, reset. */
import { useState, type FormEvent } from 'react';
import type { InstitutionView, UserView } from '../../../shared/api.js';
import * as api from '../../api-legacy.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FilterActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCurrentSession, useSession } from '../../session.js';
import { PasswordResetDialog } from './PasswordResetDialog.js';
import { UserCreateDialog } from './UserCreateDialog.js';
import { UserEditDialog } from './UserEditDialog.js';
import { UsersTable } from './UsersTable.js';

const PAGE_SIZE = 50;

type Dialog =
  { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView } | null;

export function UsersPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const session = useCurrentSession();
  const [query, setQuery] = useState({ q: '', institutionId: '', offset: 0 });
  const [search, setSearch] = useState('');
  const [institutionId, setInstitutionId] = useState('');
  const [dialog, setDialogState] = useState<Dialog>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function setDialog(next: Dialog) {
    setSaved(null); // the last confirmation no longer describes what is on screen
    setDialogState(next);
  }

  const canListInstitutions = can('institution.list');
  const institutions = useLoad(
    () => (canListInstitutions ? api.listInstitutions().then((list) => list.items) : Promise.resolve(null)),
    `institutions:${canListInstitutions}`,
  );
  const users = useLoad(
    () =>
      api.listUsers({
        q: query.q || undefined,
        institutionId: query.institutionId || undefined,
        limit: PAGE_SIZE,
        offset: query.offset,
      }),
    JSON.stringify(query),
  );

  // Without the institution list the actor can only work within their own institution.
  const institutionOptions: InstitutionView[] = institutions.data ?? [
    { ...session.user.institution, kind: '', units: [] },
  ];

  function onSearch(event: FormEvent) {
    event.preventDefault();
    setQuery({ q: search.trim(), institutionId, offset: 0 });
    users.reload(); // searching again with the same terms refreshes the list
  }

  function onClear() {
    setSearch('');
    setInstitutionId('');
    setQuery({ q: '', institutionId: '', offset: 0 });
    users.reload();
  }

  function closeDialog(message?: string) {
    setDialogState(null);
    if (message) {
      setSaved(message);
      users.reload();
    }
  }

  const total = users.data?.total ?? 0;
  const shownTo = Math.min(query.offset + PAGE_SIZE, total);
  return (
    <Page
      title={t('users.title')}
      actions={
        can('user.create') && (
          <button type="button" className="btn btn--primary" onClick={() => setDialog({ kind: 'create' })}>
            {t('users.new')}
          </button>
        )
      }
    >
      <form className="filters" role="search" onSubmit={onSearch} noValidate>
        <TextField
          label={t('users.searchLabel')}
          name="q"
          type="search"
          maxLength={64}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {institutions.data && (
          <SelectField
            label={t('users.institutionFilter')}
            name="institutionId"
            value={institutionId}
            onChange={(event) => setInstitutionId(event.target.value)}
          >
            <option value="">{t('users.allInstitutions')}</option>
            {institutions.data.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.code} — {institution.name}
              </option>
            ))}
          </SelectField>
        )}
        <FilterActions submitLabel={t('action.search')} onClear={onClear} />
      </form>

      <LiveRegion success={saved} />
      {users.error ? (
        <LoadError error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <Loading />
      ) : users.data.items.length === 0 ? (
        <p className="empty">{t('users.none')}</p>
      ) : (
        <>
          <UsersTable
            users={users.data.items}
            busy={users.loading}
            currentUserId={session.user.id}
            onEdit={can('user.update') ? (user) => setDialog({ kind: 'edit', user }) : null}
            onReset={can('user.resetPassword') ? (user) => setDialog({ kind: 'reset', user }) : null}
          />
          <nav className="pager" aria-label={t('users.pagination')}>
            <p aria-live="polite">{t('users.count', { from: query.offset + 1, to: shownTo, total })}</p>
            <button
              type="button"
              className="btn"
              disabled={query.offset === 0 || users.loading}
              onClick={() => setQuery({ ...query, offset: Math.max(0, query.offset - PAGE_SIZE) })}
            >
              {t('action.previous')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={shownTo >= total || users.loading}
              onClick={() => setQuery({ ...query, offset: query.offset + PAGE_SIZE })}
            >
              {t('action.next')}
            </button>
          </nav>
        </>
      )}

      {dialog?.kind === 'create' && (
        <UserCreateDialog
          institutions={institutionOptions}
          defaultInstitutionId={query.institutionId || session.user.institution.id}
          onClose={(created) => closeDialog(created ? t('users.created', { username: created }) : undefined)}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserEditDialog
          user={dialog.user}
          institutions={institutionOptions}
          onClose={(changed) => closeDialog(changed ? t('users.saved') : undefined)}
        />
      )}
      {dialog?.kind === 'reset' && <PasswordResetDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </Page>
  );
}

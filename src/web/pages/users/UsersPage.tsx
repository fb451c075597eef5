/** Users administration: search, filter by institution, page through, create, edit, reset. */
import { useState } from 'react';
import { ListUsersQuery, type InstitutionView, type UserView } from '../../../shared/api.js';
import { listInstitutions } from '../../../shared/contracts/institutions.js';
import { listUsers } from '../../../shared/contracts/users.js';
import { Form, useZodForm } from '../../components/Form.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { FilterActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page } from '../../components/Page.js';
import { Pager } from '../../components/Pager.js';
import { QueryState } from '../../components/QueryState.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { useCurrentSession, useSession } from '../../session.js';
import { PasswordResetDialog } from './PasswordResetDialog.js';
import { UserCreateDialog } from './UserCreateDialog.js';
import { UserEditDialog } from './UserEditDialog.js';
import { UsersTable } from './UsersTable.js';

const PAGE_SIZE = 50;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView };

/** Names are typed here, so the search stays in the page, never in the address. */
const Search = ListUsersQuery.pick({ q: true, institutionId: true });

export function UsersPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const session = useCurrentSession();
  const [query, setQuery] = useState<{ q?: string; institutionId?: string; offset: number }>({ offset: 0 });
  const { dialog, open: setDialog, close: closeDialog, saved } = useDialog<Dialog>();
  const filters = useZodForm(Search, { defaultValues: { q: '', institutionId: undefined } });

  const canListInstitutions = can('institution.list');
  const institutions = useApiQuery(listInstitutions, {}, { enabled: canListInstitutions }).data?.items;
  const users = useApiQuery(listUsers, { query: { ...query, limit: PAGE_SIZE } });

  // Without the institution list the actor can only work within their own institution.
  const institutionOptions: InstitutionView[] = institutions ?? [
    { ...session.user.institution, kind: '', authorities: [], units: [] },
  ];

  const onSearch = filters.handleSubmit((values) => {
    setQuery({ ...values, q: values.q || undefined, offset: 0 });
    void users.refetch(); // searching again with the same terms refreshes the list
  });

  function onClear() {
    filters.reset({ q: '', institutionId: undefined });
    setQuery({ offset: 0 });
  }

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
      <Form form={filters} onSubmit={onSearch} className="filters" role="search">
        <FormText msg="users.searchLabel" name="q" type="search" maxLength={64} />
        {institutions && (
          <FormSelect msg="users.institutionFilter" name="institutionId">
            <option value="">{t('users.allInstitutions')}</option>
            {institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.code} — {institution.name}
              </option>
            ))}
          </FormSelect>
        )}
        <FilterActions submitLabel={t('action.search')} onClear={onClear} />
      </Form>

      <LiveRegion success={saved} />
      <QueryState query={users} empty={t('users.none')}>
        {(data) => (
          <>
            <UsersTable
              users={data.items}
              busy={users.isFetching}
              currentUserId={session.user.id}
              onEdit={can('user.update') ? (user) => setDialog({ kind: 'edit', user }) : null}
              onReset={can('user.resetPassword') ? (user) => setDialog({ kind: 'reset', user }) : null}
            />
            <Pager
              label={t('users.pagination')}
              count={t('users.count', {
                from: query.offset + 1,
                to: Math.min(query.offset + PAGE_SIZE, data.total),
                total: data.total,
              })}
              offset={query.offset}
              pageSize={PAGE_SIZE}
              total={data.total}
              busy={users.isFetching}
              onOffset={(offset) => setQuery({ ...query, offset })}
            />
          </>
        )}
      </QueryState>

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
      {dialog?.kind === 'reset' && <PasswordResetDialog user={dialog.user} onClose={() => closeDialog()} />}
    </Page>
  );
}

/**
 * The service directory: providers with their services, where they are offered and how many places
 * are free, filtered by service type, department and free capacity (codes only in the address).
 * Staff of a provider's institution may update its places (the server says so per provider). The
 * system administrator and institution administrators also add, edit, deactivate and import
 * providers here, and see which services no provider offers (docs/DIRECTORY-IMPORT.md).
 */
import { useEffect } from 'react';
import { z } from 'zod';
import { ListProvidersQuery, type ProviderView } from '../../../shared/api-protection.js';
import { listServiceProviders } from '../../../shared/contracts/providers.js';
import { ActionButton } from '../../components/ActionButton.js';
import { useListSearch } from '../../components/DataTable.js';
import { Form, useZodForm } from '../../components/Form.js';
import { FormCheckbox, FormDepartment, FormSelect } from '../../components/FormFields.js';
import { FilterActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page, PageButton } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { departmentName } from '../../departments.js';
import { useDialog } from '../../hooks/useDialog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useApiQuery } from '../../queries.js';
import { useSession } from '../../session.js';
import { CapacityDialog } from './CapacityDialog.js';
import { Coverage } from './Coverage.js';
import { ImportDialog } from './ImportDialog.js';
import { ProviderDialog } from './ProviderDialog.js';
import '../../styles/cases.css';
import '../../styles/referrals.css';

type Provider = z.output<typeof ProviderView>;

const Filters = ListProvidersQuery.pick({ serviceType: true, department: true }).extend({
  withCapacity: z.boolean(),
});
type FilterValues = z.output<typeof Filters>;

export function DirectoryPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const admin = can('provider.create');
  const [filter, setFilter] = useListSearch('/_app/directory');
  const providers = useApiQuery(listServiceProviders, {
    query: { ...filter, ...(admin && { includeInactive: 'true' as const }), limit: 200 },
  });
  // The gaps: every active provider (in the chosen department), whatever the other filters.
  const all = useApiQuery(
    listServiceProviders,
    { query: { department: filter.department, limit: 200 } },
    { enabled: admin },
  );
  const { dialog, open, close, saved } = useDialog<
    { kind: 'add' | 'import' } | { kind: 'edit' | 'capacity'; provider: Provider }
  >();
  const shown: FilterValues = {
    serviceType: filter.serviceType,
    department: filter.department,
    withCapacity: filter.withCapacity === 'true',
  };
  const form = useZodForm(Filters, { defaultValues: shown });
  const filterKey = JSON.stringify(shown);
  // The address is the source of truth: back/forward show the filters of that entry.
  useEffect(() => form.reset(JSON.parse(filterKey) as FilterValues), [form, filterKey]);

  const onApply = form.handleSubmit((values) =>
    setFilter({
      serviceType: values.serviceType,
      department: values.department,
      withCapacity: values.withCapacity ? 'true' : undefined,
    }),
  );

  function onClear() {
    form.reset({ serviceType: undefined, department: undefined, withCapacity: false });
    setFilter({});
  }

  return (
    <Page
      title={t('directory.title')}
      intro={<p>{t('directory.intro')}</p>}
      actions={
        <>
          <PageButton
            show={admin}
            label={t('directoryAdmin.add')}
            onClick={() => open({ kind: 'add' })}
            testId="provider-add"
          />
          <PageButton
            show={can('provider.import')}
            label={t('directoryAdmin.import')}
            onClick={() => open({ kind: 'import' })}
            testId="provider-import"
          />
        </>
      }
    >
      <Form
        form={form}
        onSubmit={onApply}
        className="filters directory-filters"
        aria-label={t('directory.filterLabel')}
      >
        <FormSelect
          msg="directory.serviceType"
          name="serviceType"
          empty={t('directory.any')}
          list="SERVICE_TYPES"
        />
        <FormDepartment msg="directory.department" name="department" emptyLabel={t('directory.any')} />
        <div className="field field--checkbox">
          <FormCheckbox name="withCapacity" msg="directory.withCapacity" />
        </div>
        <FilterActions submitLabel={t('action.search')} onClear={onClear} />
      </Form>
      <LiveRegion success={saved} />
      {admin && all.data && <Coverage providers={all.data.items} department={filter.department} />}
      <QueryState query={providers} empty={t('directory.none')} emptyTestId="directory-empty">
        {(data) => (
          <>
            <p className="cases-total" aria-live="polite">
              {t('directory.total', { total: data.total })}
            </p>
            <ul className="provider-list" aria-busy={providers.isFetching} data-testid="provider-list">
              {data.items.map((provider) => (
                <li key={provider.id} className="panel provider-card" data-testid="provider-card">
                  <h2>
                    {provider.name}{' '}
                    {!provider.active && (
                      <span className="badge badge--disabled">{t('directoryAdmin.inactive')}</span>
                    )}
                  </h2>
                  <p className="cell-secondary">
                    {provider.institution.code} · {departmentName(provider.department)}
                    {provider.hours ? ` · ${provider.hours}` : ''}
                  </p>
                  {provider.contact && (
                    <p>
                      {t('directory.contact')}: {provider.contact}
                    </p>
                  )}
                  <ul className="provider-services">
                    {provider.services.map((service) => (
                      <li key={service.id}>
                        <strong>{valueLabel(locale, 'SERVICE_TYPES', service.serviceType)}</strong>
                        {service.capacity !== null && (
                          <span
                            className={`badge ${service.free ? 'badge--success' : 'badge--failure'} cell-secondary`}
                            data-testid="provider-free"
                          >
                            {t('directory.places', {
                              free: service.free ?? 0,
                              capacity: service.capacity,
                              occupancy: service.occupancy,
                            })}
                          </span>
                        )}
                        <br />
                        <span className="cell-secondary">
                          {service.departments.map((code) => departmentName(code)).join(', ')}
                        </span>
                      </li>
                    ))}
                  </ul>
                  <ActionButton
                    show={provider.canUpdateCapacity && provider.services.some((s) => s.capacity !== null)}
                    onClick={() => open({ kind: 'capacity', provider })}
                    testId="provider-update-capacity"
                  >
                    {t('directory.updateCapacity')}
                  </ActionButton>
                  <ActionButton
                    show={provider.canEdit}
                    onClick={() => open({ kind: 'edit', provider })}
                    testId="provider-edit"
                  >
                    {t('directoryAdmin.edit')}
                  </ActionButton>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
      {dialog?.kind === 'capacity' && (
        <CapacityDialog provider={dialog.provider} onClose={() => close()} onSaved={close} />
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <ProviderDialog
          provider={dialog.kind === 'edit' ? dialog.provider : undefined}
          chooseInstitution={can('institution.create')}
          onClose={() => close()}
          onSaved={close}
        />
      )}
      {dialog?.kind === 'import' && <ImportDialog onClose={() => close()} onImported={close} />}
    </Page>
  );
}

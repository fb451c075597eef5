/**
 * The service directory: providers with their services, where they are offered and how many places
 * are free, filtered by service type, department and free capacity (codes only in the address).
 * Staff of a provider's institution may update its places (the server says so per provider).
 */
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ListProvidersQuery, type ProviderView } from '../../../shared/api-protection.js';
import { listServiceProviders } from '../../../shared/contracts/providers.js';
import { useListSearch } from '../../components/DataTable.js';
import { Form, useZodForm } from '../../components/Form.js';
import { FormCheckbox, FormDepartment, FormSelect } from '../../components/FormFields.js';
import { FilterActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useApiQuery } from '../../queries.js';
import { CapacityDialog } from './CapacityDialog.js';
import '../../styles/cases.css';
import '../../styles/referrals.css';

type Provider = z.output<typeof ProviderView>;

const Filters = ListProvidersQuery.pick({ serviceType: true, department: true }).extend({
  withCapacity: z.boolean(),
});
type FilterValues = z.output<typeof Filters>;

export function DirectoryPage() {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useListSearch('/_app/directory');
  const providers = useApiQuery(listServiceProviders, { query: { ...filter, limit: 200 } });
  const [editing, setEditing] = useState<Provider | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
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
    <Page title={t('directory.title')} intro={<p>{t('directory.intro')}</p>}>
      <Form
        form={form}
        onSubmit={onApply}
        className="filters directory-filters"
        aria-label={t('directory.filterLabel')}
      >
        <FormSelect label={t('directory.serviceType')} name="serviceType">
          <option value="">{t('directory.any')}</option>
          <ValueOptions list="SERVICE_TYPES" />
        </FormSelect>
        <FormDepartment label={t('directory.department')} name="department" emptyLabel={t('directory.any')} />
        <div className="field field--checkbox">
          <FormCheckbox name="withCapacity" label={t('directory.withCapacity')} />
        </div>
        <FilterActions submitLabel={t('action.search')} onClear={onClear} />
      </Form>
      <LiveRegion success={saved} />
      <QueryState
        query={providers}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <p className="empty" data-testid="directory-empty">
            {t('directory.none')}
          </p>
        }
      >
        {(data) => (
          <>
            <p className="cases-total" aria-live="polite">
              {t('directory.total', { total: data.total })}
            </p>
            <ul className="provider-list" aria-busy={providers.isFetching} data-testid="provider-list">
              {data.items.map((provider) => (
                <li key={provider.id} className="panel provider-card" data-testid="provider-card">
                  <h2>{provider.name}</h2>
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
                  {provider.canUpdateCapacity && provider.services.some((s) => s.capacity !== null) && (
                    <button
                      type="button"
                      className="btn"
                      onClick={() => {
                        setSaved(null);
                        setEditing(provider);
                      }}
                      data-testid="provider-update-capacity"
                    >
                      {t('directory.updateCapacity')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
      {editing && (
        <CapacityDialog
          provider={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setSaved(message);
          }}
        />
      )}
    </Page>
  );
}

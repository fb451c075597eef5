/**
 * The service directory: providers with their services, where they are offered and how many places
 * are free, filtered by service type, department and free capacity (codes only in the address).
 * Staff of a provider's institution may update its places (the server says so per provider).
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ProviderView } from '../../../shared/api-protection.js';
import * as api from '../../api-legacy.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField } from '../../components/Field.js';
import { FilterActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { departmentName } from '../../departments.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { CapacityDialog } from './CapacityDialog.js';
import '../../styles/cases.css';
import '../../styles/referrals.css';

type Provider = z.output<typeof ProviderView>;

export function DirectoryPage() {
  const { t, locale } = useI18n();
  const filter = useSearch({ from: '/_app/directory' });
  const navigate = useNavigate();
  const providers = useLoad(
    () => api.listServiceProviders({ ...filter, limit: 200 }),
    JSON.stringify(filter),
  );
  const [serviceType, setServiceType] = useState<string>(filter.serviceType ?? '');
  const [department, setDepartment] = useState(filter.department ?? '');
  const [withCapacity, setWithCapacity] = useState(filter.withCapacity === 'true');
  const [editing, setEditing] = useState<Provider | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function onApply(event: FormEvent) {
    event.preventDefault();
    void navigate({
      to: '/directory',
      search: {
        serviceType: (serviceType || undefined) as typeof filter.serviceType,
        department: (department || undefined) as typeof filter.department,
        withCapacity: withCapacity ? 'true' : undefined,
      },
    });
  }

  function onClear() {
    setServiceType('');
    setDepartment('');
    setWithCapacity(false);
    void navigate({ to: '/directory' });
  }

  return (
    <Page title={t('directory.title')} intro={<p>{t('directory.intro')}</p>}>
      <form className="filters directory-filters" onSubmit={onApply} aria-label={t('directory.filterLabel')}>
        <SelectField
          label={t('directory.serviceType')}
          name="serviceType"
          value={serviceType}
          onChange={(event) => setServiceType(event.target.value)}
        >
          <option value="">{t('directory.any')}</option>
          <ValueOptions list="SERVICE_TYPES" />
        </SelectField>
        <DepartmentSelect
          label={t('directory.department')}
          name="department"
          emptyLabel={t('directory.any')}
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
        />
        <div className="field field--checkbox">
          <label>
            <input
              type="checkbox"
              name="withCapacity"
              checked={withCapacity}
              onChange={(event) => setWithCapacity(event.target.checked)}
            />{' '}
            {t('directory.withCapacity')}
          </label>
        </div>
        <FilterActions submitLabel={t('action.search')} onClear={onClear} />
      </form>
      <LiveRegion success={saved} />
      {providers.error ? (
        <LoadError error={providers.error} onRetry={providers.reload} />
      ) : !providers.data ? (
        <Loading />
      ) : providers.data.items.length === 0 ? (
        <p className="empty" data-testid="directory-empty">
          {t('directory.none')}
        </p>
      ) : (
        <>
          <p className="cases-total" aria-live="polite">
            {t('directory.total', { total: providers.data.total })}
          </p>
          <ul className="provider-list" aria-busy={providers.loading} data-testid="provider-list">
            {providers.data.items.map((provider) => (
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
      {editing && (
        <CapacityDialog
          provider={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setSaved(message);
            providers.reload();
          }}
        />
      )}
    </Page>
  );
}

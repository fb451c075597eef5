/**
 * Which services the directory offers, and where none does: for each service type, the number of
 * active providers offering it (in the chosen department, when one is chosen), and "not covered"
 * where that number is 0, so an administrator sees the gaps a referral would meet.
 */
import type { z } from 'zod';
import type { Department } from '../../../shared/api-identification.js';
import type { ProviderView } from '../../../shared/api-protection.js';
import { SERVICE_TYPES } from '../../../shared/catalogues.js';
import { departmentName } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';

type Provider = z.output<typeof ProviderView>;

export function Coverage({
  providers,
  department,
}: {
  providers: readonly Provider[];
  department?: z.output<typeof Department> | undefined;
}) {
  const { t, locale } = useI18n();
  const count = (serviceType: string) =>
    providers.filter(
      (provider) =>
        provider.active &&
        provider.services.some(
          (service) =>
            service.serviceType === serviceType && (!department || service.departments.includes(department)),
        ),
    ).length;
  return (
    <section className="panel coverage" aria-labelledby="coverage-title" data-testid="coverage">
      <h2 id="coverage-title">
        {department
          ? t('directoryAdmin.coverageIn', { department: departmentName(department) })
          : t('directoryAdmin.coverage')}
      </h2>
      <ul className="coverage-list">
        {SERVICE_TYPES.map((serviceType) => {
          const n = count(serviceType);
          return (
            <li key={serviceType} data-testid={`coverage-${serviceType}`}>
              <span>{valueLabel(locale, 'SERVICE_TYPES', serviceType)}</span>{' '}
              {n === 0 ? (
                <span className="badge badge--failure" data-testid="not-covered">
                  {t('directoryAdmin.notCovered')}
                </span>
              ) : (
                <span className="badge badge--success">{t('directoryAdmin.providers', { count: n })}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Sets the places and the current occupancy of one of a provider's services with beds. */
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type { ProviderView } from '../../../shared/api-protection.js';
import { updateServiceCapacity } from '../../../shared/contracts/providers.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormNumber, FormSelect } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';

type Provider = z.output<typeof ProviderView>;

export function CapacityDialog(props: {
  provider: Provider;
  onClose(): void;
  onSaved(message: string): void;
}) {
  const { t, locale } = useI18n();
  const beds = props.provider.services.filter((service) => service.capacity !== null);
  const first = beds[0];
  const form = useApiForm(updateServiceCapacity, {
    defaultValues: {
      serviceType: first?.serviceType ?? '',
      capacity: first?.capacity ?? '',
      occupancy: first?.occupancy ?? '',
    },
    toInput: (body) => ({ params: { id: props.provider.id }, body }),
    onSuccess: (next) => props.onSaved(t('directory.capacitySaved', { name: next.name })),
  });
  const serviceType = form.watch('serviceType');
  const current = beds.find((service) => service.serviceType === serviceType);

  // Another service shows its own places.
  const shown = useRef(first?.serviceType);
  useEffect(() => {
    if (!current || shown.current === current.serviceType) return;
    shown.current = current.serviceType;
    form.setValue('capacity', current.capacity ?? 0);
    form.setValue('occupancy', current.occupancy);
  }, [form, current]);

  return (
    <FormDialog
      title={t('directory.capacityTitle', { name: props.provider.name })}
      form={form}
      onClose={props.onClose}
      testId="capacity-dialog"
    >
      {beds.length > 1 && (
        <FormSelect msg="directory.serviceType" name="serviceType">
          {beds.map((service) => (
            <option key={service.id} value={service.serviceType}>
              {valueLabel(locale, 'SERVICE_TYPES', service.serviceType)}
            </option>
          ))}
        </FormSelect>
      )}
      {current && beds.length === 1 && <p>{valueLabel(locale, 'SERVICE_TYPES', current.serviceType)}</p>}
      <FormNumber msg="directory.capacity" name="capacity" required />
      <FormNumber msg="directory.occupancy" name="occupancy" required />
    </FormDialog>
  );
}

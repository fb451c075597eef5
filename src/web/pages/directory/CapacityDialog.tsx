/** Sets the places and the current occupancy of one of a provider's services with beds. */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { UpdateCapacityRequest, type ProviderView } from '../../../shared/api-protection.js';
import * as api from '../../api-legacy.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';

type Provider = z.output<typeof ProviderView>;
const FIELDS = ['serviceType', 'capacity', 'occupancy'] as const;

/** A whole number typed in a field, or NaN so the schema reports it. */
const toInt = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

export function CapacityDialog(props: {
  provider: Provider;
  onClose(): void;
  onSaved(message: string): void;
}) {
  const { t, locale } = useI18n();
  const form = useForm();
  const beds = props.provider.services.filter((service) => service.capacity !== null);
  const first = beds[0];
  const [serviceType, setServiceType] = useState<string>(first?.serviceType ?? '');
  const current = beds.find((service) => service.serviceType === serviceType);
  const [capacity, setCapacity] = useState(String(first?.capacity ?? ''));
  const [occupancy, setOccupancy] = useState(String(first?.occupancy ?? ''));

  function choose(next: string) {
    setServiceType(next);
    const service = beds.find((s) => s.serviceType === next);
    setCapacity(String(service?.capacity ?? ''));
    setOccupancy(String(service?.occupancy ?? ''));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { serviceType, capacity: toInt(capacity), occupancy: toInt(occupancy) };
    const checked = validate(UpdateCapacityRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(() => api.updateServiceCapacity(props.provider.id, checked.data), FIELDS);
    if (next) props.onSaved(t('directory.capacitySaved', { name: next.name }));
  }

  return (
    <Modal title={t('directory.capacityTitle', { name: props.provider.name })} onClose={props.onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="capacity-dialog">
        {beds.length > 1 && (
          <SelectField
            label={t('directory.serviceType')}
            name="serviceType"
            value={serviceType}
            onChange={(event) => choose(event.target.value)}
            error={form.errors.serviceType}
          >
            {beds.map((service) => (
              <option key={service.id} value={service.serviceType}>
                {valueLabel(locale, 'SERVICE_TYPES', service.serviceType)}
              </option>
            ))}
          </SelectField>
        )}
        {current && beds.length === 1 && <p>{valueLabel(locale, 'SERVICE_TYPES', current.serviceType)}</p>}
        <TextField
          label={t('directory.capacity')}
          name="capacity"
          type="number"
          inputMode="numeric"
          min={0}
          value={capacity}
          onChange={(event) => setCapacity(event.target.value)}
          error={form.errors.capacity}
          required
        />
        <TextField
          label={t('directory.occupancy')}
          hint={t('directory.occupancyHint')}
          name="occupancy"
          type="number"
          inputMode="numeric"
          min={0}
          value={occupancy}
          onChange={(event) => setOccupancy(event.target.value)}
          error={form.errors.occupancy}
          required
        />
        <FormActions form={form} submitLabel={t('action.save')} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}

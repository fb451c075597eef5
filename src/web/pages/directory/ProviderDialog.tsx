/**
 * Adds a provider to the directory or edits one (its services, where they are offered, places for a
 * shelter, who may be received, hours, contact) and deactivates or reactivates it. The services are
 * checkboxes and the departments covered one list shared by them (empty: the provider's own), so
 * the form stays short; the request is the shared schema's, checked by the server as well.
 */
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import { Department } from '../../../shared/api-identification.js';
import type { ProviderView } from '../../../shared/api-protection.js';
import { BED_SERVICE_TYPES, LANGUAGES, SERVICE_TYPES, SEXES } from '../../../shared/catalogues.js';
import { createServiceProvider, updateServiceProvider } from '../../../shared/contracts/providers.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import {
  FormChoices,
  FormDepartment,
  FormNumber,
  FormSelect,
  FormText,
} from '../../components/FormFields.js';
import { InstitutionOptions } from '../../components/InstitutionOptions.js';
import { PY_DEPARTMENTS } from '../../departments.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { useApiMutation } from '../../queries.js';

type Provider = z.output<typeof ProviderView>;
type ServiceType = (typeof SERVICE_TYPES)[number];

const isBed = (service: ServiceType) => (BED_SERVICE_TYPES as readonly string[]).includes(service);
const DEPARTMENT_CODES = PY_DEPARTMENTS.map((d) => d.code) as z.output<typeof Department>[];

/** The form's fields: one list of services and one of departments covered, applied to each service. */
const ProviderFields = z
  .object({
    institutionId: Uuid.optional(),
    name: z.string().trim().min(2).max(200),
    department: Department,
    services: z.array(z.enum(SERVICE_TYPES)).min(1),
    covered: z.array(Department),
    capacity: z.number().int().min(0).max(10000).nullable().optional(),
    sexes: z.array(z.enum(SEXES)),
    minAge: z.number().int().min(0).max(120).nullable().optional(),
    maxAge: z.number().int().min(0).max(120).nullable().optional(),
    languages: z.array(z.enum(LANGUAGES)),
    hours: z.string().trim().max(200).nullable().optional(),
    contact: z.string().trim().max(200).nullable().optional(),
  })
  .refine((v) => !v.services.some(isBed) || v.capacity != null, {
    message: 'capacity',
    path: ['capacity'],
  })
  .refine((v) => v.minAge == null || v.maxAge == null || v.minAge <= v.maxAge, {
    message: 'maxAge',
    path: ['maxAge'],
  });
type Fields = z.output<typeof ProviderFields>;

/** The API's body from the fields: each service offered where the provider covers. */
function toBody(values: Fields) {
  const departments = values.covered.length > 0 ? values.covered : [values.department];
  return {
    name: values.name,
    department: values.department,
    services: values.services.map((serviceType) => ({
      serviceType,
      departments,
      capacity: isBed(serviceType) ? (values.capacity ?? 0) : null,
    })),
    sexes: values.sexes,
    minAge: values.minAge ?? null,
    maxAge: values.maxAge ?? null,
    languages: values.languages,
    hours: values.hours ?? null,
    contact: values.contact ?? null,
  };
}

interface Props {
  /** The provider to edit; absent to add one. */
  provider?: Provider;
  /** A system administrator chooses the institution; others add to their own. */
  chooseInstitution: boolean;
  onClose(): void;
  onSaved(message: string): void;
}

export function ProviderDialog({ provider, chooseInstitution, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const editing = provider !== undefined;
  const first = provider?.services[0];
  const form = useApiForm(editing ? updateServiceProvider : createServiceProvider, {
    schema: ProviderFields,
    defaultValues: {
      institutionId: provider?.institution.id ?? '',
      name: provider?.name ?? '',
      department: provider?.department ?? '',
      services: provider?.services.map((s) => s.serviceType) ?? [],
      covered: first ? DEPARTMENT_CODES.filter((code) => first.departments.includes(code)) : [],
      capacity: provider?.services.find((s) => s.capacity !== null)?.capacity ?? null,
      sexes: provider?.sexes ?? [],
      minAge: provider?.minAge ?? null,
      maxAge: provider?.maxAge ?? null,
      languages: provider?.languages ?? [],
      hours: provider?.hours ?? null,
      contact: provider?.contact ?? null,
    },
    hints: {
      capacity: 'directoryAdmin.capacityRequired',
      maxAge: 'directoryAdmin.agesOrder',
      department: 'error.choose',
      services: 'directoryAdmin.servicesRequired',
    },
    toInput: (values) =>
      provider
        ? { params: { id: provider.id }, body: toBody(values) }
        : {
            body: {
              ...toBody(values),
              ...(chooseInstitution && values.institutionId ? { institutionId: values.institutionId } : {}),
            },
          },
    onSuccess: (saved) =>
      onSaved(t(editing ? 'directoryAdmin.updated' : 'directoryAdmin.created', { name: saved.name })),
  });
  const services = form.watch('services') as readonly ServiceType[] | undefined;
  const active = useApiMutation(updateServiceProvider, {
    onSuccess: (saved) =>
      onSaved(
        t(saved.active ? 'directoryAdmin.reactivated' : 'directoryAdmin.deactivated', { name: saved.name }),
      ),
    onError: (error) => form.setServerError(error),
  });

  return (
    <FormDialog
      title={provider ? t('directoryAdmin.editTitle', { name: provider.name }) : t('directoryAdmin.addTitle')}
      form={form}
      onClose={onClose}
      testId="provider-form"
    >
      {chooseInstitution && !editing && (
        <FormSelect msg="directoryAdmin.institution" name="institutionId">
          <InstitutionOptions empty={t('directoryAdmin.ownInstitution')} />
        </FormSelect>
      )}
      <FormText msg="directoryAdmin.name" name="name" autoComplete="off" required />
      <FormDepartment msg="directoryAdmin.department" name="department" required />
      <FormChoices
        name="services"
        legend={t('directoryAdmin.services')}
        options={SERVICE_TYPES}
        label={(value) => valueLabel(locale, 'SERVICE_TYPES', value)}
      />
      {services?.some(isBed) && <FormNumber msg="directory.capacity" name="capacity" blank="null" required />}
      <FormChoices
        name="covered"
        legend={t('directoryAdmin.covered')}
        hint={t('directoryAdmin.coveredHint')}
        options={DEPARTMENT_CODES}
        label={(code) => PY_DEPARTMENTS.find((d) => d.code === code)?.name ?? code}
      />
      <FormChoices
        name="sexes"
        legend={t('directoryAdmin.sexes')}
        hint={t('directoryAdmin.anyoneHint')}
        options={SEXES}
        label={(value) => valueLabel(locale, 'SEXES', value)}
      />
      <div className="form-row">
        <FormNumber msg="directoryAdmin.minAge" name="minAge" blank="null" />
        <FormNumber msg="directoryAdmin.maxAge" name="maxAge" blank="null" />
      </div>
      <FormChoices
        name="languages"
        legend={t('directoryAdmin.languages')}
        options={LANGUAGES}
        label={(value) => valueLabel(locale, 'LANGUAGES', value)}
      />
      <FormText msg="directoryAdmin.hours" name="hours" blank="null" autoComplete="off" />
      <FormText
        msg="directory.contact"
        hint={t('directoryAdmin.contactHint')}
        name="contact"
        blank="null"
        autoComplete="off"
      />
      {provider && (
        <p>
          <button
            type="button"
            className="btn"
            disabled={active.isPending}
            data-testid="provider-toggle-active"
            onClick={() => active.mutate({ params: { id: provider.id }, body: { active: !provider.active } })}
          >
            {provider.active ? t('directoryAdmin.deactivate') : t('directoryAdmin.reactivate')}
          </button>
        </p>
      )}
    </FormDialog>
  );
}

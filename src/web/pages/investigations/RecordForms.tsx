/**
 * Adding a suspect (with the public-official flag, which makes it a complicity investigation),
 * recording an operation or raid, and an international cooperation request.
 */
import type { z } from 'zod';
import {
  COOPERATION_DIRECTIONS,
  COOPERATION_KINDS,
  OFFICIAL_KINDS,
  PERPETRATOR_ROLES,
  type AddSuspectRequest,
  type RecordCooperationRequest,
} from '../../../shared/api-prosecution.js';
import {
  addSuspect,
  recordCooperationRequest,
  recordOperation,
} from '../../../shared/contracts/investigations.js';
import { paraguayToday } from '../../../shared/dates.js';
import { FormDepartment, FormNumber, FormSelect, FormText } from '../../components/FormFields.js';
import { InstitutionOptions } from '../../components/InstitutionOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionDialog, useInvestigationForm, type FormProps } from './form.js';
import { labelKey } from './labels.js';

/** The options of a prosecution list, labelled from the prosecution catalogue. */
function ListOptions(props: { list: Parameters<typeof labelKey>[0]; values: readonly string[] }) {
  const { t } = useI18n();
  return props.values.map((value) => (
    <option key={value} value={value}>
      {t(labelKey(props.list, value))}
    </option>
  ));
}

/** One role is chosen here (the API takes several); no official kind means no official. */
function suspectOf(values: z.input<typeof AddSuspectRequest>) {
  const role = values.roles as unknown as string | string[];
  return {
    ...values,
    roles: Array.isArray(role) ? role : [role],
    official: values.official?.kind ? values.official : null,
  };
}

export function SuspectForm(props: FormProps) {
  const { t } = useI18n();
  const form = useInvestigationForm(addSuspect, props, 'prosecution.suspectAdded', {
    defaultValues: { sex: 'Unknown', roles: 'RecruiterIntermediary' as never },
    prepare: suspectOf,
    hints: { 'official.institutionId': 'prosecution.chooseOne' },
  });
  const official = form.watch('official.kind' as never) as unknown as string | undefined;
  return (
    <ActionDialog kind="suspect" form={form} onClose={props.onClose}>
      <FormText msg="prosecution.field.givenNames" name="givenNames" maxLength={120} required />
      <FormText msg="prosecution.field.surnames" name="surnames" maxLength={120} blank="null" />
      <FormSelect msg="prosecution.field.sex" name="sex" list="SEXES" />
      <FormNumber msg="prosecution.field.birthYear" name="birthYear" blank="null" />
      <FormSelect msg="prosecution.field.role" name="roles">
        <ListOptions list="role" values={PERPETRATOR_ROLES} />
      </FormSelect>
      <FormSelect msg="prosecution.field.official" hint={t('prosecution.officialHint')} name="official.kind">
        <option value="">{t('prosecution.notOfficial')}</option>
        <ListOptions list="official" values={OFFICIAL_KINDS} />
      </FormSelect>
      {official && (
        <FormSelect
          msg="prosecution.field.officialInstitution"
          name="official.institutionId"
          blank="keep"
          required
        >
          <InstitutionOptions empty={t('prosecution.choose')} />
        </FormSelect>
      )}
    </ActionDialog>
  );
}

export function OperationForm(props: FormProps) {
  const form = useInvestigationForm(recordOperation, props, 'prosecution.operationRecorded', {
    defaultValues: {
      occurredOn: paraguayToday(),
      department: (props.investigation.department ?? '') as never,
      personsArrested: 0,
      victimsRescued: 0,
    },
  });
  return (
    <ActionDialog kind="operation" form={form} onClose={props.onClose}>
      <FormText msg="prosecution.field.occurredOn" name="occurredOn" type="date" required />
      <FormDepartment msg="prosecution.field.department" name="department" required />
      <FormText msg="prosecution.field.place" name="place" maxLength={300} blank="null" />
      <FormNumber msg="prosecution.field.arrested" name="personsArrested" />
      <FormNumber msg="prosecution.field.rescued" name="victimsRescued" />
    </ActionDialog>
  );
}

export function CooperationForm(props: FormProps) {
  const { t } = useI18n();
  const form = useInvestigationForm(recordCooperationRequest, props, 'prosecution.cooperationRecorded', {
    defaultValues: { kind: 'mutual_legal_assistance', direction: 'outgoing', requestedOn: paraguayToday() },
    prepare: (values: z.input<typeof RecordCooperationRequest>) => ({
      ...values,
      country: typeof values.country === 'string' ? values.country.toUpperCase() : values.country,
    }),
  });
  return (
    <ActionDialog kind="cooperation" form={form} onClose={props.onClose}>
      <FormSelect msg="prosecution.field.kind" name="kind">
        <ListOptions list="cooperation" values={COOPERATION_KINDS} />
      </FormSelect>
      <FormSelect msg="prosecution.field.direction" name="direction">
        <ListOptions list="direction" values={COOPERATION_DIRECTIONS} />
      </FormSelect>
      <FormText
        msg="prosecution.field.country"
        hint={t('prosecution.countryHint')}
        name="country"
        maxLength={2}
        blank="undefined"
        required
      />
      <FormText msg="prosecution.field.requestedOn" name="requestedOn" type="date" required />
      <FormText msg="prosecution.field.grantedOn" name="grantedOn" type="date" blank="null" />
    </ActionDialog>
  );
}

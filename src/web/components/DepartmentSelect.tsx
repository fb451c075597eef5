/** A labelled select of Paraguay's departments, by ISO 3166-2:PY code, after an empty choice. */
import type { ComponentProps } from 'react';
import { PY_DEPARTMENTS } from '../departments.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField } from './Field.js';

type DepartmentSelectProps = Omit<ComponentProps<typeof SelectField>, 'children'> & {
  /** The empty choice's label: "none" unless the form says otherwise ("any", "not known"). */
  emptyLabel?: string;
};

export function DepartmentSelect({ emptyLabel, ...select }: DepartmentSelectProps) {
  return (
    <SelectField {...select}>
      <DepartmentOptions emptyLabel={emptyLabel} />
    </SelectField>
  );
}

/** The empty choice and the departments, as a select's options. */
export function DepartmentOptions({ emptyLabel }: { emptyLabel?: string | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{emptyLabel ?? t('common.none')}</option>
      {PY_DEPARTMENTS.map((department) => (
        <option key={department.code} value={department.code}>
          {department.name}
        </option>
      ))}
    </>
  );
}

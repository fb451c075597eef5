/**
 * How and when the case was detected, and what happened in the words of the person who tells it:
 * the intake wizard's case step and the offline intake ask the same. Bound by name under `prefix`
 * (the offline intake keeps the case under `case.`), a blank answer kept as '' or made null.
 */
import { FormDepartment, FormSelect, FormText, FormTextArea } from '../../components/FormFields.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export function CaseDetectionFields({
  prefix = '',
  blank = 'keep',
  place = false,
}: {
  prefix?: '' | 'case.';
  blank?: 'keep' | 'null';
  /** Ask for the place of detection too. */
  place?: boolean;
}) {
  const { t } = useI18n();
  // Where blanks are null, a method not chosen is missing from the request, which says it is required.
  const methodBlank = blank === 'null' ? 'undefined' : 'keep';
  return (
    <>
      <FormSelect
        msg="intake.case.detectionMethod"
        name={`${prefix}detectionMethod`}
        blank={methodBlank}
        required
      >
        <option value="" disabled>
          —
        </option>
        <ValueOptions list="DETECTION_METHODS" />
      </FormSelect>
      <FormText msg="intake.case.detectedOn" name={`${prefix}detectedOn`} type="date" required />
      <FormDepartment
        msg="intake.case.detectionDepartment"
        name={`${prefix}detectionDepartment`}
        blank={blank}
        emptyLabel={t('intake.notKnown')}
      />
      {place && (
        <FormText
          msg="intake.case.detectionPlace"
          name={`${prefix}detectionPlace`}
          blank={blank}
          autoComplete="off"
        />
      )}
      <FormTextArea
        msg="intake.case.narrative"
        name={`${prefix}narrative`}
        blank={blank}
        autoComplete="off"
      />
    </>
  );
}

/**
 * The fields of a need and of a consent, bound by name to the surrounding form (under a prefix):
 * the case page's protection dialogs and the offline intake share them, and `consentBody` turns a
 * consent's fields into its request the same way for both.
 */
import { useFormContext } from 'react-hook-form';
import type { z } from 'zod';
import type { RecordConsentRequest } from '../../../shared/api-protection.js';
import { CONSENT_AUTHORITIES, SHAREABLE_FIELDS } from '../../../shared/catalogues.js';
import {
  FormChoices,
  FormDepartment,
  FormSelect,
  FormText,
  FormTextArea,
} from '../../components/FormFields.js';
import { ValueChoices } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** The need fields (service, urgency, where, notes), bound to the surrounding form under `prefix`. */
export function NeedFields({ prefix = '' }: { prefix?: string }) {
  const { t } = useI18n();
  return (
    <>
      <FormSelect
        msg="protection.need.service"
        name={`${prefix}serviceType`}
        required
        empty={t('cases.choose')}
        list="SERVICE_TYPES"
      />
      <FormSelect msg="protection.need.urgency" name={`${prefix}urgency`} list="URGENCIES" />
      <FormDepartment msg="protection.need.department" name={`${prefix}department`} />
      <FormTextArea
        msg="protection.need.notes"
        name={`${prefix}notes`}
        rows={2}
        maxLength={2000}
        blank="null"
      />
    </>
  );
}

type ConsentValues = Omit<z.input<typeof RecordConsentRequest>, 'personId'>;

/**
 * A consent's request from its fields: how and by whom it was given (a child's representative
 * named, or the authority), or, for an exception, why. The child's view goes beside either.
 */
export function consentBody<V extends ConsentValues>({
  method,
  givenBy,
  reason,
  representativeName,
  representativeRelationship,
  authority,
  ...values
}: V) {
  if (values.kind === 'best_interest_exception') return { ...values, reason };
  const representative = givenBy === 'Parent' || givenBy === 'LegalGuardian';
  return {
    ...values,
    method,
    givenBy,
    ...(representative && { representativeName, representativeRelationship }),
    ...(givenBy === 'Authority' && { authority }),
  };
}

/**
 * The consent fields (bound under `prefix`): what it covers, when, how and who gave it — a child's
 * parent or guardian named, or the authority — or the exception's reason; the child's own view.
 */
export function ConsentFields({ prefix = '', allowException }: { prefix?: string; allowException: boolean }) {
  const { t } = useI18n();
  const { watch } = useFormContext();
  const exception = watch(`${prefix}kind`) === 'best_interest_exception';
  const givenBy = watch(`${prefix}givenBy`) as string | undefined;
  return (
    <>
      {allowException && (
        <FormSelect msg="protection.consent.kind" name={`${prefix}kind`}>
          <option value="consent">{t('protection.kind.consent')}</option>
          <option value="best_interest_exception">{t('protection.kind.best_interest_exception')}</option>
        </FormSelect>
      )}
      <ValueChoices
        legend={t('protection.consent.services')}
        name={`${prefix}services`}
        list="SERVICE_TYPES"
      />
      <FormChoices
        legend={t('protection.consent.sharedFields')}
        name={`${prefix}sharedFields`}
        options={SHAREABLE_FIELDS}
        label={(value) => t(`referrals.person.${value}`)}
      />
      <FormText msg="protection.consent.givenOn" name={`${prefix}givenOn`} type="date" required />
      {exception ? (
        <FormTextArea
          msg="protection.consent.reason"
          name={`${prefix}reason`}
          rows={3}
          maxLength={2000}
          required
        />
      ) : (
        <>
          <FormSelect msg="protection.consent.method" name={`${prefix}method`} list="CONSENT_METHODS" />
          <FormSelect
            msg="protection.consent.givenBy"
            hint={t('minorConsent.givenByHint')}
            name={`${prefix}givenBy`}
            list="CONSENT_GIVERS"
          />
          {(givenBy === 'Parent' || givenBy === 'LegalGuardian') && (
            <>
              <FormText
                msg="minorConsent.representativeName"
                name={`${prefix}representativeName`}
                blank="undefined"
                autoComplete="off"
                required
              />
              <FormText
                msg="minorConsent.relationship"
                name={`${prefix}representativeRelationship`}
                blank="undefined"
                autoComplete="off"
                required
              />
            </>
          )}
          {givenBy === 'Authority' && (
            <FormSelect msg="minorConsent.authority" name={`${prefix}authority`} required>
              <option value="">—</option>
              {CONSENT_AUTHORITIES.map((authority) => (
                <option key={authority} value={authority}>
                  {t(`minorConsent.authority.${authority}`)}
                </option>
              ))}
            </FormSelect>
          )}
        </>
      )}
      {(exception || givenBy !== 'Person') && (
        <FormTextArea
          msg="minorConsent.childView"
          name={`${prefix}childView`}
          rows={2}
          maxLength={2000}
          blank="undefined"
        />
      )}
    </>
  );
}

/**
 * The person fields a referral shares, exactly as the server sent them: a field the sending side
 * did not share is absent from the answer and is not shown at all (not even as a dash).
 */
import type { z } from 'zod';
import type { SharedPerson } from '../../../shared/api-protection.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { Detail } from '../cases/Section.js';
import { countryName, formatDate } from '../cases/format.js';

export function SharedPersonDetails({ person }: { person: z.output<typeof SharedPerson> }) {
  const { t, locale } = useI18n();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const status = person.protectionStatus;
  return (
    <dl className="details" data-testid="shared-person">
      {person.givenNames !== undefined && (
        <Detail term={t('referrals.person.givenNames')}>{person.givenNames}</Detail>
      )}
      {person.surnames !== undefined && (
        <Detail term={t('referrals.person.surnames')}>{person.surnames}</Detail>
      )}
      {person.sex !== undefined && (
        <Detail term={t('referrals.person.sex')}>{valueLabel(locale, 'SEXES', person.sex)}</Detail>
      )}
      {person.age !== undefined && <Detail term={t('referrals.person.age')}>{person.age}</Detail>}
      {person.dateOfBirth !== undefined && (
        <Detail term={t('referrals.person.dateOfBirth')}>{formatDate(locale, person.dateOfBirth)}</Detail>
      )}
      {person.nationalities !== undefined && (
        <Detail term={t('referrals.person.nationalities')}>
          {person.nationalities.map((code) => countryName(locale, code)).join(', ')}
        </Detail>
      )}
      {person.languages !== undefined && (
        <Detail term={t('referrals.person.languages')}>
          {person.languages.map((code) => valueLabel(locale, 'LANGUAGES', code)).join(', ')}
        </Detail>
      )}
      {person.interpreterNeeded !== undefined && (
        <Detail term={t('referrals.person.interpreterNeeded')}>{yesNo(person.interpreterNeeded)}</Detail>
      )}
      {person.contact !== undefined && <Detail term={t('referrals.person.contact')}>{person.contact}</Detail>}
      {person.disability !== undefined && (
        <Detail term={t('referrals.person.disability')}>{person.disability}</Detail>
      )}
      {person.need !== undefined && (
        <Detail term={t('referrals.person.need')}>
          {valueLabel(locale, 'SERVICE_TYPES', person.need.serviceType)} (
          {valueLabel(locale, 'URGENCIES', person.need.urgency)})
          {person.need.notes ? ` — ${person.need.notes}` : ''}
        </Detail>
      )}
      {status && (
        <Detail term={t('referrals.person.protectionStatus')}>
          {[
            status.originCountry &&
              `${t('referrals.person.origin')}: ${countryName(locale, status.originCountry)}`,
            status.destinationCountry &&
              `${t('referrals.person.destination')}: ${countryName(locale, status.destinationCountry)}`,
            status.consulate,
            status.returnRequested && t('referrals.person.returnRequested'),
            status.returnArranged && t('referrals.person.returnArranged'),
            status.residencyRequested && t('referrals.person.residencyRequested'),
            status.residencyGranted && t('referrals.person.residencyGranted'),
          ]
            .filter(Boolean)
            .join('; ')}
        </Detail>
      )}
    </dl>
  );
}

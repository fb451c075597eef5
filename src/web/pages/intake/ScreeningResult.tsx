/**
 * What a screening gives (computed with the shared rules before the intake is written, and by the
 * server when it is): the two tests side by side — the Palermo Protocol's (an adult needs a means)
 * and Law 4788/2012's (act and purpose make the offence; a means or a child victim aggravate it) —,
 * whether the person was (or may have been) a child at the facts, act / means / purpose and the
 * indicator count. It guides; it decides nothing.
 */
import type { z } from 'zod';
import type { ScreeningView } from '../../../shared/api-identification.js';
import { AGE_FLAGS, type ScreeningResult as Assessed } from '../../../shared/screening-rules.js';
import type { PlainKey, Translate } from '../../i18n/catalogue.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { FocusHeading } from './controls.js';

const FLAG_MESSAGES: Record<string, PlainKey> = {
  [AGE_FLAGS.nearMajority]: 'intake.result.flag.approximate_age_near_majority',
  [AGE_FLAGS.unknown]: 'intake.result.flag.age_unknown_treated_as_possible_child',
  [AGE_FLAGS.fromEstimate]: 'intake.result.flag.age_from_estimate',
};

type Result = Pick<
  z.output<typeof ScreeningView>,
  'assessment' | 'child' | 'ageAtFacts' | 'act' | 'means' | 'purpose' | 'indicatorCount' | 'flags' | 'law4788'
>;

/** Law 4788/2012's test in words: the finding, and what aggravates it ("Trafficking offence — aggravated: …"). */
export function law4788Text(t: Translate, law4788: Assessed['law4788']): string {
  const finding = t(`intake.result.law4788.${law4788.assessment}`);
  if (!law4788.aggravating.length) return finding;
  return t('intake.result.law4788.aggravated', {
    finding,
    aggravating: law4788.aggravating.map((a) => t(`intake.result.aggravating.${a}`)).join('; '),
  });
}

export function ScreeningResult({ screening, focus }: { screening: Result; focus: boolean }) {
  const { t, locale } = useI18n();

  const present = (value: boolean) => (value ? t('intake.result.present') : t('intake.result.absent'));
  return (
    <section className="screening-result panel" aria-labelledby="intake-result-title">
      <FocusHeading id="intake-result-title" focus={focus}>
        {t('intake.result.title')}
      </FocusHeading>
      <p className={`assessment assessment--${screening.assessment}`} data-testid="intake-assessment">
        <span className="assessment-label">{t('intake.result.palermo')}</span>
        <strong>{valueLabel(locale, 'ASSESSMENTS', screening.assessment)}</strong>
      </p>
      <p
        className={`assessment assessment--law4788-${screening.law4788.assessment}`}
        data-testid="intake-law4788"
      >
        <span className="assessment-label">{t('intake.result.law4788')}</span>
        <strong>{law4788Text(t, screening.law4788)}</strong>
      </p>
      <p className="field-hint">{t('intake.result.twoTests')}</p>
      <dl className="details">
        <dt>{t('intake.result.child')}</dt>
        <dd className={screening.child === 'no' ? undefined : 'result-child'} data-testid="intake-child">
          {t(`intake.result.child.${screening.child}`)}
        </dd>
        {screening.ageAtFacts !== null && (
          <>
            <dt>{t('intake.result.ageAtFacts')}</dt>
            <dd>{screening.ageAtFacts}</dd>
          </>
        )}
        <dt>{t('intake.result.act')}</dt>
        <dd>{present(screening.act)}</dd>
        <dt>{t('intake.result.means')}</dt>
        <dd>{present(screening.means)}</dd>
        <dt>{t('intake.result.purpose')}</dt>
        <dd>{present(screening.purpose)}</dd>
        <dt>{t('intake.result.indicators')}</dt>
        <dd>{screening.indicatorCount}</dd>
      </dl>
      {screening.flags
        .filter((flag) => FLAG_MESSAGES[flag])
        .map((flag) => (
          <p key={flag} className="field-hint">
            {t(FLAG_MESSAGES[flag]!)}
          </p>
        ))}
      <p className="notice notice--info">{t('intake.result.note')}</p>
    </section>
  );
}

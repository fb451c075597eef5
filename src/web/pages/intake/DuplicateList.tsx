/**
 * "Possible duplicates": persons already recorded who may be the one being registered. The user
 * picks one (the case will be about that record) or confirms that this is someone else.
 */
import type { z } from 'zod';
import type { DuplicateCandidate } from '../../../shared/api-identification.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { FocusHeading } from './controls.js';

type Candidate = z.output<typeof DuplicateCandidate>;

interface Props {
  candidates: readonly Candidate[];
  pending: boolean;
  onChoose(candidate: Candidate): void;
  onNew(): void;
}

export function DuplicateList({ candidates, pending, onChoose, onNew }: Props) {
  const { t, locale } = useI18n();

  return (
    <section className="duplicates notice notice--warning" aria-labelledby="intake-duplicates-title">
      <FocusHeading id="intake-duplicates-title">{t('intake.duplicates.title')}</FocusHeading>
      <p>{t('intake.duplicates.intro')}</p>
      <ul className="duplicate-list">
        {candidates.map((candidate) => (
          <li key={candidate.id} className="duplicate">
            <p className="duplicate-name">{candidate.fullName}</p>
            <p className="duplicate-meta">
              {valueLabel(locale, 'SEXES', candidate.sex)}
              {candidate.birthYear !== null && (
                <> · {t('intake.duplicates.born', { year: candidate.birthYear })}</>
              )}
              {' · '}
              {t('intake.duplicates.owner', { institution: candidate.ownerInstitutionCode })}
            </p>
            <p className="duplicate-meta">
              {candidate.matchedOn.map((reason) => t(`intake.duplicates.matched.${reason}`)).join(' · ')}
            </p>
            <button
              type="button"
              className="btn"
              disabled={pending}
              aria-label={t('intake.duplicates.useNamed', { name: candidate.fullName })}
              onClick={() => onChoose(candidate)}
            >
              {t('intake.duplicates.use')}
            </button>
          </li>
        ))}
      </ul>
      <div className="wizard-nav">
        <button type="button" className="btn btn--primary" disabled={pending} onClick={onNew}>
          {pending ? t('action.working') : t('intake.duplicates.new')}
        </button>
      </div>
    </section>
  );
}

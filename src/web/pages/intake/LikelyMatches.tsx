/**
 * "Possible matches" at intake, from the record-linkage model: persons the user may already read
 * who are probably the one being registered despite different spellings, a missing surname or an
 * estimated age. The user opens a record to check it, uses one, or continues with a new person.
 */
import type { z } from 'zod';
import type { PersonMatch } from '../../../shared/api-linkage.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { MatchReasons } from '../linkage/MatchReasons.js';
import { FocusHeading } from './controls.js';

type Match = z.output<typeof PersonMatch>;

interface Props {
  matches: readonly Match[];
  pending: boolean;
  onChoose(match: Match): void;
  /** Absent when another panel already offers "continue with a new person". */
  onNew?: () => void;
}

export function LikelyMatches({ matches, pending, onChoose, onNew }: Props) {
  const { t, locale } = useI18n();
  return (
    <section
      className="duplicates notice notice--warning"
      aria-labelledby="intake-matches-title"
      data-testid="likely-matches"
    >
      <FocusHeading id="intake-matches-title">{t('linkage.matches.title')}</FocusHeading>
      <p>{t('linkage.matches.intro')}</p>
      <ul className="duplicate-list">
        {matches.map((match) => {
          const percent = Math.round(match.probability * 100);
          return (
            <li key={match.id} className="duplicate">
              <p className="duplicate-name">{match.fullName}</p>
              <p className="duplicate-meta">
                {t(match.band === 'likely' ? 'linkage.matches.likely' : 'linkage.matches.possible', {
                  percent,
                })}
                {' · '}
                {valueLabel(locale, 'SEXES', match.sex)}
                {match.birthYear !== null && <> · {t('intake.duplicates.born', { year: match.birthYear })}</>}
                {' · '}
                {t('intake.duplicates.owner', { institution: match.ownerInstitutionCode })}
              </p>
              <MatchReasons levels={match.levels} />
              {/* A new tab, so that the wizard's typed values are not lost. */}
              <a
                href={`/persons/${encodeURIComponent(match.id)}`}
                target="_blank"
                rel="noopener"
                className="btn btn--ghost"
              >
                {t('linkage.matches.open')}
              </a>{' '}
              <button
                type="button"
                className="btn"
                disabled={pending}
                aria-label={t('linkage.matches.useNamed', { name: match.fullName })}
                onClick={() => onChoose(match)}
              >
                {t('linkage.matches.use')}
              </button>
            </li>
          );
        })}
      </ul>
      {onNew && (
        <div className="wizard-nav">
          <button type="button" className="btn btn--primary" disabled={pending} onClick={onNew}>
            {pending ? t('action.working') : t('linkage.matches.new')}
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * "Possible matches" at intake, from the record-linkage model: persons the user may already read
 * who are probably the one being registered despite different spellings, a missing surname or an
 * estimated age. The user opens a record to check it, uses one, or continues with a new person.
 */
import type { z } from 'zod';
import type { PersonMatch } from '../../../shared/api-linkage.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { MatchReasons } from '../linkage/MatchReasons.js';
import { matchPercent } from '../linkage/percent.js';
import { CandidatePanel, PersonFacts } from './CandidatePanel.js';

type Match = z.output<typeof PersonMatch>;

interface Props {
  matches: readonly Match[];
  pending: boolean;
  onChoose(match: Match): void;
  /** Absent when another panel already offers "continue with a new person". */
  onNew?: () => void;
}

export function LikelyMatches({ matches, pending, onChoose, onNew }: Props) {
  const { t } = useI18n();
  return (
    <CandidatePanel
      headingId="intake-matches-title"
      title={t('linkage.matches.title')}
      intro={t('linkage.matches.intro')}
      testId="likely-matches"
      people={matches}
      pending={pending}
      useLabel={t('linkage.matches.use')}
      useNamed={(match) => t('linkage.matches.useNamed', { name: match.fullName })}
      newLabel={t('linkage.matches.new')}
      onChoose={onChoose}
      onNew={onNew}
    >
      {(match) => (
        <>
          <p className="duplicate-meta">
            {t(match.band === 'likely' ? 'linkage.matches.likely' : 'linkage.matches.possible', {
              percent: matchPercent(match.probability),
            })}
            {' · '}
            <PersonFacts person={match} />
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
        </>
      )}
    </CandidatePanel>
  );
}

/**
 * "Possible duplicates": persons already recorded who may be the one being registered. The user
 * picks one (the case will be about that record) or confirms that this is someone else.
 */
import type { z } from 'zod';
import type { DuplicateCandidate } from '../../../shared/api-identification.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CandidatePanel, PersonFacts } from './CandidatePanel.js';

type Candidate = z.output<typeof DuplicateCandidate>;

interface Props {
  candidates: readonly Candidate[];
  pending: boolean;
  onChoose(candidate: Candidate): void;
  onNew(): void;
}

export function DuplicateList({ candidates, pending, onChoose, onNew }: Props) {
  const { t } = useI18n();
  return (
    <CandidatePanel
      headingId="intake-duplicates-title"
      title={t('intake.duplicates.title')}
      intro={t('intake.duplicates.intro')}
      people={candidates}
      pending={pending}
      useLabel={t('intake.duplicates.use')}
      useNamed={(candidate) => t('intake.duplicates.useNamed', { name: candidate.fullName })}
      newLabel={t('intake.duplicates.new')}
      onChoose={onChoose}
      onNew={onNew}
    >
      {(candidate) => (
        <>
          <p className="duplicate-meta">
            <PersonFacts person={candidate} />
          </p>
          <p className="duplicate-meta">
            {candidate.matchedOn.map((reason) => t(`intake.duplicates.matched.${reason}`)).join(' · ')}
          </p>
        </>
      )}
    </CandidatePanel>
  );
}

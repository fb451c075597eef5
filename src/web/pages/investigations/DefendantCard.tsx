/** One defendant: identity, roles, official flag, charges, the stage timeline and the outcome. */
import type { ReactNode } from 'react';
import { RecordList } from '../../components/RecordList.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatDate } from '../cases/format.js';
import type { Suspect } from './form.js';
import { labelKey, StageLabel } from './labels.js';

/** What a prosecutor may record on a defendant, when it applies. */
const ACTIONS = [
  { kind: 'charge', label: 'prosecution.recordCharge', shown: () => true },
  { kind: 'stage', label: 'prosecution.recordStage', shown: (s: Suspect) => s.nextStages.length > 0 },
  { kind: 'outcome', label: 'prosecution.recordOutcome', shown: (s: Suspect) => s.mayRecordOutcome },
] as const;

/** A titled list of a defendant's records, or a line saying there are none. */
function DefendantRecords({
  title,
  items,
  ...list
}: {
  title: string;
  empty: string;
  testId: string;
  ordered?: boolean;
  items: { id: string; content: ReactNode }[];
}) {
  return (
    <>
      <h4>{title}</h4>
      <RecordList items={items} itemKey={(item) => item.id} plain {...list}>
        {(item) => item.content}
      </RecordList>
    </>
  );
}

export function DefendantCard(props: {
  suspect: Suspect;
  mayProsecute: boolean;
  onAction(kind: 'charge' | 'stage' | 'outcome'): void;
}) {
  const { t, locale } = useI18n();
  const s = props.suspect;
  const name = [s.givenNames, s.surnames].filter(Boolean).join(' ');
  return (
    <article className="panel defendant" data-testid="defendant" aria-label={name}>
      <h3>{name}</h3>
      <p>
        {s.roles.map((role) => t(labelKey('role', role))).join(', ')}
        {s.birthYear && ` — ${t('prosecution.bornIn', { sex: s.sex, year: s.birthYear })}`}
      </p>
      {s.official && (
        <p className="badge badge--warning" data-testid="defendant-official">
          {t('prosecution.officialOf', {
            sex: s.sex,
            kind: t(labelKey('official', s.official.kind)),
            institution: s.official.institution.code,
          })}
        </p>
      )}
      <DefendantRecords
        title={t('prosecution.charges')}
        empty={t('prosecution.noCharges')}
        testId="defendant-charges"
        items={s.charges.map((c) => ({
          id: c.id,
          content: (
            <>
              {c.label[locale]} — {formatDate(locale, c.chargedOn)}
            </>
          ),
        }))}
      />
      <DefendantRecords
        title={t('prosecution.stages')}
        empty={t('prosecution.noStages')}
        testId="defendant-stages"
        ordered
        items={s.stages.map((stage) => ({
          id: stage.id,
          content: (
            <>
              <StageLabel stage={stage.stage} /> — {formatDate(locale, stage.occurredOn)}
            </>
          ),
        }))}
      />
      {s.outcome && (
        <p data-testid="defendant-outcome">
          <strong>{t(labelKey('outcome', s.outcome.outcome))}</strong>
          {s.outcome.sentenceMonths !== null &&
            ` — ${t('prosecution.sentenceMonths', { months: s.outcome.sentenceMonths })}`}
          {s.outcome.suspended && ` (${t('prosecution.suspended')})`} —{' '}
          {formatDate(locale, s.outcome.decidedOn)}
        </p>
      )}
      {props.mayProsecute && (
        <div className="form-actions">
          {ACTIONS.filter((action) => action.shown(s)).map((action) => (
            <button
              key={action.kind}
              type="button"
              className={action.kind === 'outcome' ? 'btn btn--primary' : 'btn'}
              onClick={() => props.onAction(action.kind)}
              data-testid={`${action.kind}-add`}
            >
              {t(action.label)}
            </button>
          ))}
        </div>
      )}
    </article>
  );
}

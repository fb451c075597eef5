/** One defendant: identity, roles, official flag, charges, the stage timeline and the outcome. */
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatDate } from '../cases/format.js';
import type { Suspect } from './form.js';
import { labelKey, StageLabel } from './labels.js';

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
      <h4>{t('prosecution.charges')}</h4>
      {s.charges.length === 0 ? (
        <p className="empty">{t('prosecution.noCharges')}</p>
      ) : (
        <ul className="record-list" data-testid="defendant-charges">
          {s.charges.map((c) => (
            <li key={c.id}>
              {c.label[locale]} — {formatDate(locale, c.chargedOn)}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('prosecution.stages')}</h4>
      {s.stages.length === 0 ? (
        <p className="empty">{t('prosecution.noStages')}</p>
      ) : (
        <ol className="record-list" data-testid="defendant-stages">
          {s.stages.map((stage) => (
            <li key={stage.id}>
              <StageLabel stage={stage.stage} /> — {formatDate(locale, stage.occurredOn)}
            </li>
          ))}
        </ol>
      )}
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
          <button
            type="button"
            className="btn"
            onClick={() => props.onAction('charge')}
            data-testid="charge-add"
          >
            {t('prosecution.recordCharge')}
          </button>
          {s.nextStages.length > 0 && (
            <button
              type="button"
              className="btn"
              onClick={() => props.onAction('stage')}
              data-testid="stage-add"
            >
              {t('prosecution.recordStage')}
            </button>
          )}
          {s.mayRecordOutcome && (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => props.onAction('outcome')}
              data-testid="outcome-add"
            >
              {t('prosecution.recordOutcome')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/**
 * Where the user is in the wizard: "Paso 2 de 4" and the four steps, done ones marked. Steps
 * already reached are buttons, so the user can go back to any of them; later ones are not.
 */
import { useI18n } from '../../i18n/I18nProvider.js';
import { STEPS, type StepId } from './state.js';

interface Props {
  current: StepId;
  reachable: readonly StepId[];
  done(step: StepId): boolean;
  onGo(step: StepId): void;
}

export function StepIndicator({ current, reachable, done, onGo }: Props) {
  const { t } = useI18n();
  const index = STEPS.indexOf(current);
  return (
    <nav className="wizard-steps" aria-label={t('intake.stepsLabel')}>
      <p className="wizard-step-count" data-testid="intake-step-count">
        {t('intake.stepOf', { n: index + 1, total: STEPS.length })}
      </p>
      <ol>
        {STEPS.map((step, i) => {
          const isCurrent = step === current;
          const isDone = done(step);
          const classes = [
            'wizard-step',
            isCurrent ? 'wizard-step--current' : '',
            isDone ? 'wizard-step--done' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const content = (
            <>
              <span className="wizard-step-number" aria-hidden="true">
                {isDone && !isCurrent ? '✓' : i + 1}
              </span>
              <span className="wizard-step-name">{t(`intake.step.${step}`)}</span>
              {isDone && <span className="visually-hidden"> {t('intake.stepDone')}</span>}
            </>
          );
          return (
            <li key={step} className={classes} aria-current={isCurrent ? 'step' : undefined}>
              {!isCurrent && reachable.includes(step) ? (
                <button type="button" className="wizard-step-link" onClick={() => onGo(step)}>
                  {content}
                </button>
              ) : (
                <span className="wizard-step-link">{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

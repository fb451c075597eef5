/**
 * The intake wizard: person → case → screening → decision, one step at a time, phone first. The
 * values of every step stay in this page's state, so going back shows what was written; what has
 * been saved is remembered by id, so a step is never saved twice. Nothing personal goes in the URL.
 */
import { useState } from 'react';
import { Page } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';
import { CaseStep } from './CaseStep.js';
import { DecisionStep } from './DecisionStep.js';
import { IntakeDone } from './IntakeDone.js';
import { PersonStep } from './PersonStep.js';
import { ScreeningStep } from './ScreeningStep.js';
import {
  initialValues,
  reachableSteps,
  stepDone,
  type IntakeProgress,
  type IntakeValues,
  type StepId,
} from './state.js';
import { StepIndicator } from './StepIndicator.js';
import '../../styles/cases.css';
import '../../styles/intake.css';

export function IntakePage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [step, setStep] = useState<StepId>('person');
  const [moved, setMoved] = useState(false);
  const [values, setValues] = useState<IntakeValues>(() => initialValues());
  const [progress, setProgress] = useState<IntakeProgress>({});
  const [finished, setFinished] = useState(false);
  // A new identification remounts the steps so no state of the previous one survives.
  const [round, setRound] = useState(0);

  function go(next: StepId) {
    setMoved(true);
    setStep(next);
  }
  function update<K extends keyof IntakeValues>(key: K) {
    return (next: IntakeValues[K]) => setValues((current) => ({ ...current, [key]: next }));
  }
  function saved(patch: Partial<IntakeProgress>) {
    setProgress((current) => ({ ...current, ...patch }));
  }
  function restart() {
    setValues(initialValues());
    setProgress({});
    setFinished(false);
    setStep('person');
    setMoved(true);
    setRound((n) => n + 1);
  }

  if (finished && progress.case) {
    return (
      <Page title={t('intake.title')}>
        <IntakeDone
          caseId={progress.case.id}
          reference={progress.case.reference}
          decision={progress.decision}
          onAnother={restart}
        />
      </Page>
    );
  }

  const person = progress.person;
  const openCase = progress.case;
  return (
    <Page title={t('intake.title')} intro={t('intake.intro')}>
      <div className="intake" key={round}>
        <StepIndicator
          current={step}
          reachable={reachableSteps(progress)}
          done={(s) => stepDone(s, progress)}
          onGo={go}
        />
        {step === 'person' && (
          <PersonStep
            values={values.person}
            onChange={update('person')}
            saved={person}
            onSaved={(value) => {
              saved({ person: value });
              go('case');
            }}
            onNext={() => go('case')}
            focus={moved}
          />
        )}
        {step === 'case' && person && (
          <CaseStep
            values={values.case}
            onChange={update('case')}
            personId={person.id}
            saved={openCase}
            onSaved={(value) => saved({ case: value })}
            onBack={() => go('person')}
            onNext={() => go('screening')}
            focus={moved}
          />
        )}
        {step === 'screening' && person && openCase && (
          <ScreeningStep
            values={values.screening}
            onChange={update('screening')}
            caseId={openCase.id}
            personId={person.id}
            detectedOn={values.case.detectedOn}
            saved={progress.screening}
            onSaved={(screening) => saved({ screening })}
            onBack={() => go('case')}
            onNext={() => go('decision')}
            focus={moved}
          />
        )}
        {step === 'decision' && person && openCase && (
          <DecisionStep
            values={values.decision}
            onChange={update('decision')}
            caseId={openCase.id}
            personId={person.id}
            screening={progress.screening}
            canDecide={can('case.decide')}
            onSaved={(decision) => {
              saved({ decision });
              setFinished(true);
            }}
            onLater={() => setFinished(true)}
            onBack={() => go('screening')}
            focus={moved}
          />
        )}
      </div>
    </Page>
  );
}

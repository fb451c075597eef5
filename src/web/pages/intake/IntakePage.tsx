/**
 * The intake wizard: person → case → screening → decision, one step at a time, phone first.
 * Nothing is written until the user confirms the intake at the last step: then one request
 * (submitIntake) writes the person (or links the existing one chosen at the duplicate check), the
 * case, the screening and the decision in one transaction. Meanwhile each step is checked with the
 * shared schemas, and the draft is kept encrypted on the device (offline/intake-draft.ts), so a
 * reload resumes at the same step with what was typed. Nothing personal goes in the URL.
 */
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { IntakeDecision } from '../../../shared/api-devices.js';
import type { TRAFFICKING_STATUSES } from '../../../shared/catalogues.js';
import { getIntakeDraftKeys, submitIntake } from '../../../shared/contracts/devices.js';
import { Page } from '../../components/Page.js';
import { callIdempotent, toApiError, type ApiError } from '../../api.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { DraftStore } from '../../offline/intake-draft.js';
import { queryClient, readOnce } from '../../queries.js';
import { useSession } from '../../session.js';
import { CaseStep } from './CaseStep.js';
import { DecisionStep } from './DecisionStep.js';
import { IntakeDone } from './IntakeDone.js';
import { PersonStep } from './PersonStep.js';
import { ScreeningStep } from './ScreeningStep.js';
import {
  intakeRequest,
  newDraft,
  reachableSteps,
  stepDone,
  withValues,
  type IntakeDraft,
  type IntakeValues,
  type StepId,
} from './state.js';
import { StepIndicator } from './StepIndicator.js';
import '../../styles/cases.css';
import '../../styles/intake.css';

type Decision = z.output<typeof IntakeDecision>;
interface Done {
  caseId: string;
  reference: string;
  decided: (typeof TRAFFICKING_STATUSES)[number] | null;
}
interface Opened {
  store: DraftStore<IntakeDraft> | null;
  draft: IntakeDraft;
  resumed: boolean;
}

/** Opens the user's draft store and reads the draft left there, if any (null while loading). */
function useOpenedDraft(userId: string): Opened | null {
  const [opened, setOpened] = useState<Opened | null>(null);
  useEffect(() => {
    let cancelled = false;
    const open = async (): Promise<Opened> => {
      try {
        const store = await DraftStore.open<IntakeDraft>(userId, await readOnce(getIntakeDraftKeys, {}));
        const draft = await store.load();
        return { store, draft: draft ?? newDraft(), resumed: draft !== null };
      } catch (error) {
        // No keys or no storage: the wizard still works, only a reload starts again.
        console.warn('intake draft unavailable', toApiError(error).code);
        return { store: null, draft: newDraft(), resumed: false };
      }
    };
    void open().then((result) => {
      if (!cancelled) setOpened(result);
    });
    return () => {
      cancelled = true;
    };
  }, [userId]);
  return opened;
}

export function IntakePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const opened = useOpenedDraft(session!.user.id);
  return (
    <Page title={t('intake.title')} intro={t('intake.intro')}>
      {opened ? (
        <Wizard opened={opened} />
      ) : (
        <p className="muted" role="status">
          {t('action.working')}
        </p>
      )}
    </Page>
  );
}

function Wizard({ opened }: { opened: Opened }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { store } = opened;
  const [draft, setDraft] = useState<IntakeDraft>(opened.draft);
  const [resumed, setResumed] = useState(opened.resumed);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | 'none'>(opened.resumed ? 'saved' : 'none');
  const [moved, setMoved] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [personError, setPersonError] = useState<ApiError | null>(null);
  // A new identification remounts the steps so no state of the previous one survives.
  const [round, setRound] = useState(0);
  const finished = useRef(false);
  // The draft as it was (re)started: nothing to keep until the user changes it.
  const pristine = useRef(opened.draft);

  // Every change is sealed on the device shortly after it is made.
  useEffect(() => {
    if (!store || finished.current || draft === pristine.current) return;
    setSaveState('pending');
    const timer = setTimeout(() => {
      if (finished.current) return; // confirmed meanwhile: nothing more to keep
      store.save(draft).then(
        () => !finished.current && setSaveState('saved'),
        (error: unknown) => console.error(error),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [draft, store]);

  function go(step: StepId) {
    setMoved(true);
    setDraft((current) => ({ ...current, step }));
  }
  function update<K extends keyof IntakeValues>(key: K) {
    return (next: IntakeValues[K]) => setDraft((current) => withValues(current, key, next));
  }
  function restart() {
    finished.current = false;
    pristine.current = newDraft();
    setDraft(pristine.current);
    setDone(null);
    setResumed(false);
    setSaveState('none');
    setMoved(true);
    setRound((n) => n + 1);
  }
  async function discard() {
    await store?.discard();
    restart();
  }

  async function confirm(decision: Decision | null) {
    setSubmitting(true);
    setSubmitError(null);
    try {
      const result = await callIdempotent(
        submitIntake,
        { body: intakeRequest(draft, decision) },
        draft.idempotencyKey,
      );
      finished.current = true;
      await store?.discard();
      setDone({ caseId: result.caseId, reference: result.reference, decided: decision?.status ?? null });
      void queryClient.invalidateQueries();
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'possible_duplicates') {
        // Someone registered a look-alike meanwhile: the person step checks again.
        setPersonError(apiError);
        setDraft((current) => ({ ...current, person: undefined, step: 'person' }));
        setMoved(true);
      } else {
        setSubmitError(apiError);
      }
    } finally {
      setSubmitting(false);
    }
  }

  if (done) {
    return (
      <IntakeDone
        caseId={done.caseId}
        reference={done.reference}
        decided={done.decided}
        onAnother={restart}
      />
    );
  }

  const { step, values } = draft;
  return (
    <div className="intake" key={round}>
      {resumed && (
        <div className="notice notice--info intake-resumed" role="status">
          <p>{t('intake.draft.resumed')}</p>
          <button type="button" className="btn btn--small" onClick={() => void discard()}>
            {t('intake.draft.discard')}
          </button>
        </div>
      )}
      <StepIndicator
        current={step}
        reachable={reachableSteps(draft)}
        done={(s) => stepDone(s, draft)}
        onGo={go}
      />
      {step === 'person' && (
        <PersonStep
          values={values.person}
          onChange={update('person')}
          chosen={draft.person}
          onChosen={(person) => {
            setPersonError(null);
            setDraft((current) => ({ ...current, person, step: 'case' }));
            setMoved(true);
          }}
          onNext={() => go('case')}
          error={personError}
          focus={moved}
        />
      )}
      {step === 'case' && draft.person && (
        <CaseStep
          values={values.case}
          onChange={update('case')}
          onChecked={() => setDraft((current) => ({ ...current, caseChecked: true, step: 'screening' }))}
          onBack={() => go('person')}
          focus={moved}
        />
      )}
      {step === 'screening' && draft.person && draft.caseChecked && (
        <ScreeningStep
          values={values}
          onChange={update('screening')}
          checkedVersion={draft.screeningVersion}
          onChecked={(version) => setDraft((current) => ({ ...current, screeningVersion: version }))}
          onBack={() => go('case')}
          onNext={() => go('decision')}
          focus={moved}
        />
      )}
      {step === 'decision' && draft.person && draft.caseChecked && draft.screeningVersion !== undefined && (
        <DecisionStep
          values={values.decision}
          onChange={update('decision')}
          intake={values}
          canDecide={can('case.decide')}
          pending={submitting}
          error={submitError}
          onConfirm={confirm}
          onBack={() => go('screening')}
          focus={moved}
        />
      )}
      {saveState !== 'none' && (
        <p className="intake-draft-state muted" data-draft-state={saveState}>
          {t('intake.draft.kept')}
        </p>
      )}
    </div>
  );
}

/**
 * An intake with no network, whole: the person, the case, the screening (from the instrument kept
 * on the device, the child rule applied), the trafficking-status decision, a trafficking event with
 * its ICT platforms, the exploitation, the needs and the consent (a child's given by a parent,
 * guardian or authority). The fields are the case page's and the wizard's own (bound by name under
 * the request's paths), checked against the same schema as the server's (submitIntake) — the
 * minors' consent rule included — and saved, encrypted, in the device's queue. A refused intake
 * comes back here to be corrected. Nothing goes to the address or to browser storage in clear.
 */
import { useRef, useState } from 'react';
import { get, useFieldArray, type FieldErrors } from 'react-hook-form';
import type { z } from 'zod';
import { SubmitIntakeRequest } from '../../../shared/api-devices.js';
import { DEFAULT_SHARED_FIELDS, PLATFORMS } from '../../../shared/catalogues.js';
import { paraguayToday } from '../../../shared/dates.js';
import { typedMinor } from '../../../shared/minor-consent.js';
import type { Answer } from '../../../shared/screening-rules.js';
import { Form, useZodForm } from '../../components/Form.js';
import { FormCheckbox, FormChoices, FormSelect, FormText } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { queueIntake, resubmitWrite, useOfflinePart } from '../../offline/store.js';
import { DecisionFields } from '../cases/DecisionDialog.js';
import { ExploitationFields } from '../cases/ExploitationDialog.js';
import { consentBody, ConsentFields, NeedFields } from '../cases/ProtectionFields.js';
import { CaseDetectionFields } from '../intake/CaseDetectionFields.js';
import { ScreeningSection } from '../intake/ScreeningSection.js';
import {
  PersonAgeFields,
  PersonDocumentFields,
  PersonNameFields,
  type PersonGroupProps,
} from '../persons/PersonFields.js';

export type IntakeBody = z.input<typeof SubmitIntakeRequest>;
type Values = Record<string, unknown> & {
  screening?: { factsDate?: string };
  events?: Array<{ type?: string; online?: boolean; platforms?: string[] }>;
  decision?: Record<string, unknown>;
  exploitation?: Record<string, unknown>;
  consent?: Parameters<typeof consentBody>[0];
};
type Part = 'decision' | 'exploitation' | 'consent';

function defaults(today: string, body?: IntakeBody): Record<string, unknown> {
  return {
    person: body?.person ?? { givenNames: '', sex: 'Unknown', documentType: null },
    case: body?.case ?? { detectionMethod: '', detectedOn: today },
    screening: { factsDate: body?.screening?.factsDate ?? today },
    events: [body?.events?.[0] ?? { type: '', country: 'PY', online: false, platforms: [] }],
    decision: body?.decision ?? { status: '', decidedOn: today, reason: '' },
    exploitation: body?.exploitation ?? {
      exploitationTypes: [],
      labourIndustries: [],
      sexualExploitationTypes: [],
      controlMethods: [],
      recruitmentMethods: [],
      recruiterRelation: null,
      vulnerabilities: [],
    },
    needs: body?.needs ?? [],
    consent: body?.consent ?? {
      kind: 'consent',
      services: [],
      sharedFields: [...DEFAULT_SHARED_FIELDS],
      givenOn: today,
      method: 'Verbal',
      givenBy: 'Person',
    },
  };
}

/** The person's field groups as this form binds them: under `person.`, a blank answer null. */
const person: PersonGroupProps = { prefix: 'person.', words: 'intake.person', blank: 'null' };

/** The request from the form's values: the parts left out are null, an unchosen event is none. */
function requestOf(
  values: Values,
  parts: Record<Part, boolean>,
  answers: Record<string, Answer>,
  instrumentVersion: number | null,
  keep: Pick<IntakeBody, 'personId'>,
): IntakeBody {
  const person = values.person as NonNullable<IntakeBody['person']>;
  const event = values.events?.[0];
  return {
    ...(keep.personId
      ? { person: null, personId: keep.personId }
      : {
          person: {
            ...person,
            documentNumber: person.documentType ? (person.documentNumber ?? null) : null,
          },
        }),
    case: values.case as IntakeBody['case'],
    screening:
      instrumentVersion !== null && Object.keys(answers).length > 0
        ? { instrumentVersion, factsDate: values.screening?.factsDate ?? '', answers }
        : null,
    events: event?.type
      ? [{ ...event, platforms: event.online ? (event.platforms ?? []) : [] } as never]
      : [],
    decision: parts.decision ? (values.decision as IntakeBody['decision']) : null,
    exploitation: parts.exploitation ? (values.exploitation as IntakeBody['exploitation']) : null,
    needs: values.needs as IntakeBody['needs'],
    consent: parts.consent && values.consent ? (consentBody(values.consent) as IntakeBody['consent']) : null,
  };
}

interface Props {
  /** A refused intake to correct: it goes back to the queue in place of the refused one. */
  correcting?: { key: string; body: IntakeBody } | undefined;
  onDone?: () => void;
}

export function OfflineIntake({ correcting, onDone }: Props) {
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState(false);
  return (
    <IntakeForm
      key={`${round}/${correcting?.key ?? ''}`}
      correcting={correcting}
      saved={saved}
      onSaved={() => {
        setSaved(true);
        setRound((n) => n + 1);
        onDone?.();
      }}
    />
  );
}

function IntakeForm({ correcting, saved, onSaved }: Props & { saved: boolean; onSaved(): void }) {
  const { t, locale } = useI18n();
  const { instrument, loaded } = useOfflinePart('instrument');
  const today = paraguayToday(new Date());
  const body = correcting?.body;
  const [answers, setAnswers] = useState<Record<string, Answer>>(body?.screening?.answers ?? {});
  const [parts, setParts] = useState<Record<Part, boolean>>({
    decision: Boolean(body?.decision),
    exploitation: Boolean(body?.exploitation),
    consent: Boolean(body?.consent),
  });
  const current = useRef({ parts, answers });
  current.current = { parts, answers };
  const keep = { personId: body?.personId ?? null };
  const prepare = (values: unknown) =>
    requestOf(
      values as Values,
      current.current.parts,
      current.current.answers,
      instrument?.version ?? null,
      keep,
    );
  const form = useZodForm(SubmitIntakeRequest, {
    defaultValues: defaults(today, body) as never,
    prepare,
  });
  const needs = useFieldArray({ control: form.control, name: 'needs' as never });
  const [dateOfBirth, estimatedAge, ageApproximate, online] = form.watch([
    'person.dateOfBirth',
    'person.estimatedAge',
    'person.ageApproximate',
    'events.0.online',
  ] as never[]) as unknown as [string | null, number | null, boolean, boolean];
  const child = typedMinor({ dateOfBirth, estimatedAge, ageApproximate }, today);

  const onInvalid = (errors: FieldErrors) => {
    // The minors' rule (a refinement of the whole request) says it in the user's words.
    if ((get(errors, 'consent.givenBy') as { type?: string } | undefined)?.type === 'custom')
      form.setError('consent.givenBy' as never, {
        type: 'custom',
        message: t('offline.intake.minorConsent'),
      });
  };
  const onSubmit = form.handleSubmit(async () => {
    const request = prepare(form.getValues());
    if (correcting) await resubmitWrite(correcting.key, { body: request });
    else await queueIntake(request);
    onSaved();
  }, onInvalid);

  const toggle = (part: Part, label: string) => (
    <label className="checkbox checkbox--single">
      <input
        type="checkbox"
        checked={parts[part]}
        onChange={(event) => setParts((now) => ({ ...now, [part]: event.target.checked }))}
      />
      <span>{label}</span>
    </label>
  );

  return (
    <Form form={form} onSubmit={onSubmit} className="form offline-form" testId="offline-intake">
      {saved && (
        <p className="notice notice--success" role="status">
          {t('offline.intake.saved')}
        </p>
      )}
      {correcting && (
        <p className="notice notice--info" role="status">
          {t('offline.intake.correcting')}
        </p>
      )}
      {!keep.personId && (
        <fieldset className="intake-fields">
          <legend>{t('offline.intake.person')}</legend>
          <PersonNameFields {...person} />
          <FormSelect msg="intake.person.sex" name="person.sex" list="SEXES" />
          <PersonAgeFields {...person} />
          <PersonDocumentFields {...person} empty="—" />
        </fieldset>
      )}
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.case')}</legend>
        <CaseDetectionFields prefix="case." blank="null" />
      </fieldset>
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.screening')}</legend>
        {!loaded.instrument ? null : instrument ? (
          <>
            <FormText msg="offline.intake.factsDate" name="screening.factsDate" type="date" />
            {instrument.definition.sections.map((section) => (
              <ScreeningSection
                key={section.id}
                section={section}
                answers={answers}
                onAnswer={(id, answer) => setAnswers((now) => ({ ...now, [id]: answer }))}
              />
            ))}
          </>
        ) : (
          <p className="notice notice--warning">{t('offline.intake.noInstrument')}</p>
        )}
      </fieldset>
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.decision')}</legend>
        {toggle('decision', t('offline.intake.decisionNow'))}
        {parts.decision && <DecisionFields prefix="decision." />}
      </fieldset>
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.event')}</legend>
        <FormSelect
          msg="offline.intake.eventType"
          name="events.0.type"
          blank="undefined"
          empty="—"
          list="EVENT_TYPES"
        />
        <FormCheckbox name="events.0.online" msg="offline.intake.online" />
        {online && (
          <FormChoices
            legend={t('offline.intake.platforms')}
            name="events.0.platforms"
            options={PLATFORMS}
            label={(platform) => valueLabel(locale, 'PLATFORMS', platform)}
          />
        )}
      </fieldset>
      <fieldset className="intake-fields">
        <legend>{t('offline.intake.exploitation')}</legend>
        {toggle('exploitation', t('offline.intake.exploitationNow'))}
        {parts.exploitation && <ExploitationFields prefix="exploitation." />}
      </fieldset>
      <fieldset className="intake-fields" data-testid="offline-needs">
        <legend>{t('offline.intake.needs')}</legend>
        {needs.fields.map((field, index) => (
          <div key={field.id} className="offline-need">
            <NeedFields prefix={`needs.${index}.`} />
            <button type="button" className="btn btn--small" onClick={() => needs.remove(index)}>
              {t('offline.intake.needRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          onClick={() => needs.append({ serviceType: '', urgency: 'Normal', notes: null } as never)}
        >
          {t('offline.intake.needAdd')}
        </button>
      </fieldset>
      <fieldset className="intake-fields" data-testid="offline-consent">
        <legend>{t('offline.intake.consent')}</legend>
        {toggle('consent', t('offline.intake.consentNow'))}
        {parts.consent && (
          <>
            {child && (
              <p className="notice notice--warning" role="status">
                {t('offline.intake.minorNotice')}
              </p>
            )}
            <ConsentFields prefix="consent." allowException={false} />
          </>
        )}
      </fieldset>
      <button className="btn btn--primary" type="submit">
        {correcting ? t('offline.intake.saveCorrection') : t('offline.intake.save')}
      </button>
    </Form>
  );
}

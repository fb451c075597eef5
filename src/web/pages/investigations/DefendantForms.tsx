/**
 * A defendant's prosecution steps: a charge under a provision of the catalogue, the next procedural
 * stage (only those the server offers), and the outcome of the sentence. Checked with the shared
 * schemas; the server's refusal (e.g. a sentence without a charge) is shown as it says it.
 */
import { useState, type FormEvent } from 'react';
import {
  RecordChargeRequest,
  RecordOutcomeRequest,
  RecordStageRequest,
} from '../../../shared/api-prosecution.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localIsoDate } from '../referrals/inbox.js';
import {
  listLegalProvisions,
  recordCharge,
  recordOutcome,
  recordProceduralStage,
  type Suspect,
} from './client.js';
import type { FormProps } from './types.js';
import { labelKey } from './labels.js';

type Props = FormProps & { suspect: Suspect };

export function ChargeForm({ investigation, suspect, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const form = useForm();
  const provisions = useLoad(listLegalProvisions, 'provisions');
  const [provisionId, setProvisionId] = useState('');
  const [chargedOn, setChargedOn] = useState(localIsoDate());

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(RecordChargeRequest, { provisionId, chargedOn }, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(
      () => recordCharge(investigation.id, suspect.id, checked.data),
      ['provisionId', 'chargedOn'],
    );
    if (next) onSaved(t('prosecution.chargeRecorded'), next);
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="charge-form">
      <SelectField
        label={t('prosecution.field.provision')}
        name="provisionId"
        value={provisionId}
        onChange={(event) => setProvisionId(event.target.value)}
        error={form.errors.provisionId}
        required
      >
        <option value="">{t('prosecution.choose')}</option>
        {(provisions.data?.items ?? []).map((p) => (
          <option key={p.id} value={p.id} data-code={p.code}>
            {p.label[locale]}
            {p.articleUnconfirmed ? ` (${t('prosecution.articleUnconfirmed')})` : ''}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('prosecution.field.chargedOn')}
        name="chargedOn"
        type="date"
        value={chargedOn}
        onChange={(event) => setChargedOn(event.target.value)}
        error={form.errors.chargedOn}
        required
      />
      <FormActions form={form} submitLabel={t('prosecution.recordCharge')} onCancel={onClose} />
    </form>
  );
}

export function StageForm({ investigation, suspect, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const [stage, setStage] = useState<string>(suspect.nextStages[0] ?? '');
  const [occurredOn, setOccurredOn] = useState(localIsoDate());

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(RecordStageRequest, { stage, occurredOn }, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(
      () => recordProceduralStage(investigation.id, suspect.id, checked.data),
      ['stage', 'occurredOn'],
    );
    if (next) onSaved(t('prosecution.stageRecorded'), next);
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="stage-form">
      <SelectField
        label={t('prosecution.field.stage')}
        name="stage"
        value={stage}
        onChange={(event) => setStage(event.target.value)}
        error={form.errors.stage}
        required
      >
        {suspect.nextStages.map((s) => (
          <option key={s} value={s}>
            {t(labelKey('stage', s))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('prosecution.field.occurredOn')}
        name="occurredOn"
        type="date"
        value={occurredOn}
        onChange={(event) => setOccurredOn(event.target.value)}
        error={form.errors.occurredOn}
        required
      />
      <FormActions form={form} submitLabel={t('prosecution.recordStage')} onCancel={onClose} />
    </form>
  );
}

export function OutcomeForm({ investigation, suspect, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const dismissal = suspect.currentStage === 'sobreseimiento';
  const [outcome, setOutcome] = useState(dismissal ? 'dismissed' : 'convicted');
  const [decidedOn, setDecidedOn] = useState(suspect.stages.at(-1)?.occurredOn ?? localIsoDate());
  const [months, setMonths] = useState('');
  const [suspended, setSuspended] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = {
      outcome,
      decidedOn,
      sentenceMonths: months.trim() === '' ? null : Number(months),
      suspended: outcome === 'convicted' && suspended,
    };
    const checked = validate(RecordOutcomeRequest, body, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(
      () => recordOutcome(investigation.id, suspect.id, checked.data),
      ['outcome', 'decidedOn', 'sentenceMonths'],
    );
    if (next) onSaved(t('prosecution.outcomeRecorded'), next);
  }
  const choices = dismissal ? ['dismissed'] : ['convicted', 'acquitted', 'dismissed'];
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="outcome-form">
      <SelectField
        label={t('prosecution.field.outcome')}
        name="outcome"
        value={outcome}
        onChange={(event) => setOutcome(event.target.value)}
        error={form.errors.outcome}
        required
      >
        {choices.map((o) => (
          <option key={o} value={o}>
            {t(labelKey('outcome', o))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('prosecution.field.decidedOn')}
        name="decidedOn"
        type="date"
        value={decidedOn}
        onChange={(event) => setDecidedOn(event.target.value)}
        error={form.errors.decidedOn}
        required
      />
      {outcome === 'convicted' && (
        <>
          <TextField
            label={t('prosecution.field.sentenceMonths')}
            name="sentenceMonths"
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            value={months}
            onChange={(event) => setMonths(event.target.value)}
            error={form.errors.sentenceMonths}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={suspended}
              onChange={(event) => setSuspended(event.target.checked)}
            />{' '}
            {t('prosecution.suspended')}
          </label>
        </>
      )}
      <FormActions form={form} submitLabel={t('prosecution.recordOutcome')} onCancel={onClose} />
    </form>
  );
}

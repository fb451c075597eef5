/**
 * A defendant's prosecution steps: a charge under a provision of the catalogue, the next procedural
 * stage (only those the server offers), and the outcome of the sentence. Checked with the shared
 * schemas; the server's refusal (e.g. a sentence without a charge) is shown as it says it.
 */
import { OUTCOMES, type RecordOutcomeRequest } from '../../../shared/api-prosecution.js';
import {
  recordCharge,
  recordOutcome,
  recordProceduralStage,
} from '../../../shared/contracts/investigations.js';
import { listLegalProvisions } from '../../../shared/contracts/investigations.js';
import { paraguayToday } from '../../../shared/dates.js';
import type { z } from 'zod';
import { FormCheckbox, FormNumber, FormSelect, FormText } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { ActionDialog, useInvestigationForm, type FormProps, type Suspect } from './form.js';
import { labelKey } from './labels.js';

type Props = FormProps & { suspect: Suspect };

export function ChargeForm(props: Props) {
  const { t, locale } = useI18n();
  const provisions = useApiQuery(listLegalProvisions, {}).data?.items ?? [];
  const form = useInvestigationForm(recordCharge, props, 'prosecution.chargeRecorded', {
    suspectId: props.suspect.id,
    defaultValues: { provisionId: '', chargedOn: paraguayToday() },
    hints: { provisionId: 'prosecution.chooseOne' },
  });
  return (
    <ActionDialog kind="charge" form={form} onClose={props.onClose}>
      <FormSelect msg="prosecution.field.provision" name="provisionId" blank="keep" required>
        <option value="">{t('prosecution.choose')}</option>
        {provisions.map((p) => (
          <option key={p.id} value={p.id} data-code={p.code}>
            {p.label[locale]}
            {p.articleUnconfirmed ? ` (${t('prosecution.articleUnconfirmed')})` : ''}
          </option>
        ))}
      </FormSelect>
      <FormText msg="prosecution.field.chargedOn" name="chargedOn" type="date" required />
    </ActionDialog>
  );
}

export function StageForm(props: Props) {
  const { t } = useI18n();
  const form = useInvestigationForm(recordProceduralStage, props, 'prosecution.stageRecorded', {
    suspectId: props.suspect.id,
    defaultValues: { stage: props.suspect.nextStages[0], occurredOn: paraguayToday() },
  });
  return (
    <ActionDialog kind="stage" form={form} onClose={props.onClose}>
      <FormSelect msg="prosecution.field.stage" name="stage" required>
        {props.suspect.nextStages.map((s) => (
          <option key={s} value={s}>
            {t(labelKey('stage', s))}
          </option>
        ))}
      </FormSelect>
      <FormText msg="prosecution.field.occurredOn" name="occurredOn" type="date" required />
    </ActionDialog>
  );
}

type Outcome = z.input<typeof RecordOutcomeRequest>;

export function OutcomeForm(props: Props) {
  const { t } = useI18n();
  const dismissal = props.suspect.currentStage === 'sobreseimiento';
  const form = useInvestigationForm(recordOutcome, props, 'prosecution.outcomeRecorded', {
    suspectId: props.suspect.id,
    defaultValues: {
      outcome: dismissal ? 'dismissed' : 'convicted',
      decidedOn: props.suspect.stages.at(-1)?.occurredOn ?? paraguayToday(),
      suspended: false,
    },
    // A sentence belongs to a conviction only: its fields count only while they are shown.
    prepare: (values: Outcome) =>
      values.outcome === 'convicted' ? values : { ...values, sentenceMonths: null, suspended: false },
  });
  const convicted = form.watch('outcome') === 'convicted';
  const choices = dismissal ? (['dismissed'] as const) : OUTCOMES;
  return (
    <ActionDialog kind="outcome" form={form} onClose={props.onClose}>
      <FormSelect msg="prosecution.field.outcome" name="outcome" required>
        {choices.map((o) => (
          <option key={o} value={o}>
            {t(labelKey('outcome', o))}
          </option>
        ))}
      </FormSelect>
      <FormText msg="prosecution.field.decidedOn" name="decidedOn" type="date" required />
      {convicted && (
        <>
          <FormNumber
            msg="prosecution.field.sentenceMonths"
            name="sentenceMonths"
            min={1}
            max={600}
            blank="null"
          />
          <FormCheckbox name="suspended" msg="prosecution.suspended" />
        </>
      )}
    </ActionDialog>
  );
}

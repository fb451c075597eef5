/**
 * Records a trafficking-status decision from the case page (or a person's page) at any time, not
 * only in the intake's last step: a first decision for a person, or a revision (an appeal's
 * outcome included) of the person's current one, which stays in the history. The deciding
 * organisation is the decider's institution (the server takes it); the reason is required.
 */
import { z } from 'zod';
import { DecideStatusRequest } from '../../../shared/api-identification.js';
import { decideTraffickingStatus, listDecisions } from '../../../shared/contracts/screening.js';
import { paraguayToday } from '../../../shared/dates.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormSelect, FormText, FormTextArea } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';

const DecisionSchema = DecideStatusRequest.pick({
  personId: true,
  status: true,
  decidedOn: true,
  reason: true,
});

interface Props {
  caseId: string;
  /** The persons the decision may be about; one person given alone is chosen already. */
  persons: readonly { personId: string; fullName: string }[];
  /** The current decision of each person (revised by the new one), by person id. */
  current: ReadonlyMap<string, string>;
  onClose(): void;
  onSaved(message: string): void;
}

export function DecisionDialog({ caseId, persons, current, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const only = persons.length === 1 ? persons[0] : undefined;
  const form = useApiForm(decideTraffickingStatus, {
    schema: DecisionSchema,
    defaultValues: { personId: only?.personId ?? '', status: '', decidedOn: paraguayToday(), reason: '' },
    hints: { personId: 'error.choose', status: 'error.choose' },
    toInput: (values: z.output<typeof DecisionSchema>) => ({
      params: { id: caseId },
      body: { ...values, reviewsDecisionId: current.get(values.personId) ?? null },
    }),
    onSuccess: () => onSaved(t('decision.saved')),
  });
  const personId = form.watch('personId') as string;
  const revising = current.has(personId);
  return (
    <FormDialog
      title={only ? t('decision.titleFor', { name: only.fullName }) : t('decision.title')}
      form={form}
      submitLabel={t('decision.submit')}
      onClose={onClose}
      testId="decision-form"
    >
      {!only && (
        <FormSelect msg="decision.person" name="personId" required>
          <option value="">—</option>
          {persons.map((person) => (
            <option key={person.personId} value={person.personId}>
              {person.fullName}
            </option>
          ))}
        </FormSelect>
      )}
      {revising && <p className="notice notice--info">{t('decision.revises')}</p>}
      <DecisionFields />
    </FormDialog>
  );
}

/** From a person's page: the decision for this person in one of their cases, revising the current one. */
export function PersonDecisionDialog(props: {
  caseId: string;
  person: { personId: string; fullName: string };
  onClose(): void;
  onSaved(message: string): void;
}) {
  const history = useApiQuery(listDecisions, {
    params: { id: props.caseId },
    query: { personId: props.person.personId },
  });
  if (!history.data) return null;
  const latest = history.data.items[0];
  return (
    <DecisionDialog
      caseId={props.caseId}
      persons={[props.person]}
      current={new Map(latest ? [[props.person.personId, latest.id]] : [])}
      onClose={props.onClose}
      onSaved={props.onSaved}
    />
  );
}

/** The decision's status, date and reason, bound to the surrounding form under `prefix`. */
export function DecisionFields({ prefix = '' }: { prefix?: string }) {
  return (
    <>
      <FormSelect
        msg="intake.decision.status"
        name={`${prefix}status`}
        required
        empty="—"
        list="TRAFFICKING_STATUSES"
      />
      <FormText
        msg="intake.decision.decidedOn"
        type="date"
        name={`${prefix}decidedOn`}
        max={paraguayToday()}
        required
      />
      <FormTextArea msg="intake.decision.reason" name={`${prefix}reason`} rows={4} required />
    </>
  );
}

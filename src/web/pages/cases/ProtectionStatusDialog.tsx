/**
 * A person's protection status on the case, as the law asks it (docs/LEGAL-PROVISIONS.md
 * "Protection and the authorities"): a foreign or repatriated victim's countries, consulate, return
 * and residency; the recovery and reflection period; a voluntary return, only after a risk
 * assessment (date and level); non-punishment — whether the person was penalised for acts they
 * were compelled to commit, and whether the principle was applied. Checked with the shared schema
 * and the same order-of-things rules as the server before sending.
 */
import { useEffect } from 'react';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import type { CaseView } from '../../../shared/api-identification.js';
import {
  ProtectionStatusRequest,
  RETURN_RISK_LEVELS,
  type CaseProtection,
} from '../../../shared/api-protection.js';
import { recordProtectionStatus } from '../../../shared/contracts/referrals.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormCheckbox, FormSection, FormSelect, FormText } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { PersonOptions } from './people.js';

type Status = z.output<typeof CaseProtection>['statuses'][number]['status'];

/** The request with the person it is about, and the rules the server applies across fields. */
const StatusForm = ProtectionStatusRequest.extend({ personId: Uuid }).superRefine((v, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.reflectionUntil && (!v.reflectionFrom || v.reflectionUntil < v.reflectionFrom))
    issue('reflectionUntil', 'reflection period');
  if ((v.returnArranged || v.returnedOn) && !v.returnRiskAssessedOn)
    issue('returnRiskAssessedOn', 'risk first');
  if ((v.returnArranged || v.returnedOn) && !v.returnRiskLevel) issue('returnRiskLevel', 'risk first');
  if (v.returnArranged && !v.returnRequested) issue('returnRequested', 'requested first');
  if (v.returnedOn && !v.returnArranged) issue('returnArranged', 'arranged first');
  if (v.returnedOn && v.returnRiskAssessedOn && v.returnedOn < v.returnRiskAssessedOn)
    issue('returnedOn', 'after the assessment');
  if (v.residencyGranted && !v.residencyRequested) issue('residencyRequested', 'requested first');
});

/** The form's values for a person: their recorded status, or an empty one. */
function valuesOf(personId: string, status: Status | undefined) {
  return {
    personId,
    originCountry: status?.originCountry ?? null,
    destinationCountry: status?.destinationCountry ?? null,
    consulate: status?.consulate ?? null,
    returnRequested: status?.returnRequested ?? false,
    returnArranged: status?.returnArranged ?? false,
    residencyRequested: status?.residencyRequested ?? false,
    residencyGranted: status?.residencyGranted ?? false,
    reflectionFrom: status?.reflectionFrom ?? null,
    reflectionUntil: status?.reflectionUntil ?? null,
    returnVoluntary: status?.returnVoluntary ?? false,
    returnRiskAssessedOn: status?.returnRiskAssessedOn ?? null,
    returnRiskLevel: status?.returnRiskLevel ?? null,
    returnedOn: status?.returnedOn ?? null,
    penalised: status?.penalised ?? false,
    nonPunishmentApplied: status?.nonPunishmentApplied ?? false,
  };
}

export function ProtectionStatusDialog(props: {
  view: CaseView;
  personId: string;
  statuses: z.output<typeof CaseProtection>['statuses'];
  onClose(): void;
  onSaved(message: string): void;
}) {
  const { t } = useI18n();
  const statusOf = (personId: string) => props.statuses.find((s) => s.personId === personId)?.status;
  const form = useApiForm(recordProtectionStatus, {
    schema: StatusForm,
    defaultValues: valuesOf(props.personId, statusOf(props.personId)),
    hints: {
      reflectionUntil: 'protection.status.reflectionOrder',
      returnRiskAssessedOn: 'protection.status.riskFirst',
      returnRiskLevel: 'protection.status.riskFirst',
      returnRequested: 'protection.status.requestedFirst',
      returnArranged: 'protection.status.arrangedFirst',
      returnedOn: 'protection.status.afterAssessment',
      residencyRequested: 'protection.status.requestedFirst',
      originCountry: 'intake.person.countryFormat',
      destinationCountry: 'intake.person.countryFormat',
    },
    toInput: ({ personId, ...body }) => ({ params: { id: props.view.id, personId }, body }),
    onSuccess: () => props.onSaved(t('protection.status.saved')),
  });
  const personId = form.watch('personId');
  // Choosing another person shows what is recorded for them.
  useEffect(() => {
    if (personId && personId !== form.formState.defaultValues?.personId)
      form.reset(valuesOf(personId, statusOf(personId)));
  }, [personId]);
  const returning = Boolean(form.watch('returnRequested') || form.watch('returnArranged'));
  const country = (name: 'originCountry' | 'destinationCountry', label: string) => (
    <FormText
      label={label}
      hint={t('intake.person.countryCodeHint')}
      name={name}
      blank="null"
      maxLength={2}
      autoCapitalize="characters"
      className="input--short"
      autoComplete="off"
    />
  );
  return (
    <FormDialog
      title={t('protection.status.title')}
      form={form}
      onClose={props.onClose}
      testId="protection-status-form"
    >
      <FormSelect msg="protection.person" name="personId" required>
        <PersonOptions view={props.view} empty={t('cases.choose')} />
      </FormSelect>

      <FormSection legend={t('protection.status.reflection')} hint={t('protection.status.reflectionHint')}>
        <FormText msg="protection.status.from" name="reflectionFrom" type="date" blank="null" />
        <FormText msg="protection.status.until" name="reflectionUntil" type="date" blank="null" />
      </FormSection>

      <FormSection
        legend={t('protection.status.nonPunishment')}
        hint={t('protection.status.nonPunishmentHint')}
      >
        <FormCheckbox msg="protection.status.penalised" name="penalised" />
        <FormCheckbox msg="protection.status.nonPunishmentApplied" name="nonPunishmentApplied" />
      </FormSection>

      <FormSection legend={t('protection.status.migration')}>
        {country('originCountry', t('protection.status.origin'))}
        {country('destinationCountry', t('protection.status.destination'))}
        <FormText
          msg="protection.status.consulate"
          name="consulate"
          blank="null"
          maxLength={200}
          autoComplete="off"
        />
        <FormCheckbox msg="protection.status.residencyRequested" name="residencyRequested" />
        <FormCheckbox msg="protection.status.residencyGranted" name="residencyGranted" />
      </FormSection>

      <FormSection legend={t('protection.status.return')} hint={t('protection.status.returnHint')}>
        <FormCheckbox msg="protection.status.returnRequested" name="returnRequested" />
        <FormCheckbox msg="protection.status.returnVoluntary" name="returnVoluntary" />
        {returning && (
          <>
            <FormText
              msg="protection.status.riskAssessedOn"
              name="returnRiskAssessedOn"
              type="date"
              blank="null"
            />
            <FormSelect msg="protection.status.riskLevel" name="returnRiskLevel" blank="null">
              <option value="">{t('cases.choose')}</option>
              {RETURN_RISK_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`protection.status.risk.${level}`)}
                </option>
              ))}
            </FormSelect>
            <FormCheckbox msg="protection.status.returnArranged" name="returnArranged" />
            <FormText msg="protection.status.returnedOn" name="returnedOn" type="date" blank="null" />
          </>
        )}
      </FormSection>
    </FormDialog>
  );
}

/**
 * What every form of the investigation page receives, and the form of one action on the
 * investigation: its contract called with the investigation's id (and the defendant's), checked
 * with the shared request schema, in a dialog titled and submitted with the action's name.
 */
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { InvestigationView } from '../../../shared/api-prosecution.js';
import type { AnyContract, ContractInput } from '../../../shared/contract.js';
import { FormDialog, useApiForm, type ApiForm, type ApiFormOptions } from '../../components/Form.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { PlainKey } from '../../i18n/catalogue.js';

export type Investigation = z.output<typeof InvestigationView>;
export type Suspect = Investigation['suspects'][number];

export interface FormProps {
  investigation: Investigation;
  onClose(): void;
  onSaved(message: string, next: Investigation): void;
}

/** Each action: the name of its dialog and button, and the form's test id. */
export const ACTIONS = {
  suspect: { label: 'prosecution.addSuspect', testId: 'suspect-form' },
  operation: { label: 'prosecution.recordOperation', testId: 'operation-form' },
  cooperation: { label: 'prosecution.recordCooperation', testId: 'cooperation-form' },
  charge: { label: 'prosecution.recordCharge', testId: 'charge-form' },
  stage: { label: 'prosecution.recordStage', testId: 'stage-form' },
  outcome: { label: 'prosecution.recordOutcome', testId: 'outcome-form' },
  linkCase: { label: 'prosecution.linkCase', testId: 'link-case-form' },
  instruct: { label: 'prosecution.instruct', testId: 'instruct-form' },
} as const satisfies Record<string, { label: PlainKey; testId: string }>;
export type ActionKind = keyof typeof ACTIONS;

type Options<C extends AnyContract, S extends z.ZodType> = Omit<
  ApiFormOptions<C, S>,
  'toInput' | 'onSuccess'
> & {
  /** The defendant the action is about, for the contracts under `/suspects/{suspectId}`. */
  suspectId?: string;
};

/** A form of one action: the answer (the investigation as it now is) goes to `onSaved` with `saved`. */
export function useInvestigationForm<
  C extends AnyContract,
  S extends z.ZodType = Extract<C['body'], z.ZodType>,
>(contract: C, props: FormProps, saved: PlainKey, { suspectId, ...options }: Options<C, S> = {}) {
  const { t } = useI18n();
  const params = { id: props.investigation.id, ...(suspectId ? { suspectId } : {}) };
  return useApiForm<C, S>(contract, {
    ...options,
    toInput: (body) => ({ params, body }) as ContractInput<C>,
    onSuccess: (next) => props.onSaved(t(saved), next as Investigation),
  });
}

/** The dialog of one action's form. */
export function ActionDialog<S extends z.ZodType>({
  kind,
  form,
  onClose,
  children,
}: {
  kind: ActionKind;
  form: ApiForm<S>;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { label, testId } = ACTIONS[kind];
  return (
    <FormDialog title={t(label)} form={form} submitLabel={t(label)} onClose={onClose} testId={testId}>
      {children}
    </FormDialog>
  );
}

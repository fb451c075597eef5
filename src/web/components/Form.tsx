/**
 * Forms on react-hook-form, validated with the shared zod schema of the request (the rules the
 * server applies), messages in the user's language. `useApiForm` ties a form to one contract: it
 * submits a plain input through the query layer's mutation, and puts the server's field issues
 * (`body.x`) on their fields. `<Form>` renders the form and its live region; `<FormDialog>` is a
 * form in a modal dialog with Save and Cancel.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import {
  FormProvider,
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import type { AnyContract, ContractInput, ContractOutput } from '../../shared/contract.js';
import { isIssueCode } from '../../shared/issue-messages/index.js';
import { ApiError, toApiError } from '../api.js';
import { useApiMutation } from '../queries.js';
import { issueField, issueMessage, type FormatHints } from '../forms.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { FormActions } from './FormActions.js';
import { FormSchemaContext } from './FormFields.js';
import { Modal } from './Modal.js';

/** Starting values: the schema's input, where a select may start empty (''). */
export type FormDefaults<S extends z.ZodType> = { [K in keyof z.input<S>]?: z.input<S>[K] | '' | null };

export interface ZodFormOptions<S extends z.ZodType> {
  defaultValues?: FormDefaults<S>;
  /** Per-field message for a format the field expects (zod describes patterns in English only). */
  hints?: FormatHints;
  /** Turns the fields' values into the schema's input when their shape differs (before checking). */
  prepare?: (values: z.input<S>) => unknown;
  /** The form field that shows a request field's error, where `prepare` renamed it. */
  shownOn?: Partial<Record<string, string>>;
}

type In<S extends z.ZodType> = z.input<S> & FieldValues;
type Out<S extends z.ZodType> = z.output<S> & FieldValues;

export type ZodForm<S extends z.ZodType> = UseFormReturn<In<S>, unknown, Out<S>> & {
  /** The schema the fields are checked with (their text limits come from it). */
  schema: S;
  /** The last server (or network) error, shown in the form's live region. */
  serverError: ApiError | null;
  setServerError(error: ApiError | null): void;
};

/** A form checked with `schema`, each message translated and placed on its field. */
export function useZodForm<S extends z.ZodType>(
  schema: S,
  { defaultValues, hints = {}, prepare, shownOn = {} }: ZodFormOptions<S> = {},
): ZodForm<S> {
  const { t } = useI18n();
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const check = zodResolver(schema as never, {
    error: (issue: z.core.$ZodRawIssue) => ({
      message: issueMessage(issue, t, hints[(issue.path ?? []).map(String).join('.')]),
    }),
  }) as unknown as Resolver<In<S>, unknown, Out<S>>;
  // A rule or format with its own message skips the error map: its hint, when given, wins.
  const resolver: Resolver<In<S>, unknown, Out<S>> = async (values, context, options) => {
    const result = await check((prepare ? prepare(values) : values) as In<S>, context, options);
    const errors = result.errors as Record<string, { type?: string; message?: string } | undefined>;
    for (const field of Object.keys(errors)) {
      let error = errors[field];
      // A list typed as one field (codes separated by commas): its first bad item shows on it.
      if (Array.isArray(error))
        error = (error as ({ type?: string; message?: string } | undefined)[]).find(Boolean);
      const hint = hints[field];
      if (error && hint && (error.type === 'custom' || error.type === 'invalid_format'))
        error.message = t(hint);
      // Otherwise its own message is a code of src/shared/issue-messages.ts: that code's text.
      else if (error?.message !== undefined && isIssueCode(error.message)) error.message = t(error.message);
      const target = shownOn[field] ?? field;
      if (target !== field) delete errors[field];
      errors[target] = error;
    }
    return result;
  };
  const form = useForm<In<S>, unknown, Out<S>>({
    resolver,
    defaultValues: defaultValues as DefaultValues<In<S>>,
  });
  return Object.assign(form, { schema, serverError, setServerError });
}

/** Puts an error answer on the form: its message in the live region, its issues on their fields. */
export function showServerError<S extends z.ZodType>(form: ZodForm<S>, error: unknown): void {
  const apiError = toApiError(error);
  form.setServerError(apiError);
  let first = true;
  for (const issue of apiError.issues) {
    const field = issueField(issue.path);
    if (!field) continue;
    form.setError(field as Path<In<S>>, { type: 'server', message: issue.message }, { shouldFocus: first });
    first = false;
  }
}

export interface ApiFormOptions<C extends AnyContract, S extends z.ZodType> extends ZodFormOptions<S> {
  /** The schema of the fields; the contract's body schema unless given. */
  schema?: S;
  /** The contract's input from the checked values; `{ body: values }` unless given. */
  toInput?: (values: z.output<S>) => ContractInput<C>;
  onSuccess?: (result: ContractOutput<C>, values: z.output<S>) => void;
  /** An error answer the form handles itself (true), instead of showing it. */
  onError?: (error: ApiError) => boolean;
}

export type ApiForm<S extends z.ZodType> = ZodForm<S> & {
  /** The form's submit handler: check, call, then `onSuccess` or the error on the form. */
  onSubmit(event?: React.BaseSyntheticEvent): Promise<void>;
  pending: boolean;
};

/** A form that calls `contract` with what the user typed, checked with the shared schema first. */
export function useApiForm<C extends AnyContract, S extends z.ZodType = Extract<C['body'], z.ZodType>>(
  contract: C,
  options: ApiFormOptions<C, S> = {},
): ApiForm<S> {
  const schema = (options.schema ?? contract.body) as S;
  const form = useZodForm(schema, options);
  const mutation = useApiMutation(contract);
  const onSubmit = form.handleSubmit(async (values) => {
    form.setServerError(null);
    const input = options.toInput ? options.toInput(values) : ({ body: values } as ContractInput<C>);
    try {
      const result = await mutation.mutateAsync(input);
      options.onSuccess?.(result, values);
    } catch (error) {
      if (!options.onError?.(toApiError(error))) showServerError(form, error);
    }
  });
  return Object.assign(form, { onSubmit, pending: mutation.isPending || form.formState.isSubmitting });
}

/** What the form's live region says: the server's message, or that fields need fixing. */
export function useFormAlert(form: Pick<ZodForm<z.ZodType>, 'serverError' | 'formState'>): string | null {
  const { t } = useI18n();
  const errors = form.formState.errors;
  if (form.serverError) return form.serverError.message;
  if (errors.root?.message) return errors.root.message;
  // A rule about the request as a whole (nothing to change, say) has the empty path.
  const whole = (errors as Record<string, { message?: string } | undefined>)[''];
  if (whole?.message) return whole.message;
  return Object.keys(errors).length > 0 ? t('error.formInvalid') : null;
}

interface FormProps<S extends z.ZodType> {
  form: ZodForm<S>;
  onSubmit(event?: React.BaseSyntheticEvent): unknown;
  className?: string;
  testId?: string;
  'aria-label'?: string;
  role?: string;
  children: ReactNode;
}

/** The `<form>` element with its fields' context. */
export function Form<S extends z.ZodType>({
  form,
  onSubmit,
  className = 'form',
  testId,
  children,
  ...rest
}: FormProps<S>) {
  return (
    <FormProvider {...(form as unknown as UseFormReturn)}>
      <FormSchemaContext.Provider value={form.schema}>
        <form
          className={className}
          noValidate
          data-testid={testId}
          onSubmit={(event) => void onSubmit(event)}
          {...rest}
        >
          {children}
        </form>
      </FormSchemaContext.Provider>
    </FormProvider>
  );
}

interface FormDialogProps<S extends z.ZodType> {
  title: string;
  form: ApiForm<S>;
  /** The submit button's words; "Save" unless given. */
  submitLabel?: string;
  onClose(): void;
  testId?: string;
  /** Shown instead of the form once it has done its work (a link to hand over, say). */
  done?: ReactNode;
  children: ReactNode;
}

/** A form in a modal dialog: fields, the live region, the submit button and Cancel. */
export function FormDialog<S extends z.ZodType>({
  title,
  form,
  submitLabel,
  onClose,
  testId,
  done,
  children,
}: FormDialogProps<S>) {
  const { t } = useI18n();
  const alert = useFormAlert(form);
  return (
    <Modal title={title} onClose={onClose}>
      {done ?? (
        <Form form={form} onSubmit={form.onSubmit} testId={testId}>
          {children}
          <FormActions
            alert={alert}
            pending={form.pending}
            submitLabel={submitLabel ?? t('action.save')}
            onCancel={onClose}
          />
        </Form>
      )}
    </Modal>
  );
}

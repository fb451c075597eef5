/**
 * Form validation with the shared zod schemas: the same rules the server applies, with messages
 * in the user's language keyed by field name so each shows next to its field.
 */
import type { z } from 'zod';
import type { ApiError } from './api.js';
import type { PlainKey, Translate } from './i18n/catalogue.js';

/** Messages by field name; `_form` holds an error that belongs to no single field. */
export type FieldErrors = Partial<Record<string, string>>;

/** Per-field message for a pattern mismatch, which zod only describes in English. */
export type FormatHints = Partial<Record<string, PlainKey>>;

export const FORM_ERROR = '_form';

/** One zod issue as a translated message; `hint` explains a format the field expects. */
export function issueMessage(issue: z.core.$ZodRawIssue, t: Translate, hint: PlainKey | undefined): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin !== 'string') return t('error.invalid');
      return Number(issue.minimum) <= 1
        ? t('error.required')
        : t('error.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('error.tooLong', { max: Number(issue.maximum) })
        : t('error.invalid');
    case 'invalid_format':
      if (hint) return t(hint);
      if (issue.format === 'email') return t('error.email');
      if (issue.format === 'uuid') return t('error.uuid');
      if (issue.format === 'datetime') return t('error.date');
      return t('error.invalid');
    case 'invalid_value':
      return t('error.choose');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('error.required') : t('error.invalid');
    default:
      return hint ? t(hint) : t('error.invalid');
  }
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Parses `input` with `schema`; on failure, one translated message per field (the first issue). */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  t: Translate,
  hints: FormatHints = {},
): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || FORM_ERROR;
    errors[field] ??= issueMessage(issue as z.core.$ZodRawIssue, t, hints[field]);
  }
  return { ok: false, errors };
}

/**
 * The form field a server issue is about: `body.official.institutionId` → `official.institutionId`
 * (the request part is dropped), or null for an issue about the request as a whole.
 */
export function issueField(path: string): string | null {
  const parts = path.split(/[./]/).filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
  return parts.length > 0 ? parts.join('.') : null;
}

/** Field errors the server reported (`issues`), for the fields this form shows. */
export function serverFieldErrors(error: ApiError, fields: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.split(/[./]/).filter(Boolean).pop() ?? '';
    if (fields.includes(field)) errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * The checks a set-password form adds to its schema: a bad token is the link's fault (no field
 * shows it), and the confirmation must match.
 */
export function passwordFormErrors(
  errors: FieldErrors,
  password: string,
  confirm: string,
  t: Translate,
): FieldErrors {
  const result = { ...errors };
  if (result.token) {
    delete result.token;
    result[FORM_ERROR] = t('error.linkInvalid');
  }
  if (password !== confirm && !result.password) result.confirm = t('error.passwordMismatch');
  return result;
}

/**
 * Form validation with the shared zod schemas: the same rules the server applies, with messages
 * in the user's language keyed by field name so each shows next to its field.
 */
import type { z } from 'zod';
import { isIssueCode } from '../shared/issue-messages/index.js';
import type { PlainKey, Translate } from './i18n/catalogue.js';

/** Per-field message for a pattern mismatch, which zod only describes in English. */
export type FormatHints = Partial<Record<string, PlainKey>>;

/** One zod issue as a translated message; `hint` explains a format the field expects. */
export function issueMessage(issue: z.core.$ZodRawIssue, t: Translate, hint: PlainKey | undefined): string {
  // A shared schema's own check names a code of src/shared/issue-messages.ts: its specific text.
  const code = issue.message !== undefined && isIssueCode(issue.message) ? issue.message : undefined;
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
      if (code) return t(code);
      if (issue.format === 'email') return t('error.email');
      if (issue.format === 'uuid') return t('error.uuid');
      if (issue.format === 'datetime') return t('error.date');
      return t('error.invalid');
    case 'invalid_value':
      return t('error.choose');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('error.required') : t('error.invalid');
    default:
      if (code) return t(code);
      return hint ? t(hint) : t('error.invalid');
  }
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

/** The zod type under the wrappers that do not change what a field holds (optional, default, pipe…). */
function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth += 1) {
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
  return current;
}

/**
 * The longest text the schema accepts at a form field's path (`person.givenNames`, `events.0.type`),
 * so an input's `maxLength` is the server's own limit rather than a number typed again; undefined
 * where the path is not a string with a maximum.
 */
export function stringLimit(schema: z.core.$ZodType | undefined, path: string): number | undefined {
  let current = unwrap(schema);
  for (const part of path.split('.')) {
    const def = current?._zod.def as
      { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType } | undefined;
    if (def?.type === 'object') current = unwrap(def.shape?.[part]);
    else if (def?.type === 'array' && /^\d+$/.test(part)) current = unwrap(def.element);
    else return undefined;
  }
  const limit = (current as { maxLength?: number | null } | undefined)?.maxLength;
  return current?._zod.def.type === 'string' && typeof limit === 'number' ? limit : undefined;
}

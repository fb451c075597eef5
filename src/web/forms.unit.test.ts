/** Client-side validation speaks the user's language, field by field. */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateUnitRequest, SetupRequest } from '../shared/api.js';
import { issueField, issueMessage, stringLimit, type FormatHints } from './forms.js';
import type { Translate } from './i18n/catalogue.js';
import { loadCatalogue, translator } from './i18n/translate.js';

beforeAll(async () => {
  await Promise.all([loadCatalogue('es'), loadCatalogue('gn')]);
});

const t = translator('es');

/** The first issue of each field, as the form shows it. */
function messages(schema: z.ZodType, input: unknown, translate: Translate, hints: FormatHints = {}) {
  const result = schema.safeParse(input);
  const shown: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path.map(String).join('.');
    shown[field] ??= issueMessage(issue as z.core.$ZodRawIssue, translate, hints[field]);
  }
  return shown;
}

describe('issueMessage', () => {
  it('gives one translated message per field', () => {
    const shown = messages(
      SetupRequest,
      { token: 'x'.repeat(20), username: 'a b', displayName: '', password: 'short' },
      t,
      { username: 'error.usernameFormat' },
    );
    expect(shown).toEqual({
      username: 'Use solo letras sin acentos, números, punto, guion y guion bajo.',
      displayName: 'Este campo es obligatorio.',
      password: 'Debe tener al menos 12 caracteres.',
    });
  });

  it('explains pattern errors with the hint for the field', () => {
    const shown = messages(
      CreateUnitRequest,
      { code: 'a', name: 'x', department: 'PY-XX' },
      translator('gn'),
      {
        code: 'error.codeFormat',
        department: 'error.choose',
      },
    );
    expect(shown.department).toBe("Eiporavo peteĩ mba'e lístagui.");
  });
});

describe('issueField', () => {
  it('drops the request part of a server issue path', () => {
    expect(issueField('body.official.institutionId')).toBe('official.institutionId');
    expect(issueField('query/page')).toBe('page');
    expect(issueField('body')).toBeNull();
  });
});

describe('stringLimit', () => {
  it("reads a field's maximum length from the shared schema, through nesting and wrappers", () => {
    const schema = z.object({
      name: z.string().trim().max(120),
      note: z.string().max(2000).nullable().optional(),
      person: z.object({ givenNames: z.string().min(1).max(80) }),
      events: z.array(z.object({ country: z.string().length(2).default('PY') })),
      count: z.number().max(5),
      free: z.string(),
    });
    expect(stringLimit(schema, 'name')).toBe(120);
    expect(stringLimit(schema, 'note')).toBe(2000);
    expect(stringLimit(schema, 'person.givenNames')).toBe(80);
    expect(stringLimit(schema, 'events.0.country')).toBe(2);
    expect(stringLimit(schema, 'count')).toBeUndefined();
    expect(stringLimit(schema, 'free')).toBeUndefined();
    expect(stringLimit(schema, 'missing.path')).toBeUndefined();
  });

  it("reads a request schema of the API (a unit's code is at most 48 characters)", () => {
    expect(stringLimit(CreateUnitRequest, 'code')).toBe(48);
  });
});

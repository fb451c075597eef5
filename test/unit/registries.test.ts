/** The registries the compiler checks names against: audit actions, error codes, encrypted columns. */
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, AUDIT_EVENTS, PURPOSES } from '../../src/shared/actions.js';
import { messages } from '../../src/server/core/messages.js';
import { ALL_ACTIONS } from '../../src/server/access/policies.js';
import { ENCRYPTED_COLUMNS, contextOf } from '../../src/server/crypto/registry.js';

describe('registries', () => {
  it('the policies hold a rule for exactly the actions named in src/shared/actions.ts', () => {
    expect([...ALL_ACTIONS].sort()).toEqual([...ACTION_NAMES].sort());
  });

  it('audit events are named once and never shadow a policy action', () => {
    expect(new Set(AUDIT_EVENTS).size).toBe(AUDIT_EVENTS.length);
    for (const event of AUDIT_EVENTS) expect(ACTION_NAMES as readonly string[]).not.toContain(event);
    expect(new Set(PURPOSES).size).toBe(PURPOSES.length);
  });

  it('every error code has a message in Spanish, Guaraní and English', () => {
    for (const [code, text] of Object.entries(messages)) {
      // An error code in snake_case, or a field issue's code of src/shared/issue-messages (issue.camelCase).
      expect(code).toMatch(/^(?:[a-z][a-z0-9_]*|issue\.[a-z][a-zA-Z0-9]*)$/);
      for (const locale of ['es', 'gn', 'en'] as const) expect(text[locale].trim().length).toBeGreaterThan(0);
    }
  });

  it('every encrypted column is listed once, with its table.column context', () => {
    const contexts = ENCRYPTED_COLUMNS.map(contextOf);
    expect(new Set(contexts).size).toBe(contexts.length);
    expect(contexts).toContain('persons.given_names');
    expect(contexts).toContain('investigation_suspects.official_position');
  });
});

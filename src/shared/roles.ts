/** Roles a user can hold. One role per user; permissions per role live in src/server/access/policies.ts. */
export const ROLES = [
  'system_admin',
  'institution_admin',
  'case_worker',
  'supervisor',
  'prosecutor',
  'analyst',
  'dpo',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must use TOTP two-factor authentication. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['system_admin', 'institution_admin'];

export const LOCALES = ['es', 'gn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

/** Password rules shared by the server and the web forms. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

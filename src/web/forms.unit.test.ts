/** Client-side validation speaks the user's language, field by field. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateUnitRequest, LoginRequest, SetupRequest, UpdateUserRequest } from '../shared/api.js';
import { ApiError } from './api.js';
import { FORM_ERROR, passwordFormErrors, serverFieldErrors, validate } from './forms.js';
import { loadCatalogue, translator } from './i18n/translate.js';

beforeAll(async () => {
  await Promise.all([loadCatalogue('es'), loadCatalogue('gn')]);
});

const t = translator('es');

describe('validate', () => {
  it('returns the parsed data when valid', () => {
    expect(validate(LoginRequest, { username: ' ana ', password: 'x' }, t)).toEqual({
      ok: true,
      data: { username: 'ana', password: 'x' },
    });
  });

  it('gives one translated message per field', () => {
    const result = validate(
      SetupRequest,
      { token: 'x'.repeat(20), username: 'a b', displayName: '', password: 'short' },
      t,
      {
        username: 'error.usernameFormat',
      },
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        username: 'Use solo letras sin acentos, números, punto, guion y guion bajo.',
        displayName: 'Este campo es obligatorio.',
        password: 'Debe tener al menos 12 caracteres.',
      },
    });
  });

  it('explains pattern errors with the hint for the field', () => {
    const result = validate(
      CreateUnitRequest,
      { code: 'a', name: 'x', department: 'PY-XX' },
      translator('gn'),
      {
        code: 'error.codeFormat',
        department: 'error.choose',
      },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.department).toBe("Eiporavo peteĩ mba'e lístagui.");
  });

  it('puts errors about the whole form under FORM_ERROR', () => {
    const result = validate(UpdateUserRequest, {}, t);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual([FORM_ERROR]);
  });
});

describe('passwordFormErrors', () => {
  it('blames the link for a bad token and checks the confirmation', () => {
    expect(passwordFormErrors({ token: 'x' }, 'a-long-password', 'different', t)).toEqual({
      [FORM_ERROR]: 'El enlace no es válido. Pida uno nuevo.',
      confirm: 'Las contraseñas no coinciden.',
    });
  });
});

describe('serverFieldErrors', () => {
  it('maps the server issue paths onto the form fields', () => {
    const error = new ApiError(400, 'validation_failed', 'Revise', [
      { path: 'body.username', message: 'ya existe' },
      { path: 'body.other', message: 'ignored' },
    ]);
    expect(serverFieldErrors(error, ['username'])).toEqual({ username: 'ya existe' });
  });
});

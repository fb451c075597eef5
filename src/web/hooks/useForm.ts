/** State shared by every form: field errors, the server's answer, and whether it is busy. */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { toApiError, type ApiError } from '../api.js';
import { FORM_ERROR, serverFieldErrors, type FieldErrors } from '../forms.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface FormState {
  formRef: RefObject<HTMLFormElement | null>;
  errors: FieldErrors;
  /** The last server (or network) error, for the form's live region. */
  serverError: ApiError | null;
  /** What the form's alert region says: the server's message, or that fields need fixing. */
  alert: string | null;
  pending: boolean;
  /** Shows client-side errors and moves focus to the first invalid field. */
  showErrors(errors: FieldErrors): void;
  /**
   * Runs a request with `pending` set; on failure keeps the error (and any field issues for
   * `fields`) and resolves to undefined.
   */
  submit<T>(request: () => Promise<T>, fields?: readonly string[]): Promise<T | undefined>;
  reset(): void;
}

export function useForm(): FormState {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const showErrors = useCallback((next: FieldErrors) => {
    setErrors(next);
    setServerError(null);
    setFocusRequest((n) => n + 1);
  }, []);

  const submit = useCallback(async <T>(request: () => Promise<T>, fields: readonly string[] = []) => {
    setPending(true);
    setErrors({});
    setServerError(null);
    try {
      return await request();
    } catch (error) {
      const apiError = toApiError(error);
      setServerError(apiError);
      const fieldErrors = serverFieldErrors(apiError, fields);
      if (Object.keys(fieldErrors).length > 0) {
        setErrors(fieldErrors);
        setFocusRequest((n) => n + 1);
      }
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);

  const reset = useCallback(() => {
    setErrors({});
    setServerError(null);
  }, []);

  const alert =
    serverError?.message ??
    errors[FORM_ERROR] ??
    (Object.keys(errors).length > 0 ? t('error.formInvalid') : null);
  return { formRef, errors, serverError, alert, pending, showErrors, submit, reset };
}

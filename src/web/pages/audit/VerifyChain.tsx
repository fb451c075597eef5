/** Re-checks the audit log's hash chain on the server and reports where it breaks, if anywhere. */
import { useState } from 'react';
import type { z } from 'zod';
import type { AuditVerifyResult } from '../../../shared/api.js';
import * as api from '../../api-legacy.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export function VerifyChain() {
  const { t } = useI18n();
  const form = useForm();
  const [result, setResult] = useState<z.output<typeof AuditVerifyResult> | null>(null);

  async function verify() {
    setResult(null);
    const answer = await form.submit(api.verifyAuditChain);
    if (answer) setResult(answer);
  }

  let message: string | null = null;
  if (result?.ok) message = t('audit.verifyOk', { checked: result.checked });
  else if (result) {
    message = t('audit.verifyBroken', {
      seq: result.firstBrokenSeq ?? '?',
      checked: result.checked,
      reason: result.reason ?? t('common.none'),
    });
  }

  return (
    <div className="verify-chain">
      <button
        type="button"
        className="btn"
        onClick={verify}
        disabled={form.pending}
        data-testid="audit-verify"
      >
        {form.pending ? t('action.working') : t('audit.verify')}
      </button>
      <div role="status" aria-live="polite" aria-atomic="true">
        {message && (
          <p
            className={result?.ok ? 'notice notice--success' : 'notice notice--error'}
            data-testid="audit-verify-result"
          >
            {message}
          </p>
        )}
      </div>
      <div role="alert">
        {form.serverError && <p className="notice notice--error">{form.serverError.message}</p>}
      </div>
    </div>
  );
}

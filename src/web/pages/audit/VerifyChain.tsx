/** Re-checks the audit log's hash chain on the server and reports where it breaks, if anywhere. */
import { verifyAuditChain } from '../../../shared/contracts/audit.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';

export function VerifyChain() {
  const { t } = useI18n();
  // On demand only: each press checks the whole chain again.
  const verify = useApiQuery(verifyAuditChain, {}, { enabled: false, retry: false });
  const result = verify.isFetching ? undefined : verify.data;

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
        onClick={() => void verify.refetch()}
        disabled={verify.isFetching}
        data-testid="audit-verify"
      >
        {verify.isFetching ? t('action.working') : t('audit.verify')}
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
        {verify.error && !verify.isFetching && <p className="notice notice--error">{verify.error.message}</p>}
      </div>
    </div>
  );
}

/**
 * A read-only value with a copy button, for links and secrets shown once. The value wraps instead
 * of scrolling so it can be read in full and typed into another device.
 */
import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

interface Props {
  label: string;
  value: string;
  /** What the button copies when it differs from what is shown (a secret shown in groups). */
  copyValue?: string;
  className?: string;
  testId?: string;
}

export function CopyField({ label, value, copyValue, className, testId }: Props) {
  const { t } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    const text = copyValue ?? value;
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      // The clipboard API needs a secure context; plain-HTTP deployments fall back to selecting.
      inputRef.current?.select();
      setStatus(document.execCommand?.('copy') ? 'copied' : 'failed');
    }
  }

  return (
    <div className={`field copy-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        <textarea
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          rows={Math.min(4, Math.ceil(value.length / 36))}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          data-testid={testId}
        />
        <button type="button" className="btn" onClick={copy}>
          {t('action.copy')}
        </button>
      </div>
      <p className="field-hint" role="status" aria-live="polite">
        {status === 'copied' ? t('action.copied') : status === 'failed' ? t('action.copyFailed') : ''}
      </p>
    </div>
  );
}

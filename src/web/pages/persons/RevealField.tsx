/**
 * A field that came masked (its sensitivity label is not one the reader's role needs,
 * src/shared/sensitivity.ts): "hidden" and a Show button; showing it asks for the purpose, which the
 * server writes to the audit trail with the field's name (never the value).
 */
import { CancelButton } from '../../components/FormActions.js';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { revealPersonFields } from '../../../shared/contracts/persons.js';
import { REVEAL_PURPOSES, sensitivityOf, type RevealablePersonField } from '../../../shared/sensitivity.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Modal } from '../../components/Modal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiMutation } from '../../queries.js';

interface Props {
  personId: string;
  field: RevealablePersonField;
  /** The field's name as the page labels it. */
  label: string;
  onRevealed(value: string | null): void;
}

export function RevealField({ personId, field, label, onRevealed }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const selectId = useId();
  const choice = useForm<{ purpose: (typeof REVEAL_PURPOSES)[number] }>({
    defaultValues: { purpose: 'case_management' },
  });
  const reveal = useApiMutation(revealPersonFields, {
    onSuccess: (result) => {
      setAsking(false);
      onRevealed(result.values.find((v) => v.field === field)?.value ?? null);
    },
  });
  return (
    <span className="masked" data-testid={`masked-${field}`}>
      <span className="masked-value">
        {t('privacy.masked', { label: t(`privacy.label.${sensitivityOf(field)!}`) })}
      </span>{' '}
      <button
        type="button"
        className="btn btn--small"
        aria-label={t('privacy.revealNamed', { field: label })}
        onClick={() => setAsking(true)}
      >
        {t('privacy.reveal')}
      </button>
      {asking && (
        <Modal title={t('privacy.revealTitle', { field: label })} onClose={() => setAsking(false)}>
          <div className="form">
            <p>{t('privacy.revealIntro')}</p>
            <div className="field">
              <label htmlFor={selectId}>{t('privacy.revealPurpose')}</label>
              <select id={selectId} {...choice.register('purpose')}>
                {REVEAL_PURPOSES.map((p) => (
                  <option key={p} value={p}>
                    {t(`privacy.purpose.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <LiveRegion error={reveal.error?.message ?? null} />
            <div className="form-actions">
              <button
                type="button"
                className="btn btn--primary"
                disabled={reveal.isPending}
                onClick={() =>
                  reveal.mutate({
                    params: { id: personId },
                    body: { fields: [field], purpose: choice.getValues('purpose') },
                  })
                }
              >
                {reveal.isPending ? t('action.working') : t('privacy.revealConfirm')}
              </button>
              <CancelButton onCancel={() => setAsking(false)} />
            </div>
          </div>
        </Modal>
      )}
    </span>
  );
}

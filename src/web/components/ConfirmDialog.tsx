/**
 * Asks before a write that needs no form (revoke a share, withdraw a consent): the question, the
 * button that does it (saying it is working while the request runs) and Cancel; a failure shows in
 * the dialog's live region.
 */
import { CancelButton } from './FormActions.js';
import type { AnyContract, ContractInput, ContractOutput } from '../../shared/contract.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApiMutation } from '../queries.js';
import { LiveRegion } from './LiveRegion.js';
import { Modal } from './Modal.js';

interface Props<C extends AnyContract> {
  title: string;
  question: string;
  confirmLabel: string;
  contract: C;
  input: ContractInput<C>;
  onClose(): void;
  onDone(result: ContractOutput<C>): void;
}

export function ConfirmDialog<C extends AnyContract>(props: Props<C>) {
  const { t } = useI18n();
  const mutation = useApiMutation(props.contract, { onSuccess: (result) => props.onDone(result) });
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <div className="form">
        <p className="confirm">{props.question}</p>
        <LiveRegion error={mutation.error?.message ?? null} />
        <div className="form-actions">
          <button
            type="button"
            className="btn btn--danger"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate(props.input)}
          >
            {mutation.isPending ? t('action.working') : props.confirmLabel}
          </button>
          <CancelButton onCancel={props.onClose} />
        </div>
      </div>
    </Modal>
  );
}

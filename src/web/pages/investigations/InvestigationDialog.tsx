/** The dialog of one action on an investigation: which form it shows, under which title. */
import { Modal } from '../../components/Modal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { FormProps } from './types.js';
import { ChargeForm, OutcomeForm, StageForm } from './DefendantForms.js';
import { InstructForm, LinkCaseForm } from './LinkForms.js';
import { CooperationForm, OperationForm, SuspectForm } from './RecordForms.js';

export type DialogKind =
  | { kind: 'suspect' | 'operation' | 'cooperation' | 'linkCase' | 'instruct' }
  | { kind: 'charge' | 'stage' | 'outcome'; suspectId: string };

export type { FormProps } from './types.js';

export function InvestigationDialog(props: FormProps & { dialog: DialogKind }) {
  const { t } = useI18n();
  const { dialog, ...form } = props;
  const titles = {
    suspect: t('prosecution.addSuspect'),
    operation: t('prosecution.recordOperation'),
    cooperation: t('prosecution.recordCooperation'),
    charge: t('prosecution.recordCharge'),
    stage: t('prosecution.recordStage'),
    outcome: t('prosecution.recordOutcome'),
    linkCase: t('prosecution.linkCase'),
    instruct: t('prosecution.instruct'),
  };
  const suspect =
    'suspectId' in dialog ? props.investigation.suspects.find((s) => s.id === dialog.suspectId) : undefined;
  return (
    <Modal title={titles[dialog.kind]} onClose={props.onClose}>
      {dialog.kind === 'suspect' && <SuspectForm {...form} />}
      {dialog.kind === 'operation' && <OperationForm {...form} />}
      {dialog.kind === 'cooperation' && <CooperationForm {...form} />}
      {dialog.kind === 'linkCase' && <LinkCaseForm {...form} />}
      {dialog.kind === 'instruct' && <InstructForm {...form} />}
      {suspect && dialog.kind === 'charge' && <ChargeForm {...form} suspect={suspect} />}
      {suspect && dialog.kind === 'stage' && <StageForm {...form} suspect={suspect} />}
      {suspect && dialog.kind === 'outcome' && <OutcomeForm {...form} suspect={suspect} />}
    </Modal>
  );
}

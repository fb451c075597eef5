/** The dialog of one action on an investigation: the form of that action. */
import { ChargeForm, OutcomeForm, StageForm } from './DefendantForms.js';
import type { FormProps } from './form.js';
import { InstructForm, LinkCaseForm } from './LinkForms.js';
import { CooperationForm, OperationForm, SuspectForm } from './RecordForms.js';

export type DialogKind =
  | { kind: 'suspect' | 'operation' | 'cooperation' | 'linkCase' | 'instruct' }
  | { kind: 'charge' | 'stage' | 'outcome'; suspectId: string };

const FORMS = {
  suspect: SuspectForm,
  operation: OperationForm,
  cooperation: CooperationForm,
  linkCase: LinkCaseForm,
  instruct: InstructForm,
};
const DEFENDANT_FORMS = { charge: ChargeForm, stage: StageForm, outcome: OutcomeForm };

export function InvestigationDialog({ dialog, ...props }: FormProps & { dialog: DialogKind }) {
  if (!('suspectId' in dialog)) {
    const Form = FORMS[dialog.kind];
    return <Form {...props} />;
  }
  const suspect = props.investigation.suspects.find((s) => s.id === dialog.suspectId);
  const Form = DEFENDANT_FORMS[dialog.kind];
  return suspect ? <Form {...props} suspect={suspect} /> : null;
}

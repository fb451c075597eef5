/**
 * Investigation rows → API objects. Suspects' identity and the free texts are decrypted here, only
 * for investigations the caller may see; linked cases show their reference only when the caller may
 * read the case, and victims appear as ids (their identity stays behind the case's access rules).
 */
import type { z } from 'zod';
import type { InvestigationView, SuspectView } from '../../../shared/api-prosecution.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type {
  chargesOf,
  InvestigationRow,
  outcomesOf,
  stagesOf,
  SuspectRow,
} from './investigations.repository.js';
import { checkOutcome, nextStages, type Stage, type StageRecord } from './stage-machine.js';
import type { EncryptedColumnOf } from '../../crypto/registry.js';

type Suspect = z.input<typeof SuspectView>;
type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const money = (value: string | null) => (value === null ? null : Number(value));

/** A defendant's stages as the state machine reads them. */
export function stageRecords(rows: Rows<typeof stagesOf>): StageRecord[] {
  return rows.map((row) => ({ stage: row.stage as Stage, occurredOn: row.occurred_on }));
}

export function presentSuspect(
  crypto: FieldCrypto,
  row: SuspectRow,
  related: {
    charges: Rows<typeof chargesOf>;
    stages: Rows<typeof stagesOf>;
    outcomes: Rows<typeof outcomesOf>;
    mayProsecute: boolean;
  },
): Suspect {
  const dec = (value: string | null, column: EncryptedColumnOf<'investigation_suspects'>) =>
    crypto.decryptNullable(value, `investigation_suspects.${column}`);
  const aliases = dec(row.aliases, 'aliases');
  const history = stageRecords(related.stages);
  const last = history.at(-1);
  const outcome = related.outcomes.at(-1);
  // An outcome of the current stage is already recorded: no second one for the same stage.
  const currentHasOutcome = outcome !== undefined && related.stages.at(-1)?.id === outcome.stage_id;
  const mayRecordOutcome =
    related.mayProsecute &&
    !currentHasOutcome &&
    last !== undefined &&
    checkOutcome(history, last.stage === 'sobreseimiento' ? 'dismissed' : 'convicted', last.occurredOn) ===
      null;
  return {
    id: row.id,
    givenNames: crypto.decrypt(row.given_names, 'investigation_suspects.given_names'),
    surnames: dec(row.surnames, 'surnames'),
    aliases: aliases === null ? [] : (JSON.parse(aliases) as string[]),
    documentNumber: dec(row.document_number, 'document_number'),
    sex: row.sex as Suspect['sex'],
    birthYear: row.birth_year,
    nationality: row.nationality,
    roles: row.roles as Suspect['roles'],
    official:
      row.official_kind && row.official_institution_id
        ? {
            kind: row.official_kind as NonNullable<Suspect['official']>['kind'],
            institution: {
              id: row.official_institution_id,
              code: row.official_institution_code ?? '',
              name: row.official_institution_name ?? '',
            },
            position: dec(row.official_position, 'official_position'),
          }
        : null,
    charges: related.charges.map((charge) => ({
      id: charge.id,
      provisionId: charge.provision_id,
      provisionCode: charge.code,
      label: { es: charge.label_es, gn: charge.label_gn, en: charge.label_en },
      chargedOn: charge.charged_on,
      factsOn: charge.facts_on,
      articleUnconfirmed: charge.article_unconfirmed,
      outcome:
        charge.outcome === null || charge.outcome_on === null
          ? null
          : {
              outcome: charge.outcome as 'convicted' | 'acquitted' | 'dismissed',
              decidedOn: charge.outcome_on,
              sentenceMonths: charge.sentence_months,
              suspended: charge.suspended,
            },
    })),
    stages: related.stages.map((stage) => ({
      id: stage.id,
      stage: stage.stage as Stage,
      occurredOn: stage.occurred_on,
    })),
    currentStage: last?.stage ?? null,
    nextStages: related.mayProsecute ? [...nextStages(history)] : [],
    outcome: outcome
      ? {
          outcome: outcome.outcome as NonNullable<Suspect['outcome']>['outcome'],
          decidedOn: outcome.decided_on,
          sentenceMonths: outcome.sentence_months,
          suspended: outcome.suspended,
          fineAmount: money(outcome.fine_amount),
          restitutionAmount: money(outcome.restitution_amount),
        }
      : null,
    mayRecordOutcome,
  };
}

type View = z.input<typeof InvestigationView>;

export function presentInvestigation(
  crypto: FieldCrypto,
  row: InvestigationRow,
  parts: Pick<
    View,
    'instructed' | 'complicity' | 'cases' | 'suspects' | 'operations' | 'cooperation' | 'victims' | 'actions'
  >,
): View {
  return {
    id: row.id,
    reference: row.reference,
    institution: { id: row.owner_institution_id, code: row.institution_code, name: row.institution_name },
    openedOn: row.opened_on,
    complaintOn: row.complaint_on,
    complaintSummary: crypto.decryptNullable(row.complaint_summary, 'investigations.complaint_summary'),
    department: row.department,
    ictPlatforms: row.ict_platforms,
    ictAccounts: crypto.decryptNullable(row.ict_accounts, 'investigations.ict_accounts'),
    ...parts,
  };
}

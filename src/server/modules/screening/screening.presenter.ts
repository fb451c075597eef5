/**
 * What leaves the server about instruments, screenings and decisions. A decision's reason is
 * decrypted here, only for callers who passed the case check. Reused by the case page (getCase).
 */
import type { z } from 'zod';
import type {
  Answer,
  DecisionView,
  InstrumentDefinition,
  InstrumentView,
  ScreeningView,
} from '../../../shared/api-identification.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { DecisionRow, InstrumentRow, ScreeningRow } from './screening.repository.js';
import { presentInstitution } from '../institutions/institutions.presenter.js';

const iso = (value: Date | string) => new Date(value).toISOString();

export const REASON_CONTEXT = 'trafficking_decisions.reason';

export function presentInstrument(row: InstrumentRow): z.infer<typeof InstrumentView> {
  return {
    id: row.id,
    version: row.version,
    status: row.status as z.infer<typeof InstrumentView>['status'],
    definition: row.definition as InstrumentDefinition,
    publishedAt: row.published_at === null ? null : iso(row.published_at),
  };
}

export function presentScreening(
  row: Omit<ScreeningRow, 'instrument_id' | 'created_by' | 'institution_id'>,
): z.infer<typeof ScreeningView> {
  return {
    id: row.id,
    caseId: row.case_id,
    personId: row.person_id,
    instrumentVersion: row.instrument_version,
    factsDate: row.facts_date,
    ageAtFacts: row.age_at_facts,
    child: row.child as z.infer<typeof ScreeningView>['child'],
    act: row.act,
    means: row.means,
    purpose: row.purpose,
    indicatorCount: row.indicator_count,
    assessment: row.assessment as z.infer<typeof ScreeningView>['assessment'],
    law4788: {
      assessment: row.law4788_assessment as z.infer<typeof ScreeningView>['law4788']['assessment'],
      aggravating: row.law4788_aggravating as z.infer<typeof ScreeningView>['law4788']['aggravating'],
    },
    flags: row.flags,
    answers: row.answers as Record<string, z.infer<typeof Answer>>,
    createdAt: iso(row.created_at),
  };
}

export function presentDecision(
  row: Omit<DecisionRow, 'case_id'>,
  crypto: FieldCrypto,
): z.infer<typeof DecisionView> {
  return {
    id: row.id,
    personId: row.person_id,
    status: row.status as z.infer<typeof DecisionView>['status'],
    decisionOrgType: row.decision_org_type as z.infer<typeof DecisionView>['decisionOrgType'],
    institution: presentInstitution(row),
    decidedBy:
      row.decided_by === null ? null : { id: row.decided_by, displayName: row.decided_by_name ?? '' },
    decidedOn: row.decided_on,
    reason: crypto.decrypt(row.reason, REASON_CONTEXT),
    screeningId: row.screening_id,
    reviewsDecisionId: row.reviews_decision_id,
    createdAt: iso(row.created_at),
  };
}

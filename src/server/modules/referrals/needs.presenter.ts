/** Needs and protection statuses → API objects (the case's protection panel and recordNeed share them). */
import type { z } from 'zod';
import type { NeedView, ProtectionStatusView } from '../../../shared/api-protection.js';
import type { Ctx } from '../../core/context.js';
import type { MatchResult } from '../providers/matching.js';
import { protectionStatusOf } from './needs.repository.js';

type Need = z.input<typeof NeedView>;

/** The API view of a need and its matches (shared with recordNeed). */
export function presentNeed(
  row: {
    id: string;
    case_id: string;
    person_id: string;
    service_type: string;
    urgency: string;
    department: string | null;
    status: string;
    unmet_reason: string | null;
    created_at: Date | string;
  },
  notes: string | null,
  matches: MatchResult['matches'],
  ageChecked: boolean,
): Need {
  return {
    id: row.id,
    caseId: row.case_id,
    personId: row.person_id,
    serviceType: row.service_type as Need['serviceType'],
    urgency: row.urgency as Need['urgency'],
    department: row.department as Need['department'],
    notes,
    status: row.status as Need['status'],
    unmetReason: row.unmet_reason as Need['unmetReason'],
    ageChecked,
    createdAt: new Date(row.created_at).toISOString(),
    matches: matches.map((m) => ({
      providerId: m.providerId,
      providerServiceId: m.providerServiceId,
      name: m.name,
      institutionCode: m.institutionCode,
      department: m.department as Need['matches'][number]['department'],
      sameDepartment: m.sameDepartment,
      free: m.free,
    })),
  };
}

type StatusView = z.input<typeof ProtectionStatusView>;

export async function presentProtectionStatus(
  ctx: Pick<Ctx, 'trx'>,
  caseId: string,
  personId: string,
): Promise<StatusView | null> {
  const row = await protectionStatusOf(ctx.trx, caseId, personId);
  if (!row) return null;
  return {
    originCountry: row.origin_country,
    destinationCountry: row.destination_country,
    consulate: row.consulate,
    returnRequested: row.return_requested,
    returnArranged: row.return_arranged,
    residencyRequested: row.residency_requested,
    residencyGranted: row.residency_granted,
    reflectionFrom: row.reflection_from === null ? null : String(row.reflection_from),
    reflectionUntil: row.reflection_until === null ? null : String(row.reflection_until),
    returnVoluntary: row.return_voluntary,
    returnRiskAssessedOn: row.return_risk_assessed_on === null ? null : String(row.return_risk_assessed_on),
    returnRiskLevel: row.return_risk_level as StatusView['returnRiskLevel'],
    returnedOn: row.returned_on === null ? null : String(row.returned_on),
    penalised: row.penalised,
    nonPunishmentApplied: row.non_punishment_applied,
  };
}

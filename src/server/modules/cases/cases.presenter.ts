/**
 * Case rows → API objects. Encrypted columns are decrypted here, for the fields the case page
 * shows (persons appear by name, sex and birth year only; their full record is the person page).
 */
import type { z } from 'zod';
import type {
  CaseSummary,
  CaseView,
  EventView,
  ExploitationView,
} from '../../../shared/api-identification.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Selectable } from 'kysely';
import type { TraffickingEventTable, VictimExploitationTable } from '../../db/schema.js';
import type { CaseDetail } from './case-view.repository.js';
import { presentDecision, presentScreening } from '../screening/screening.presenter.js';
import type { CaseListRow } from './case-list.repository.js';

type Out<S extends z.ZodType> = z.input<S>;
type CaseViewOut = Out<typeof CaseView>;
type Enum<T extends keyof CaseViewOut> = CaseViewOut[T];

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentExploitation(
  row: Omit<Selectable<VictimExploitationTable>, 'case_id' | 'updated_at'>,
): Out<typeof ExploitationView> {
  return {
    personId: row.person_id,
    exploitationTypes: row.exploitation_types as Out<typeof ExploitationView>['exploitationTypes'],
    labourIndustries: row.labour_industries as Out<typeof ExploitationView>['labourIndustries'],
    sexualExploitationTypes: row.sexual_exploitation_types as Out<
      typeof ExploitationView
    >['sexualExploitationTypes'],
    controlMethods: row.control_methods as Out<typeof ExploitationView>['controlMethods'],
    recruitmentMethods: row.recruitment_methods as Out<typeof ExploitationView>['recruitmentMethods'],
    recruiterRelation: row.recruiter_relation as Out<typeof ExploitationView>['recruiterRelation'],
    vulnerabilities: row.vulnerabilities as Out<typeof ExploitationView>['vulnerabilities'],
  };
}

export function presentEvent(
  row: Omit<Selectable<TraffickingEventTable>, 'case_id' | 'created_by' | 'created_at'>,
  crypto: FieldCrypto,
): Out<typeof EventView> {
  return {
    id: row.id,
    personId: row.person_id,
    type: row.type as Out<typeof EventView>['type'],
    country: row.country,
    department: row.department,
    district: crypto.decryptNullable(row.district, 'trafficking_events.district'),
    startDate: row.start_date,
    endDate: row.end_date,
    online: row.online,
    platforms: row.platforms as Out<typeof EventView>['platforms'],
  };
}

function fullName(row: CaseDetail['persons'][number], crypto: FieldCrypto): string {
  return [
    crypto.decrypt(row.given_names, 'persons.given_names'),
    crypto.decryptNullable(row.first_surname, 'persons.first_surname'),
    crypto.decryptNullable(row.second_surname, 'persons.second_surname'),
  ]
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

/**
 * The case page. Screenings and decisions arrive newest first, so a person's latest assessment and
 * current status are the first of theirs; the timeline is chronological.
 */
export function presentCase(
  detail: CaseDetail,
  crypto: FieldCrypto,
  permissions: string[],
  emergencyAccess: CaseViewOut['emergencyAccess'] = null,
): CaseViewOut {
  const c = detail.case;
  const latest = <T extends { person_id: string }>(rows: T[], personId: string) =>
    rows.find((row) => row.person_id === personId);
  return {
    id: c.id,
    reference: c.reference,
    ownerInstitution: { id: c.owner_institution_id, code: c.owner_code, name: c.owner_name },
    ownerUnitId: c.owner_unit_id,
    detectionMethod: c.detection_method as Enum<'detectionMethod'>,
    detectedOn: c.detected_on,
    detectionDepartment: c.detection_department,
    detectionCountry: c.detection_country,
    detectionPlace: crypto.decryptNullable(c.detection_place, 'cases.detection_place'),
    narrative: crypto.decryptNullable(c.narrative, 'cases.narrative'),
    status: c.status as Enum<'status'>,
    assignedUsers: detail.assignments.map((u) => ({ id: u.id, displayName: u.display_name })),
    persons: detail.persons.map((p) => ({
      personId: p.person_id,
      role: p.role as Enum<'persons'>[number]['role'],
      fullName: fullName(p, crypto),
      sex: p.sex as Enum<'persons'>[number]['sex'],
      birthYear: p.birth_year,
      latestAssessment: (latest(detail.screenings, p.person_id)?.assessment ??
        null) as Enum<'persons'>[number]['latestAssessment'],
      currentStatus: (latest(detail.decisions, p.person_id)?.status ??
        null) as Enum<'persons'>[number]['currentStatus'],
    })),
    screenings: detail.screenings.map(presentScreening),
    decisions: detail.decisions.map((d) => presentDecision(d, crypto)),
    exploitation: detail.exploitation.map(presentExploitation),
    events: detail.events.map((e) => presentEvent(e, crypto)),
    shares: detail.shares.map((s) => ({
      id: s.id,
      institution: { id: s.institution_id, code: s.institution_code, name: s.institution_name },
      reason: s.reason,
      createdAt: iso(s.created_at),
    })),
    timeline: detail.timeline.map((entry) => ({
      at: iso(entry.at),
      kind: entry.kind,
      actor: entry.actor_name,
      institutionCode: entry.institution_code,
      details: entry.details,
    })),
    permissions,
    createdAt: iso(c.created_at),
    version: c.version,
    emergencyAccess,
  };
}

/** A line of the case list: no names, no narrative, no place beyond the department. */
export function presentCaseSummary(
  row: CaseListRow,
  personCount: number,
  actorInstitutionId: string,
): Out<typeof CaseSummary> {
  return {
    id: row.id,
    reference: row.reference,
    detectionMethod: row.detection_method as Out<typeof CaseSummary>['detectionMethod'],
    detectedOn: row.detected_on,
    detectionDepartment: row.detection_department,
    status: row.status as Out<typeof CaseSummary>['status'],
    ownerInstitutionCode: row.owner_institution_code,
    personCount,
    shared: row.owner_institution_id !== actorInstitutionId,
  };
}

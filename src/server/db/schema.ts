/**
 * Row types of every table, as Kysely sees them. Columns the database fills in are `Generated`.
 * Personal fields are stored encrypted (see src/server/crypto) and typed as ciphertext strings.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface InstitutionTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  /** Legal roles for children and indigenous persons (INSTITUTION_AUTHORITIES). */
  authorities: Generated<string[]>;
  created_at: CreatedAt;
}

export interface UnitTable {
  id: Generated<string>;
  institution_id: string;
  code: string;
  name: string;
  department: string | null;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  institution_id: string;
  unit_id: string | null;
  username: string;
  username_key: string;
  display_name: string;
  email: string | null;
  role: string;
  status: Generated<string>;
  password_hash: string | null;
  /** TOTP shared secret, encrypted with the field-encryption module. */
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  locale: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username_key: string;
  client_key: string;
  at: Timestamp;
  success: boolean;
}

export interface OneTimeTokenTable {
  id: string;
  purpose: string;
  user_id: string | null;
  created_by: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface CryptoKeyTable {
  id: string;
  purpose: string;
  wrapped: string;
  status: string;
  created_at: CreatedAt;
}

export interface AuditEventTable {
  seq: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_institution_id: string | null;
  actor_role: string | null;
  action: string;
  outcome: string;
  resource_type: string | null;
  resource_id: string | null;
  purpose: string | null;
  request_id: string | null;
  changed_fields: ColumnType<string[], string, string>;
  /** The hash chain of the rows written before the Merkle tree (null since). */
  prev_hash: string | null;
  hash: string | null;
  /** The writing transaction's id (set by the database); the sequencer folds in (xid, seq) order. */
  xid: Generated<number>;
}

export interface AuditTreeLeafTable {
  idx: number;
  seq: number;
  hash: Buffer;
}

export interface AuditTreeNodeTable {
  height: number;
  idx: number;
  hash: Buffer;
}

export interface AuditTreeStateTable {
  id: number;
  size: number;
  root: Buffer;
  frontier: Json<Array<[number, string]>>;
  cursor_xid: number;
  cursor_seq: number;
  seq_floor: number;
  cluster_id: string | null;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface AuditCheckpointTable {
  size: number;
  root: Buffer;
  note: string;
  created_at: ColumnType<Date, string | undefined, never>;
}

export interface AuditCosignatureTable {
  size: number;
  witness: string;
  line: string;
  created_at: ColumnType<Date, string | undefined, never>;
}

type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface PersonTable {
  id: Generated<string>;
  owner_institution_id: string;
  created_by: string | null;
  /** Encrypted (persons.<column>). */
  given_names: string;
  first_surname: string | null;
  second_surname: string | null;
  aliases: string | null;
  date_of_birth: string | null;
  document_number: string | null;
  contact: string | null;
  residence_district: string | null;
  indigenous_community: string | null;
  /** Encrypted: health information. */
  disability: string | null;
  /** Blind indexes. */
  name_tokens: TextArray;
  document_bidx: string | null;
  identity_bidx: string | null;
  /**
   * Blocking keys of the intake look-up (pairs of name tokens × bands of birth years), computed by
   * the trigger persons_match_keys from name_tokens and the year; null until backfilled.
   */
  match_keys: ColumnType<string[] | null, never, never>;
  sex: Generated<string>;
  gender: string | null;
  birth_year: number | null;
  age_estimated: Generated<boolean>;
  estimated_age: number | null;
  nationalities: TextArray;
  document_type: string | null;
  languages: TextArray;
  interpreter_needed: Generated<boolean>;
  /** The person gave no name: given_names holds a pseudonym (shown marked as such). */
  pseudonym: Generated<boolean>;
  indigenous: Generated<boolean>;
  residence_department: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Set when the record was erased (docs/PRIVACY.md): its personal columns are null, it is never read. */
  erased_at: Generated<Date | null>;
  /** Raised by one at every change (docs/OFFLINE.md, "Versions and conflicts"). */
  version: Generated<number>;
  /** Field name → the version that last changed it. */
  field_versions: ColumnType<Record<string, number>, string | undefined, string>;
}

export interface CaseCounterTable {
  year: number;
  last: number;
}

export interface CaseTable {
  id: Generated<string>;
  reference: string;
  owner_institution_id: string;
  owner_unit_id: string | null;
  created_by: string | null;
  detection_method: string;
  detected_on: DateOnly;
  detection_department: string | null;
  detection_country: Generated<string>;
  /** Encrypted. */
  detection_place: string | null;
  /** Encrypted. */
  narrative: string | null;
  status: Generated<string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Kept by a trigger: when the status last became Closed/ClosedReferred (retention counts from it). */
  closed_at: Generated<Date | null>;
  erased_at: Generated<Date | null>;
  /** Raised by one at every change (docs/OFFLINE.md, "Versions and conflicts"). */
  version: Generated<number>;
  /** Field name → the version that last changed it. */
  field_versions: ColumnType<Record<string, number>, string | undefined, string>;
}

export interface CaseAssignmentTable {
  case_id: string;
  user_id: string;
  assigned_at: CreatedAt;
}

export interface CaseShareTable {
  id: Generated<string>;
  case_id: string;
  institution_id: string;
  shared_by: string | null;
  reason: string;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface CasePersonTable {
  case_id: string;
  person_id: string;
  role: string;
  added_at: CreatedAt;
}

export interface CaseTimelineTable {
  id: Generated<number>;
  case_id: string;
  at: CreatedAt;
  actor_user_id: string | null;
  institution_id: string | null;
  kind: string;
  details: Json<Record<string, unknown>>;
}

export interface ScreeningInstrumentTable {
  id: Generated<string>;
  version: number;
  status: string;
  definition: Json<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
  published_at: Timestamp | null;
}

export interface ScreeningTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  instrument_id: string;
  answers: Json<Record<string, unknown>>;
  facts_date: DateOnly;
  age_at_facts: number | null;
  child: string;
  act: boolean;
  means: boolean;
  purpose: boolean;
  indicator_count: number;
  assessment: string;
  law4788_assessment: string;
  law4788_aggravating: TextArray;
  flags: TextArray;
  created_by: string | null;
  institution_id: string;
  created_at: CreatedAt;
}

export interface DecisionConfirmPolicyTable {
  institution_id: string;
  role: string;
  updated_by: string | null;
  updated_at: CreatedAt;
}

export interface TraffickingDecisionTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  status: string;
  decision_org_type: string;
  institution_id: string;
  decided_by: string | null;
  decided_on: DateOnly;
  /** Encrypted. */
  reason: string;
  screening_id: string | null;
  reviews_decision_id: string | null;
  created_at: CreatedAt;
}

export interface VictimExploitationTable {
  case_id: string;
  person_id: string;
  exploitation_types: TextArray;
  labour_industries: TextArray;
  sexual_exploitation_types: TextArray;
  control_methods: TextArray;
  recruitment_methods: TextArray;
  recruiter_relation: string | null;
  vulnerabilities: TextArray;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TraffickingEventTable {
  id: Generated<string>;
  case_id: string;
  person_id: string | null;
  type: string;
  country: string;
  department: string | null;
  /** Encrypted. */
  district: string | null;
  start_date: DateOnly | null;
  end_date: DateOnly | null;
  online: Generated<boolean>;
  platforms: TextArray;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ServiceProviderTable {
  id: Generated<string>;
  institution_id: string;
  unit_id: string | null;
  name: string;
  department: string;
  sexes: TextArray;
  min_age: number | null;
  max_age: number | null;
  nationalities: TextArray;
  languages: TextArray;
  hours: string | null;
  contact: string | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProviderServiceTable {
  id: Generated<string>;
  provider_id: string;
  service_type: string;
  departments: TextArray;
  capacity: number | null;
  occupancy: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ConsentTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  kind: string;
  services: TextArray;
  shared_fields: TextArray;
  method: string | null;
  given_by: string | null;
  given_on: DateOnly;
  /** Encrypted (consents.reason). */
  reason: string | null;
  /** A child's representative: name encrypted (consents.representative_name), relationship. */
  representative_name: Generated<string | null>;
  representative_relationship: Generated<string | null>;
  /** The authority that consented for a child (CONSENT_AUTHORITIES). */
  authority: Generated<string | null>;
  /** The child's own view, recorded beside a representative's consent (encrypted, consents.child_view). */
  child_view: Generated<string | null>;
  recorded_by: string | null;
  institution_id: string;
  created_at: CreatedAt;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
}

export interface PersonNeedTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  service_type: string;
  urgency: string;
  department: string | null;
  /** Encrypted (person_needs.notes). */
  notes: string | null;
  status: string;
  unmet_reason: string | null;
  person_sex: string;
  age_band: string;
  created_by: string | null;
  institution_id: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReferralTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  need_id: string;
  consent_id: string;
  provider_service_id: string;
  service_type: string;
  from_institution_id: string;
  to_institution_id: string;
  state: string;
  urgency: string;
  due_at: Timestamp;
  shared_fields: TextArray;
  /** Encrypted (referrals.note, referrals.state_reason). */
  note: string | null;
  state_reason: string | null;
  holds_place: Generated<boolean>;
  /** When the overdue referral was escalated to supervisors (once). */
  escalated_at: Generated<Date | null>;
  /** The day the service should be delivered by, set when the referral is accepted (working days). */
  service_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ServiceDeliveryTable {
  id: Generated<string>;
  referral_id: string;
  delivered_on: DateOnly;
  /** Encrypted (service_deliveries.description). */
  description: string;
  recorded_by: string | null;
  institution_id: string;
  created_at: CreatedAt;
}

export interface ProtectionStatusTable {
  case_id: string;
  person_id: string;
  origin_country: string | null;
  destination_country: string | null;
  consulate: string | null;
  return_requested: boolean;
  return_arranged: boolean;
  residency_requested: boolean;
  residency_granted: boolean;
  reflection_from: DateOnly | null;
  reflection_until: DateOnly | null;
  return_voluntary: Generated<boolean>;
  return_risk_assessed_on: DateOnly | null;
  return_risk_level: string | null;
  returned_on: DateOnly | null;
  penalised: Generated<boolean>;
  non_punishment_applied: Generated<boolean>;
  /** The day the status was first recorded (Paraguay): the figures' date basis when none is given. */
  recorded_on: DateOnly | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  resource_type: string;
  resource_id: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
  mail_state: string;
  mail_attempts: Generated<number>;
  mail_next_at: Generated<Date>;
}

export interface TaskTable {
  id: Generated<string>;
  case_id: string | null;
  institution_id: string;
  assignee_user_id: string | null;
  kind: string;
  /** Encrypted (tasks.title). */
  title: string | null;
  source_type: string | null;
  source_id: string | null;
  due_on: DateOnly;
  status: Generated<string>;
  overdue_notified_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  completed_at: Timestamp | null;
}

export interface DB {
  tasks: TaskTable;
  institutions: InstitutionTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  one_time_tokens: OneTimeTokenTable;
  crypto_keys: CryptoKeyTable;
  audit_events: AuditEventTable;
  audit_tree_leaves: AuditTreeLeafTable;
  audit_tree_nodes: AuditTreeNodeTable;
  audit_tree_state: AuditTreeStateTable;
  audit_checkpoints: AuditCheckpointTable;
  audit_cosignatures: AuditCosignatureTable;
  persons: PersonTable;
  case_counters: CaseCounterTable;
  cases: CaseTable;
  case_assignments: CaseAssignmentTable;
  case_shares: CaseShareTable;
  case_persons: CasePersonTable;
  case_timeline: CaseTimelineTable;
  screening_instruments: ScreeningInstrumentTable;
  screenings: ScreeningTable;
  trafficking_decisions: TraffickingDecisionTable;
  decision_confirm_policy: DecisionConfirmPolicyTable;
  victim_exploitation: VictimExploitationTable;
  trafficking_events: TraffickingEventTable;
  service_providers: ServiceProviderTable;
  provider_services: ProviderServiceTable;
  consents: ConsentTable;
  person_needs: PersonNeedTable;
  referrals: ReferralTable;
  service_deliveries: ServiceDeliveryTable;
  protection_status: ProtectionStatusTable;
  notifications: NotificationTable;
  training_events: TrainingEventTable;
  training_participants: TrainingParticipantTable;
  campaigns: CampaignTable;
  hotline_contacts: HotlineContactTable;
  action_plans: ActionPlanTable;
  action_plan_objectives: ActionPlanObjectiveTable;
  action_plan_actions: ActionPlanActionTable;
  action_plan_progress: ActionPlanProgressTable;
  stat_dirty: StatDirtyTable;
  stat_state: StatStateTable;
  stat_persons: StatPersonTable;
  statistics_releases: StatisticsReleaseTable;
  statistics_release_calendar: StatisticsReleaseCalendarTable;
  stat_record_keys: StatRecordKeyTable;
  stat_services: StatServiceTable;
  stat_referrals: StatReferralTable;
  stat_needs: StatNeedTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type InstitutionRow = Selectable<InstitutionTable>;
export type UnitRow = Selectable<UnitTable>;
export type AuditEventRow = Selectable<AuditEventTable>;

// ---- CTDC analysis area (standards exchange): imported files, never joined with case records ----

export interface CtdcImportTable {
  id: Generated<string>;
  label: string;
  format: string;
  sha256: string;
  record_count: number;
  columns: TextArray;
  imported_by: string | null;
  institution_id: string;
  created_at: CreatedAt;
}

export interface CtdcRecordTable {
  import_id: string;
  line: number;
  year: number | null;
  gender: string | null;
  age_broad: string | null;
  citizenship: string | null;
  country_of_exploitation: string | null;
  is_forced_labour: boolean | null;
  is_sexual_exploit: boolean | null;
  is_other_exploit: boolean | null;
  flags: TextArray;
}

// Declaration merging adds the tables to DB without editing its body (keeps merges append-only).
export interface DB {
  ctdc_imports: CtdcImportTable;
  ctdc_records: CtdcRecordTable;
}

// ---- prevention (migration 2026-11-24T17-30-00_prevention) ----------------------------------
type Numeric = ColumnType<string, number | string, number | string>;

export interface TrainingEventTable {
  id: Generated<string>;
  institution_id: string;
  unit_id: string | null;
  title: string;
  kind: string;
  held_on: DateOnly;
  ends_on: DateOnly | null;
  modality: string;
  department: string | null;
  place: string | null;
  audience_institution_ids: string[];
  topics: string[];
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TrainingParticipantTable {
  id: Generated<string>;
  training_id: string;
  institution_id: string | null;
  sex: string;
  count: number;
}

export interface CampaignTable {
  id: Generated<string>;
  institution_id: string;
  title: string;
  channels: string[];
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  departments: string[];
  languages: string[];
  reach: number | null;
  reach_basis: string | null;
  partners: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface HotlineContactTable {
  id: Generated<string>;
  institution_id: string;
  unit_id: string | null;
  received_on: DateOnly;
  channel: string;
  topic: string;
  exploitation_type: string | null;
  department: string | null;
  child_involved: boolean | null;
  /** Encrypted (hotline_contacts.summary). */
  summary: string | null;
  case_id: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
  erased_at: Generated<Date | null>;
}

export interface ActionPlanTable {
  id: Generated<string>;
  title: string;
  description: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  active: Generated<boolean>;
}

export interface ActionPlanObjectiveTable {
  id: Generated<string>;
  plan_id: string;
  code: string;
  title: string;
  position: number;
}

export interface ActionPlanActionTable {
  id: Generated<string>;
  objective_id: string;
  code: string;
  title: string;
  responsible_institution_id: string;
  indicator: string;
  unit: string;
  baseline: ColumnType<string, number | string | undefined, number | string>;
  target: Numeric;
  due_on: DateOnly | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

// ---- prosecution (migration 2026-11-24T17-00-00_prosecution) ----------------------------------
type Money = ColumnType<string | null, number | null | undefined, number | null>;

export interface LegalProvisionTable {
  id: Generated<string>;
  code: string;
  instrument: string;
  article: string;
  label_es: string;
  label_gn: string;
  label_en: string;
  max_years: number | null;
  article_unconfirmed: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
  category: Generated<string>;
  exploitation: string | null;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  source: string | null;
}

export interface InvestigationTable {
  id: Generated<string>;
  reference: string;
  owner_institution_id: string;
  unit_id: string | null;
  opened_on: DateOnly;
  complaint_on: DateOnly | null;
  /** Encrypted (investigations.complaint_summary). */
  complaint_summary: string | null;
  department: string | null;
  ict_platforms: TextArray;
  /** Encrypted (investigations.ict_accounts). */
  ict_accounts: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ActionPlanProgressTable {
  id: Generated<string>;
  action_id: string;
  period: string;
  value: Numeric;
  note: string | null;
  recorded_by: string | null;
  institution_id: string;
  created_at: CreatedAt;
}
export interface InvestigationInstructionTable {
  investigation_id: string;
  institution_id: string;
  instructed_by: string | null;
  instructed_at: CreatedAt;
}

export interface InvestigationCaseTable {
  investigation_id: string;
  case_id: string;
  linked_by: string | null;
  linked_at: CreatedAt;
}

export interface InvestigationSuspectTable {
  id: Generated<string>;
  investigation_id: string;
  /** Encrypted (investigation_suspects.<column>). */
  given_names: string;
  surnames: string | null;
  aliases: string | null;
  document_number: string | null;
  official_position: string | null;
  sex: string;
  birth_year: number | null;
  nationality: string | null;
  roles: TextArray;
  official_kind: string | null;
  official_institution_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SuspectChargeTable {
  id: Generated<string>;
  suspect_id: string;
  provision_id: string;
  charged_on: DateOnly;
  facts_on: DateOnly | null;
  outcome: string | null;
  outcome_on: DateOnly | null;
  sentence_months: number | null;
  suspended: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ProceduralStageTable {
  id: Generated<string>;
  suspect_id: string;
  seq: number;
  stage: string;
  occurred_on: DateOnly;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SuspectOutcomeTable {
  id: Generated<string>;
  suspect_id: string;
  stage_id: string;
  outcome: string;
  decided_on: DateOnly;
  sentence_months: number | null;
  suspended: Generated<boolean>;
  fine_amount: Money;
  restitution_amount: Money;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InvestigationOperationTable {
  id: Generated<string>;
  investigation_id: string;
  occurred_on: DateOnly;
  department: string;
  /** Encrypted (investigation_operations.place). */
  place: string | null;
  persons_arrested: number;
  victims_rescued: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CooperationRequestTable {
  id: Generated<string>;
  investigation_id: string;
  kind: string;
  direction: string;
  country: string;
  requested_on: DateOnly;
  granted_on: DateOnly | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface VictimParticipationTable {
  id: Generated<string>;
  investigation_id: string;
  case_id: string;
  person_id: string;
  witness: boolean;
  protective_measures: TextArray;
  penalised: boolean;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Paraguay's day the participation was first recorded (never changed by an update). */
  recorded_on: DateOnly;
}

/** Declaration merging adds the prosecution tables to `DB` without editing the list above. */
export interface DB {
  legal_provisions: LegalProvisionTable;
  investigations: InvestigationTable;
  investigation_instructions: InvestigationInstructionTable;
  investigation_cases: InvestigationCaseTable;
  investigation_suspects: InvestigationSuspectTable;
  suspect_charges: SuspectChargeTable;
  procedural_stages: ProceduralStageTable;
  suspect_outcomes: SuspectOutcomeTable;
  investigation_operations: InvestigationOperationTable;
  cooperation_requests: CooperationRequestTable;
  victim_participation: VictimParticipationTable;
}

/** Statistics facts (src/server/statistics-engine): derived, non-personal, rebuilt per person when marked dirty. */
export interface StatDirtyTable {
  person_id: string;
}

export interface StatStateTable {
  id: number;
  version: string;
}

export interface StatisticsReleaseTable {
  version: number;
  published_at: Generated<Date>;
  published_by: string | null;
  k: number;
  method: string;
  years: number[];
  content: Json<Record<string, unknown>>;
  basis: Json<Record<string, number>>;
}

/** The open data's release calendar: one row (id = 1), absent until set. */
export interface StatisticsReleaseCalendarTable {
  id: Generated<number>;
  frequency_months: number;
  lag_days: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
  /** The Paraguay day the schedule counts from: no release whose period ended before it is due. */
  starts_on: ColumnType<string, string | undefined, string>;
}

export interface StatRecordKeyTable {
  person_key: string;
  record_key: number;
}

export interface StatPersonTable {
  person_key: string;
  person_id: string;
  status: string | null;
  identified_on: DateOnly | null;
  case_id: string | null;
  institution_id: string | null;
  decision_org_type: string | null;
  department: string;
  sex: string;
  age: number | null;
  age_group: string;
  age_band: string;
  nationality: string;
  exploitation: TextArray;
  ict: string;
  platforms: TextArray;
  first_service_on: DateOnly | null;
  days_to_first_service: number | null;
  scope: Generated<string>;
}

interface StatFact {
  id: string;
  person_key: string;
  person_id: string;
  case_id: string;
  on_date: DateOnly;
  service_type: string;
  institution_id: string;
}
export type StatServiceTable = StatFact;
export interface StatReferralTable extends StatFact {
  state: string;
  to_institution_id: string;
}
export interface StatNeedTable extends StatFact {
  status: string;
  unmet_reason: string | null;
}

// ─── Linkage (issue 7): appended; the DB interface below merges with the one above. ───

export interface LinkageRunTable {
  id: Generated<string>;
  started_by: string | null;
  started_at: CreatedAt;
  finished_at: Date | null;
  persons: Generated<number>;
  candidate_pairs: Generated<number>;
  links_added: Generated<number>;
  reviews_added: Generated<number>;
  match_threshold: number;
  review_threshold: number;
  model: unknown;
}

/** A national batch's name frequencies (modules/linkage/name-frequencies.ts); no personal field. */
export interface LinkageNameFrequencyTable {
  run_id: string;
  family: 'given' | 'surname';
  /** The name key's blind index (as persons.name_tokens). */
  token: string;
  persons: number;
}

export interface PersonLinkTable {
  id: Generated<string>;
  person_a: string;
  person_b: string;
  origin: 'batch' | 'review';
  probability: number | null;
  run_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  removed_at: Date | null;
  removed_by: string | null;
}

export interface PersonClusterTable {
  person_id: string;
  cluster_id: string;
}

export interface MatchReviewTable {
  id: Generated<string>;
  run_id: string | null;
  person_a: string;
  person_b: string;
  probability: number;
  status: Generated<'pending' | 'confirmed' | 'rejected'>;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: CreatedAt;
}

export interface LinkDecisionTable {
  id: Generated<string>;
  person_a: string;
  person_b: string;
  decision: 'same' | 'different';
  decided_by: string | null;
  decided_at: CreatedAt;
}

/** The view person_cluster: every person with its cluster (its own id when it has no link). */
export interface PersonClusterView {
  person_id: string;
  cluster_id: string;
}

export interface DB {
  linkage_runs: LinkageRunTable;
  linkage_name_frequencies: LinkageNameFrequencyTable;
  person_links: PersonLinkTable;
  person_clusters: PersonClusterTable;
  match_reviews: MatchReviewTable;
  link_decisions: LinkDecisionTable;
  person_cluster: PersonClusterView;
}

// ---- offline capture and safe retries (docs/OFFLINE.md) -----------------------------------
export interface IdempotencyKeyTable {
  id: Generated<string>;
  user_id: string;
  key: string;
  operation_id: string;
  request_hash: string;
  status_code: number | null;
  /** Encrypted (idempotency_keys.response): the first answer's JSON body. */
  response: string | null;
  device_id: string | null;
  created_at: CreatedAt;
}

export interface DeviceTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  secret_hash: string;
  /** Encrypted (devices.device_key): the key that wraps the device's data key. */
  device_key: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoked_reason: 'user' | 'supervisor' | 'admin' | 'expired' | null;
}

export interface DB {
  idempotency_keys: IdempotencyKeyTable;
  devices: DeviceTable;
}

// ─── Privacy operations (issue 16): appended; merged into DB like the sections above. ───

export interface RetentionScheduleTable {
  category: string;
  years: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface LegalHoldTable {
  id: Generated<string>;
  case_id: string;
  /** Encrypted (legal_holds.reason). */
  reason: string;
  placed_by: string | null;
  placed_at: CreatedAt;
  released_by: string | null;
  released_at: Timestamp | null;
}

export interface ErasureDecisionTable {
  id: Generated<string>;
  record_type: 'case' | 'hotline_contact';
  record_id: string;
  category: string;
  basis: 'retention_expired' | 'data_subject_request';
  decision: 'erased' | 'refused';
  exception: string | null;
  requested_on: DateOnly | null;
  decided_by: string | null;
  decided_at: CreatedAt;
}

export interface BreakGlassTable {
  id: Generated<string>;
  user_id: string;
  institution_id: string;
  resource_type: 'person' | 'case';
  resource_id: string;
  owner_institution_id: string;
  /** Encrypted (break_glass.reason). */
  reason: string;
  opened_at: CreatedAt;
  expires_at: Timestamp;
  review: 'justified' | 'not_justified' | null;
  /** Encrypted (break_glass.review_note). */
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
}

export interface PrivacyAlertTable {
  id: Generated<string>;
  kind: string;
  user_id: string | null;
  institution_id: string | null;
  window_from: Timestamp;
  window_to: Timestamp;
  count: number;
  action: string | null;
  outcome: string | null;
  resource_type: string | null;
  resource_id: string | null;
  created_at: CreatedAt;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
}

export interface PrivacyAlertCursorTable {
  id: number;
  last_leaf: ColumnType<string | number, number, number>;
}

export interface DB {
  retention_schedule: RetentionScheduleTable;
  legal_holds: LegalHoldTable;
  erasure_decisions: ErasureDecisionTable;
  break_glass: BreakGlassTable;
  privacy_alerts: PrivacyAlertTable;
  privacy_alert_cursor: PrivacyAlertCursorTable;
}

/** Cases per owning institution, kept by triggers (migration 2026-12-05T18-10-00_case_counts). */
export interface CaseCountTable {
  institution_id: string;
  n: ColumnType<number, number | undefined, number>;
}

export interface DB {
  case_counts: CaseCountTable;
}

/** Notes on a case, append-only (migration 2026-12-07T02-00-00_case_notes, docs/OFFLINE.md). */
export interface CaseNoteTable {
  id: Generated<string>;
  case_id: string;
  /** Encrypted (case_notes.text); NULL once the case is erased. */
  text: string | null;
  /** NULL (a working note) or the sensitivity label of what the note holds. */
  sensitivity: string | null;
  author_id: string;
  institution_id: string;
  created_at: CreatedAt;
  /** When it was written on a device with no network (a note synced from the offline queue). */
  made_offline_at: Timestamp | null;
  device_id: string | null;
}

export interface DB {
  case_notes: CaseNoteTable;
}

/**
 * How many persons hold each intake blocking key (persons.match_keys), kept by the trigger
 * persons_match_key_counts (migrations 2026-12-07T05-30-00_person_match_key_counts, per statement since
 * 2026-12-07T06-30-00_person_match_key_counts_per_statement).
 */
export interface PersonMatchKeyCountTable {
  key: string;
  persons: number;
}

export interface DB {
  person_match_key_counts: PersonMatchKeyCountTable;
}

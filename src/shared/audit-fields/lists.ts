/**
 * The names of the fields an audit row may record as changed (or read, or asked for), and the tags
 * of the `tag:value` (or `tag=value`) entries some rows carry (an erasure's category and basis, a list's state…).
 * Every name has a label in es, gn and en (`es.ts`, `gn.ts`, `en.ts` beside this file: a name
 * without one does not compile), so the audit screen shows "Primer apellido", never `firstSurname`.
 * Writers name their fields through `AuditFieldName`: a field an input gains without a label here is
 * a type error where it is audited (`auditFieldsOf`), and a name outside the list is refused at run
 * time under test (`unlabelledAuditFields`, src/server/audit/audit.ts).
 */
/** The field names written to the audit tombstone of an erased case (never values; src/server/modules/privacy/erasure.ts). */
export const CASE_FIELDS_ERASED = [
  'cases.detection_place',
  'cases.narrative',
  'trafficking_decisions.reason',
  'trafficking_events.district',
  'consents.reason',
  'consents.representative_name',
  'consents.child_view',
  'person_needs.notes',
  'referrals.note',
  'referrals.state_reason',
  'service_deliveries.description',
  'case_shares.reason',
  'screenings.answers',
  'hotline_contacts.summary',
  'case_notes.text',
  'tasks',
  'idempotency_keys.response',
] as const;

/** The field names written to the audit tombstone of an erased person. */
export const PERSON_FIELDS_ERASED = [
  'persons.given_names',
  'persons.first_surname',
  'persons.second_surname',
  'persons.aliases',
  'persons.date_of_birth',
  'persons.document_number',
  'persons.document_type',
  'persons.contact',
  'persons.residence_district',
  'persons.indigenous_community',
  'persons.disability',
  'persons.name_tokens',
  'persons.match_keys',
  'persons.document_bidx',
  'persons.identity_bidx',
] as const;

export const AUDIT_FIELDS = [
  'givenNames',
  'firstSurname',
  'secondSurname',
  'surnames',
  'aliases',
  'pseudonym',
  'sex',
  'gender',
  'dateOfBirth',
  'estimatedAge',
  'ageApproximate',
  'age',
  'nationalities',
  'nationality',
  'documentType',
  'documentNumber',
  'languages',
  'interpreterNeeded',
  'indigenous',
  'indigenousCommunity',
  'disability',
  'contact',
  'residenceDepartment',
  'residenceDistrict',
  'confirmNotDuplicate',
  'need',
  'protectionStatus',
  'personId',
  'persons',
  'detectionMethod',
  'detectedOn',
  'detectionDepartment',
  'detectionCountry',
  'detectionPlace',
  'narrative',
  'ownerUnitId',
  'assignedUserIds',
  'status',
  'shares',
  'caseId',
  'caseIds',
  'cases',
  'type',
  'country',
  'department',
  'district',
  'startDate',
  'endDate',
  'online',
  'platforms',
  'exploitationTypes',
  'exploitationType',
  'labourIndustries',
  'sexualExploitationTypes',
  'controlMethods',
  'recruitmentMethods',
  'recruiterRelation',
  'vulnerabilities',
  'text',
  'sensitivity',
  'madeOfflineAt',
  'serviceType',
  'urgency',
  'notes',
  'originCountry',
  'destinationCountry',
  'consulate',
  'returnRequested',
  'returnArranged',
  'returnVoluntary',
  'returnRiskAssessedOn',
  'returnRiskLevel',
  'returnedOn',
  'residencyRequested',
  'residencyGranted',
  'reflectionFrom',
  'reflectionUntil',
  'penalised',
  'nonPunishmentApplied',
  'state',
  'reason',
  'deliveredOn',
  'description',
  'services',
  'sharedFields',
  'givenOn',
  'method',
  'givenBy',
  'representativeName',
  'representativeRelationship',
  'authority',
  'childView',
  'withdrawnAt',
  'cluster',
  'objectiveId',
  'code',
  'title',
  'responsibleInstitutionId',
  'indicator',
  'unit',
  'baseline',
  'target',
  'dueOn',
  'period',
  'value',
  'note',
  'receivedOn',
  'channel',
  'channels',
  'topic',
  'topics',
  'childInvolved',
  'summary',
  'unitId',
  'startsOn',
  'endsOn',
  'departments',
  'reach',
  'reachBasis',
  'partners',
  'kind',
  'heldOn',
  'modality',
  'place',
  'audienceInstitutionIds',
  'participants',
  'username',
  'displayName',
  'email',
  'role',
  'institutionId',
  'password',
  'totp',
  'locale',
  'invalid_credentials',
  'invalid_totp',
  'account_locked',
  'name',
  'sexes',
  'minAge',
  'maxAge',
  'hours',
  'active',
  'capacity',
  'occupancy',
  'created',
  'updated',
  'assigneeUserId',
  'birthYear',
  'roles',
  'official',
  'provisionId',
  'chargedOn',
  'factsOn',
  'outcome',
  'decidedOn',
  'sentenceMonths',
  'suspended',
  'charges',
  'fineAmount',
  'restitutionAmount',
  'stage',
  'stages',
  'occurredOn',
  'reference',
  'openedOn',
  'complaintOn',
  'complaintSummary',
  'instructedInstitutionIds',
  'instructed',
  'ictPlatforms',
  'ictAccounts',
  'suspects',
  'operations',
  'cooperation',
  'witness',
  'protectiveMeasures',
  'investigations',
  'defendants',
  'instrumentVersion',
  'factsDate',
  'answers',
  'screeningId',
  'reviewsDecisionId',
  'definition',
  'publishedAt',
  'entries',
  'year',
  'years',
  'from',
  'to',
  'institution',
  'ageGroup',
  'ageBand',
  'exploitation',
  'ict',
  'platform',
  'figure',
  'by',
  'key',
  'frequencyMonths',
  'lagDays',
  'revokedAt',
  'readAt',
  'acknowledged_at',
  'released_at',
  'list',
  'staffNames',
  'victim_case',
  'other_case',
  'hotline_contact',
  ...CASE_FIELDS_ERASED,
  ...PERSON_FIELDS_ERASED,
] as const;

/** Tags of `tag:value` entries: the value is a code or a count, never personal data. */
export const AUDIT_FIELD_TAGS = [
  'state',
  'sessions',
  'cases',
  'rows',
  'tables',
  'format',
  'category',
  'basis',
  'exception',
  'records',
  'k',
  'generalised',
  'suppressed',
  'minutes',
  'grant',
  'review',
  'case',
  'from',
  'to',
] as const;

export type AuditField = (typeof AUDIT_FIELDS)[number];
export type AuditFieldTag = (typeof AUDIT_FIELD_TAGS)[number];
/** What an audit row's `changed_fields` holds: a labelled field, or a tag with its value. */
export type AuditFieldName = AuditField | `${AuditFieldTag}${':' | '='}${string}`;
/** The message keys of the labels (web catalogues and the server's papers). */
export type AuditFieldKey = `auditField.${AuditField | AuditFieldTag}`;

const FIELDS: ReadonlySet<string> = new Set(AUDIT_FIELDS);
const TAGS: ReadonlySet<string> = new Set(AUDIT_FIELD_TAGS);

/** `tag:value` (or `tag=value`): the tag and its value, or null when `name` is not one of a known tag. */
function tagged(name: string): { tag: AuditFieldTag; value: string } | null {
  const at = name.search(/[:=]/);
  if (at <= 0 || !TAGS.has(name.slice(0, at))) return null;
  return { tag: name.slice(0, at) as AuditFieldTag, value: name.slice(at + 1) };
}

/** Whether `name` is a field or a `tag:value` of the lists above (an older row's name may not be). */
export function isAuditFieldName(name: string): name is AuditFieldName {
  return FIELDS.has(name) || tagged(name) !== null;
}

/** The names of `names` outside the lists: what a writer must not record. */
export function unlabelledAuditFields(names: readonly string[]): string[] {
  return names.filter((name) => !isAuditFieldName(name));
}

/** The key of the label of `name` and the value shown after it (`tag:value`), or null off the lists. */
export function auditFieldKey(name: string): { key: AuditFieldKey; value: string | null } | null {
  if (FIELDS.has(name)) return { key: `auditField.${name as AuditField}`, value: null };
  const tag = tagged(name);
  return tag && { key: `auditField.${tag.tag}`, value: tag.value };
}

type Unlabelled<T> = Exclude<keyof T & string, AuditField>;

/**
 * The names of the fields an input gives (its keys, optionally only those `kept`), typed: an input
 * with a key that has no label is a compile error naming the key, so a field added to a request
 * schema gets its label before it can be audited. (The check is on the rest parameter, computed once
 * from the inferred input type: as an intersection with the input it cost the type checker 10–18 s a
 * call site.)
 */
export function auditFieldsOf<T extends object>(
  input: T,
  ...kept: [Unlabelled<T>] extends [never]
    ? [kept?: (value: unknown) => boolean]
    : [missing_audit_label: `no audit label for ${Unlabelled<T>}`]
): NoInfer<Extract<keyof T, AuditField>>[] {
  const keep = typeof kept[0] === 'function' ? kept[0] : () => true;
  return (Object.keys(input) as Extract<keyof T, AuditField>[]).filter((key) => keep(input[key]));
}

/** A value given: neither null, undefined nor an empty list. */
export function isGiven(value: unknown): boolean {
  return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
}

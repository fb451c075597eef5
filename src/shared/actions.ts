/**
 * The names of every action the policies know (src/server/access/policies.ts), per resource, and
 * the purposes a data access may state. A contract names the coarse action it needs; the web reads
 * the actor's permissions as these names. The policies table must hold exactly these actions (the
 * compiler checks it), so a name here without a rule, or a rule without a name, does not build.
 */
export const ACTIONS = {
  institution: ['list', 'create'],
  unit: ['create'],
  user: ['list', 'create', 'update', 'resetPassword'],
  audit: ['list', 'verify', 'checkpoint', 'proof'],
  person: ['create', 'search', 'read', 'update'],
  case: [
    'create',
    'list',
    'read',
    'update',
    'addPerson',
    'share',
    'screen',
    'decide',
    'review',
    'recordEvent',
  ],
  /** Notes on a case (append-only): read with the case, written by its institution. */
  caseNote: ['read', 'create'],
  provider: ['list', 'create', 'updateCapacity', 'update', 'import'],
  consent: ['record', 'withdraw', 'recordException'],
  need: ['record', 'list', 'report'],
  referral: ['create', 'list', 'read', 'respond', 'close'],
  notification: ['list', 'markRead'],
  instrument: ['read', 'edit'],
  decisionPolicy: ['read', 'update'],
  exchange: ['export', 'import', 'read'],
  training: ['list', 'read', 'record'],
  campaign: ['list', 'record'],
  hotline: ['record', 'list', 'read', 'openCase'],
  actionPlan: ['read', 'edit', 'reportProgress'],
  investigation: [
    'create',
    'list',
    'read',
    'update',
    'recordOperation',
    'prosecute',
    'export',
    'complicityRegister',
  ],
  legalProvision: ['list'],
  statistics: ['read', 'report', 'drill', 'publish', 'calendar'],
  task: ['create', 'list', 'update'],
  linkage: ['findMatches', 'run', 'readRun', 'review', 'decide', 'unlink'],
  device: ['register', 'list', 'revoke', 'unlock'],
  privacy: ['readRetention', 'updateRetention', 'hold', 'erase', 'oversee', 'accessReport', 'consentReceipt'],
  breakGlass: ['open'],
} as const;

export type ActionResource = keyof typeof ACTIONS;
/** `case.read`, `referral.respond`, … — every action of the policies. */
export type ActionName = {
  [R in ActionResource]: `${R}.${(typeof ACTIONS)[R][number]}`;
}[ActionResource];

export const ACTION_NAMES: readonly ActionName[] = Object.entries(ACTIONS).flatMap(([resource, verbs]) =>
  verbs.map((verb) => `${resource}.${verb}` as ActionName),
);

/**
 * What the audit trail records besides the policies' actions: sign-ins and their failures, account
 * events, and the operations audited under a name of their own (a referral accepted, an export).
 * Every audit row's action is an `AuditAction`; an unknown name does not compile.
 */
export const AUDIT_EVENTS = [
  'auth.login',
  'auth.lockout',
  'auth.logout',
  'auth.logoutEverywhere',
  'user.activate',
  'user.createAdmin',
  'user.passwordReset',
  'user.preferences',
  'user.totpConfirm',
  'user.totpEnrol',
  'case.recordExploitation',
  'case.revokeShare',
  'person.duplicateCheck',
  'person.reveal',
  'decision.list',
  'instrument.create',
  'instrument.publish',
  'need.protectionStatus',
  'referral.accept',
  'referral.complete',
  'referral.decline',
  'referral.readShared',
  'referral.recordDelivery',
  'referral.withdraw',
  'exchange.exportCtdc',
  'exchange.exportHtcds',
  'exchange.importCtdc',
  'training.recordParticipants',
  'investigation.addSuspect',
  'investigation.instruct',
  'investigation.linkCase',
  'investigation.recordCooperation',
  'investigation.recordVictimParticipation',
  'investigation.recordCharge',
  'investigation.recordStage',
  'investigation.recordOutcome',
  // linkage operations are audited under their operation ids
  'findPersonMatches',
  'runLinkage',
  'listMatchReviews',
  'decideMatchReview',
  'unlinkPersons',
  'demo.generate',
  'database.moved',
  // privacy operations (docs/PRIVACY.md)
  'privacy.releaseHold',
  'privacy.refuseErasure',
  'privacy.erasePerson',
  'privacy.reviewBreakGlass',
  'privacy.acknowledgeAlert',
  'privacy.runAlerts',
] as const;
export type AuditAction = ActionName | (typeof AUDIT_EVENTS)[number];

/** Why data is accessed: written with every audit row (a request may state it in `x-nanduti-purpose`). */
export const PURPOSES = [
  'case_management',
  'referral',
  'investigation',
  'statistics',
  'administration',
  'audit',
  'data_subject_request',
  'break_glass',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * The kinds of record an audit row names (`audit_events.resource_type`). Every writer of the trail
 * names one of these (an unknown name does not compile), so the audit page can say each in the
 * reader's language.
 */
export const AUDIT_RESOURCE_TYPES = [
  'action_plan',
  'action_plan_action',
  'action_plan_objective',
  'audit_checkpoint',
  'audit_event',
  'break_glass',
  'campaign',
  'case',
  'case_export',
  'case_note',
  'client',
  'consent',
  'ctdc_import',
  'database',
  'decision_policy',
  'device',
  'hotline_contact',
  'institution',
  'investigation',
  'legal_hold',
  'legal_provision',
  'linkage_run',
  'match_review',
  'need',
  'notification',
  'person',
  'privacy_alert',
  'provider',
  'referral',
  'report',
  'retention_queue',
  'retention_schedule',
  'screening',
  'screening_instrument',
  'session',
  'statistics',
  'statistics_release',
  'statistics_release_calendar',
  'suspect',
  'task',
  'trafficking_event',
  'trafficking_decision',
  'training',
  'unit',
  'user',
] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

type ActionPrefix = AuditAction extends infer A ? (A extends `${infer P}.${string}` ? P : never) : never;

/** The record a refusal names when the refusing code names none: the kind its action is about. */
const RESOURCE_OF_PREFIX: Record<ActionPrefix, AuditResourceType> = {
  institution: 'institution',
  unit: 'unit',
  user: 'user',
  audit: 'audit_event',
  person: 'person',
  case: 'case',
  caseNote: 'case_note',
  provider: 'provider',
  consent: 'consent',
  need: 'need',
  referral: 'referral',
  notification: 'notification',
  instrument: 'screening_instrument',
  decisionPolicy: 'decision_policy',
  exchange: 'case_export',
  training: 'training',
  campaign: 'campaign',
  hotline: 'hotline_contact',
  actionPlan: 'action_plan',
  investigation: 'investigation',
  legalProvision: 'legal_provision',
  statistics: 'statistics',
  task: 'task',
  linkage: 'linkage_run',
  device: 'device',
  privacy: 'person',
  breakGlass: 'break_glass',
  auth: 'session',
  decision: 'trafficking_decision',
  demo: 'database',
  database: 'database',
};

/** The kind of record `action` is about (`case.read` → `case`), for an audit row that names none. */
export function resourceOfAction(action: AuditAction): AuditResourceType | null {
  const prefix = action.split('.')[0] as ActionPrefix;
  return action.includes('.') ? RESOURCE_OF_PREFIX[prefix] : null;
}

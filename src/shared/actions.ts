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

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
  audit: ['list', 'verify'],
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
  provider: ['list', 'create', 'updateCapacity'],
  consent: ['record', 'withdraw', 'recordException'],
  need: ['record', 'list', 'report'],
  referral: ['create', 'list', 'read', 'respond', 'close'],
  notification: ['list', 'markRead'],
  instrument: ['read', 'edit'],
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
  statistics: ['read', 'report', 'drill'],
  linkage: ['findMatches', 'run', 'readRun', 'review', 'decide', 'unlink'],
} as const;

export type ActionResource = keyof typeof ACTIONS;
/** `case.read`, `referral.respond`, … — every action of the policies. */
export type ActionName = {
  [R in ActionResource]: `${R}.${(typeof ACTIONS)[R][number]}`;
}[ActionResource];

export const ACTION_NAMES: readonly ActionName[] = Object.entries(ACTIONS).flatMap(([resource, verbs]) =>
  verbs.map((verb) => `${resource}.${verb}` as ActionName),
);

/** Why data is accessed: written with every audit row (a request may state it in `x-nanduti-purpose`). */
export const PURPOSES = [
  'case_management',
  'referral',
  'investigation',
  'statistics',
  'administration',
  'audit',
  'data_subject_request',
] as const;
export type Purpose = (typeof PURPOSES)[number];

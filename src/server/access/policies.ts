/**
 * Who may do what: every permission of the system, declared per resource, in this one module.
 * Deny by default: an action not listed here is refused. A rule gets the actor and, when the check
 * is about a particular record, that record; called without a record, it answers "may this actor
 * do this to some record at all" (used for coarse checks and for the permissions sent to the UI).
 *
 * docs/ACCESS-CONTROL.md explains the matrix in plain language.
 */
import type { ACTIONS, ActionResource } from '../../shared/actions.js';
import type { Role } from '../../shared/roles.js';
import type { Actor } from './actor.js';

/** Anything that belongs to an institution. */
export interface Owned {
  institutionId: string;
}
export interface UserTarget extends Owned {
  role?: Role;
}

/** A case, person or anything attached to a case, as the rules need to see it. */
export interface CaseTarget extends Owned {
  /** The case is shared with the actor's institution (case_shares, not revoked). */
  sharedWithActor?: boolean;
  /** The actor holds an unexpired break-glass grant on it (read only; docs/PRIVACY.md). */
  breakGlass?: boolean;
}

/** Roles that have offline devices (the case roles) or administer them. */
const DEVICE_ADMINS: readonly Role[] = [
  'system_admin',
  'institution_admin',
  'case_worker',
  'supervisor',
  'prosecutor',
];

/** A registered offline device: whose it is and that user's institution. */
export interface DeviceTarget extends Owned {
  userId: string;
}

/** A referral, as the rules see it: the sending and the receiving institution. */
export interface ReferralTarget {
  fromInstitutionId: string;
  toInstitutionId: string;
}

type Rule<R> = (actor: Actor, resource?: R) => boolean;
/** One rule per action of src/shared/actions.ts: a missing rule or an unlisted one does not compile. */
type PolicyTable = { [R in ActionResource]: { [V in (typeof ACTIONS)[R][number]]: Rule<never> } };

const is =
  (...roles: Role[]): Rule<unknown> =>
  (actor) =>
    roles.includes(actor.role);

const sameInstitution = (actor: Actor, resource?: Owned) =>
  resource === undefined || resource.institutionId === actor.institutionId;

/** Roles an institution administrator may hand out inside their own institution. */
const DELEGABLE: readonly Role[] = [
  'institution_admin',
  'case_worker',
  'supervisor',
  'prosecutor',
  'analyst',
];

/** Roles that work with case content: identification, referral, prosecution. */
export const CASE_ROLES: readonly Role[] = ['case_worker', 'supervisor', 'prosecutor'];
const worksCases = (actor: Actor) => CASE_ROLES.includes(actor.role);

/** Read: the owner institution, or an institution the case was explicitly shared with. */
const readCase: Rule<CaseTarget> = (actor, target) =>
  worksCases(actor) &&
  (target === undefined ||
    target.institutionId === actor.institutionId ||
    target.sharedWithActor === true ||
    target.breakGlass === true);
/** Write: only the owner institution. */
const writeCase: Rule<CaseTarget> = (actor, target) => worksCases(actor) && sameInstitution(actor, target);

/** Staff and administrators of the institution a provider belongs to keep its capacity up to date. */
const PROVIDER_STAFF: readonly Role[] = ['institution_admin', ...CASE_ROLES];

const referralSide =
  (sides: ReadonlyArray<'from' | 'to'>): Rule<ReferralTarget> =>
  (actor, target) =>
    worksCases(actor) &&
    (target === undefined ||
      (sides.includes('from') && target.fromInstitutionId === actor.institutionId) ||
      (sides.includes('to') && target.toInstitutionId === actor.institutionId));

/** Prevention work is recorded by an institution's administrator and its case roles. */
const PREVENTION_STAFF: readonly Role[] = ['institution_admin', ...CASE_ROLES];
/** Prevention figures and the action plan are institutional data: readable by all but the DPO. */
const PREVENTION_READERS: readonly Role[] = ['system_admin', 'institution_admin', 'analyst', ...CASE_ROLES];
const PROGRESS_REPORTERS: readonly Role[] = [...PREVENTION_STAFF, 'analyst'];
/** The coordination table's administrators (system or institution administrators of the MESA). */
const mesaAdmin: Rule<unknown> = (actor) =>
  actor.institutionCode === 'MESA' && (actor.role === 'system_admin' || actor.role === 'institution_admin');

const manageUser: Rule<UserTarget> = (actor, target) =>
  actor.role === 'system_admin' ||
  (actor.role === 'institution_admin' &&
    sameInstitution(actor, target) &&
    (target?.role === undefined || DELEGABLE.includes(target.role)));

// ---- prosecution ----------------------------------------------------------------------------
/** An investigation, as the rules see it. */
export interface InvestigationTarget extends Owned {
  /** Institutions the prosecutor instructed to work on it (police on instruction): they read it too. */
  instructedInstitutionIds: readonly string[];
  /** At least one suspect is flagged as a public official. */
  complicity: boolean;
  /** The institutions of the suspects flagged as officials. */
  officialInstitutionIds: readonly string[];
}
/** Who leads prosecution in an institution, and alone may see its complicity investigations. */
export const PROSECUTION_LEADS: readonly Role[] = ['prosecutor', 'supervisor'];
/**
 * Read an investigation: case roles of the institution that owns it or that it instructed; a
 * complicity investigation only their prosecutors and supervisors, and never anyone of a flagged
 * official's institution (scope-prosecution.ts puts the same rule into SQL for every list, search
 * and export).
 */
const seesInvestigation: Rule<InvestigationTarget> = (actor, target) =>
  worksCases(actor) &&
  (target === undefined ||
    ((target.institutionId === actor.institutionId ||
      target.instructedInstitutionIds.includes(actor.institutionId)) &&
      !target.officialInstitutionIds.includes(actor.institutionId) &&
      (!target.complicity || PROSECUTION_LEADS.includes(actor.role))));
/** Changes other than operations: the owning institution's prosecutors and supervisors. */
const leadsInvestigation: Rule<InvestigationTarget> = (actor, target) =>
  PROSECUTION_LEADS.includes(actor.role) &&
  seesInvestigation(actor, target) &&
  sameInstitution(actor, target);
/** Analysts, supervisors, prosecutors and the Mesa's staff (not its DPO) read statistics. */
const statisticsReader: Rule<unknown> = (actor) =>
  actor.role === 'analyst' ||
  actor.role === 'supervisor' ||
  actor.role === 'prosecutor' ||
  (actor.institutionCode === 'MESA' && actor.role !== 'dpo');

export const policies = {
  institution: {
    list: (() => true) as Rule<unknown>,
    create: is('system_admin'),
  },
  unit: {
    create: ((actor, institution) =>
      actor.role === 'system_admin' ||
      (actor.role === 'institution_admin' && sameInstitution(actor, institution))) as Rule<Owned>,
  },
  user: {
    list: ((actor, scope) =>
      actor.role === 'system_admin' ||
      (actor.role === 'institution_admin' && sameInstitution(actor, scope))) as Rule<Owned>,
    create: manageUser,
    update: manageUser,
    resetPassword: manageUser,
  },
  audit: {
    list: is('dpo'),
    verify: is('dpo'),
    // Checkpoints and proofs hold sizes and hashes only (no personal data); the system administrator
    // hands them to the witness and to oversight bodies.
    checkpoint: is('dpo', 'system_admin'),
    proof: is('dpo', 'system_admin'),
  },
  person: {
    create: is(...CASE_ROLES),
    search: is(...CASE_ROLES),
    read: readCase,
    update: writeCase,
  },
  case: {
    create: is(...CASE_ROLES),
    list: is(...CASE_ROLES),
    read: readCase,
    update: writeCase,
    addPerson: writeCase,
    share: ((actor, target) =>
      (actor.role === 'case_worker' || actor.role === 'supervisor' || actor.role === 'prosecutor') &&
      sameInstitution(actor, target)) as Rule<CaseTarget>,
    screen: writeCase,
    decide: writeCase,
    review: ((actor, target) =>
      (actor.role === 'supervisor' || actor.role === 'prosecutor') &&
      sameInstitution(actor, target)) as Rule<CaseTarget>,
    recordEvent: writeCase,
  },
  caseNote: {
    /**
     * Whoever may read the case (its institution, one it was shared with, a break-glass grant);
     * a note whose label the reader's role does not need comes masked (LABELS_NEEDED_BY_ROLE).
     */
    read: readCase,
    /** The case's own institution writes on it, online or from a device. */
    create: writeCase,
  },
  provider: {
    /**
     * The directory holds no personal data: every role that refers, provides, administers or
     * plans may read it. The DPO's work is the audit trail, so least privilege leaves it out.
     */
    list: is('system_admin', 'institution_admin', 'analyst', ...CASE_ROLES),
    create: ((actor, provider) =>
      actor.role === 'system_admin' ||
      (actor.role === 'institution_admin' && sameInstitution(actor, provider))) as Rule<Owned>,
    updateCapacity: ((actor, provider) =>
      PROVIDER_STAFF.includes(actor.role) && sameInstitution(actor, provider)) as Rule<Owned>,
    /** Edit or deactivate: the institution's administrator for its own, a system administrator for all. */
    update: ((actor, provider) =>
      actor.role === 'system_admin' ||
      (actor.role === 'institution_admin' && sameInstitution(actor, provider))) as Rule<Owned>,
    /** The bulk import: each row is then checked as `create` for the institution it names. */
    import: is('system_admin', 'institution_admin'),
  },
  task: {
    /** Follow-up is case work: the case roles add tasks for their own institution. */
    create: ((actor, task) => worksCases(actor) && sameInstitution(actor, task)) as Rule<Owned>,
    /** My tasks and my institution's overdue work: the case roles and the institution's administrator. */
    list: is('institution_admin', ...CASE_ROLES),
    /** The institution the task is assigned to (its case roles and administrator). */
    update: ((actor, task) =>
      (actor.role === 'institution_admin' || worksCases(actor)) &&
      sameInstitution(actor, task)) as Rule<Owned>,
  },
  consent: {
    record: writeCase,
    withdraw: writeCase,
    /** A child's best-interest exception instead of consent: an authorised role of the owner. */
    recordException: ((actor, target) =>
      (actor.role === 'supervisor' || actor.role === 'prosecutor') &&
      sameInstitution(actor, target)) as Rule<CaseTarget>,
  },
  need: {
    record: writeCase,
    /** The case's protection panel (needs, consents, referrals made): whoever may read the case. */
    list: readCase,
    /** Aggregates only: analysts, supervisors and the Mesa's staff (not its DPO). */
    report: ((actor) =>
      actor.role === 'analyst' ||
      actor.role === 'supervisor' ||
      (actor.institutionCode === 'MESA' && actor.role !== 'dpo')) as Rule<unknown>,
  },
  referral: {
    /** From the institution that owns the case (a write on the case). */
    create: writeCase,
    list: is(...CASE_ROLES),
    read: referralSide(['from', 'to']),
    /** Accept, decline, record services and complete: the receiving institution. */
    respond: referralSide(['to']),
    /** Close with a reason: either side. */
    close: referralSide(['from', 'to']),
  },
  device: {
    /** Offline capture is field work: the case roles register devices (docs/OFFLINE.md). */
    register: is(...CASE_ROLES),
    /** Own devices for everyone; an institution's for its supervisors and administrators; all for the system administrator. */
    list: is('system_admin', 'institution_admin', ...CASE_ROLES),
    revoke: ((actor, device) =>
      DEVICE_ADMINS.includes(actor.role) &&
      (device === undefined ||
        device.userId === actor.userId ||
        actor.role === 'system_admin' ||
        ((actor.role === 'supervisor' || actor.role === 'institution_admin') &&
          device.institutionId === actor.institutionId))) as Rule<DeviceTarget>,
    /** The device key goes only to its own user's session, on that device (the service checks the secret). */
    unlock: ((actor, device) =>
      CASE_ROLES.includes(actor.role) &&
      (device === undefined || device.userId === actor.userId)) as Rule<DeviceTarget>,
  },
  notification: {
    /** Every signed-in role reads and marks its own notifications (the service scopes to the user). */
    list: (() => true) as Rule<unknown>,
    markRead: (() => true) as Rule<unknown>,
  },
  instrument: {
    read: (() => true) as Rule<unknown>,
    edit: is('system_admin'),
  },
  decisionPolicy: {
    /** Who may confirm a victim is known to everyone who records decisions. */
    read: (() => true) as Rule<unknown>,
    /** The policy is national: the system administrator or the coordination table's administrators. */
    update: ((actor) => actor.role === 'system_admin' || mesaAdmin(actor)) as Rule<unknown>,
  },
  exchange: {
    /**
     * Pseudonymised case-level exports (HTCDS, CTDC) of the cases the user may see: heads of unit
     * and prosecutors, who answer for their institution's data leaving the system.
     */
    export: is('supervisor', 'prosecutor'),
    /** CTDC files into the analysis area: analysts and the national system administrators. */
    import: is('analyst', 'system_admin'),
    /** The imported global data is public and de-identified: every role that works with data. */
    read: is('system_admin', 'institution_admin', 'analyst', ...CASE_ROLES),
  },
  // ---- prevention: trainings, campaigns, hotline, national action plan ----------------------
  training: {
    /** Institutional figures, nothing personal: every role that works, plans or administers. */
    list: is(...PREVENTION_READERS),
    read: is(...PREVENTION_READERS),
    /** An institution records its own events and their participants. */
    record: ((actor, training) =>
      PREVENTION_STAFF.includes(actor.role) && sameInstitution(actor, training)) as Rule<Owned>,
  },
  campaign: {
    list: is(...PREVENTION_READERS),
    record: ((actor, campaign) =>
      PREVENTION_STAFF.includes(actor.role) && sameInstitution(actor, campaign)) as Rule<Owned>,
  },
  hotline: {
    /** Hotline staff are case roles of the institution that runs the line and owns the contacts. */
    record: is(...CASE_ROLES),
    list: is(...CASE_ROLES),
    read: ((actor, contact) => worksCases(actor) && sameInstitution(actor, contact)) as Rule<Owned>,
    /** The new case belongs to the same institution, so case.create is checked as well. */
    openCase: ((actor, contact) => worksCases(actor) && sameInstitution(actor, contact)) as Rule<Owned>,
  },
  actionPlan: {
    read: is(...PREVENTION_READERS),
    /** The plan's structure belongs to the Mesa: its administrators edit it. */
    edit: mesaAdmin,
    /** The responsible institution reports progress on its actions; the Mesa's administrators too. */
    reportProgress: ((actor, action) =>
      mesaAdmin(actor) ||
      (PROGRESS_REPORTERS.includes(actor.role) && sameInstitution(actor, action))) as Rule<Owned>,
  },
  investigation: {
    /** Opened by a prosecutor's unit (prosecutor or its head). */
    create: is(...PROSECUTION_LEADS),
    list: is(...CASE_ROLES),
    read: seesInvestigation,
    /** Suspects, linked cases, cooperation requests, victims' participation. */
    update: leadsInvestigation,
    /** Operations and raids: every case role that sees it, the instructed police included. */
    recordOperation: seesInvestigation,
    /** Charges, procedural stages and outcomes: the prosecutor only. */
    prosecute: ((actor, target) =>
      actor.role === 'prosecutor' &&
      seesInvestigation(actor, target) &&
      sameInstitution(actor, target)) as Rule<InvestigationTarget>,
    export: is(...PROSECUTION_LEADS),
    complicityRegister: is(...PROSECUTION_LEADS),
  },
  legalProvision: {
    /** The catalogue of the law is public knowledge. */
    list: (() => true) as Rule<unknown>,
  },
  statistics: {
    /** Figures and the national report: aggregates only, never a personal field. */
    read: statisticsReader,
    report: statisticsReader,
    /** From a number to its cases: only roles that read case records (and only the cases they may). */
    drill: is('supervisor', 'prosecutor'),
    /** A statistician publishes the open data's releases. */
    publish: is('analyst'),
    /** The release calendar: set by the statistician or the system administrator; both see what is overdue. */
    calendar: is('analyst', 'system_admin'),
  },
  linkage: {
    /** Likely matches at intake, among the persons the user may already read. */
    findMatches: is(...CASE_ROLES),
    /** The national batch crosses every institution: the system administrator and the Mesa's analysts. */
    run: ((actor) =>
      actor.role === 'system_admin' ||
      (actor.role === 'analyst' && actor.institutionCode === 'MESA')) as Rule<unknown>,
    readRun: ((actor) =>
      actor.role === 'system_admin' ||
      (actor.role === 'analyst' && actor.institutionCode === 'MESA')) as Rule<unknown>,
    /** The review queue: supervisors and prosecutors (the other record of a pair stays masked). */
    review: is('supervisor', 'prosecutor'),
    /** A decision on a pair one of whose records belongs to the reviewer's institution. */
    decide: ((actor, pair) =>
      (actor.role === 'supervisor' || actor.role === 'prosecutor') &&
      (pair === undefined || pair.institutionIds.includes(actor.institutionId))) as Rule<{
      institutionIds: readonly string[];
    }>,
    /** Unlinking a person of the reviewer's own institution. */
    unlink: ((actor, person) =>
      (actor.role === 'supervisor' || actor.role === 'prosecutor') &&
      sameInstitution(actor, person)) as Rule<Owned>,
  },
  privacy: {
    /** The schedule is set by the national system administrator and the DPO together. */
    readRetention: is('dpo', 'system_admin'),
    updateRetention: is('dpo', 'system_admin'),
    /** Holds and erasure: the DPO's decision. */
    hold: is('dpo'),
    erase: is('dpo'),
    /** Break-glass reviews and oversight alerts. */
    oversee: is('dpo'),
    /**
     * The survivor's access report: handed over by a case role who may read the person (the
     * service checks the person through the door), or produced by the DPO (without content).
     */
    accessReport: ((actor, target) => actor.role === 'dpo' || readCase(actor, target)) as Rule<CaseTarget>,
    /** A consent receipt: case roles who may read the consent's case. */
    consentReceipt: readCase,
  },
  breakGlass: {
    /** Any case role, on a record outside their scope, with a reason (checked by the service). */
    open: is(...CASE_ROLES),
  },
} as const satisfies PolicyTable;

type Policies = typeof policies;
export type Action = {
  [R in keyof Policies]: `${R & string}.${keyof Policies[R] & string}`;
}[keyof Policies];

type ResourceOf<A extends Action> = A extends `${infer R}.${infer V}`
  ? R extends keyof Policies
    ? V extends keyof Policies[R]
      ? Policies[R][V] extends Rule<infer T>
        ? T
        : never
      : never
    : never
  : never;

/** True when `actor` may perform `action` (on `resource`, when given). */
export function can<A extends Action>(actor: Actor, action: A, resource?: ResourceOf<A>): boolean {
  const [resourceName, verb] = action.split('.') as [keyof Policies, string];
  const rule = (policies[resourceName] as Record<string, Rule<unknown>> | undefined)?.[verb];
  return rule ? rule(actor, resource) : false;
}

/** Every action the actor may perform on some record: sent to the web app, which only reads it. */
export function permissionsOf(actor: Actor): Action[] {
  const result: Action[] = [];
  for (const [resourceName, rules] of Object.entries(policies)) {
    for (const [verb, rule] of Object.entries(rules as Record<string, Rule<unknown>>)) {
      if (rule(actor, undefined)) result.push(`${resourceName}.${verb}` as Action);
    }
  }
  return result;
}

export const ALL_ACTIONS: Action[] = Object.entries(policies).flatMap(([resourceName, rules]) =>
  Object.keys(rules).map((verb) => `${resourceName}.${verb}` as Action),
);

/**
 * Visibility in SQL: every list, search, export and statistic starts from `scoped*`, which adds
 * what the actor may see to the query. Handlers never re-type these filters.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from './actor.js';
import { CASE_ROLES } from './policies.js';
import { breakGlassGrant } from './break-glass.js';

/** Users the actor may see: all for a system administrator, their institution's for its administrator. */
export function scopedUsers<O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, 'users', O>,
): SelectQueryBuilder<DB, 'users', O> {
  if (actor.role === 'system_admin') return query;
  if (actor.role === 'institution_admin')
    return query.where('users.institution_id', '=', actor.institutionId);
  return query.where(sql<boolean>`false`);
}

/** The ids of the cases shared with the actor's institution (shares not revoked). */
export function casesSharedWith(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>) =>
    eb
      .selectFrom('case_shares')
      .select('case_shares.case_id')
      .where('case_shares.institution_id', '=', actor.institutionId)
      .where('case_shares.revoked_at', 'is', null);
}

/** The condition "case `cases.id` is shared with the actor's institution". */
export function caseSharedWithActor(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>) =>
    eb.exists(casesSharedWith(actor)(eb).whereRef('case_shares.case_id', '=', 'cases.id'));
}

/**
 * The condition "case `cases.id` is visible to the actor": owned by their institution or shared
 * with it (not revoked). Roles without case access see nothing. The SQL form of `case.read`
 * (policies.ts); single cases (case-access.ts) and lists load through it.
 */
export function caseVisible(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>) => {
    if (!CASE_ROLES.includes(actor.role)) return eb.val(false);
    return eb.and([
      eb('cases.erased_at', 'is', null),
      eb.or([
        eb('cases.owner_institution_id', '=', actor.institutionId),
        caseSharedWithActor(actor)(eb),
        breakGlassGrant<'cases'>(actor, 'case', 'cases.id')(eb),
      ]),
    ]);
  };
}

/** Cases the actor may see. */
export function scopedCases<O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, 'cases', O>,
): SelectQueryBuilder<DB, 'cases', O> {
  return query.where(caseVisible(actor));
}

/**
 * How a scope is checked, where it changes the plan and never the rows:
 * - `rowByRow`: the "linked to a visible case" arm is checked for each person the query reaches,
 *   by key (`offset 0` in its EXISTS keeps PostgreSQL from turning it into a hashed set of every
 *   person linked to every visible case). For reads that stop after a page of a walk (the name
 *   search): PostgreSQL chooses the hashed set when it costs the filter over the whole table, not
 *   over the rows a LIMIT lets it read, and then builds the institution's whole caseload for each
 *   request (bench/README.md, "The name search: the scope's hashed set").
 */
export interface ScopeCheck {
  rowByRow?: boolean;
}

/**
 * The condition "person `persons.id` is visible to the actor": registered by their institution,
 * or linked to a case they may see.
 */
export function personVisible(actor: Actor, check: ScopeCheck = {}) {
  return (eb: ExpressionBuilder<DB, 'persons'>) => {
    if (!CASE_ROLES.includes(actor.role)) return eb.val(false);
    const linked = eb
      .selectFrom('case_persons')
      .innerJoin('cases', 'cases.id', 'case_persons.case_id')
      .select('case_persons.case_id')
      .whereRef('case_persons.person_id', '=', 'persons.id')
      .where((inner) => caseVisible(actor)(inner as unknown as ExpressionBuilder<DB, 'cases'>));
    return eb.and([
      eb('persons.erased_at', 'is', null),
      eb.or([
        eb('persons.owner_institution_id', '=', actor.institutionId),
        breakGlassGrant<'persons'>(actor, 'person', 'persons.id')(eb),
        eb.exists(check.rowByRow ? linked.offset(sql<number>`0`) : linked),
      ]),
    ]);
  };
}

/** Persons the actor may see. */
export function scopedPersons<O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, 'persons', O>,
  check: ScopeCheck = {},
): SelectQueryBuilder<DB, 'persons', O> {
  return query.where(personVisible(actor, check));
}

/**
 * The condition "referral `referrals.id` is visible to the actor": sent or received by their
 * institution, for the case roles (the SQL form of `referral.read`, policies.ts). `direction`
 * narrows it to the inbox (`incoming`) or the sent list (`outgoing`). A referral never makes its
 * case visible: it is read through the referral, which carries only the shared fields.
 */
export function referralVisible(actor: Actor, direction?: 'incoming' | 'outgoing') {
  return (eb: ExpressionBuilder<DB, 'referrals'>) => {
    if (!CASE_ROLES.includes(actor.role)) return eb.val(false);
    const incoming = eb('referrals.to_institution_id', '=', actor.institutionId);
    const outgoing = eb('referrals.from_institution_id', '=', actor.institutionId);
    if (direction === 'incoming') return incoming;
    if (direction === 'outgoing') return outgoing;
    return eb.or([incoming, outgoing]);
  };
}

/** Referrals the actor's institution received (`incoming`), sent (`outgoing`) or either. */
export function scopedReferrals<O>(
  actor: Actor,
  direction: 'incoming' | 'outgoing' | undefined,
  query: SelectQueryBuilder<DB, 'referrals', O>,
): SelectQueryBuilder<DB, 'referrals', O> {
  return query.where(referralVisible(actor, direction));
}

/**
 * Hotline contacts the actor may see: those received by their own institution's line, and only
 * by its case roles (a contact's report may describe a person).
 */
export function scopedHotlineContacts<O>(
  actor: Actor,
  query: SelectQueryBuilder<DB, 'hotline_contacts' | 'institutions', O>,
): SelectQueryBuilder<DB, 'hotline_contacts' | 'institutions', O> {
  if (!CASE_ROLES.includes(actor.role)) return query.where(sql<boolean>`false`);
  return query
    .where('hotline_contacts.institution_id', '=', actor.institutionId)
    .where('hotline_contacts.erased_at', 'is', null);
}

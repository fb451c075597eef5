/**
 * Reading and writing referrals: one referral with its institutions, the inbox of either side, the
 * conditional state change, the services delivered.
 */
import type { ExpressionBuilder, Insertable, Updateable } from 'kysely';
import type { z } from 'zod';
import type { ListReferralsQuery } from '../../../shared/api-protection.js';
import {
  AWAITING_ANSWER_REFERRAL_STATES,
  OPEN_REFERRAL_STATES,
  REFERRAL_STATES,
} from '../../../shared/catalogues.js';
import type { Actor } from '../../access/actor.js';
import { scopedReferrals } from '../../access/scope.js';
import type { Trx } from '../../db/database.js';
import type { DB, ReferralTable, ServiceDeliveryTable } from '../../db/schema.js';
import { followUpNow } from '../../core/clock.js';

/** "Due date passed without an answer" (an accepted referral is never overdue). */
const overdue = (eb: ExpressionBuilder<DB, 'referrals'>) =>
  eb.and([
    eb('referrals.state', 'in', [...AWAITING_ANSWER_REFERRAL_STATES]),
    eb('referrals.due_at', '<', followUpNow()),
  ]);

function withInstitutions(trx: Trx) {
  return trx
    .selectFrom('referrals')
    .innerJoin('institutions as sender', 'sender.id', 'referrals.from_institution_id')
    .innerJoin('institutions as receiver', 'receiver.id', 'referrals.to_institution_id')
    .innerJoin('provider_services', 'provider_services.id', 'referrals.provider_service_id')
    .innerJoin('service_providers', 'service_providers.id', 'provider_services.provider_id')
    .selectAll('referrals')
    .select([
      'sender.code as from_code',
      'sender.name as from_name',
      'receiver.code as to_code',
      'receiver.name as to_name',
      'service_providers.name as provider_name',
    ])
    .select((eb) => overdue(eb as unknown as ExpressionBuilder<DB, 'referrals'>).as('overdue'));
}

export async function referralById(trx: Trx, id: string) {
  return withInstitutions(trx).where('referrals.id', '=', id).executeTakeFirst();
}
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof referralById>>>;

/** Referral `id` if the actor may see it (the single-record door loads through the list's scope). */
export async function visibleReferralById(trx: Trx, actor: Actor, id: string) {
  return scopedReferrals(actor, undefined, withInstitutions(trx))
    .where('referrals.id', '=', id)
    .executeTakeFirst();
}

/** The inbox (incoming) or the sent list (outgoing) of the actor's institution, with counts per state. */
export async function listReferrals(trx: Trx, actor: Actor, query: z.output<typeof ListReferralsQuery>) {
  let items = scopedReferrals(actor, query.direction, withInstitutions(trx));
  if (query.state) items = items.where('referrals.state', '=', query.state);
  if (query.overdue === 'true') items = items.where(overdue);
  if (query.overdue === 'false') items = items.where((eb) => eb.not(overdue(eb)));
  let totalQuery = scopedReferrals(actor, query.direction, trx.selectFrom('referrals'));
  if (query.state) totalQuery = totalQuery.where('referrals.state', '=', query.state);
  if (query.overdue === 'true') totalQuery = totalQuery.where(overdue);
  if (query.overdue === 'false') totalQuery = totalQuery.where((eb) => eb.not(overdue(eb)));
  const [rows, total, perState, late] = await Promise.all([
    items
      .orderBy('referrals.created_at', 'desc')
      .orderBy('referrals.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    totalQuery.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    scopedReferrals(actor, query.direction, trx.selectFrom('referrals'))
      .select(['referrals.state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('referrals.state')
      .execute(),
    scopedReferrals(actor, query.direction, trx.selectFrom('referrals'))
      .where(overdue)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const counts = Object.fromEntries(REFERRAL_STATES.map((state) => [state, 0])) as Record<
    (typeof REFERRAL_STATES)[number],
    number
  >;
  for (const row of perState) counts[row.state as keyof typeof counts] = Number(row.n);
  return { rows, total: Number(total.n), counts, overdue: Number(late.n) };
}

/** Every referral made for a case (the sending side's view of its own case), newest first. */
export async function referralsOfCase(trx: Trx, caseId: string) {
  return withInstitutions(trx)
    .where('referrals.case_id', '=', caseId)
    .orderBy('referrals.created_at', 'desc')
    .orderBy('referrals.id')
    .execute();
}

/** The open referral made for a need, if any (one need has at most one). */
export function openReferralOfNeed(trx: Trx, needId: string) {
  return trx
    .selectFrom('referrals')
    .select('id')
    .where('need_id', '=', needId)
    .where('state', 'in', [...OPEN_REFERRAL_STATES])
    .executeTakeFirst();
}

/** The open referrals that rely on consent `consentId`, oldest first, locked for their ending. */
export function openReferralsOnConsent(trx: Trx, consentId: string) {
  return trx
    .selectFrom('referrals')
    .select([
      'id',
      'state',
      'holds_place',
      'provider_service_id',
      'need_id',
      'from_institution_id',
      'to_institution_id',
    ])
    .where('consent_id', '=', consentId)
    .where('state', 'in', [...OPEN_REFERRAL_STATES])
    .orderBy('created_at')
    .forUpdate()
    .execute();
}

export function insertReferral(trx: Trx, values: Insertable<ReferralTable>) {
  return trx
    .insertInto('referrals')
    .values(values)
    .returning(['id', 'from_institution_id', 'to_institution_id'])
    .executeTakeFirstOrThrow();
}

/**
 * Sets the referral's state to `to` (with `changes`) only if it is still `from`: false when another
 * request changed it first.
 */
export async function moveReferralState(
  trx: Trx,
  referralId: string,
  from: string,
  to: string,
  changes: Pick<Updateable<ReferralTable>, 'state_reason' | 'holds_place' | 'service_due_on'>,
): Promise<boolean> {
  const row = await trx
    .updateTable('referrals')
    .set({ state: to, updated_at: new Date(), ...changes })
    .where('id', '=', referralId)
    .where('state', '=', from)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The services delivered under a referral, in the order they were delivered. */
export function deliveriesOf(trx: Trx, referralId: string) {
  return trx
    .selectFrom('service_deliveries')
    .select(['id', 'delivered_on', 'description', 'created_at'])
    .where('referral_id', '=', referralId)
    .orderBy('delivered_on')
    .orderBy('created_at')
    .execute();
}

export function insertServiceDelivery(trx: Trx, values: Insertable<ServiceDeliveryTable>) {
  return trx.insertInto('service_deliveries').values(values).returning('id').executeTakeFirstOrThrow();
}

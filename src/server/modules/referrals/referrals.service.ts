/**
 * Referrals: from the institution that owns the case to a provider institution, for one need,
 * covered by an active consent (or a documented exception) and sharing only the chosen fields.
 * A referral never gives the receiving institution the case: it reads the referral, nothing else.
 */
import type { z } from 'zod';
import type {
  CompleteReferralRequest,
  CreateReferralRequest,
  DeclineReferralRequest,
  ListReferralsQuery,
  ReferralView,
  ServiceDeliveryRequest,
} from '../../../shared/api-protection.js';
import {
  DEFAULT_SHARED_FIELDS,
  SERVICE_DUE_WORKING_DAYS,
  URGENCY_DUE_DAYS,
  type SHAREABLE_FIELDS,
  type URGENCIES,
} from '../../../shared/catalogues.js';
import { addWorkingDays, endOfParaguayDay } from '../../../shared/working-days.js';
import { authorize } from '../../access/authorize.js';
import { can, type Action } from '../../access/policies.js';
import type { AuditAction } from '../../../shared/actions.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { followUpToday } from '../../core/clock.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { addTimeline } from '../cases/timeline.js';
import { notifyReferral } from '../notifications/notifications.service.js';
import { isBedService } from '../providers/matching.js';
import { providerOffering, takePlace } from '../providers/providers.repository.js';
import { loadCaseFor } from './case-for.js';
import { presentProtectionStatus } from './needs.presenter.js';
import { currentAge, loadPerson } from './person-profile.js';
import { isMinor } from './consents.service.js';
import { auditOperation as auditProtection } from '../../audit/audit.js';
import { canMove, endReferral, transition } from './referral-state.js';
import { presentReferral, presentReferralSummary, sharedPerson } from './referrals.presenter.js';
import {
  deliveriesOf,
  insertReferral,
  insertServiceDelivery,
  listReferrals,
  openReferralOfNeed,
  referralById,
  visibleReferralById,
  type ReferralRow,
} from './referrals.repository.js';
import { activeConsentsFor, consentActive } from './consents.repository.js';
import { needForReferral, needOfCase, setNeedStatus } from './needs.repository.js';
import { caseReference } from '../cases/cases.repository.js';
import { institutionColumn } from '../institutions/institutions.repository.js';
import { personErased } from '../persons/persons.repository.js';
import { isAfterParaguayToday } from '../../../shared/dates.js';
import { type AuditFieldName } from '../../../shared/audit-fields/lists.js';

type ReferralAction = Extract<Action, 'referral.read' | 'referral.respond' | 'referral.close'>;
type Actions = z.input<typeof ReferralView>['actions'];

/**
 * The one door to a referral: loads it through the SQL scope (`referralVisible`), then authorizes
 * `action` with the same rule. A referral neither sent nor received by the actor's institution is
 * "not found"; the other side attempting a receiver's action is "forbidden". Both are audited.
 */
export async function loadReferralFor(
  ctx: Ctx,
  referralId: string,
  action: ReferralAction,
): Promise<ReferralRow> {
  const audit = { action, resourceType: 'referral' as const, resourceId: referralId };
  const row = await visibleReferralById(ctx.trx, ctx.actor, referralId);
  const target = row && {
    fromInstitutionId: row.from_institution_id,
    toInstitutionId: row.to_institution_id,
  };
  if (!row || !target || !can(ctx.actor, 'referral.read', target)) throw errors.notFound({ audit });
  authorize(ctx.actor, action, target, { resourceType: 'referral' as const, resourceId: row.id });
  return row;
}

function actionsFor(ctx: Ctx, row: ReferralRow): Actions {
  const target = { fromInstitutionId: row.from_institution_id, toInstitutionId: row.to_institution_id };
  const respond = can(ctx.actor, 'referral.respond', target);
  const actions: Actions = [];
  if (respond && canMove(row.state, 'accepted')) actions.push('accept');
  if (respond && canMove(row.state, 'declined')) actions.push('decline');
  if (respond && canMove(row.state, 'completed')) actions.push('complete', 'recordDelivery');
  if (can(ctx.actor, 'referral.close', target) && canMove(row.state, 'closed')) actions.push('close');
  return actions;
}

/**
 * The referral as the caller's side sees it. The person part holds only the shared fields, and is
 * null once the consent was withdrawn or the referral ended by withdrawal. Showing it is a read of
 * the person's record: audited with the names of the fields shown.
 */
export async function referralView(ctx: Ctx, crypto: FieldCrypto, referralId: string) {
  const row = (await referralById(ctx.trx, referralId))!;
  // An erased person (docs/PRIVACY.md) has nothing left to show, as after a withdrawal.
  const erased = await personErased(ctx.trx, row.person_id);
  const personal = row.state !== 'withdrawn' && !erased && (await consentActive(ctx.trx, row.consent_id));
  let person = null;
  if (personal) {
    const need = await needForReferral(ctx.trx, row.need_id);
    person = sharedPerson(crypto, row.shared_fields, {
      person: await loadPerson(ctx.trx, row.person_id),
      need,
      protectionStatus: row.shared_fields.includes('protectionStatus')
        ? await presentProtectionStatus(ctx, row.case_id, row.person_id)
        : null,
    });
    await auditProtection(
      ctx,
      'referral.readShared',
      'person',
      row.person_id,
      // Written from the SharedField list (createReferral); the audit checks each name's label.
      row.shared_fields as (typeof SHAREABLE_FIELDS)[number][],
    );
  }
  const deliveries = await deliveriesOf(ctx.trx, row.id);
  const sender = row.from_institution_id === ctx.actor.institutionId;
  const caseRef = sender ? await caseReference(ctx.trx, row.case_id) : null;
  return presentReferral(crypto, row, { caseRef, person, deliveries, actions: actionsFor(ctx, row) });
}

export async function getReferral(ctx: Ctx, crypto: FieldCrypto, referralId: string) {
  const row = await loadReferralFor(ctx, referralId, 'referral.read');
  await auditProtection(ctx, 'referral.read', 'referral', row.id);
  return referralView(ctx, crypto, row.id);
}

export async function createReferral(
  ctx: Ctx,
  crypto: FieldCrypto,
  input: z.output<typeof CreateReferralRequest>,
) {
  const loaded = await loadCaseFor(ctx.trx, ctx.actor, input.caseId, 'referral.create');
  const need = await needOfCase(ctx.trx, input.needId, loaded.id);
  if (!need) throw errors.badRequest('unknown_need');
  if (need.status === 'met') throw errors.conflict('need_already_met');
  const service = await providerOffering(ctx.trx, input.providerId, need.service_type);
  if (!service || !service.active) throw errors.badRequest('unknown_provider');
  if (!service.service_id)
    throw errors.conflict('provider_does_not_offer_service', { service: need.service_type });
  if (await openReferralOfNeed(ctx.trx, need.id)) throw errors.conflict('need_already_referred');

  const fields = [...new Set([...DEFAULT_SHARED_FIELDS, ...input.extraSharedFields])];
  const recorded = await activeConsentsFor(ctx.trx, loaded.id, need.person_id, need.service_type);
  // A child's own consent (recorded before the rule, say) does not allow a referral (docs/MINORS-CONSENT.md).
  const person = await loadPerson(ctx.trx, need.person_id);
  const minor = isMinor(currentAge(crypto, person), person.age_estimated);
  const consents = minor ? recorded.filter((c) => c.given_by !== 'Person') : recorded;
  // A child with no usable consent is told what would do: a representative's or an authority's.
  if (consents.length === 0 && (minor || recorded.length > 0))
    throw errors.conflict('minor_consent_needs_representative');
  if (consents.length === 0) throw errors.conflict('consent_required', { service: need.service_type });
  const covering = consents.find((c) => fields.every((field) => c.shared_fields.includes(field)));
  if (!covering) {
    const best = consents[0]!;
    throw errors.conflict('consent_does_not_cover_fields', {
      fields: fields.filter((field) => !best.shared_fields.includes(field)).join(', '),
    });
  }
  const row = await insertReferral(ctx.trx, {
    case_id: loaded.id,
    person_id: need.person_id,
    need_id: need.id,
    consent_id: covering.id,
    provider_service_id: service.service_id,
    service_type: need.service_type,
    from_institution_id: loaded.ownerInstitutionId,
    to_institution_id: service.institution_id,
    state: 'requested',
    urgency: need.urgency,
    // The answer is due at the end of the Nth working day (Paraguay's calendar, docs/TASKS.md).
    due_at: endOfParaguayDay(
      addWorkingDays(followUpToday(), URGENCY_DUE_DAYS[need.urgency as (typeof URGENCIES)[number]]),
    ),
    shared_fields: fields,
    note: crypto.encryptNullable(input.note || null, 'referrals.note'),
    created_by: ctx.actor.userId,
  });
  await notifyReferral(ctx, 'referral_created', row);
  await setNeedStatus(ctx.trx, need.id, 'referred');
  const toInstitutionCode = await institutionColumn(ctx.trx, service.institution_id, 'code');
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: 'referral_created',
    details: {
      referralId: row.id,
      serviceType: need.service_type,
      toInstitutionCode,
      sharedFields: fields,
    },
  });
  await auditProtection(ctx, 'referral.create', 'referral', row.id, fields);
  return referralView(ctx, crypto, row.id);
}

async function timeline(ctx: Ctx, row: ReferralRow, kind: string, extra: Record<string, string> = {}) {
  await addTimeline(ctx.trx, {
    caseId: row.case_id,
    actor: ctx.actor,
    kind,
    details: { referralId: row.id, institutionCode: ctx.actor.institutionCode, ...extra },
  });
}

/**
 * A change to one referral: loads it for `action` (or the action the input asks for) through the
 * door above, where a refusal is audited, runs `apply` and answers the referral as the actor now
 * sees it.
 */
function referralCommand<Input>(
  action: ReferralAction | ((input: Input) => ReferralAction),
  apply: (ctx: Ctx, crypto: FieldCrypto, row: ReferralRow, input: Input) => Promise<void>,
) {
  return async (ctx: Ctx, crypto: FieldCrypto, referralId: string, input: Input) => {
    const row = await loadReferralFor(ctx, referralId, typeof action === 'function' ? action(input) : action);
    await apply(ctx, crypto, row, input);
    return referralView(ctx, crypto, row.id);
  };
}

/** What an answer to a referral leaves: the case's timeline entry, the other side's notification, the audit. */
async function answered(
  ctx: Ctx,
  row: ReferralRow,
  event: Parameters<typeof notifyReferral>[1],
  action: AuditAction,
  fields: AuditFieldName[],
) {
  await timeline(ctx, row, event);
  await notifyReferral(ctx, event, row);
  await auditProtection(ctx, action, 'referral', row.id, fields);
}

/** The receiving institution accepts; for a bed service it takes one place, atomically, or answers 409 no_capacity. */
export const acceptReferral = referralCommand<void>('referral.respond', async (ctx, _crypto, row) => {
  const bed = isBedService(row.service_type);
  // Referral first, then the place (the lock order of referral-state.ts).
  await transition(ctx.trx, row.id, row.state, 'accepted', {
    holds_place: bed,
    // The service is due within working days of the acceptance; a rule follows it up (task-rules.ts).
    service_due_on: addWorkingDays(
      followUpToday(),
      SERVICE_DUE_WORKING_DAYS[row.urgency as (typeof URGENCIES)[number]] ?? SERVICE_DUE_WORKING_DAYS.Normal,
    ),
  });
  if (bed && !(await takePlace(ctx.trx, row.provider_service_id))) throw errors.conflict('no_capacity');
  await answered(ctx, row, 'referral_accepted', 'referral.accept', ['state']);
});

export const declineReferral = referralCommand(
  'referral.respond',
  async (ctx, crypto, row, input: z.output<typeof DeclineReferralRequest>) => {
    await endReferral(ctx.trx, row, 'declined', crypto.encrypt(input.reason, 'referrals.state_reason'));
    await answered(ctx, row, 'referral_declined', 'referral.decline', ['state', 'reason']);
  },
);

/** Completes (the receiving institution) or closes with a reason (either side). */
export const completeReferral = referralCommand(
  (input: z.output<typeof CompleteReferralRequest>) =>
    input.outcome === 'completed' ? 'referral.respond' : 'referral.close',
  async (ctx, crypto, row, input) => {
    const reason = input.reason ? crypto.encrypt(input.reason, 'referrals.state_reason') : null;
    await endReferral(ctx.trx, row, input.outcome, reason);
    const completed = input.outcome === 'completed';
    await answered(
      ctx,
      row,
      completed ? 'referral_completed' : 'referral_closed',
      completed ? 'referral.complete' : 'referral.close',
      ['state', ...(reason ? (['reason'] as const) : [])],
    );
  },
);

/** A service delivered under an accepted referral (what "victims assisted" counts); the first one starts it. */
export const recordServiceDelivery = referralCommand(
  'referral.respond',
  async (ctx, crypto, row, input: z.output<typeof ServiceDeliveryRequest>) => {
    if (row.state !== 'accepted' && row.state !== 'in_progress')
      throw errors.conflict('invalid_referral_transition', { from: row.state, to: 'in_progress' });
    if (isAfterParaguayToday(input.deliveredOn, 0)) throw errors.badRequest('date_in_future');
    if (row.state === 'accepted') await transition(ctx.trx, row.id, 'accepted', 'in_progress');
    const delivery = await insertServiceDelivery(ctx.trx, {
      referral_id: row.id,
      delivered_on: input.deliveredOn,
      description: crypto.encrypt(input.description, 'service_deliveries.description'),
      recorded_by: ctx.actor.userId,
      institution_id: ctx.actor.institutionId,
    });
    await timeline(ctx, row, 'service_delivered', {
      deliveryId: delivery.id,
      deliveredOn: input.deliveredOn,
    });
    await auditProtection(ctx, 'referral.recordDelivery', 'referral', row.id, ['deliveredOn', 'description']);
  },
);

export async function referralInbox(
  ctx: Pick<Ctx, 'trx' | 'actor'>,
  query: z.output<typeof ListReferralsQuery>,
) {
  const { rows, total, counts, overdue } = await listReferrals(ctx.trx, ctx.actor, query);
  return { direction: query.direction, items: rows.map(presentReferralSummary), total, counts, overdue };
}

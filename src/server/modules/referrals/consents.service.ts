/**
 * Consent to referral, per person on a case: which services, what may be shared, how it was given,
 * by whom and when. A child's best-interest exception replaces consent only when documented, with a
 * reason, by a supervisor or prosecutor of a child-protection authority (an institution holding
 * `child_best_interest_exception`: MINNA, CODENI, the children's defender, the children's courts —
 * never the police or an NGO). Withdrawing consent ends every referral that relied on it.
 */
import type { z } from 'zod';
import type { ConsentView, RecordConsentRequest } from '../../../shared/api-protection.js';
import { authorize } from '../../access/authorize.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Selectable } from 'kysely';
import type { ConsentTable } from '../../db/schema.js';
import { AppError, errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { addTimeline } from '../cases/timeline.js';
import { loadCaseFor } from './case-for.js';
import { personInCase } from '../cases/cases.repository.js';
import { currentAge, loadPerson } from './person-profile.js';
import { auditOperation as auditProtection } from '../../audit/audit.js';
import { notifyReferral } from '../notifications/notifications.service.js';
import { endReferral } from './referral-state.js';
import { consentOfCase, insertConsent, markConsentWithdrawn } from './consents.repository.js';
import { openReferralsOnConsent } from './referrals.repository.js';
import { isAfterParaguayToday } from '../../../shared/dates.js';
import { isMinor, ownConsentOfChild } from '../../../shared/minor-consent.js';
import { institutionHolds } from '../institutions/institutions.repository.js';

/** The legal role that allows signing a child's best-interest exception (docs/LEGAL-PROVISIONS.md). */
export const CHILD_EXCEPTION_AUTHORITY = 'child_best_interest_exception';

type RecordInput = z.output<typeof RecordConsentRequest>;
type View = z.input<typeof ConsentView>;

export function presentConsent(row: Selectable<ConsentTable>): View {
  return {
    id: row.id,
    caseId: row.case_id,
    personId: row.person_id,
    kind: row.kind as View['kind'],
    services: row.services as View['services'],
    sharedFields: row.shared_fields as View['sharedFields'],
    method: row.method as View['method'],
    givenBy: row.given_by as View['givenBy'],
    representativeRelationship: row.representative_relationship,
    authority: row.authority as View['authority'],
    givenOn: row.given_on,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.created_at).toISOString(),
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at).toISOString() : null,
  };
}

/** A child or possibly one by what is known of the person (shared/minor-consent.ts). */
export { isMinor };

/** The refusal of a child's own consent, on the field that says who gave it (its path in the body). */
export function minorConsentRefused(path = 'body.givenBy'): AppError {
  return new AppError(
    'minor_consent_needs_representative',
    422,
    {},
    {
      issues: [
        {
          path,
          message: 'issue.childConsentGiver',
        },
      ],
    },
  );
}

export async function recordConsent(ctx: Ctx, crypto: FieldCrypto, caseId: string, input: RecordInput) {
  const exception = input.kind === 'best_interest_exception';
  const loaded = await loadCaseFor(ctx.trx, ctx.actor, caseId, 'consent.record');
  if (exception) {
    authorize(
      ctx.actor,
      'consent.recordException',
      { institutionId: loaded.ownerInstitutionId },
      { resourceType: 'case', resourceId: loaded.id },
    );
    if (!(await institutionHolds(ctx.trx, ctx.actor.institutionId, CHILD_EXCEPTION_AUTHORITY))) {
      throw errors.forbidden({
        audit: { action: 'consent.recordException', resourceType: 'case', resourceId: loaded.id },
      });
    }
  }
  if (!(await personInCase(ctx.trx, loaded.id, input.personId)))
    throw errors.badRequest('person_not_in_case');
  if (isAfterParaguayToday(input.givenOn, 0)) throw errors.badRequest('date_in_future');
  const person = await loadPerson(ctx.trx, input.personId);
  const age = currentAge(crypto, person);
  const minor = isMinor(age, person.age_estimated);
  // The exception is a child's: refused for someone known to be an adult (an unknown age may be a child's).
  if (exception && age !== null && !minor) throw errors.conflict('exception_only_for_child');
  // A child's own word is not consent: a parent, guardian or authority gives it (docs/MINORS-CONSENT.md).
  if (ownConsentOfChild(input, minor)) throw minorConsentRefused();
  const row = await insertConsent(ctx.trx, {
    case_id: loaded.id,
    person_id: input.personId,
    kind: input.kind,
    services: input.services,
    shared_fields: input.sharedFields,
    method: input.method ?? null,
    given_by: input.givenBy ?? null,
    given_on: input.givenOn,
    reason: crypto.encryptNullable(input.reason ?? null, 'consents.reason'),
    representative_name: crypto.encryptNullable(
      input.representativeName ?? null,
      'consents.representative_name',
    ),
    representative_relationship: input.representativeRelationship ?? null,
    authority: input.authority ?? null,
    child_view: crypto.encryptNullable(input.childView ?? null, 'consents.child_view'),
    recorded_by: ctx.actor.userId,
    institution_id: ctx.actor.institutionId,
  });
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: exception ? 'consent_exception_recorded' : 'consent_recorded',
    details: { consentId: row.id, personId: input.personId, services: input.services },
  });
  await auditProtection(ctx, exception ? 'consent.recordException' : 'consent.record', 'consent', row.id, [
    'services',
    'sharedFields',
    'givenOn',
    ...(exception ? (['reason'] as const) : (['method', 'givenBy'] as const)),
    ...(['representativeName', 'representativeRelationship', 'authority', 'childView'] as const).filter(
      (field) => input[field] !== undefined,
    ),
  ]);
  return presentConsent(row);
}

/** Withdraws a consent (or exception) and ends the open referrals that relied on it. */
export async function withdrawConsent(ctx: Ctx, caseId: string, consentId: string) {
  const loaded = await loadCaseFor(ctx.trx, ctx.actor, caseId, 'consent.withdraw');
  const existing = await consentOfCase(ctx.trx, consentId, loaded.id);
  if (!existing) throw errors.notFound();
  if (existing.withdrawn_at) throw errors.conflict('consent_already_withdrawn');
  const row = await markConsentWithdrawn(ctx.trx, consentId, ctx.actor.userId);
  const open = await openReferralsOnConsent(ctx.trx, consentId);
  for (const referral of open) {
    await endReferral(ctx.trx, referral, 'withdrawn', null);
    await addTimeline(ctx.trx, {
      caseId: loaded.id,
      actor: ctx.actor,
      kind: 'referral_withdrawn',
      details: { referralId: referral.id, consentId },
    });
    await auditProtection(ctx, 'referral.withdraw', 'referral', referral.id, ['state']);
    await notifyReferral(ctx, 'referral_withdrawn', referral);
  }
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: 'consent_withdrawn',
    details: { consentId, referrals: open.length },
  });
  await auditProtection(ctx, 'consent.withdraw', 'consent', consentId, ['withdrawnAt']);
  return { consent: presentConsent(row), withdrawnReferralIds: open.map((r) => r.id) };
}

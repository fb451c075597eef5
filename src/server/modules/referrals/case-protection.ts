/**
 * The protection panel of a case: needs, consents, protection statuses and the referrals made, for
 * the institutions that may read the case. Open and unmet needs are matched again against today's
 * directory, leaving out the providers that already declined that need — so a declined referral
 * offers the next provider, and a place freed since the need was recorded shows up.
 */
import type { z } from 'zod';
import type { CaseProtection } from '../../../shared/api-protection.js';
import { authorize } from '../../access/authorize.js';
import { can } from '../../access/policies.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { AppError, errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { loadCaseForAction } from '../cases/case-access.js';
import { match, type Candidate } from '../providers/matching.js';
import { candidatesFor } from '../providers/providers.repository.js';
import { CHILD_EXCEPTION_AUTHORITY, presentConsent } from './consents.service.js';
import { institutionHolds } from '../institutions/institutions.repository.js';
import { presentNeed, presentProtectionStatus } from './needs.presenter.js';
import { loadPerson, profileOf, type PersonRow } from './person-profile.js';
import { presentReferralSummary } from './referrals.presenter.js';
import { referralsOfCase } from './referrals.repository.js';
import { consentsOfCase } from './consents.repository.js';
import { needsOfCase, personsWithProtectionStatus } from './needs.repository.js';

type View = z.input<typeof CaseProtection>;

export async function getCaseProtection(ctx: Ctx, crypto: FieldCrypto, caseId: string): Promise<View> {
  let loaded;
  try {
    loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'case.read');
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw errors.notFound({ audit: { action: 'need.list', resourceType: 'case', resourceId: null } });
    throw error;
  }
  const target = { institutionId: loaded.ownerInstitutionId, sharedWithActor: loaded.sharedWithActor };
  authorize(ctx.actor, 'need.list', target, { resourceType: 'case', resourceId: loaded.id });

  const [needRows, consentRows, referralRows, statusRows] = await Promise.all([
    needsOfCase(ctx.trx, loaded.id),
    consentsOfCase(ctx.trx, loaded.id),
    referralsOfCase(ctx.trx, loaded.id),
    personsWithProtectionStatus(ctx.trx, loaded.id),
  ]);

  const persons = new Map<string, PersonRow>();
  const candidates = new Map<string, Candidate[]>();
  const needs: View['needs'] = [];
  for (const row of needRows) {
    const notes = crypto.decryptNullable(row.notes, 'person_needs.notes');
    if (row.status !== 'open' && row.status !== 'unmet') {
      needs.push(presentNeed(row, notes, [], true));
      continue;
    }
    if (!persons.has(row.person_id)) persons.set(row.person_id, await loadPerson(ctx.trx, row.person_id));
    if (!candidates.has(row.service_type))
      candidates.set(row.service_type, await candidatesFor(ctx.trx, row.service_type));
    const declined = new Set(
      referralRows
        .filter((r) => r.need_id === row.id && r.state === 'declined')
        .map((r) => r.provider_service_id),
    );
    const profile = profileOf(crypto, persons.get(row.person_id)!);
    const result = match(
      candidates.get(row.service_type)!.filter((c) => !declined.has(c.providerServiceId)),
      { serviceType: row.service_type, department: row.department },
      profile,
    );
    needs.push(presentNeed(row, notes, result.matches, profile.age !== null));
  }

  const statuses = [];
  for (const { person_id } of statusRows) {
    const status = await presentProtectionStatus(ctx, loaded.id, person_id);
    if (status) statuses.push({ personId: person_id, status });
  }

  const actions: View['actions'] = [];
  if (can(ctx.actor, 'need.record', target)) actions.push('recordNeed');
  if (can(ctx.actor, 'consent.record', target)) actions.push('recordConsent');
  if (
    can(ctx.actor, 'consent.recordException', target) &&
    (await institutionHolds(ctx.trx, ctx.actor.institutionId, CHILD_EXCEPTION_AUTHORITY))
  )
    actions.push('recordException');
  if (can(ctx.actor, 'consent.withdraw', target)) actions.push('withdrawConsent');
  if (can(ctx.actor, 'referral.create', target)) actions.push('refer');

  await auditOperation(ctx, 'need.list', 'case', loaded.id);
  return {
    needs,
    consents: consentRows.map(presentConsent),
    statuses,
    referrals: referralRows.map((row) => ({
      ...presentReferralSummary(row),
      needId: row.need_id,
      personId: row.person_id,
      // A reader of the case who neither sent nor received it (a prosecutor the case is shared
      // with) sees the line but gets no link to a page that would answer "not found".
      readable: can(ctx.actor, 'referral.read', {
        fromInstitutionId: row.from_institution_id,
        toInstitutionId: row.to_institution_id,
      }),
    })),
    actions,
  };
}

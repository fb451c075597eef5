/**
 * Protection for one demo victim: needs matched against the directory with the providers module's
 * `match` (an adult man needing shelter is unmet, "no provider for profile", as with the API), the
 * consent that covers the services referred, referrals from the case's institution to each
 * provider's, the services delivered under accepted referrals (what "victims assisted" counts), and
 * the protection status of foreign victims and of Paraguayans found abroad.
 */
import { DEFAULT_SHARED_FIELDS } from '../../shared/catalogues.js';
import { ageBandOf, match } from '../modules/providers/matching.js';
import type { DemoContext, Holds, ProtectionVictim } from './context.js';
import { addDays, dayAfter, LAST_DAY, timestampOn } from './plan.js';
import type { Rng } from './prng.js';
import { needStatusAfter, writeReferral } from './referral-write.js';
import { writeProtectionStatus } from './protection-status.js';
import * as texts from './protection-texts.js';
import type { ChunkTables } from './tables.js';
import type { EncryptionContext } from '../crypto/registry.js';

/** Chance that each service is needed, by who the victim is. */
const NEEDS = {
  child: {
    Shelter: 0.4,
    Psychological: 0.6,
    Medical: 0.45,
    Education: 0.3,
    FamilyReintegration: 0.35,
    DropInCentre: 0.15,
    LegalAid: 0.2,
  },
  woman: {
    Shelter: 0.4,
    Psychological: 0.6,
    Medical: 0.45,
    LegalAid: 0.4,
    Livelihood: 0.3,
    FinancialHelp: 0.1,
  },
  man: {
    Shelter: 0.2,
    Medical: 0.4,
    LegalAid: 0.35,
    Livelihood: 0.45,
    Psychological: 0.3,
    FinancialHelp: 0.1,
  },
} as const;
const URGENT = new Set(['Shelter', 'Medical', 'Repatriation']);

function drawNeeds(rng: Rng, v: ProtectionVictim): string[] {
  const group = v.child ? NEEDS.child : v.fields.sex === 'Female' ? NEEDS.woman : NEEDS.man;
  const types = Object.entries(group)
    .filter(([, p]) => rng.chance(p))
    .map(([type]) => type);
  if (v.fields.nationalities[0] !== 'PY') {
    if (rng.chance(0.5)) types.push('ResidencyRegularisation');
    if (rng.chance(0.25)) types.push('Repatriation');
    if (v.fields.interpreterNeeded && rng.chance(0.7)) types.push('Interpretation');
  }
  if (v.detectionCountry !== 'PY' && rng.chance(0.8)) types.push('Repatriation');
  const distinct = [...new Set(types)].slice(0, 5);
  return distinct.length ? distinct : ['Psychological'];
}

function urgencyOf(rng: Rng, type: string): 'Immediate' | 'High' | 'Normal' {
  const x = rng.float();
  if (URGENT.has(type)) return x < 0.45 ? 'Immediate' : x < 0.8 ? 'High' : 'Normal';
  return x < 0.05 ? 'Immediate' : x < 0.3 ? 'High' : 'Normal';
}

/** Writes victim `v`'s protection records into `t`, counting the places held into `holds`. */
export function writeProtection(
  ctx: DemoContext,
  rng: Rng,
  ids: Rng,
  t: ChunkTables,
  v: ProtectionVictim,
  holds: Holds,
): void {
  const foreign = v.fields.nationalities[0] !== 'PY';
  if (foreign || v.detectionCountry !== 'PY') writeProtectionStatus(rng, t, v, foreign);
  const share =
    v.status === 'NotAVictimOfTrafficking'
      ? 0.05
      : v.status === 'ActualVictimOfTrafficking'
        ? 0.8
        : v.status
          ? 0.65
          : 0.4;
  if (!rng.chance(share)) return;
  const enc = (value: string | null, context: EncryptionContext) =>
    ctx.crypto.encryptNullable(value, context);
  const worker = rng.pick(v.owner.staff);
  // Needs are recorded, and referred, once the person was identified (identification ≤ referral).
  const needOn = dayAfter(v.identifiedOn ?? v.detectedOn, rng.int(0, 6));
  const department = v.detectionDepartment ?? v.fields.residenceDepartment ?? null;
  const profile = {
    sex: v.fields.sex,
    age: v.age,
    nationalities: v.fields.nationalities,
    languages: v.fields.languages,
  };
  const planned = drawNeeds(rng, v).map((type) => {
    const offers = ctx.offers.get(type) ?? [];
    const result = match(offers, { serviceType: type, department }, profile);
    // Most matched needs are referred, mostly to the nearest provider.
    const chosen =
      result.unmetReason || !rng.chance(0.85)
        ? undefined
        : result.matches[rng.chance(0.85) ? 0 : Math.min(1, result.matches.length - 1)];
    const target = offers.find((o) => o.providerServiceId === chosen?.providerServiceId) ?? null;
    return { id: ids.uuid(), type, urgency: urgencyOf(rng, type), unmet: result.unmetReason, target };
  });
  const referred = planned.filter((n) => n.target);

  // One consent (or a child's documented best-interest exception) covers every service referred.
  let consent: {
    id: string;
    fields: string[];
    withdrawnOn: string | null;
    withdrawnAt: string | null;
  } | null = null;
  if (referred.length) {
    // A child's best-interest exception is signed only by a child-protection authority's supervisor
    // (MINNA among the demo's case owners); elsewhere a parent or guardian consents. The draw is kept
    // for every child so that the rest of the data does not depend on the owner.
    const drawn = v.child && rng.chance(0.15);
    const signer = v.owner.authorities.includes('child_best_interest_exception')
      ? v.owner.supervisors[0]
      : undefined;
    const exception = drawn && signer !== undefined;
    const extra = foreign || v.detectionCountry !== 'PY' ? ['nationalities', 'protectionStatus'] : [];
    if (rng.chance(0.3)) extra.push('contact');
    const fields = [...DEFAULT_SHARED_FIELDS, ...extra];
    const lastReferral = addDays(needOn, 3);
    const withdrawnOn = rng.chance(0.03) ? addDays(lastReferral, rng.int(2, 60)) : null;
    const withdrawal = withdrawnOn && withdrawnOn <= LAST_DAY ? withdrawnOn : null;
    consent = {
      id: ids.uuid(),
      fields,
      withdrawnOn: withdrawal,
      withdrawnAt: withdrawal && timestampOn(rng, withdrawal),
    };
    const at = timestampOn(rng, needOn);
    const method = v.fields.interpreterNeeded
      ? 'ThroughInterpreter'
      : rng.pick(['Written', 'Written', 'Verbal', 'VerbalWithWitness']);
    t.consents.add([
      consent.id,
      v.caseId,
      v.personId,
      exception ? 'best_interest_exception' : 'consent',
      referred.map((n) => n.type),
      fields,
      exception ? null : method,
      exception ? null : v.child ? rng.pick(['Parent', 'LegalGuardian']) : 'Person',
      needOn,
      exception ? enc(texts.exceptionReason(rng), 'consents.reason') : null,
      exception ? signer : worker,
      v.owner.id,
      at,
      consent.withdrawnAt,
      consent.withdrawnOn ? worker : null,
    ]);
    v.timeline(
      at,
      exception ? 'consent_exception_recorded' : 'consent_recorded',
      {
        consentId: consent.id,
        personId: v.personId,
        services: referred.map((n) => n.type),
      },
      exception ? signer : worker,
    );
  }

  let withdrawn = 0;
  for (const need of planned) {
    const at = timestampOn(rng, needOn);
    const state =
      need.target && consent
        ? writeReferral(ctx, rng, ids, t, v, { need, consent, worker, needOn, holds })
        : null;
    if (state === 'withdrawn') withdrawn++;
    const status = need.unmet ? 'unmet' : state ? needStatusAfter(state) : 'open';
    t.needs.add([
      need.id,
      v.caseId,
      v.personId,
      need.type,
      need.urgency,
      department,
      enc(rng.chance(0.3) ? texts.needNote(rng) : null, 'person_needs.notes'),
      status,
      need.unmet,
      v.fields.sex,
      ageBandOf(v.age),
      worker,
      v.owner.id,
      at,
      at,
    ]);
    v.timeline(
      at,
      'need_recorded',
      {
        needId: need.id,
        personId: v.personId,
        serviceType: need.type,
        urgency: need.urgency,
        unmetReason: need.unmet,
      },
      worker,
    );
  }
  if (consent?.withdrawnOn) {
    v.timeline(
      consent.withdrawnAt!,
      'consent_withdrawn',
      { consentId: consent.id, referrals: withdrawn },
      worker,
    );
  }
}

/**
 * What happens to a demo case after intake: each presumed victim's screening (answers drawn
 * against the published instrument, assessed with the shared rules), the trafficking-status
 * decisions (some reviewed later), and the sharing with other institutions.
 */
import type { DemoContext, DemoInstitution } from './context.js';
import type { PersonInput } from '../modules/persons/person-record.js';
import { addDays, dayAfter, timestampOn } from './plan.js';
import type { Rng } from './prng.js';
import { orgTypeOfKind } from '../modules/screening/decision-policy.service.js';
import { decideStatus, drawAnswers, drawTruth, screen } from './screening.js';
import type { ChunkTables } from './tables.js';
import { decisionReason, SHARE_REASONS } from './texts.js';

export type Timeline = (at: string, kind: string, details: Record<string, unknown>, actor?: string) => void;

export interface VictimContext {
  caseId: string;
  personId: string;
  child: boolean;
  fields: PersonInput;
  exploitationType: string;
  owner: DemoInstitution;
  detectedOn: string;
  factsDate: string;
  timeline: Timeline;
}

/** The facts cannot precede the birth: the day after the birth at the earliest. */
function notBefore(date: string, birth: string | null | undefined): string {
  return birth && date <= birth ? addDays(birth, 1) : date;
}

/** The latest status and the identification date (the first decision's day), or nulls. */
export interface Identification {
  status: string | null;
  identifiedOn: string | null;
}

export function writeScreeningAndDecisions(
  ctx: DemoContext,
  rng: Rng,
  ids: Rng,
  t: ChunkTables,
  v: VictimContext,
): Identification {
  let screeningId: string | null = null;
  let screenedOn = v.detectedOn;
  let assessment: 'presumed_victim' | 'possible_victim' | 'no_indication' | null = null;
  if (ctx.instrument && rng.chance(0.92)) {
    const screener = rng.pick(v.owner.staff);
    const factsDate = notBefore(v.factsDate, v.fields.dateOfBirth);
    const truth = drawTruth(rng, v.exploitationType, v.child, v.fields.indigenous || rng.chance(0.3));
    const age = {
      dateOfBirth: v.fields.dateOfBirth ?? null,
      estimatedAge: v.fields.estimatedAge ?? null,
      ageApproximate: v.fields.ageApproximate,
    };
    const outcome = screen(
      ctx.instrument,
      drawAnswers(rng, ctx.instrument, truth),
      age,
      factsDate,
      v.detectedOn,
    );
    screeningId = ids.uuid();
    assessment = outcome.assessment;
    screenedOn = dayAfter(v.detectedOn, rng.int(0, 3));
    const at = timestampOn(rng, screenedOn);
    t.screenings.add([
      screeningId,
      v.caseId,
      v.personId,
      ctx.instrument.id,
      JSON.stringify(outcome.answers),
      factsDate,
      outcome.ageAtFacts,
      outcome.child,
      outcome.act,
      outcome.means,
      outcome.purpose,
      outcome.indicatorCount,
      outcome.assessment,
      outcome.law4788.assessment,
      outcome.law4788.aggravating,
      outcome.flags,
      screener,
      v.owner.id,
      at,
    ]);
    v.timeline(at, 'screening_recorded', { screeningId, personId: v.personId, assessment }, screener);
  }
  // Most screened victims get a decision; a few are decided without the instrument.
  if (!(assessment ? rng.chance(0.88) : rng.chance(0.3))) return { status: null, identifiedOn: null };
  const orgType = orgTypeOfKind(v.owner.kind);
  const decide = (status: string, day: string, reviews: string | null) => {
    const id = ids.uuid();
    const decider = rng.pick(v.owner.staff);
    const at = timestampOn(rng, day);
    const reason = ctx.crypto.encrypt(
      decisionReason(rng, status, reviews !== null),
      'trafficking_decisions.reason',
    );
    t.decisions.add([
      id,
      v.caseId,
      v.personId,
      status,
      orgType,
      v.owner.id,
      decider,
      day,
      reason,
      screeningId,
      reviews,
      at,
    ]);
    v.timeline(at, 'status_decided', { decisionId: id, personId: v.personId, status }, decider);
    return id;
  };
  const status = assessment ? decideStatus(rng, assessment) : 'PossibleVictimOfTrafficking';
  // Decided after the screening it cites (contact ≤ screening ≤ identification).
  const decidedOn = dayAfter(screenedOn, rng.int(1, 17));
  const firstId = decide(status, decidedOn, null);
  const identifiedOn = status === 'NotAVictimOfTrafficking' ? null : decidedOn;
  if (status === 'PossibleVictimOfTrafficking' && rng.chance(0.1)) {
    const later = dayAfter(v.detectedOn, rng.int(25, 120));
    const reviewed = rng.chance(0.8) ? 'ActualVictimOfTrafficking' : 'NotAVictimOfTrafficking';
    decide(reviewed, later < decidedOn ? decidedOn : later, firstId);
    return { status: reviewed, identifiedOn };
  }
  return { status, identifiedOn };
}

export interface ShareContext {
  caseId: string;
  owner: DemoInstitution;
  creator: string;
  detectedOn: string;
  child: boolean;
  adultWoman: boolean;
  timeline: Timeline;
}

/** Shares with the prosecutor's office, the children's or the women's ministry, as referrals do. */
export function writeShares(ctx: DemoContext, rng: Rng, ids: Rng, t: ChunkTables, s: ShareContext): void {
  const targets: Array<[string, string]> = [];
  if (s.owner.code !== 'MP-UFETESI' && rng.chance(0.25))
    targets.push(['MP-UFETESI', SHARE_REASONS.prosecution]);
  if (s.child && s.owner.code !== 'MINNA' && rng.chance(0.3)) targets.push(['MINNA', SHARE_REASONS.child]);
  if (s.adultWoman && s.owner.code !== 'MINMUJER' && rng.chance(0.15))
    targets.push(['MINMUJER', SHARE_REASONS.women]);
  for (const [code, reason] of targets) {
    const institution = ctx.institutions.get(code);
    if (!institution) continue;
    const id = ids.uuid();
    const at = timestampOn(rng, dayAfter(s.detectedOn, rng.int(1, 10)));
    t.shares.add([id, s.caseId, institution.id, s.creator, reason, at]);
    s.timeline(at, 'case_shared', { shareId: id, institutionCode: code });
  }
}

/**
 * The life of one demo referral, as referral-state.ts allows it (requested → accepted | declined |
 * closed | withdrawn; accepted → in_progress → completed | closed | withdrawn): when it was answered,
 * how long the service ran, the days services were delivered, and where it stands on the demo's last
 * day. A referral still running at the end of a bed service holds a place only where the caller says
 * a place is free; otherwise the shelter answered that it had none.
 */
import { addDays, LAST_DAY } from './plan.js';
import type { Rng } from './prng.js';

export type FlowState =
  'requested' | 'accepted' | 'declined' | 'in_progress' | 'completed' | 'closed' | 'withdrawn';

export interface ReferralFlow {
  state: FlowState;
  /** Day of the answer (accepted or declined); null while requested. */
  answeredOn: string | null;
  accepted: boolean;
  /** Day it ended (declined, completed, closed, withdrawn); null while running. */
  endedOn: string | null;
  deliveries: string[];
  holdsPlace: boolean;
  /** Declined because the shelter had no free place. */
  noPlace: boolean;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;
const atMost = (a: string, b: string) => (a < b ? a : b);

/** How long a service usually runs, in days. */
const DURATION: Record<string, [number, number]> = {
  Shelter: [15, 120],
  DropInCentre: [30, 180],
  Medical: [1, 45],
  Psychological: [30, 300],
  LegalAid: [30, 400],
  Repatriation: [5, 40],
  ResidencyRegularisation: [20, 120],
  FamilyReintegration: [30, 240],
  Education: [60, 300],
  Livelihood: [30, 180],
  FinancialHelp: [1, 60],
  Interpretation: [1, 20],
};

export interface FlowInput {
  serviceType: string;
  bed: boolean;
  createdOn: string;
  dueDays: number;
  /** May a referral still running at the end hold a place here (bed services)? */
  placeFree: boolean;
  /** The consent was withdrawn that day: whatever was still open then ends "withdrawn". */
  withdrawnOn: string | null;
}

export function referralFlow(rng: Rng, f: FlowInput): ReferralFlow {
  const flow = run(rng, f);
  if (f.withdrawnOn && (flow.endedOn === null || flow.endedOn > f.withdrawnOn)) {
    const answered = flow.answeredOn !== null && flow.answeredOn <= f.withdrawnOn;
    return {
      state: 'withdrawn',
      answeredOn: answered ? flow.answeredOn : null,
      accepted: answered && flow.accepted,
      endedOn: f.withdrawnOn,
      deliveries: flow.deliveries.filter((d) => d <= f.withdrawnOn!),
      holdsPlace: false,
      noPlace: false,
    };
  }
  return flow;
}

function run(rng: Rng, f: FlowInput): ReferralFlow {
  const waiting = {
    answeredOn: null,
    accepted: false,
    endedOn: null,
    deliveries: [],
    holdsPlace: false,
    noPlace: false,
  };
  // Most answers come within the due days; some late (the overdue ones of the inbox).
  const answeredOn = addDays(f.createdOn, rng.int(0, f.dueDays) + (rng.chance(0.15) ? rng.int(1, 12) : 0));
  if (answeredOn > LAST_DAY) return { state: 'requested', ...waiting };
  // A few recent ones are still unanswered, long after their due date.
  if (days(f.createdOn, LAST_DAY) < 60 && rng.chance(0.08)) return { state: 'requested', ...waiting };
  const x = rng.float();
  if (x < 0.03) return { ...waiting, state: 'closed', endedOn: answeredOn };
  if (x < (f.bed ? 0.18 : 0.1)) return { ...waiting, state: 'declined', answeredOn, endedOn: answeredOn };

  const [min, max] = DURATION[f.serviceType] ?? [5, 90];
  const endOn = addDays(answeredOn, rng.int(min, max));
  const running = endOn > LAST_DAY;
  if (running && f.bed && !f.placeFree) {
    // The shelter is full with the persons it holds at the end of the run.
    return { ...waiting, state: 'declined', answeredOn, endedOn: answeredOn, noPlace: true };
  }
  const last = atMost(endOn, LAST_DAY);
  const span = Math.max(0, days(answeredOn, last));
  // A service just accepted may not have been delivered yet.
  const count =
    running && span < 7 && rng.chance(0.5) ? 0 : rng.int(1, Math.min(4, 1 + Math.floor(span / 14)));
  const deliveries = Array.from({ length: count }, (_, i) =>
    addDays(answeredOn, i === 0 ? rng.int(0, Math.min(2, span)) : rng.int(0, span)),
  ).sort();
  if (running)
    return {
      state: count > 0 ? 'in_progress' : 'accepted',
      answeredOn,
      accepted: true,
      endedOn: null,
      deliveries,
      holdsPlace: f.bed,
      noPlace: false,
    };
  const closed = rng.chance(0.14);
  return {
    state: closed ? 'closed' : 'completed',
    answeredOn,
    accepted: true,
    endedOn: endOn,
    // A completed service was delivered at least once.
    deliveries: deliveries.length || closed ? deliveries : [answeredOn],
    holdsPlace: false,
    noPlace: false,
  };
}

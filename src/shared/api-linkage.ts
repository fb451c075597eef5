/**
 * API shapes of record linkage: likely matches at intake, the national batch and its runs, the
 * review queue and its decisions, and unlinking. Personal values travel only in request bodies
 * (the intake's person fields) and in responses about persons the caller may already read; of a
 * record the caller may not read, only the cluster id and the probability.
 */
import { z } from 'zod';
import { Uuid } from './api.js';
import { PersonFields, PersonSummary } from './api-identification.js';

/** The intake's person fields (as typed so far): at least a given name. */
export const FindPersonMatchesRequest = PersonFields.pick({
  givenNames: true,
  firstSurname: true,
  secondSurname: true,
  aliases: true,
  dateOfBirth: true,
  estimatedAge: true,
  sex: true,
  nationalities: true,
  documentNumber: true,
  residenceDepartment: true,
  residenceDistrict: true,
  pseudonym: true,
})
  .partial()
  .extend({ givenNames: PersonFields.shape.givenNames })
  .strict();

/** A match band: `likely` at or above the run's match threshold, `possible` in its review band. */
export const MatchBand = z.enum(['likely', 'possible']);

/**
 * How one comparison came out for a pair, e.g. surnames: "one missing" (`level`, the engine's label),
 * and its grade: `agree` (the comparison's best level), `close` (a level between), `differ` (its
 * lowest). A comparison with a value missing on either side is left out (no evidence).
 */
export const ComparisonLevel = z.object({
  comparison: z.string(),
  level: z.string(),
  grade: z.enum(['agree', 'close', 'differ']),
});

export const PersonMatch = PersonSummary.extend({
  probability: z.number().min(0).max(1),
  band: MatchBand,
  levels: z.array(ComparisonLevel),
});
export const PersonMatches = z.object({
  /** The batch run whose model scored the matches; null before the first run (no model yet). */
  modelRunId: Uuid.nullable(),
  matches: z.array(PersonMatch),
});

export const LinkageRunView = z.object({
  id: Uuid,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  persons: z.number().int(),
  candidatePairs: z.number().int(),
  linksAdded: z.number().int(),
  reviewsAdded: z.number().int(),
  matchThreshold: z.number(),
  reviewThreshold: z.number(),
});

/** One side of a review: the record's list fields when the reviewer may read it, else only its cluster. */
export const ReviewSideView = z.union([
  z.object({
    visible: z.literal(true),
    personId: Uuid,
    institutionCode: z.string(),
    fullName: z.string(),
    sex: z.string(),
    birthYear: z.number().int().nullable(),
    clusterId: Uuid.nullable(),
  }),
  z.object({ visible: z.literal(false), clusterId: Uuid.nullable() }),
]);
export const MatchReviewView = z.object({
  id: Uuid,
  probability: z.number(),
  status: z.string(),
  sides: z.tuple([ReviewSideView, ReviewSideView]),
  /** Why the pair was queued: the comparison levels of its two records (no value of either). */
  levels: z.array(ComparisonLevel),
});
export const MatchReviewList = z.object({ items: z.array(MatchReviewView) });

export const DecideMatchReviewRequest = z.strictObject({ decision: z.enum(['same', 'different']) });
export const DecideMatchReviewResponse = z.object({
  id: Uuid,
  status: z.enum(['confirmed', 'rejected']),
});

export const UnlinkPersonsRequest = z.strictObject({ personId: Uuid });
export const UnlinkPersonsResponse = z.object({
  personId: Uuid,
  removedLinks: z.number().int(),
  /** The person's cluster after the unlink (its own id when it has no link left). */
  clusterId: Uuid,
});

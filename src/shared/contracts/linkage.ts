/**
 * Record linkage operations: likely matches at intake, the national batch and its runs, the review
 * queue, review decisions and unlinking. Names travel in request bodies only; URLs carry ids.
 */
import { defineContract } from '../contract.js';
import { IdParams } from './params.js';
import {
  DecideMatchReviewRequest,
  DecideMatchReviewResponse,
  FindPersonMatchesRequest,
  LinkageRunView,
  MatchReviewList,
  PersonMatches,
  UnlinkPersonsRequest,
  UnlinkPersonsResponse,
} from '../api-linkage.js';

const common = { tags: ['linkage'], purpose: 'case_management' } as const;

export const findPersonMatches = defineContract({
  ...common,
  operationId: 'findPersonMatches',
  method: 'POST',
  path: '/api/linkage/matches',
  summary:
    'Likely matches of a person being registered, among the persons the caller may read, scored by the latest batch’s model',
  action: 'linkage.findMatches',
  body: FindPersonMatchesRequest,
  response: PersonMatches,
});

export const runLinkage = defineContract({
  ...common,
  purpose: 'statistics',
  operationId: 'runLinkage',
  method: 'POST',
  path: '/api/linkage/runs',
  summary: 'Run the national linkage batch: link likely pairs, queue uncertain ones for review',
  action: 'linkage.run',
  response: LinkageRunView,
  status: 201,
});

export const getLinkageRun = defineContract({
  ...common,
  purpose: 'statistics',
  operationId: 'getLinkageRun',
  method: 'GET',
  path: '/api/linkage/runs/{id}',
  summary: 'A linkage run: when, how many persons, candidate pairs, links and reviews added, thresholds',
  action: 'linkage.readRun',
  params: IdParams,
  response: LinkageRunView,
});

export const listMatchReviews = defineContract({
  ...common,
  operationId: 'listMatchReviews',
  method: 'GET',
  path: '/api/linkage/reviews',
  summary: 'Pending match reviews with a record the caller may read; the other record shows only its cluster',
  action: 'linkage.review',
  response: MatchReviewList,
});

export const decideMatchReview = defineContract({
  ...common,
  operationId: 'decideMatchReview',
  method: 'POST',
  path: '/api/linkage/reviews/{id}/decision',
  summary: 'Confirm (same person: link) or reject (different persons) a pending match review',
  action: 'linkage.decide',
  params: IdParams,
  body: DecideMatchReviewRequest,
  response: DecideMatchReviewResponse,
});

export const unlinkPersons = defineContract({
  ...common,
  operationId: 'unlinkPersons',
  method: 'POST',
  path: '/api/linkage/unlinks',
  summary:
    'Detach a person of the caller’s institution from its cluster; the pairs are remembered as different',
  action: 'linkage.unlink',
  body: UnlinkPersonsRequest,
  response: UnlinkPersonsResponse,
});

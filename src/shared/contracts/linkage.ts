/**
 * Record linkage operations: likely matches at intake, the national batch and its runs, the review
 * queue, review decisions and unlinking. Names travel in request bodies only; URLs carry ids.
 */
import { defineOperations } from '../contract.js';
import * as api from '../api-linkage.js';

const linkage = defineOperations({ tags: ['linkage'], purpose: 'case_management' });

export const findPersonMatches = linkage.post('findPersonMatches', '/api/linkage/matches', {
  summary:
    'Likely matches of a person being registered, among the persons the caller may read, scored by the latest batch’s model',
  action: 'linkage.findMatches',
  body: api.FindPersonMatchesRequest,
  response: api.PersonMatches,
});

export const runLinkage = linkage.create('runLinkage', '/api/linkage/runs', {
  purpose: 'statistics',
  summary: 'Run the national linkage batch: link likely pairs, queue uncertain ones for review',
  action: 'linkage.run',
  response: api.LinkageRunView,
});

export const getLinkageRun = linkage.get('getLinkageRun', '/api/linkage/runs/{id}', {
  purpose: 'statistics',
  summary: 'A linkage run: when, how many persons, candidate pairs, links and reviews added, thresholds',
  action: 'linkage.readRun',
  response: api.LinkageRunView,
});

export const listMatchReviews = linkage.get('listMatchReviews', '/api/linkage/reviews', {
  summary: 'Pending match reviews with a record the caller may read; the other record shows only its cluster',
  action: 'linkage.review',
  response: api.MatchReviewList,
});

export const decideMatchReview = linkage.post('decideMatchReview', '/api/linkage/reviews/{id}/decision', {
  summary: 'Confirm (same person: link) or reject (different persons) a pending match review',
  action: 'linkage.decide',
  body: api.DecideMatchReviewRequest,
  response: api.DecideMatchReviewResponse,
});

export const unlinkPersons = linkage.post('unlinkPersons', '/api/linkage/unlinks', {
  summary:
    'Detach a person of the caller’s institution from its cluster; the pairs are remembered as different',
  action: 'linkage.unlink',
  body: api.UnlinkPersonsRequest,
  response: api.UnlinkPersonsResponse,
});

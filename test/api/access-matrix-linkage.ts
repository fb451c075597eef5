/**
 * The record-linkage rows of the access matrix (access-matrix.test.ts). Intake matches are for the
 * case roles (only among persons they may read); the national batch and its runs for the system
 * administrator and the Mesa's analysts (the matrix's analyst works in PNPTU: refused); the review
 * queue, decisions and unlinks for supervisors and prosecutors. A review neither of whose records
 * the reviewer may read, or a person of another institution, is "not found"; a review the reviewer
 * sees only through a shared case, with no record of their own institution, is refused.
 */
import { orderedPair } from '../../src/server/modules/linkage/clusters.repository.js';
import { api } from '../helpers/factories.js';
import { insertPerson } from './linkage-fixtures.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import type { Cell, Runners } from './access-matrix-kit.js';

// prettier-ignore
export const LINKAGE_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'findPersonMatches: an intake’s person fields (persons it may read)':   '403  403  200  200  200  403  403',
  'runLinkage: the national batch':                                       '201  403  403  403  403  403  403',
  'getLinkageRun: a finished run':                                        '200  403  403  403  403  403  403',
  'listMatchReviews: the reviewer’s queue':                               '403  403  403  200  200  403  403',
  'decideMatchReview: a pair with a person of PNPTU':                     '403  403  403  200  200  403  403',
  'decideMatchReview: a pair seen via a case MINNA shared with PNPTU':    '403  403  403  403  403  403  403',
  'decideMatchReview: a pair of MINNA and MINMUJER persons (hidden)':     '403  403  403  404  404  403  403',
  'unlinkPersons: a person of PNPTU':                                     '403  403  403  200  200  403  403',
  'unlinkPersons: a person of MINNA (hidden)':                            '403  403  403  404  404  403  403',
} as const;

const person = (c: Cell, institution: string) =>
  insertPerson(c.t, institution, { givenNames: `Arasy ${c.n}`, firstSurname: 'Villalba' });

async function review(c: Cell, a: string, b: string): Promise<string> {
  const [x, y] = orderedPair(a, b);
  const row = await c.t.services.db.transaction((trx) =>
    trx
      .insertInto('match_reviews')
      .values({ person_a: x, person_b: y, probability: 0.6 })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

const decide = (c: Cell, id: string) =>
  api(c.t, c.s, 'POST', `/api/linkage/reviews/${id}/decision`, { decision: 'different' });

export const LINKAGE_RUN: Runners<typeof LINKAGE_MATRIX> = {
  'findPersonMatches: an intake’s person fields (persons it may read)': (c) =>
    api(c.t, c.s, 'POST', '/api/linkage/matches', { givenNames: 'Arasy', firstSurname: 'Villalba' }),
  'runLinkage: the national batch': (c) => api(c.t, c.s, 'POST', '/api/linkage/runs'),
  'getLinkageRun: a finished run': async (c) => {
    const run = await c.t.services.db.transaction((trx) =>
      trx
        .insertInto('linkage_runs')
        .values({ match_threshold: 0.9, review_threshold: 0.3, model: '{}', finished_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    return api(c.t, c.s, 'GET', `/api/linkage/runs/${run.id}`);
  },
  'listMatchReviews: the reviewer’s queue': (c) => api(c.t, c.s, 'GET', '/api/linkage/reviews'),
  'decideMatchReview: a pair with a person of PNPTU': async (c) =>
    decide(c, await review(c, await person(c, 'PNPTU'), await person(c, 'MINNA'))),
  'decideMatchReview: a pair seen via a case MINNA shared with PNPTU': async (c) => {
    const shared = await insertLinkedPerson(c.t, await insertCase(c.t, 'MINNA', ['PNPTU']), 'MINNA');
    return decide(c, await review(c, shared, await person(c, 'MINMUJER')));
  },
  'decideMatchReview: a pair of MINNA and MINMUJER persons (hidden)': async (c) =>
    decide(c, await review(c, await person(c, 'MINNA'), await person(c, 'MINMUJER'))),
  'unlinkPersons: a person of PNPTU': async (c) =>
    api(c.t, c.s, 'POST', '/api/linkage/unlinks', { personId: await person(c, 'PNPTU') }),
  'unlinkPersons: a person of MINNA (hidden)': async (c) =>
    api(c.t, c.s, 'POST', '/api/linkage/unlinks', { personId: await person(c, 'MINNA') }),
};

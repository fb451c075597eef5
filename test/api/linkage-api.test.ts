/**
 * Record linkage over HTTP, end to end: the national batch run by the system administrator, likely
 * matches at intake (a misspelled name of a person the user may read is found; a person of another
 * institution's unshared case is not), the review queue, a decision and an unlink. Synthetic data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { orderedPair } from '../../src/server/modules/linkage/clusters.repository.js';
import { paraguayYear } from '../../src/shared/dates.js';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, userWithSession } from '../helpers/factories.js';
import { insertNamesakes, insertPerson, insertPopulation } from './linkage-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('record linkage API', () => {
  const t = useTestContext();
  let ownId: string;
  let hiddenId: string;
  let runId: string;

  const intake = {
    givenNames: 'Yolanda Mabel',
    firstSurname: 'Insaurralde',
    secondSurname: 'Ñamandú',
    dateOfBirth: '1991-07-23',
    sex: 'Female' as const,
  };

  const [admin, worker, supervisor] = useSessions(
    t,
    'system_admin@MESA',
    'case_worker@PNPTU',
    'supervisor@PNPTU',
  );

  beforeAll(async () => {
    await insertPopulation(t, 60);
    ownId = await insertPerson(t, 'PNPTU', { ...intake, documentNumber: '4512873' });
    // The same person registered by MINNA, in no case shared with PNPTU: PNPTU may not learn of it.
    hiddenId = await insertPerson(t, 'MINNA', { ...intake, givenNames: 'Yolanda' });
  }, 120_000);

  it('has no model before the first batch: no score, nothing shown', async () => {
    const res = await api(t, worker, 'POST', '/api/linkage/matches', intake);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ modelRunId: null, matches: [] });
  });

  it('runs the national batch and reads the run back', async () => {
    const res = await api(t, admin, 'POST', '/api/linkage/runs');
    expect(res.statusCode).toBe(201);
    const run = res.json();
    runId = run.id;
    expect(run.persons).toBe(82);
    expect(run.linksAdded).toBeGreaterThan(0);
    expect(run.finishedAt).not.toBeNull();
    const read = await api(t, admin, 'GET', `/api/linkage/runs/${runId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(run);
    const unknown = await api(t, admin, 'GET', '/api/linkage/runs/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  }, 120_000);

  it('finds a misspelled name of a person the user may read, and not the hidden twin', async () => {
    const res = await api(t, worker, 'POST', '/api/linkage/matches', {
      givenNames: 'Yolanda Mavel',
      firstSurname: 'Insaurralde',
      secondSurname: 'Namandu',
      dateOfBirth: '1991-07-23',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.modelRunId).toBe(runId);
    const ids = body.matches.map((m: { id: string }) => m.id);
    expect(ids[0]).toBe(ownId);
    expect(ids).not.toContain(hiddenId);
    expect(body.matches[0].fullName).toBe('Yolanda Mabel Insaurralde Ñamandú');
    expect(body.matches[0].ownerInstitutionCode).toBe('PNPTU');
    expect(body.matches[0].levels).toContainEqual({
      comparison: 'birth',
      level: 'exact',
      grade: 'agree',
    });
    // The look-up is audited per person shown, with no search term in the trail.
    const trail = await auditOf(t, worker.user.id, 'success');
    const rows = trail.filter((r) => r.action === 'findPersonMatches');
    expect(rows.map((r) => r.resource_id)).toContain(ownId);
    expect(JSON.stringify(trail)).not.toMatch(/Yolanda|Insaurralde/);
  });

  it('finds a person registered with a date from an estimated age and a misspelled name, with its reasons', async () => {
    // Born 1991-07-23: today she is 34 or 35; the clerk estimates "about 35" and writes "Yolanda Mavel Insaurralde".
    const age = paraguayYear() - 1991;
    const res = await api(t, worker, 'POST', '/api/linkage/matches', {
      givenNames: 'Yolanda Mavel',
      firstSurname: 'Insaurralde',
      estimatedAge: age,
    });
    expect(res.statusCode).toBe(200);
    const match = res.json().matches.find((m: { id: string }) => m.id === ownId);
    expect(match).toBeDefined();
    const byComparison = Object.fromEntries(
      match.levels.map((l: { comparison: string; level: string; grade: string }) => [l.comparison, l]),
    );
    expect(byComparison.birth).toEqual({
      comparison: 'birth',
      level: 'estimated age within 2 years',
      grade: 'close',
    });
    expect(byComparison.surnames).toMatchObject({ level: 'one missing, the first kept', grade: 'close' });
    expect(byComparison.given_names.grade).not.toBe('differ');
  });

  it('finds nothing for a person unlike anyone, and refuses roles without intake', async () => {
    const res = await api(t, worker, 'POST', '/api/linkage/matches', {
      givenNames: 'Xiomara',
      firstSurname: 'Quelopana',
      dateOfBirth: '2003-02-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().matches).toEqual([]);
    expect((await api(t, admin, 'POST', '/api/linkage/matches', intake)).statusCode).toBe(403);
  });

  it('says what to fix on bad input and changes nothing', async () => {
    const noName = await api(t, worker, 'POST', '/api/linkage/matches', { firstSurname: 'Benítez' });
    expect(noName.statusCode).toBe(400);
    expect(JSON.stringify(noName.json())).toContain('givenNames');
    const badDecision = await api(t, supervisor, 'POST', `/api/linkage/reviews/${runId}/decision`, {
      decision: 'maybe',
    });
    expect(badDecision.statusCode).toBe(400);
    const badId = await api(t, supervisor, 'POST', '/api/linkage/unlinks', { personId: 'x' });
    expect(badId.statusCode).toBe(400);
  });

  it('review → decide → unlink, with the other institution’s record masked', async () => {
    const pair = orderedPair(ownId, hiddenId);
    // The pair in the review queue (the batch may have queued it already, or linked it).
    const reviewId = await t.services.db.transaction(async (trx) => {
      await trx
        .deleteFrom('match_reviews')
        .where('person_a', '=', pair[0])
        .where('person_b', '=', pair[1])
        .execute();
      const row = await trx
        .insertInto('match_reviews')
        .values({ run_id: runId, person_a: pair[0], person_b: pair[1], probability: 0.7 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
    const list = await api(t, supervisor, 'GET', '/api/linkage/reviews');
    expect(list.statusCode).toBe(200);
    const review = list.json().items.find((r: { id: string }) => r.id === reviewId);
    const sides = review.sides as { visible: boolean; personId?: string }[];
    expect(sides.find((s) => s.visible)!.personId).toBe(ownId);
    expect(Object.keys(sides.find((s) => !s.visible)!).sort()).toEqual(['clusterId', 'visible']);
    expect(JSON.stringify(list.json())).not.toContain(hiddenId);

    // MINMUJER's supervisor reads neither record: the review does not exist for them.
    const stranger = await userWithSession(t, { role: 'supervisor', institution: 'MINMUJER' });
    const strangerDecides = await api(t, stranger, 'POST', `/api/linkage/reviews/${reviewId}/decision`, {
      decision: 'same',
    });
    expect(strangerDecides.statusCode).toBe(404);

    const decided = await api(t, supervisor, 'POST', `/api/linkage/reviews/${reviewId}/decision`, {
      decision: 'same',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toEqual({ id: reviewId, status: 'confirmed' });
    const again = await api(t, supervisor, 'POST', `/api/linkage/reviews/${reviewId}/decision`, {
      decision: 'different',
    });
    expect(again.statusCode).toBe(409);

    const clusterOf = (id: string) =>
      t.services.db.transaction((trx) =>
        trx
          .selectFrom('person_cluster')
          .select('cluster_id')
          .where('person_id', '=', id)
          .executeTakeFirstOrThrow(),
      );
    expect((await clusterOf(ownId)).cluster_id).toBe((await clusterOf(hiddenId)).cluster_id);

    // Unlinking MINNA's record is not PNPTU's to do (and PNPTU may not know it exists).
    const foreign = await api(t, supervisor, 'POST', '/api/linkage/unlinks', { personId: hiddenId });
    expect(foreign.statusCode).toBe(404);
    const unlinked = await api(t, supervisor, 'POST', '/api/linkage/unlinks', { personId: ownId });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json()).toEqual({ personId: ownId, removedLinks: 1, clusterId: ownId });
    expect((await clusterOf(hiddenId)).cluster_id).not.toBe(ownId);
    const actions = (await auditOf(t, supervisor.user.id)).map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'listMatchReviews:success',
        'decideMatchReview:success',
        'unlinkPersons:success',
        'linkage.unlink:denied',
      ]),
    );
  });

  it('still finds the person among 2,100 namesakes, whom it no longer ranks one by one', async () => {
    // A common given name in a large register: candidates come through the blocking keys (a pair of
    // the query's name tokens in a band of birth years), not as every holder of the name.
    await insertNamesakes(t, 'PNPTU', 'Yolanda', 2_100);
    const res = await api(t, worker, 'POST', '/api/linkage/matches', {
      ...intake,
      givenNames: 'Yolanda Mabel',
      firstSurname: 'Insaurralde',
      secondSurname: 'Ñamandu',
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().matches.map((m: { id: string }) => m.id);
    expect(ids[0]).toBe(ownId);
    expect(ids).not.toContain(hiddenId);
  }, 120_000);
});

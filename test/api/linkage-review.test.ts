/**
 * The review queue across institutions: a reviewer of institution A sees their own record of an
 * uncertain pair and nothing of institution B's record beyond what A may see — not its values, not
 * its id, not its institution — only the cluster id and the probability. Reviewers who may read
 * neither record do not see the review at all. Synthetic data only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/access/actor.js';
import type { Role } from '../../src/shared/roles.js';
import { addLink, orderedPair } from '../../src/server/modules/linkage/clusters.repository.js';
import { listMatchReviewsFor } from '../../src/server/modules/linkage/reviews.service.js';
import { skipBackend } from '../helpers/db.js';
import { buildActor, buildPersonRecord, storedRow } from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('linkage review queue: what a reviewer learns', () => {
  const t = useTestContext();
  let ownId: string;
  let otherId: string;
  let otherTwinId: string;

  const actorOf = (role: Role, institution: string) => buildActor(t, { role, institution }, 'Reviewer');

  const list = (actor: Actor) =>
    t.services.db.transaction((trx) =>
      listMatchReviewsFor({ trx, actor, requestId: 'test', purpose: 'test' }, t.services.crypto),
    );

  beforeAll(async () => {
    const idOf = async (person: Parameters<typeof buildPersonRecord>[1]) =>
      (await buildPersonRecord(t, person)).id;
    ownId = await idOf({ institution: 'PNPTU', givenNames: 'Arasy', firstSurname: 'Brítez' });
    otherId = await idOf({
      institution: 'MINMUJER',
      givenNames: 'Arasí Quelopana',
      firstSurname: 'Britez Zarzuela',
      birthYear: 1987,
    });
    otherTwinId = await idOf({
      institution: 'MINMUJER',
      givenNames: 'Arasí',
      firstSurname: 'Zarzuela',
      birthYear: 1987,
    });
    await t.services.db.transaction(async (trx) => {
      await addLink(trx, otherId, otherTwinId, {
        origin: 'batch',
        probability: 0.99,
        runId: null,
        userId: null,
      });
      const [a, b] = orderedPair(ownId, otherId);
      await trx.insertInto('match_reviews').values({ person_a: a, person_b: b, probability: 0.62 }).execute();
    });
  }, 60_000);

  it('shows the reviewer of A their own record and only the cluster id of B’s', async () => {
    const reviews = await list(await actorOf('supervisor', 'PNPTU'));
    expect(reviews).toHaveLength(1);
    const [review] = reviews;
    expect(review!.probability).toBeCloseTo(0.62);
    const own = review!.sides.find((s) => s.visible);
    const other = review!.sides.find((s) => !s.visible);
    expect(own).toMatchObject({
      visible: true,
      personId: ownId,
      givenNames: 'Arasy',
      institutionCode: 'PNPTU',
    });
    const cluster = await storedRow(t, 'person_clusters', { person_id: otherId }, ['cluster_id']);
    expect(other).toEqual({ visible: false, clusterId: cluster.cluster_id });
    // Why the pair was queued: comparison levels and their grades, no value of the other record.
    expect(review!.levels.length).toBeGreaterThan(0);
    for (const l of review!.levels) {
      expect(['agree', 'close', 'differ']).toContain(l.grade);
      expect(typeof l.level).toBe('string');
    }
    expect(review!.levels.map((l) => l.comparison)).toContain('given_names');
    const text = JSON.stringify(reviews);
    for (const secret of ['Quelopana', 'Zarzuela', 'Arasí', '1987', 'MINMUJER', otherId, otherTwinId])
      expect(text).not.toContain(secret);
  });

  it('does not show the review to those who may read neither record', async () => {
    expect(await list(await actorOf('supervisor', 'NGO-LUNANUEVA'))).toEqual([]);
    expect(await list(await actorOf('analyst', 'MESA'))).toEqual([]);
    expect(await list(await actorOf('system_admin', 'MESA'))).toEqual([]);
  });

  it('shows B’s reviewer B’s record and only the probability of A’s, which is in no cluster', async () => {
    const [review] = await list(await actorOf('case_worker', 'MINMUJER'));
    const hidden = review!.sides.find((s) => !s.visible);
    expect(hidden).toEqual({ visible: false, clusterId: null });
    const text = JSON.stringify(review);
    for (const secret of ['Arasy', 'Brítez', 'PNPTU', ownId]) expect(text).not.toContain(secret);
  });
});

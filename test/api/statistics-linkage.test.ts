/**
 * One person counted once (issue 7): one woman registered by the police, the women's ministry and an
 * NGO, each identifying her in its own case, is three records. Once the linkage service links them
 * (a reviewer confirms the pairs), "victims identified" counts her once; unlinking one record counts
 * two. The figure is read over HTTP, so the facts follow the links through the triggers on
 * person_clusters. Synthetic data only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/access/actor.js';
import { decideReview, unlinkPerson } from '../../src/server/modules/linkage/linkage.service.js';
import { skipBackend } from '../helpers/db.js';
import { api, buildActor, buildPersonRecord, institutionId } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const INSTITUTIONS = ['PNPTU', 'MINMUJER', 'NGO-LUNANUEVA'] as const;

describe.skipIf(skipBackend)('statistics count a linked person once', () => {
  const t = useTestContext();
  let admin: Actor;
  const persons: string[] = [];

  const as = <T>(fn: (ctx: Parameters<typeof unlinkPerson>[0]) => Promise<T>) =>
    t.services.db.transaction((trx) => fn({ trx, actor: admin, requestId: 'test', purpose: 'test' }));

  const identified = async (query = '') => {
    const res = await api(t, analyst, 'GET', `/api/statistics?figure=victimsIdentified&year=2025${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().total as number;
  };

  beforeAll(async () => {
    admin = await buildActor(t, { role: 'system_admin', institution: 'MESA' }, 'Test admin');
  }, 60_000);

  // Exact counts: a supervisor of the Mesa reads them (an analyst reads 1–2 as "<3",
  // statistics-small-counts.test.ts).
  const [analyst] = useSessions(t, 'supervisor@MESA');

  beforeAll(async () => {
    for (const [index, code] of INSTITUTIONS.entries()) {
      const person = await buildPersonRecord(t, { institution: code, givenNames: 'Zunilda' });
      const owner = await institutionId(t, code);
      await t.services.db.transaction(async (trx) => {
        const c = await trx
          .insertInto('cases')
          .values({
            reference: `STAT-LNK-${index}`,
            owner_institution_id: owner,
            owner_unit_id: null,
            created_by: null,
            detection_method: 'Hotline',
            detected_on: `2025-0${index + 3}-01`,
            detection_department: 'PY-11',
            detection_place: null,
            narrative: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('case_persons')
          .values({ case_id: c.id, person_id: person.id, role: 'PresumedVictim' })
          .execute();
        await trx
          .insertInto('trafficking_decisions')
          .values({
            case_id: c.id,
            person_id: person.id,
            status: 'ActualVictimOfTrafficking',
            decision_org_type: 'Police',
            institution_id: owner,
            decided_on: `2025-0${index + 3}-02`,
            reason: t.services.crypto.encrypt('Decisión sintética', 'trafficking_decisions.reason'),
          })
          .execute();
      });
      persons.push(person.id);
    }
  });

  it('counts three unlinked records as three persons', async () => {
    expect(await identified()).toBe(3);
  });

  it('counts her once when the linkage service links the three records, and twice after one unlink', async () => {
    // The batch left the pairs for review (as it does for uncertain matches); a reviewer confirms them.
    const [a, b, c] = [...persons].sort();
    const reviews = await t.services.db.transaction((trx) =>
      trx
        .insertInto('match_reviews')
        .values([
          { person_a: a!, person_b: b!, probability: 0.8 },
          { person_a: b!, person_b: c!, probability: 0.8 },
        ])
        .returning('id')
        .execute(),
    );
    for (const review of reviews) expect(await as((ctx) => decideReview(ctx, review.id, 'same'))).toBe(true);
    expect(await identified()).toBe(1);
    // Dimensions come from the first identification (the police's case, in March).
    expect(await identified('&department=PY-11')).toBe(1);

    // `a` is linked to `b` only: detaching it leaves b–c together.
    expect(await as((ctx) => unlinkPerson(ctx, a!))).toBe(1);
    expect(await identified()).toBe(2);

    // Detached, `a` is counted under the institution that identified it, whichever that is.
    const code = INSTITUTIONS[persons.indexOf(a!)]!;
    expect(await identified(`&institution=${await institutionId(t, code)}`)).toBe(1);
  });
});

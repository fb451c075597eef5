/**
 * The rule and the scope agree: for random actors (role, institution), cases and shares (some
 * revoked), a case is in the actor's SQL scope (`caseVisible`, which every list and the single-case
 * door load through) exactly when the policy `case.read` allows it, and the single-case door
 * (`loadCaseForAction`) opens exactly those. Runs on PGlite and on PostgreSQL.
 */
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import { can } from '../../src/server/access/policies.js';
import { scopedCases } from '../../src/server/access/scope.js';
import { loadCaseForAction } from '../../src/server/modules/cases/case-access.js';
import { skipBackend } from '../helpers/db.js';
import {
  checkEveryActor,
  drawnActors,
  drawnInstitution as institution,
  insertDrawnCase,
  everyWorldAgrees,
  worldInstitutionIds,
} from '../helpers/access-properties.js';
import { useTestContext } from '../helpers/suite.js';

interface World {
  cases: Array<{ owner: number; shares: Array<{ to: number; revoked: boolean }> }>;
  actors: Array<{ role: Role; institution: number }>;
}

const world: fc.Arbitrary<World> = fc.record({
  cases: fc.array(
    fc.record({
      owner: institution,
      shares: fc.array(fc.record({ to: institution, revoked: fc.boolean() }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  actors: drawnActors,
});

describe.skipIf(skipBackend)('access: the case rule ⇔ the case scope', () => {
  const t = useTestContext();
  let institutions: string[];
  beforeAll(async () => {
    institutions = await worldInstitutionIds(t);
  });

  it('scope-visible ⇔ case.read allows ⇔ the single-case door opens, for random actors, cases and shares', async () => {
    await everyWorldAgrees(t, world, 25, async (trx, w, problems) => {
      const ids: string[] = [];
      for (const c of w.cases) ids.push(await insertDrawnCase(trx, institutions, c.owner, c.shares));
      await checkEveryActor(
        problems,
        institutions,
        { kind: 'case', actors: w.actors, records: w.cases, ids },
        {
          answers: (actor, a, c) => ({
            rule: can(actor, 'case.read', {
              institutionId: institutions[c.owner]!,
              sharedWithActor:
                c.owner !== a.institution && c.shares.some((s) => s.to === a.institution && !s.revoked),
            }),
          }),
          scope: (actor) =>
            scopedCases(actor, trx.selectFrom('cases').select('cases.id')).where('cases.id', 'in', ids),
          door: (actor, id) => loadCaseForAction(trx, actor, id, 'case.read'),
        },
      );
    });
  }, 120_000);
});

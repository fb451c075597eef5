/**
 * The rule and the scope agree: for random actors (role, institution), cases and shares (some
 * revoked), a case is in the actor's SQL scope (`caseVisible`, which every list and the single-case
 * door load through) exactly when the policy `case.read` allows it, and the single-case door
 * (`loadCaseForAction`) opens exactly those. Runs on PGlite and on PostgreSQL.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/shared/roles.js';
import type { Actor } from '../../src/server/access/actor.js';
import { can } from '../../src/server/access/policies.js';
import { scopedCases } from '../../src/server/access/scope.js';
import { loadCaseForAction } from '../../src/server/modules/cases/case-access.js';
import { skipBackend } from '../helpers/db.js';
import { institutionId } from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

const CODES = ['PNPTU', 'MINNA', 'MINMUJER', 'MESA'] as const;

interface World {
  cases: Array<{ owner: number; shares: Array<{ to: number; revoked: boolean }> }>;
  actors: Array<{ role: Role; institution: number }>;
}

const world: fc.Arbitrary<World> = fc.record({
  cases: fc.array(
    fc.record({
      owner: fc.nat(CODES.length - 1),
      shares: fc.array(fc.record({ to: fc.nat(CODES.length - 1), revoked: fc.boolean() }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  actors: fc.array(fc.record({ role: fc.constantFrom(...ROLES), institution: fc.nat(CODES.length - 1) }), {
    minLength: 1,
    maxLength: 4,
  }),
});

describe.skipIf(skipBackend)('access: the case rule ⇔ the case scope', () => {
  const t = useTestContext();
  let institutions: string[];
  let n = 0;
  beforeAll(async () => {
    institutions = await Promise.all(CODES.map((code) => institutionId(t, code)));
  });

  it('scope-visible ⇔ case.read allows ⇔ the single-case door opens, for random actors, cases and shares', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        // Each run writes its own cases in a transaction that is rolled back.
        const outcome = await t.services.db
          .transaction(async (trx) => {
            const ids: string[] = [];
            for (const c of w.cases) {
              const row = await trx
                .insertInto('cases')
                .values({
                  reference: `PY-PROP-${++n}-${crypto.randomUUID().slice(0, 8)}`,
                  owner_institution_id: institutions[c.owner]!,
                  detection_method: 'Police',
                  detected_on: '2026-01-15',
                })
                .returning('id')
                .executeTakeFirstOrThrow();
              ids.push(row.id);
              for (const s of c.shares) {
                await trx
                  .insertInto('case_shares')
                  .values({
                    case_id: row.id,
                    institution_id: institutions[s.to]!,
                    reason: 'property test',
                    revoked_at: s.revoked ? new Date() : null,
                  })
                  .execute();
              }
            }
            const problems: string[] = [];
            for (const a of w.actors) {
              const actor: Actor = {
                userId: crypto.randomUUID(),
                username: 'prop',
                displayName: 'Prop',
                role: a.role,
                institutionId: institutions[a.institution]!,
                institutionCode: CODES[a.institution]!,
                sessionId: crypto.randomUUID(),
                locale: 'es',
              };
              const scoped = new Set(
                (
                  await scopedCases(actor, trx.selectFrom('cases').select('cases.id'))
                    .where('cases.id', 'in', ids)
                    .execute()
                ).map((r) => r.id),
              );
              for (const [i, c] of w.cases.entries()) {
                const target = {
                  institutionId: institutions[c.owner]!,
                  sharedWithActor:
                    c.owner !== a.institution && c.shares.some((s) => s.to === a.institution && !s.revoked),
                };
                const rule = can(actor, 'case.read', target);
                const door = await loadCaseForAction(trx, actor, ids[i]!, 'case.read').then(
                  () => true,
                  () => false,
                );
                const inScope = scoped.has(ids[i]!);
                if (rule !== inScope || door !== inScope)
                  problems.push(
                    `${a.role}@${CODES[a.institution]} case ${i}: rule ${rule} scope ${inScope} door ${door}`,
                  );
              }
            }
            throw new Rollback(problems);
          })
          .catch((error: unknown) => {
            if (error instanceof Rollback) return error.problems;
            throw error;
          });
        expect(outcome).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

class Rollback extends Error {
  constructor(readonly problems: string[]) {
    super('rollback');
  }
}

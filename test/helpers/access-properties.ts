/**
 * What the rule ⇔ scope ⇔ door property tests share (test/api/access-properties*.test.ts): the
 * institutions a random world draws from, an actor of a drawn role and institution, the property
 * itself (every drawn world, written in a transaction that is rolled back, shows no disagreement),
 * cases with shares, and the line that names a disagreement.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Actor } from '../../src/server/access/actor.js';
import type { Ctx } from '../../src/server/core/context.js';
import type { Trx } from '../../src/server/db/database.js';
import { ROLES, type Role } from '../../src/shared/roles.js';
import type { TestContext } from './db.js';
import { institutionId } from './factories.js';

/** The institutions of a random world; a drawn institution is an index into this list. */
export const WORLD_INSTITUTIONS = ['PNPTU', 'MINNA', 'MINMUJER', 'MESA'] as const;

/** A drawn actor: a role at one of the world's institutions. */
export interface DrawnActor {
  role: Role;
  institution: number;
}

/** Draws one of the world's institutions (its index in WORLD_INSTITUTIONS). */
export const drawnInstitution = fc.nat(WORLD_INSTITUTIONS.length - 1);

/** Draws the actors who ask: one to four, of any role, each at one of the world's institutions. */
export const drawnActors: fc.Arbitrary<DrawnActor[]> = fc.array(
  fc.record({ role: fc.constantFrom(...ROLES), institution: drawnInstitution }),
  { minLength: 1, maxLength: 4 },
);

/** The ids of the world's institutions, in the order of WORLD_INSTITUTIONS. */
export function worldInstitutionIds(t: TestContext): Promise<string[]> {
  return Promise.all(WORLD_INSTITUTIONS.map((code) => institutionId(t, code)));
}

/** A signed-in actor of the drawn role and institution (no user row: the rules read only the actor). */
export function actorOf(ids: readonly string[], a: DrawnActor): Actor {
  return {
    userId: crypto.randomUUID(),
    username: 'prop',
    displayName: 'Prop',
    role: a.role,
    institutionId: ids[a.institution]!,
    institutionCode: WORLD_INSTITUTIONS[a.institution]!,
    sessionId: crypto.randomUUID(),
    locale: 'es',
  };
}

/** A request context for `actor` in `trx`, for the single-record doors that take one. */
export function ctxOf(trx: Trx, actor: Actor): Ctx {
  return { trx, actor, requestId: crypto.randomUUID(), purpose: 'case_management' };
}

/** Whether a door opens: true when it resolves, false when it refuses. */
export function opens(door: Promise<unknown>): Promise<boolean> {
  return door.then(
    () => true,
    () => false,
  );
}

class Rollback extends Error {
  constructor(readonly problems: string[]) {
    super('rollback');
  }
}

/**
 * Asserts that for every world `arbitrary` draws (`numRuns` of them), `check` finds no disagreement:
 * each run writes its world in a transaction that is rolled back, and `check` records what it finds
 * with checkAgreement.
 */
export async function everyWorldAgrees<W>(
  t: TestContext,
  arbitrary: fc.Arbitrary<W>,
  numRuns: number,
  check: (trx: Trx, world: W, problems: string[]) => Promise<void>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (world) => {
      const problems = await t.services.db
        .transaction(async (trx) => {
          const found: string[] = [];
          await check(trx, world, found);
          throw new Rollback(found);
        })
        .catch((error: unknown) => {
          if (error instanceof Rollback) return error.problems;
          throw error;
        });
      expect(problems).toEqual([]);
    }),
    { numRuns },
  );
}

let drawnCases = 0;

/** Inserts a case owned by a world institution, shared (some shares revoked) with others; its id. */
export async function insertDrawnCase(
  trx: Trx,
  ids: readonly string[],
  owner: number,
  shares: ReadonlyArray<{ to: number; revoked: boolean }>,
): Promise<string> {
  const row = await trx
    .insertInto('cases')
    .values({
      reference: `PY-PROP-${++drawnCases}-${crypto.randomUUID().slice(0, 8)}`,
      owner_institution_id: ids[owner]!,
      detection_method: 'Police',
      detected_on: '2026-01-15',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const s of shares)
    await trx
      .insertInto('case_shares')
      .values({
        case_id: row.id,
        institution_id: ids[s.to]!,
        reason: 'property test',
        revoked_at: s.revoked ? new Date() : null,
      })
      .execute();
  return row.id;
}

/** The ids a scoped query returns. */
export async function idsIn(query: { execute(): Promise<Array<{ id: string }>> }): Promise<Set<string>> {
  return new Set((await query.execute()).map((r) => r.id));
}

/**
 * Records a disagreement among the answers to "may this actor read this record?" (the rule, the SQL
 * scope, the single-record door and, where a test has one, an independent model): one line naming
 * the actor, the record and every answer; nothing when they all agree.
 */
export function checkAgreement(
  problems: string[],
  a: DrawnActor,
  record: string,
  answers: Record<string, boolean>,
): void {
  if (new Set(Object.values(answers)).size > 1)
    problems.push(
      `${a.role}@${WORLD_INSTITUTIONS[a.institution]} ${record}: ${Object.entries(answers)
        .map(([name, value]) => `${name} ${value}`)
        .join(' ')}`,
    );
}

/**
 * Asks every drawn actor about every drawn record of one kind, and records each disagreement
 * (checkAgreement) among `answers` (the rule and, where a test has one, a model), the SQL scope
 * (whether `scope(actor)` returns the record's id) and the single-record door (whether
 * `door(actor, id)` opens).
 */
export async function checkEveryActor<R>(
  problems: string[],
  institutionIds: readonly string[],
  drawn: { kind: string; actors: readonly DrawnActor[]; records: readonly R[]; ids: readonly string[] },
  ask: {
    answers: (actor: Actor, a: DrawnActor, record: R) => Record<string, boolean>;
    scope: (actor: Actor) => { execute(): Promise<Array<{ id: string }>> };
    door: (actor: Actor, id: string) => Promise<unknown>;
  },
): Promise<void> {
  for (const a of drawn.actors) {
    const actor = actorOf(institutionIds, a);
    const scoped = await idsIn(ask.scope(actor));
    for (const [i, record] of drawn.records.entries()) {
      const id = drawn.ids[i]!;
      checkAgreement(problems, a, `${drawn.kind} ${i}`, {
        ...ask.answers(actor, a, record),
        scope: scoped.has(id),
        door: await opens(ask.door(actor, id)),
      });
    }
  }
}

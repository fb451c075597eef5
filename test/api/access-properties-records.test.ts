/**
 * The rule and the scope agree for persons, referrals and investigations, as they do for cases
 * (access-properties.test.ts): for random actors (role, institution) and random records, a record is
 * in the actor's SQL scope exactly when the policy allows reading it, exactly when the single-record
 * door opens, and exactly when an independent model of need-to-know says so. Each run writes its
 * records in a transaction that is rolled back. Runs on PGlite and on PostgreSQL.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import { CASE_ROLES, PROSECUTION_LEADS, can } from '../../src/server/access/policies.js';
import { scopedPersons, scopedReferrals, type ScopeCheck } from '../../src/server/access/scope.js';
import { scopedInvestigations } from '../../src/server/access/scope-prosecution.js';
import { loadInvestigationFor } from '../../src/server/modules/investigations/investigation-access.js';
import { loadPersonFor } from '../../src/server/modules/persons/persons.service.js';
import { loadReferralFor } from '../../src/server/modules/referrals/referrals.service.js';
import { skipBackend } from '../helpers/db.js';
import {
  checkEveryActor,
  ctxOf,
  drawnActors as actors,
  drawnInstitution as institution,
  insertDrawnCase,
  everyWorldAgrees,
  worldInstitutionIds,
  type DrawnActor,
} from '../helpers/access-properties.js';
import { insertReferral, type ReferralFixture } from './protection-fixtures.js';
import { useTestContext } from '../helpers/suite.js';

const worksCases = (role: Role) => CASE_ROLES.includes(role);

describe.skipIf(skipBackend)('access: rule ⇔ scope ⇔ door for persons, referrals, investigations', () => {
  const t = useTestContext();
  let ids: string[];
  let template: ReferralFixture;
  let n = 0;
  beforeAll(async () => {
    ids = await worldInstitutionIds(t);
    template = await insertReferral(t, 'PNPTU', 'MINMUJER');
  });

  it('persons: registered by the institution or linked to a case it may see', async () => {
    const world = fc.record({
      cases: fc.array(
        fc.record({
          owner: institution,
          shares: fc.array(fc.record({ to: institution, revoked: fc.boolean() }), { maxLength: 2 }),
        }),
        { maxLength: 4 },
      ),
      persons: fc.array(fc.record({ owner: institution, links: fc.array(fc.nat(3), { maxLength: 2 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
      actors,
    });
    await everyWorldAgrees(t, world, 20, async (trx, w, problems) => {
      const caseIds: string[] = [];
      for (const c of w.cases) caseIds.push(await insertDrawnCase(trx, ids, c.owner, c.shares));
      const personIds: string[] = [];
      for (const p of w.persons) {
        const row = await trx
          .insertInto('persons')
          .values({
            owner_institution_id: ids[p.owner]!,
            given_names: t.services.crypto.encrypt('Persona Sintética', 'persons.given_names'),
            sex: 'Female',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        personIds.push(row.id);
        const linked = new Set(p.links.filter((i) => i < caseIds.length));
        for (const i of linked)
          await trx
            .insertInto('case_persons')
            .values({ case_id: caseIds[i]!, person_id: row.id, role: 'presumed_victim' })
            .execute();
      }
      const caseSeen = (a: DrawnActor, i: number) =>
        w.cases[i]!.owner === a.institution ||
        w.cases[i]!.shares.some((s) => s.to === a.institution && !s.revoked);
      await checkEveryActor(
        problems,
        ids,
        { kind: 'person', actors: w.actors, records: w.persons, ids: personIds },
        {
          answers: (actor, a, p) => {
            const viaCase = p.links.some((c) => c < w.cases.length && caseSeen(a, c));
            return {
              model: worksCases(a.role) && (p.owner === a.institution || viaCase),
              rule: can(actor, 'person.read', { institutionId: ids[p.owner]!, sharedWithActor: viaCase }),
            };
          },
          // Checked both ways (scope.ts, `rowByRow`): the plan changes, never the persons.
          scope: (actor) => ({
            execute: async () => {
              const visible = (check: ScopeCheck) =>
                scopedPersons(actor, trx.selectFrom('persons').select('persons.id'), check)
                  .where('persons.id', 'in', personIds)
                  .orderBy('persons.id')
                  .execute();
              const asSet = await visible({});
              expect(await visible({ rowByRow: true })).toEqual(asSet);
              return asSet;
            },
          }),
          door: (actor, id) => loadPersonFor(ctxOf(trx, actor), id, 'person.read'),
        },
      );
    });
  }, 120_000);

  it('referrals: sent or received by the institution, for the case roles only', async () => {
    const world = fc.record({
      referrals: fc.array(fc.record({ from: institution, to: institution }), { minLength: 1, maxLength: 5 }),
      actors,
    });
    await everyWorldAgrees(t, world, 20, async (trx, w, problems) => {
      const referralIds: string[] = [];
      for (const r of w.referrals) {
        const row = await trx
          .insertInto('referrals')
          .values({
            case_id: template.caseId,
            person_id: template.personId,
            need_id: template.needId,
            consent_id: template.consentId,
            provider_service_id: template.providerServiceId,
            service_type: 'Psychological',
            from_institution_id: ids[r.from]!,
            to_institution_id: ids[r.to]!,
            state: 'requested',
            urgency: 'High',
            due_at: new Date(Date.now() + 86_400_000),
            shared_fields: [],
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        referralIds.push(row.id);
      }
      await checkEveryActor(
        problems,
        ids,
        { kind: 'referral', actors: w.actors, records: w.referrals, ids: referralIds },
        {
          answers: (actor, a, r) => ({
            model: worksCases(a.role) && (r.from === a.institution || r.to === a.institution),
            rule: can(actor, 'referral.read', {
              fromInstitutionId: ids[r.from]!,
              toInstitutionId: ids[r.to]!,
            }),
          }),
          scope: (actor) =>
            scopedReferrals(actor, undefined, trx.selectFrom('referrals').select('referrals.id')).where(
              'referrals.id',
              'in',
              referralIds,
            ),
          door: (actor, id) => loadReferralFor(ctxOf(trx, actor), id, 'referral.read'),
        },
      );
    });
  }, 120_000);

  it('investigations: owner or instructed institution; complicity only for leads, never for the official’s institution', async () => {
    const world = fc.record({
      investigations: fc.array(
        fc.record({
          owner: institution,
          instructed: fc.uniqueArray(institution, { maxLength: 2 }),
          officials: fc.array(institution, { maxLength: 2 }),
          ordinarySuspects: fc.nat(1),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      actors,
    });
    await everyWorldAgrees(t, world, 20, async (trx, w, problems) => {
      const investigationIds: string[] = [];
      for (const v of w.investigations) {
        const row = await trx
          .insertInto('investigations')
          .values({
            reference: `INV-PROP-${++n}-${crypto.randomUUID().slice(0, 8)}`,
            owner_institution_id: ids[v.owner]!,
            opened_on: '2026-02-01',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        investigationIds.push(row.id);
        for (const i of v.instructed)
          await trx
            .insertInto('investigation_instructions')
            .values({ investigation_id: row.id, institution_id: ids[i]! })
            .execute();
        const suspects = [
          ...v.officials.map((i) => ids[i]!),
          ...Array.from({ length: v.ordinarySuspects }, () => null),
        ];
        for (const official of suspects)
          await trx
            .insertInto('investigation_suspects')
            .values({
              investigation_id: row.id,
              given_names: t.services.crypto.encrypt('Sospechoso', 'investigation_suspects.given_names'),
              sex: 'Male',
              roles: ['recruiter'],
              official_institution_id: official,
              official_kind: official === null ? null : 'police',
            })
            .execute();
      }
      await checkEveryActor(
        problems,
        ids,
        { kind: 'investigation', actors: w.actors, records: w.investigations, ids: investigationIds },
        {
          answers: (actor, a, v) => {
            const complicity = v.officials.length > 0;
            return {
              model:
                worksCases(a.role) &&
                (v.owner === a.institution || v.instructed.includes(a.institution)) &&
                !v.officials.includes(a.institution) &&
                (!complicity || PROSECUTION_LEADS.includes(a.role)),
              rule: can(actor, 'investigation.read', {
                institutionId: ids[v.owner]!,
                instructedInstitutionIds: v.instructed.map((x) => ids[x]!),
                complicity,
                officialInstitutionIds: v.officials.map((x) => ids[x]!),
              }),
            };
          },
          scope: (actor) =>
            scopedInvestigations(actor, trx.selectFrom('investigations').select('investigations.id')).where(
              'investigations.id',
              'in',
              investigationIds,
            ),
          door: (actor, id) => loadInvestigationFor(ctxOf(trx, actor), id, 'investigation.read'),
        },
      );
    });
  }, 120_000);
});

/**
 * The national linkage over the database: one woman registered by the police, the women's ministry
 * and an NGO (names spelled differently, a surname missing, an estimated age) becomes one cluster;
 * the statistics' counting unit (distinct clusters, view person_cluster) counts her once, and
 * unlinking restores separate persons. No personal field is written to the linkage tables.
 * Synthetic data only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/access/actor.js';
import { personColumns, type PersonInput } from '../../src/server/modules/persons/person-record.js';
import { clusterIdOf, distinctPersonCount } from '../../src/server/modules/linkage/clusters.repository.js';
import {
  decideReview,
  loadPersons,
  runLinkage,
  unlinkPerson,
} from '../../src/server/modules/linkage/linkage.service.js';
import { drawPerson } from '../../src/server/demo/person.js';
import { Rng } from '../../src/server/demo/prng.js';
import { skipBackend, type TestContext } from '../helpers/db.js';
import { buildActor, institutionId } from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

const WOMAN: Partial<PersonInput> = {
  givenNames: 'Zunilda Librada',
  firstSurname: 'Insfrán',
  secondSurname: 'Mereles',
  dateOfBirth: '1999-03-14',
  sex: 'Female',
  nationalities: ['PY'],
  documentType: 'CedulaPY',
  documentNumber: '4123987',
  residenceDepartment: 'PY-11',
  residenceDistrict: 'Luque',
};

describe.skipIf(skipBackend)('national linkage', () => {
  const t = useTestContext();
  let admin: Actor;
  const ids: Record<string, string> = {};

  async function insertPerson(institution: string, fields: Partial<PersonInput>): Promise<string> {
    const owner = await institutionId(t, institution);
    const full = {
      aliases: [],
      sex: 'Female',
      ageApproximate: false,
      nationalities: ['PY'],
      languages: ['es'],
      interpreterNeeded: false,
      indigenous: false,
      ...fields,
    } as PersonInput;
    const row = await t.services.db.transaction((trx) =>
      trx
        .insertInto('persons')
        .values({ ...personColumns(t.services.crypto, full), owner_institution_id: owner, created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    return row.id;
  }

  const ctx = <T>(
    fn: (c: {
      trx: Parameters<Parameters<TestContext['services']['db']['transaction']>[0]>[0];
    }) => Promise<T>,
  ) => t.services.db.transaction((trx) => fn({ trx }));

  beforeAll(async () => {
    admin = await buildActor(t, { role: 'system_admin', institution: 'MESA' }, 'Test admin');
    ids.police = await insertPerson('PNPTU', WOMAN);
    ids.ministry = await insertPerson('MINMUJER', {
      ...WOMAN,
      givenNames: 'Sunilda',
      firstSurname: 'Ynsfran',
      secondSurname: null,
      documentNumber: null,
    });
    ids.ngo = await insertPerson('NGO-LUNANUEVA', {
      ...WOMAN,
      firstSurname: 'Mereles',
      secondSurname: 'Insfrán',
      dateOfBirth: null,
      estimatedAge: 27,
      ageApproximate: true,
      documentNumber: '4129387',
    });
    // A population for the model to learn from: distinct synthetic persons.
    const rng = new Rng(5);
    for (let i = 0; i < 150; i++) {
      const p = drawPerson(rng, {
        sex: 'Female',
        age: 12 + (i % 30),
        detectedOn: '2026-01-01',
        foreign: false,
      });
      await insertPerson(['PNPTU', 'NGO-LUNANUEVA', 'MINNA'][i % 3]!, p);
    }
  }, 120_000);

  const run = () =>
    t.services.db.transaction((trx) =>
      runLinkage({ trx, actor: admin, requestId: 'test', purpose: 'test' }, t.services.crypto),
    );
  const distinct = () => ctx(({ trx }) => distinctPersonCount(trx, [ids.police!, ids.ministry!, ids.ngo!]));

  it('reads every person once, in id order, whatever the size of the chunks it reads them in', async () => {
    const read = (chunk?: number) =>
      t.services.db.transaction((trx) =>
        loadPersons({ trx, actor: admin, requestId: 'test', purpose: 'test' }, t.services.crypto, chunk),
      );
    const whole = await read();
    expect(whole).toHaveLength(153);
    expect(whole.map((p) => p.id)).toEqual(whole.map((p) => p.id).sort());
    // 153 persons in chunks of 10 (the last one short) and of 51 (the last one full, then none).
    expect(await read(10)).toEqual(whole);
    expect(await read(51)).toEqual(whole);
    expect(whole.find((p) => p.id === ids.ngo)).toMatchObject({
      givenNames: 'Zunilda Librada',
      estimatedAge: 27,
    });
  });

  it('counts three registrations of one woman once after the batch, with a cluster id that is no person id', async () => {
    expect(await distinct()).toBe(3);
    const summary = await run();
    expect(summary.persons).toBe(153);
    // Confirm what the batch left for review, as a reviewer would.
    const pending = await ctx(({ trx }) =>
      trx
        .selectFrom('match_reviews')
        .select('id')
        .where('status', '=', 'pending')
        .where((eb) =>
          eb.or([eb('person_a', 'in', Object.values(ids)), eb('person_b', 'in', Object.values(ids))]),
        )
        .execute(),
    );
    for (const r of pending)
      await t.services.db.transaction((trx) =>
        decideReview({ trx, actor: admin, requestId: 'test', purpose: 'test' }, r.id, 'same'),
      );
    expect(await distinct()).toBe(1);
    const cluster = await ctx(({ trx }) => clusterIdOf(trx, ids.police!));
    expect(Object.values(ids)).not.toContain(cluster);
    expect(await ctx(({ trx }) => clusterIdOf(trx, ids.ngo!))).toBe(cluster);
  });

  it('restores separate persons when one is unlinked, and a new batch does not link them again', async () => {
    const removed = await t.services.db.transaction((trx) =>
      unlinkPerson({ trx, actor: admin, requestId: 'test', purpose: 'test' }, ids.ngo!),
    );
    expect(removed).toBeGreaterThan(0);
    expect(await distinct()).toBe(2);
    expect(await ctx(({ trx }) => clusterIdOf(trx, ids.ngo!))).toBe(ids.ngo);
    await run();
    expect(await distinct()).toBe(2);
  });

  it('keeps a cluster id from batch to batch and queues no pair that is already one cluster', async () => {
    const before = await ctx(({ trx }) => clusterIdOf(trx, ids.police!));
    expect(await ctx(({ trx }) => clusterIdOf(trx, ids.ministry!))).toBe(before);
    await run();
    expect(await ctx(({ trx }) => clusterIdOf(trx, ids.police!))).toBe(before);
    expect(await ctx(({ trx }) => clusterIdOf(trx, ids.ministry!))).toBe(before);
    const queuedInsideCluster = await ctx(({ trx }) =>
      trx
        .selectFrom('match_reviews')
        .innerJoin('person_clusters as ca', 'ca.person_id', 'match_reviews.person_a')
        .innerJoin('person_clusters as cb', 'cb.person_id', 'match_reviews.person_b')
        .whereRef('ca.cluster_id', '=', 'cb.cluster_id')
        .where('match_reviews.status', '=', 'pending')
        .select('match_reviews.id')
        .execute(),
    );
    expect(queuedInsideCluster).toEqual([]);
  });

  it('audits runs and unlinks, and stores no personal field in the linkage tables', async () => {
    const actions = await ctx(({ trx }) =>
      trx
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'in', ['runLinkage', 'unlinkPersons'])
        .execute(),
    );
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['runLinkage', 'unlinkPersons']));
    const dump = JSON.stringify(
      await ctx(async ({ trx }) => [
        await trx.selectFrom('person_links').selectAll().execute(),
        await trx.selectFrom('match_reviews').selectAll().execute(),
        await trx.selectFrom('linkage_runs').selectAll().execute(),
      ]),
    );
    for (const secret of ['Zunilda', 'Insfr', 'Mereles', '4123987', '1999-03-14'])
      expect(dump).not.toContain(secret);
  });
});

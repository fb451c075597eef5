/**
 * Every figure of the statistics module against an independent computation in plain code over the
 * generated records (statistics-reference.ts), for several demo seeds, filters and breakdowns; then
 * after a change to the records (a new decision), the figures follow.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_IDS } from '../../src/shared/api-statistics.js';
import { generateDemo } from '../../src/server/demo/demo.js';
import { createTestContext, skipBackend, type TestContext } from '../helpers/db.js';
import { api, userWithSession, type Session } from '../helpers/factories.js';
import { addProtectionRecords } from './statistics-fixtures.js';
import { addProsecutionPreventionRecords } from './statistics-fixtures-prosecution.js';
import { loadRecords, referenceFigure, type RefFilters } from './statistics-reference.js';

const SEEDS = ['alpha', 'beta', 'gamma'];
const CASES = 240;

/** (figure, filters without year, breakdown) checked for every seed and several years. */
const CHECKS: Array<[string, Omit<RefFilters, 'year'>, string | undefined]> = [
  ...FIGURE_IDS.map((figure) => [figure, {}, undefined] as [string, Omit<RefFilters, 'year'>, undefined]),
  ['victimsIdentified', {}, 'sex'],
  ['victimsIdentified', {}, 'ageGroup'],
  ['victimsIdentified', {}, 'ageBand'],
  ['victimsIdentified', {}, 'exploitation'],
  ['victimsIdentified', {}, 'department'],
  ['victimsIdentified', {}, 'nationality'],
  ['victimsIdentified', {}, 'institution'],
  ['victimsIdentified', {}, 'ict'],
  ['victimsIdentified', {}, 'scope'],
  ['possibleVictims', {}, 'ageGroup'],
  ['possibleVictims', { sex: 'Female' }, 'scope'],
  ['victimsRepatriated', {}, 'nationality'],
  ['foreignVictimsResidency', {}, 'sex'],
  ['victimsIdentified', { sex: 'Female', ageGroup: 'child' }, 'exploitation'],
  ['victimsIdentified', { ict: 'online' }, 'platform'],
  ['victimsIdentified', { exploitation: 'SexualExploitation' }, 'department'],
  ['victimsIdentified', { department: 'PY-11' }, 'sex'],
  ['victimsIdentified', { nationality: 'PY', ageBand: '18-29' }, undefined],
  ['victimsIdentifiedOnline', {}, 'platform'],
  ['victimsIdentifiedOnline', { platform: 'Facebook' }, 'ict'],
  ['victimsAssisted', {}, 'serviceType'],
  ['victimsAssisted', { sex: 'Female' }, 'ageGroup'],
  ['victimsAssisted', { ict: 'online' }, 'exploitation'],
  ['servicesDelivered', {}, 'serviceType'],
  ['referralsMade', {}, 'referralState'],
  ['referralsMade', { ageGroup: 'adult' }, 'serviceType'],
  ['unmetNeeds', {}, 'unmetReason'],
  ['unmetNeeds', {}, 'serviceType'],
  ['daysToFirstService', {}, 'ageGroup'],
  ['daysToFirstService', { sex: 'Female' }, undefined],
  ['investigationsOpened', {}, 'institution'],
  ['investigationsOpened', { ict: 'online' }, 'department'],
  ['complicityInvestigations', {}, 'ict'],
  ['personsCharged', {}, 'sex'],
  ['personsCharged', { sex: 'Male' }, 'department'],
  ['personsConvicted', {}, 'sentenceBand'],
  ['personsConvicted', {}, 'exploitation'],
  ['personsCharged', {}, 'ageGroup'],
  ['personsCharged', { nationality: 'PY' }, 'exploitation'],
  ['personsConvictedOtherProvisions', {}, 'sentenceBand'],
  ['personsConvicted', { department: 'PY-ASU' }, 'sex'],
  ['sentenceMonths', {}, 'sex'],
  ['cooperationRequests', {}, 'cooperationKind'],
  ['operationsConducted', {}, 'department'],
  ['personsArrested', { ict: 'offline' }, 'department'],
  ['victimsRescued', {}, 'institution'],
  ['trainingsHeld', {}, 'department'],
  ['trainingParticipants', {}, 'sex'],
  ['trainingParticipants', { sex: 'Female' }, 'institution'],
  ['campaignsRun', {}, 'institution'],
  ['campaignReach', {}, 'institution'],
  ['hotlineContacts', {}, 'hotlineChannel'],
  ['hotlineContacts', { department: 'PY-11' }, 'institution'],
];
const YEARS = [2020, 2023, 2025];

describe.skipIf(skipBackend)('statistics figures equal an independent computation', () => {
  const contexts: TestContext[] = [];
  const analysts: Session[] = []; // the figures' readers

  beforeAll(async () => {
    for (const seed of SEEDS) {
      const t = await createTestContext();
      contexts.push(t);
      await generateDemo(t.services, { cases: CASES, seed, password: 'demo password for statistics 2026' });
      await addProtectionRecords(t);
      await addProsecutionPreventionRecords(t, 101 + contexts.length);
      // Exact figures: a supervisor of the Mesa reads them (an analyst reads counts of 1–2 that
      // include other institutions' victims as "<3": statistics-small-counts.test.ts).
      analysts.push(await userWithSession(t, { role: 'supervisor', institution: 'MESA' }));
    }
  }, 300_000);
  afterAll(async () => {
    await Promise.all(contexts.map((t) => t.close()));
  });

  async function compareAll(index: number) {
    const t = contexts[index]!;
    const records = await loadRecords(t);
    const codes = new Map(
      (
        await t.services.db.transaction((trx) =>
          trx.selectFrom('institutions').select(['id', 'code']).execute(),
        )
      ).map((row) => [row.id, row.code]),
    );
    let nonZero = 0;
    for (const year of YEARS)
      for (const [figure, filters, by] of CHECKS) {
        const params = new URLSearchParams({ figure, year: String(year), ...(by ? { by } : {}), ...filters });
        const res = await api(t, analysts[index]!, 'GET', `/api/statistics?${params}`);
        expect(res.statusCode, res.body).toBe(200);
        const got = res.json();
        const want = referenceFigure(records, codes, figure, { year, ...filters }, by);
        const label = `${SEEDS[index]} ${figure} ${year} ${JSON.stringify(filters)} by ${by}`;
        expect({ total: got.total, previous: got.previousTotal }, label).toEqual({
          total: want.total,
          previous: want.previousTotal,
        });
        expect(
          Object.fromEntries(got.rows.map((r: { key: string; value: number }) => [r.key, r.value])),
          label,
        ).toEqual(want.rows);
        if (got.total) nonZero++;
      }
    // The checks are only worth something if the data gives numbers to compare.
    expect(nonZero).toBeGreaterThan(CHECKS.length);
  }

  it.each(SEEDS.map((seed, index) => [seed, index]))(
    'seed %s: every figure, filter and breakdown',
    async (_seed, index) => {
      await compareAll(index as number);
    },
    120_000,
  );

  it('follows the records: a new "not a victim" decision removes a person from the victims identified', async () => {
    const t = contexts[0]!;
    const before = await loadRecords(t);
    const victim = [...before.persons.values()].find(
      (p) => p.identifiedOn?.startsWith('2025') && p.status === 'ActualVictimOfTrafficking',
    )!;
    await t.services.db.transaction(async (trx) => {
      const last = await sql<{ case_id: string; institution_id: string }>`select case_id, institution_id
        from trafficking_decisions where person_id = ${victim.person} order by decided_on desc limit 1`.execute(
        trx,
      );
      await trx
        .insertInto('trafficking_decisions')
        .values({
          case_id: last.rows[0]!.case_id,
          person_id: victim.person,
          status: 'NotAVictimOfTrafficking',
          decision_org_type: 'Police',
          institution_id: last.rows[0]!.institution_id,
          decided_on: '2026-11-01',
          reason: t.services.crypto.encrypt('Revisión sintética', 'trafficking_decisions.reason'),
        })
        .execute();
    });
    const res = await api(t, analysts[0]!, 'GET', '/api/statistics?figure=victimsIdentified&year=2025');
    const wantBefore = referenceFigure(before, new Map(), 'victimsIdentified', { year: 2025 }).total!;
    expect(res.json().total).toBe(wantBefore - 1);
    await compareAll(0);
  }, 120_000);
});

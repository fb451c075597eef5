/**
 * Prosecution figures an auditor recounts (docs/STATISTICS.md): the form of a trafficking conviction
 * from every trafficking charge convicted on (Law 4788's aggravating-circumstances charge names
 * none), restitution counted only for trafficking convictions, a victim's participation dated by the
 * day it was first recorded (an update does not move it), and a victim penalised in any of their
 * participations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { provisionId, STAGES_TO_SENTENCE_2025, suspectBody } from './prosecution-fixtures.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { paraguayToday } from '../../src/shared/dates.js';

const suspect = (givenNames: string) => suspectBody(givenNames, 'Female', 1975);
const STAGES = STAGES_TO_SENTENCE_2025;

describe.skipIf(skipBackend)('prosecution figures recounted', () => {
  const t = useTestContext();
  const [prosecutor] = useSessions(t, 'prosecutor@MP-UFETESI');
  let caseId: string;
  let victimId: string;
  const investigations: string[] = [];

  const post = (inv: string, path: string, body: object) =>
    api(t, prosecutor, 'POST', `/api/investigations/${inv}${path}`, body);
  async function openInvestigation(reference: string) {
    const created = await api(t, prosecutor, 'POST', '/api/investigations', {
      reference,
      openedOn: '2025-03-01',
      department: 'PY-11',
      caseIds: [caseId],
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  }
  /** A defendant charged under `codes`, taken to a sentence and convicted on every charge. */
  async function convict(inv: string, name: string, codes: string[], outcome: Record<string, unknown>) {
    const added = await post(inv, '/suspects', suspect(name));
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().suspects.find((s: { givenNames: string }) => s.givenNames === name).id;
    for (const code of codes) {
      const res = await post(inv, `/suspects/${id}/charges`, {
        provisionId: await provisionId(t, code),
        chargedOn: '2025-04-01',
        factsOn: '2025-01-15',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const [stage, occurredOn] of STAGES)
      expect((await post(inv, `/suspects/${id}/stages`, { stage, occurredOn })).statusCode).toBe(201);
    const res = await post(inv, `/suspects/${id}/outcome`, {
      outcome: 'convicted',
      decidedOn: '2025-07-01',
      ...outcome,
    });
    expect(res.statusCode, res.body).toBe(201);
    return id as string;
  }
  const participate = (inv: string, penalised: boolean) =>
    api(t, prosecutor, 'PUT', `/api/investigations/${inv}/victims`, {
      caseId,
      personId: victimId,
      witness: true,
      protectiveMeasures: [],
      penalised,
    });
  const total = async (query: string) => {
    const res = await api(t, prosecutor, 'GET', `/api/statistics?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total as number;
  };

  beforeAll(async () => {
    caseId = await insertCase(t, 'PNPTU', ['MP-UFETESI']);
    victimId = await insertLinkedPerson(t, caseId, 'PNPTU');
    investigations.push(
      await openInvestigation('UFETESI 20/2025'),
      await openInvestigation('UFETESI 21/2025'),
    );
    const [inv] = investigations as [string];
    // Sex trafficking (art. 5) with the aggravating circumstances (art. 7), the longer sentence on art. 7.
    const aggravated = await convict(inv, 'Cinco', ['L4788-5', 'L4788-7'], { sentenceMonths: 96 });
    const view = (await api(t, prosecutor, 'GET', `/api/investigations/${inv}`)).json();
    const charges = view.suspects.find((s: { id: string }) => s.id === aggravated).charges;
    expect(charges).toHaveLength(2);
    // Pimping alone with restitution ordered: not a trafficking conviction, nor its restitution.
    await convict(inv, 'Seis', ['CP-139'], { sentenceMonths: 24, restitutionAmount: 5_000_000 });
    // Labour trafficking with restitution ordered.
    await convict(inv, 'Siete', ['L4788-6'], { sentenceMonths: 60, restitutionAmount: 8_000_000 });
  }, 180_000);

  it('gives a conviction on art. 5 and the aggravating art. 7 the form of art. 5', async () => {
    const res = await api(
      t,
      prosecutor,
      'GET',
      '/api/statistics?figure=personsConvicted&year=2025&by=exploitation',
    );
    const rows = Object.fromEntries(
      res.json().rows.map((r: { key: string; value: number }) => [r.key, r.value]),
    );
    expect(rows).toEqual({ SexualExploitation: 1, ForcedLabour: 1 });
  });

  it('counts restitution ordered only for trafficking convictions', async () => {
    expect(await total('figure=compensationOrdered&year=2025')).toBe(1);
    expect(await total('figure=personsConvictedOtherProvisions&year=2025')).toBe(1);
  });

  it('dates a participation by its first recording, and counts a victim penalised in a later one', async () => {
    const [first, second] = investigations as [string, string];
    expect((await participate(first, false)).statusCode).toBe(200);
    // Recorded in 2025 (the test cannot wait a year): then updated today.
    await t.services.db.transaction((trx) =>
      sql`update victim_participation set recorded_on = '2025-05-10' where investigation_id = ${first}`.execute(
        trx,
      ),
    );
    expect((await participate(first, false)).statusCode).toBe(200);
    const stored = await t.services.db.transaction((trx) =>
      sql<{
        recorded_on: string;
      }>`select recorded_on::text as recorded_on from victim_participation where investigation_id = ${first}`.execute(
        trx,
      ),
    );
    expect(stored.rows[0]?.recorded_on).toBe('2025-05-10');
    const thisYear = paraguayToday().slice(0, 4);
    expect(await total('figure=victimsInProceedings&year=2025')).toBe(1);
    expect(await total(`figure=victimsInProceedings&year=${thisYear}`)).toBe(0);

    // In the second investigation the same person is recorded as penalised: counted, on that day.
    expect(await total(`figure=victimsPenalised&year=${thisYear}`)).toBe(0);
    expect((await participate(second, true)).statusCode).toBe(200);
    expect(await total(`figure=victimsPenalised&year=${thisYear}`)).toBe(1);
    expect(await total('figure=victimsPenalised&year=2025')).toBe(0);
  });
});

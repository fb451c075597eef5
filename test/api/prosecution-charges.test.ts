/**
 * Prosecution counted under the law: outcomes and sentences per charge, the trafficking provisions
 * counted by default and the others apart, suspended sentences out of the prison median, the law in
 * force at the facts, prosecution dates that cannot be in the future, real country codes, and the
 * provision catalogue's verification flags (docs/STATISTICS.md, docs/LEGAL-PROVISIONS.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { provisionId, STAGES_TO_SENTENCE_2025, suspectBody } from './prosecution-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const suspect = (givenNames: string) => suspectBody(givenNames);
const STAGES = STAGES_TO_SENTENCE_2025;

describe.skipIf(skipBackend)('prosecution per charge and its figures', () => {
  const t = useTestContext();
  let inv: string;

  const post = (path: string, body: object) =>
    api(t, prosecutor, 'POST', `/api/investigations/${inv}${path}`, body);
  /** A defendant charged under `codes` and taken to a sentence; returns the suspect and charge ids. */
  async function defendant(name: string, codes: string[]) {
    const added = await post('/suspects', suspect(name));
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().suspects.find((s: { givenNames: string }) => s.givenNames === name).id;
    for (const code of codes) {
      const res = await post(`/suspects/${id}/charges`, {
        provisionId: await provisionId(t, code),
        chargedOn: '2025-04-01',
        factsOn: '2025-01-15',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const [stage, occurredOn] of STAGES)
      expect((await post(`/suspects/${id}/stages`, { stage, occurredOn })).statusCode).toBe(201);
    const view = (await api(t, prosecutor, 'GET', `/api/investigations/${inv}`)).json();
    const charges = view.suspects.find((s: { id: string }) => s.id === id).charges as Array<{
      id: string;
      provisionCode: string;
    }>;
    return { id, charge: (code: string) => charges.find((c) => c.provisionCode === code)!.id };
  }
  // Exact figures: read by the prosecutor (an analyst reads counts of 1–2 as "<3",
  // statistics-small-counts.test.ts).
  const figure = async (query: string) => {
    const res = await api(t, prosecutor, 'GET', `/api/statistics?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  const [prosecutor] = useSessions(t, 'prosecutor@MP-UFETESI');

  beforeAll(async () => {
    const created = await api(t, prosecutor, 'POST', '/api/investigations', {
      reference: 'UFETESI 19/2025',
      openedOn: '2025-03-01',
      department: 'PY-11',
    });
    expect(created.statusCode, created.body).toBe(201);
    inv = created.json().id;

    // Pimping alone, convicted: not a trafficking conviction.
    const pimp = await defendant('Uno', ['CP-139']);
    const a = await post(`/suspects/${pimp.id}/outcome`, {
      outcome: 'convicted',
      decidedOn: '2025-07-01',
      sentenceMonths: 24,
    });
    expect(a.statusCode, a.body).toBe(201);
    // Trafficking, a suspended sentence.
    const suspended = await defendant('Dos', ['L4788-5']);
    const b = await post(`/suspects/${suspended.id}/outcome`, {
      outcome: 'convicted',
      decidedOn: '2025-07-01',
      sentenceMonths: 30,
      suspended: true,
    });
    expect(b.statusCode, b.body).toBe(201);
    // Labour trafficking convicted (60 months), pimping acquitted: outcomes per charge.
    const both = await defendant('Tres', ['L4788-6', 'CP-139']);
    const c = await post(`/suspects/${both.id}/outcome`, {
      outcome: 'convicted',
      decidedOn: '2025-07-01',
      sentenceMonths: 60,
      charges: [
        { chargeId: both.charge('L4788-6'), outcome: 'convicted', sentenceMonths: 60 },
        { chargeId: both.charge('CP-139'), outcome: 'acquitted' },
      ],
    });
    expect(c.statusCode, c.body).toBe(201);
    const shown = c.json().suspects.find((s: { id: string }) => s.id === both.id);
    expect(
      shown.charges.find((x: { provisionCode: string }) => x.provisionCode === 'CP-139').outcome,
    ).toMatchObject({
      outcome: 'acquitted',
    });
  }, 120_000);

  it('a conviction under proxenetismo alone is not counted in trafficking convictions', async () => {
    expect((await figure('figure=personsConvicted&year=2025')).total).toBe(2);
    expect((await figure('figure=personsConvictedOtherProvisions&year=2025')).total).toBe(1);
    expect((await figure('figure=personsCharged&year=2025')).total).toBe(2);
    expect((await figure('figure=personsChargedOtherProvisions&year=2025')).total).toBe(1);
    const byForm = await figure('figure=personsConvicted&year=2025&by=exploitation');
    expect(
      Object.fromEntries(byForm.rows.map((r: { key: string; value: number }) => [r.key, r.value])),
    ).toEqual({
      ForcedLabour: 1,
      SexualExploitation: 1,
    });
  });

  it('a suspended sentence has its own band and is out of the prison median', async () => {
    const bands = await figure('figure=personsConvicted&year=2025&by=sentenceBand');
    expect(
      Object.fromEntries(bands.rows.map((r: { key: string; value: number }) => [r.key, r.value])),
    ).toEqual({
      '60-119': 1,
      suspended: 1,
    });
    // Only the 60-month prison sentence: the suspended 30 months and the pimping 24 are out.
    expect((await figure('figure=sentenceMonths&year=2025')).total).toBe(60);
  });

  it('refuses a future date, a provision not in force at the facts, an unknown country; nothing is written', async () => {
    const extra = await post('/suspects', suspect('Cuatro'));
    const id = extra.json().suspects.find((s: { givenNames: string }) => s.givenNames === 'Cuatro').id;
    const future = await post(`/suspects/${id}/charges`, {
      provisionId: await provisionId(t, 'L4788-5'),
      chargedOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.issues[0].path).toBe('body.chargedOn');
    const old = await post(`/suspects/${id}/charges`, {
      provisionId: await provisionId(t, 'L4788-5'),
      chargedOn: '2025-04-01',
      factsOn: '2010-06-01',
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().error).toMatchObject({ code: 'provision_not_in_force' });
    expect(old.json().error.issues[0].path).toBe('body.factsOn');
    const country = await post('/cooperation', {
      kind: 'extradition',
      direction: 'outgoing',
      country: 'XX',
      requestedOn: '2025-05-01',
    });
    expect(country.statusCode).toBe(400);
    expect(country.json().error.issues[0].path).toBe('body.country');
    const view = (await api(t, prosecutor, 'GET', `/api/investigations/${inv}`)).json();
    expect(view.suspects.find((s: { id: string }) => s.id === id).charges).toEqual([]);
  });

  it('lists every provision with its category, validity and whether its article number is verified', async () => {
    const list = (await api(t, prosecutor, 'GET', '/api/legal-provisions')).json().items as Array<{
      code: string;
      articleUnconfirmed: boolean;
      category: string;
      source: string | null;
      validFrom: string | null;
    }>;
    const of = (code: string) => list.find((p) => p.code === code)!;
    expect(of('CP-140')).toMatchObject({ articleUnconfirmed: true, category: 'related', source: null });
    expect(of('CP-129B')).toMatchObject({ articleUnconfirmed: false, category: 'trafficking' });
    expect(of('CP-129B').source).toContain('seed 000');
    expect(of('L4788-5')).toMatchObject({ articleUnconfirmed: true, validFrom: '2012-12-13' });
    for (const p of list)
      expect(p.articleUnconfirmed || p.source !== null || p.code === 'CP-OTHER').toBe(true);
  });
});

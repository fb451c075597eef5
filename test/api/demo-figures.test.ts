/**
 * `nanduti demo` exercises every figure: a small demo gives each figure of the national report a
 * non-zero value with its definition (the three Ps: identification and protection, prosecution,
 * prevention), and every interval follows causal order — contact ≤ identification ≤ referral ≤
 * delivery, complaint ≤ investigation ≤ charge ≤ stages ≤ conviction — with no date after today.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/server/demo/demo.js';
import { computeFigure } from '../../src/server/statistics-engine/engine.js';
import { FIGURES } from '../../src/server/statistics-engine/figures/index.js';
import { refreshFacts } from '../../src/server/statistics-engine/refresh.js';
import { nationalReport } from '../../src/server/statistics-engine/report.js';
import { paraguayYear } from '../../src/shared/dates.js';
import { createTestContext, skipBackend, type TestContext } from '../helpers/db.js';

const CASES = 1000;

async function count(t: TestContext, text: string): Promise<number> {
  return t.services.db.transaction(async (trx) => {
    const { rows } = await sql.raw<{ n: number }>(text).execute(trx);
    return Number(rows[0]!.n);
  });
}

describe.skipIf(skipBackend)('demo data for every figure', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
    await generateDemo(t.services, {
      cases: CASES,
      seed: 'three Ps',
      password: 'demo password for tests 2026',
    });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('gives every figure a non-zero value with its definition, over the demo years', async () => {
    const results = await t.services.db.transaction(async (trx) => {
      await refreshFacts(trx);
      const out = [];
      for (const figure of FIGURES)
        out.push(await computeFigure(trx, figure, { from: '2019-01-01', to: '2026-12-31' }, undefined, 'es'));
      return out;
    });
    const zero = results.filter((r) => !r.total).map((r) => r.figure);
    expect(zero).toEqual([]);
    for (const r of results) expect(r.definition.length, r.figure).toBeGreaterThan(40);
    // Identification comes before the first service: the median is never negative.
    expect(results.find((r) => r.figure === 'daysToFirstService')!.total).toBeGreaterThanOrEqual(0);
  });

  it('gives the national report the same figures as a count straight from the records', async () => {
    // The last full year, where the demo is densest.
    const year = paraguayYear() - 1;
    const report = await t.services.db.transaction(async (trx) => {
      await refreshFacts(trx);
      return nationalReport(trx, year, 'en');
    });
    const totals = new Map(report.sections.flatMap((s) => s.figures).map((f) => [f.figure, f.total]));
    const within = (column: string) => `${column} >= '${year}-01-01' and ${column} < '${year + 1}-01-01'`;
    const independent = {
      investigationsOpened: `select count(*) n from investigations where ${within('opened_on')}`,
      trainingsHeld: `select count(*) n from training_events where ${within('held_on')}`,
      hotlineContacts: `select count(*) n from hotline_contacts where ${within('received_on')}`,
      // Persons (no linkage run in the demo: one record, one person) with a repatriation delivered.
      victimsRepatriated: `select count(distinct r.person_id) n from service_deliveries s
        join referrals r on r.id = s.referral_id
        where r.service_type = 'Repatriation' and ${within('s.delivered_on')}`,
      // Suspects whose first conviction on a trafficking charge fell in the year.
      personsConvicted: `select count(*) n from (select ch.suspect_id, min(ch.outcome_on) first_on
          from suspect_charges ch join legal_provisions lp on lp.id = ch.provision_id
          where ch.outcome = 'convicted' and lp.category = 'trafficking' group by ch.suspect_id) x
        where ${within('first_on')}`,
    };
    const found: Record<string, number> = {};
    const reported: Record<string, number | null | undefined> = {};
    for (const [figure, text] of Object.entries(independent)) {
      found[figure] = await count(t, text);
      reported[figure] = totals.get(figure as never);
    }
    expect(reported).toEqual(found);
    for (const [figure, n] of Object.entries(found)) expect(n, figure).toBeGreaterThan(0);
  });

  it('writes the three Ps with no negative interval and nothing in the future', async () => {
    const checks: Record<string, string> = {
      // contact ≤ identification (the first decision of a person on the case)
      identificationBeforeContact: `select count(*) n from trafficking_decisions d join cases c on c.id = d.case_id
        where d.decided_on < c.detected_on`,
      // identification ≤ referral, for identified persons
      referralBeforeIdentification: `select count(*) n from referrals r
        join (select case_id, person_id, min(decided_on) first_on from trafficking_decisions
          where status <> 'NotAVictimOfTrafficking' group by case_id, person_id) d
          on d.case_id = r.case_id and d.person_id = r.person_id
        where (r.created_at at time zone 'UTC')::date < d.first_on`,
      referralBeforeContact: `select count(*) n from referrals r join cases c on c.id = r.case_id
        where (r.created_at at time zone 'UTC')::date < c.detected_on`,
      deliveryBeforeReferral: `select count(*) n from service_deliveries s join referrals r on r.id = s.referral_id
        where s.delivered_on < (r.created_at at time zone 'UTC')::date`,
      hotlineAfterCase: `select count(*) n from hotline_contacts h join cases c on c.id = h.case_id
        where h.received_on > c.detected_on`,
      investigationBeforeContact: `select count(*) n from investigations i
        join investigation_cases ic on ic.investigation_id = i.id join cases c on c.id = ic.case_id
        where i.opened_on < c.detected_on or i.complaint_on > i.opened_on`,
      chargeBeforeInvestigation: `select count(*) n from suspect_charges ch
        join investigation_suspects s on s.id = ch.suspect_id join investigations i on i.id = s.investigation_id
        where ch.charged_on < i.opened_on or ch.facts_on > ch.charged_on`,
      convictionBeforeCharge: `select count(*) n from suspect_charges where outcome_on < charged_on`,
      stagesOutOfOrder: `select count(*) n from procedural_stages a join procedural_stages b
        on a.suspect_id = b.suspect_id and b.seq = a.seq + 1 where b.occurred_on < a.occurred_on`,
      sentenceBeforeStage: `select count(*) n from suspect_outcomes o join procedural_stages p on p.id = o.stage_id
        where o.decided_on <> p.occurred_on`,
      future: `select (select count(*) from procedural_stages where occurred_on > current_date)
        + (select count(*) from suspect_charges where outcome_on > current_date)
        + (select count(*) from service_deliveries where delivered_on > current_date)
        + (select count(*) from trafficking_decisions where decided_on > current_date)
        + (select count(*) from training_events where held_on > current_date)
        + (select count(*) from hotline_contacts where received_on > current_date) as n`,
    };
    const found: Record<string, number> = {};
    for (const [name, text] of Object.entries(checks)) found[name] = await count(t, text);
    expect(found).toEqual(Object.fromEntries(Object.keys(checks).map((k) => [k, 0])));
    // …and the checks have something to look at.
    expect(
      await count(t, 'select count(*) n from suspect_charges where outcome is not null'),
    ).toBeGreaterThan(0);
    expect(await count(t, 'select count(*) n from service_deliveries')).toBeGreaterThan(0);
  });
});

/**
 * The CTDC export is k-anonymous (k = 11, CTDC's threshold) on year, gender, age, citizenship and
 * country of exploitation: a rare nationality in a year is generalised or left out, never exported as
 * it is; with `smallCells=refuse` the export is refused naming the combinations. Ages have their
 * standards' meaning (CTDC: at registration; HTCDS and majorityStatusAtExploit: at first exploitation)
 * and restriction of movement answered at screening reaches meansOfControlRestrictsMovement.
 * Synthetic data only.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/server/standards/csv.js';
import { skipBackend, type TestContext } from '../helpers/db.js';
import { api, auditOf, institutionId } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { insertCase, insertDecision, insertLinkedPerson } from './screening-fixtures.js';

function table(text: string): Record<string, string>[] {
  const parser = new CsvParser();
  const records = [...parser.push(text), parser.end()].filter((r) => r !== null);
  const [header, ...rows] = records.map((r) => r!.fields);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

const QI = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'citizenship',
  'CountryOfExploitation',
];

/** A presumed victim born in 1999 on a case detected in 2026, of the nationality given. */
async function victim(
  t: TestContext,
  nationality: string,
  ageAtFacts: number | null = null,
): Promise<string> {
  const caseId = await insertCase(t, 'PNPTU');
  const personId = await insertLinkedPerson(t, caseId, 'PNPTU');
  const inst = await institutionId(t, 'PNPTU');
  await t.services.db.transaction(async (trx) => {
    await trx
      .updateTable('persons')
      .set({ nationalities: [nationality], gender: 'Feminine', birth_year: 1999 })
      .where('id', '=', personId)
      .execute();
    await insertDecision(t, trx, {
      caseId,
      personId,
      status: 'PossibleVictimOfTrafficking',
      institutionId: inst,
      decidedOn: '2026-04-05',
    });
    if (ageAtFacts !== null) {
      const instrument = await trx.selectFrom('screening_instruments').select('id').executeTakeFirstOrThrow();
      await sql`insert into screenings (case_id, person_id, instrument_id, answers, facts_date, age_at_facts,
          child, act, means, purpose, indicator_count, assessment, law4788_assessment, flags, institution_id)
        values (${caseId}, ${personId}, ${instrument.id}, ${JSON.stringify({ 'fl.restriction_of_movement': 'yes' })}::jsonb,
          '2016-01-01', ${ageAtFacts}, 'yes', true, false, true, 1, 'presumed_victim', 'offence', '{}', ${inst})`.execute(
        trx,
      );
    }
  });
  return personId;
}

describe.skipIf(skipBackend)('CTDC export: k-anonymity and ages', () => {
  const t = useTestContext();
  const [supervisor] = useSessions(t, 'supervisor@PNPTU');
  beforeAll(async () => {
    // 12 Paraguayan women of 27 (a common combination), and one more first exploited at 16…
    await victim(t, 'PY', 16);
    for (let i = 0; i < 12; i++) await victim(t, 'PY');
    // …one Nigerian woman (a rare nationality in the year), and 11 more of other rare nationalities.
    await victim(t, 'NG');
    for (const c of ['CN', 'KR', 'JP', 'FR', 'ES', 'DE', 'IT', 'US', 'MX', 'CO']) await victim(t, c);
  }, 120_000);

  it('generalises the rare nationalities, leaves out what stays rare, keeps every combination at 11 or more', async () => {
    const res = await api(t, supervisor, 'GET', '/api/exports/ctdc?format=global2020');
    expect(res.statusCode).toBe(200);
    const rows = table(res.body);
    // The one first exploited as a minor is alone with that combination whatever is generalised.
    expect(rows).toHaveLength(23);
    expect(res.headers['x-nanduti-suppressed-rows']).toBe('1');
    expect(rows.some((r) => r.majorityStatusAtExploit === 'Minor')).toBe(false);
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = QI.map((q) => r[q]).join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(11);
    // No rare nationality leaves the server; the Paraguayans (common) stay exact.
    expect(rows.filter((r) => !['PY', '-99'].includes(r.citizenship!))).toEqual([]);
    expect(rows.filter((r) => r.citizenship === 'PY')).toHaveLength(12);
    const generalised = rows.filter((r) => r.citizenship === '-99');
    expect(generalised).toHaveLength(11);
    // The age band went first (minor/adult stays), then the citizenship.
    expect(generalised.every((r) => r.ageBroad === '-99' && r.majorityStatus === 'Adult')).toBe(true);
  });

  it('in the 2024 layout generalises citizenship first, keeping the age band', async () => {
    const res = await api(t, supervisor, 'GET', '/api/exports/ctdc?format=synthetic2024');
    expect(res.statusCode).toBe(200);
    const rows = table(res.body);
    expect(rows).toHaveLength(24);
    expect(rows.filter((r) => r.citizenship === '')).toHaveLength(11);
    expect(rows.every((r) => r.ageBroad === '27--29' && ['PRY', ''].includes(r.citizenship!))).toBe(true);
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation']
        .map((q) => r[q])
        .join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(11);
    expect(res.headers['x-nanduti-suppressed-rows']).toBe('0');
  });

  it('refuses with the small cells named when asked to', async () => {
    const res = await api(t, supervisor, 'GET', '/api/exports/ctdc?format=global2020&smallCells=refuse');
    expect(res.statusCode).toBe(422);
    const body = res.json() as { error: { code: string; issues: Array<{ path: string; message: string }> } };
    expect(body.error.code).toBe('export_not_k_anonymous');
    expect(body.error.issues.some((i) => i.message.includes('citizenship=NG'))).toBe(true);
    expect(body.error.issues).toHaveLength(12); // 11 rare nationalities, the one exploited as a minor
    // The refusal is audited (who, when, which export), never the rows.
    const audit = (await auditOf(t, supervisor.user.id)).filter((a) => a.action === 'exchange.exportCtdc');
    expect(audit.some((a) => a.outcome !== 'success')).toBe(true);
  });

  it('gives ages their standards meaning and fills restriction of movement from the screening', async () => {
    const ctdc = table((await api(t, supervisor, 'GET', '/api/exports/ctdc?format=global2020')).body);
    // At registration (2026 − 1999 = 27), whatever the age at the facts.
    expect(ctdc.filter((r) => r.citizenship === 'PY').every((r) => r.ageBroad === '27--29')).toBe(true);
    expect(ctdc.filter((r) => r.citizenship === 'PY')).toHaveLength(12);
    const htcds = table((await api(t, supervisor, 'GET', '/api/exports/htcds')).body);
    const first = htcds.find((r) => r.vic_AgeWhenTrafficked === '16');
    expect(first).toBeDefined();
    // Restriction of movement answered "yes" at screening: HTCDS has no value for it, so Other.
    expect(first!.vic_MethodsOfControl).toBe('Other');
    // Unknown for the others (no screening, no dated event): never the age at registration.
    expect(htcds.filter((r) => r.vic_AgeWhenTrafficked === '')).toHaveLength(23);
  });
});

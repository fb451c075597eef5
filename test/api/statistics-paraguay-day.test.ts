/**
 * Year boundaries in Paraguay's time (docs/STATISTICS.md): a referral made, and a need recorded, at
 * 23:30 on 31 December in Asunción (02:30 on 1 January UTC) are of the year that ends, not the next.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { insertNeed, insertReferral } from './protection-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('statistics in Paraguay’s days', () => {
  const t = useTestContext();
  const [prosecutor] = useSessions(t, 'prosecutor@MP-UFETESI');
  const total = async (query: string) => {
    const res = await api(t, prosecutor, 'GET', `/api/statistics?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total as number;
  };

  it('counts a referral and an unmet need of New Year’s Eve night in the year that ends', async () => {
    const referral = await insertReferral(t, 'PNPTU', 'MINMUJER');
    const needId = await insertNeed(t, referral.caseId, referral.personId, 'Shelter', 'unmet');
    const lateNight = '2026-01-01T02:30:00Z'; // 23:30 on 31 December 2025 in Asunción (UTC−3)
    await t.services.db.transaction(async (trx) => {
      await sql`update referrals set created_at = ${lateNight} where id = ${referral.referralId}`.execute(
        trx,
      );
      await sql`update person_needs set created_at = ${lateNight} where id in (${referral.needId}, ${needId})`.execute(
        trx,
      );
    });
    expect(await total('figure=referralsMade&year=2025')).toBe(1);
    expect(await total('figure=referralsMade&year=2026')).toBe(0);
    expect(await total('figure=unmetNeeds&year=2025')).toBe(1);
    expect(await total('figure=unmetNeeds&year=2026')).toBe(0);
    // A period of days: the last day of 2025 holds it.
    expect(await total('figure=referralsMade&from=2025-12-31&to=2025-12-31')).toBe(1);
  });
});

/**
 * The unfiltered case list's total comes from `case_counts` (kept by triggers), not from counting:
 * it must always equal the real number of visible cases — after cases are created, moved to
 * another institution, deleted, and for a role that sees no cases.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, createCaseAs, institutionId, userWithSession, type Session } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('case list total from the kept counts', () => {
  const t = useTestContext();
  const [police, ministry] = useSessions(t, 'case_worker@PNPTU', 'supervisor@MINNA');

  const total = async (session: Session, query = '') => {
    const res = await api(t, session, 'GET', `/api/cases${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().total as number;
  };
  /** The same total counted the slow way: owned cases plus those shared (not revoked) with it. */
  const counted = async (code: string) => {
    const inst = await institutionId(t, code);
    return t.services.db.transaction(async (trx) => {
      const row = await sql<{ n: number }>`select count(*)::int as n from cases
        where owner_institution_id = ${inst} or id in (select case_id from case_shares
          where institution_id = ${inst} and revoked_at is null)`.execute(trx);
      return row.rows[0]!.n;
    });
  };

  it('matches the real count through creations, bulk inserts, moves and deletions', async () => {
    const before = await total(police);
    expect(before).toBe(await counted('PNPTU'));
    const created: Array<{ id: string }> = [];
    for (let i = 0; i < 3; i++) created.push(await createCaseAs(t, police, {}));
    await createCaseAs(t, ministry, {});
    expect(await total(police)).toBe(before + 3);
    expect(await total(police)).toBe(await counted('PNPTU'));
    expect(await total(ministry)).toBe(await counted('MINNA'));

    // Several cases in one statement, one moved to another institution, one deleted.
    const minna = await institutionId(t, 'MINNA');
    await t.services.db.transaction(async (trx) => {
      await sql`insert into cases (reference, owner_institution_id, detection_method, detected_on)
        select 'PY-2099-' || lpad(g::text, 6, '0'), ${minna}, 'Hotline', date '2024-01-01'
        from generate_series(1, 5) g`.execute(trx);
      await sql`update cases set owner_institution_id = ${minna} where id = ${created[0]!.id}`.execute(trx);
      await sql`update cases set status = 'Closed' where id = ${created[1]!.id}`.execute(trx);
      await sql`delete from cases where id = ${created[2]!.id}`.execute(trx);
    });
    expect(await total(police)).toBe(before + 1);
    expect(await total(police)).toBe(await counted('PNPTU'));
    expect(await total(ministry)).toBe(await counted('MINNA'));
    // A filter counts as before (and agrees).
    expect(await total(police, '?status=Closed')).toBeGreaterThanOrEqual(1);

    // A role without case access sees none, whatever the counts say.
    const analyst = await userWithSession(t, { role: 'analyst', institution: 'PNPTU' });
    const res = await api(t, analyst, 'GET', '/api/cases');
    expect([200, 403]).toContain(res.statusCode);
    if (res.statusCode === 200) expect(res.json().total).toBe(0);
  });
});

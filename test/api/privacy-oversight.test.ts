/**
 * Break-glass, oversight alerts and the survivor's transparency documents (docs/PRIVACY.md):
 * - a break-glass read by a user of another institution notifies the owning supervisor and the DPO,
 *   appears in the person's access report, and stays "awaiting review" until reviewed; no reason or
 *   an expired grant is refused, audited;
 * - reading 200 persons in a minute raises a bulk-reading alert for the DPO (150 does not);
 * - the access report and the consent receipt download as PDF in Spanish and Guaraní.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  RecentPersonReads,
  runPrivacyAlerts,
} from '../../src/server/modules/privacy/alerts.js';
import { skipBackend } from '../helpers/db.js';
import { api, userWithSession, type Session } from '../helpers/factories.js';
import { nameTokens } from '../../src/server/modules/persons/name-normalize.js';
import { nameIndex } from '../../src/server/modules/persons/person-record.js';
import { insertConsent, insertNeed, insertProvider, insertReferral } from './protection-fixtures.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('privacy: break-glass, alerts, transparency', () => {
  const t = useTestContext();
  let caseId: string;
  let personId: string;

  const query = async <R>(text: ReturnType<typeof sql<R>>) =>
    (await t.services.db.transaction((trx) => text.execute(trx))).rows;

  const [dpo, policeWorker, policeSupervisor, ministryWorker] = useSessions(
    t,
    'dpo@MESA',
    'case_worker@PNPTU',
    'supervisor@PNPTU',
    'case_worker@MINNA',
  );

  /** `session` asks for emergency access to the person, for `reason` (none: the field is left out). */
  const breakGlass = (session: Session, reason: string | undefined) =>
    api(t, session, 'POST', '/api/privacy/break-glass', {
      resourceType: 'person',
      resourceId: personId,
      reason,
    });

  beforeAll(async () => {
    caseId = await insertCase(t, 'PNPTU');
    personId = await insertLinkedPerson(t, caseId, 'PNPTU');
  });

  it('break-glass: refused without a reason; opened, it notifies, lets the user read, and awaits review', async () => {
    expect((await api(t, ministryWorker, 'GET', `/api/persons/${personId}`)).statusCode).toBe(404);
    const noReason = await breakGlass(ministryWorker, undefined);
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error.issues)).toContain('reason');
    const shortReason = await breakGlass(ministryWorker, 'urgente');
    expect(shortReason.statusCode).toBe(400);
    // Each refusal is audited on the record asked for, without the text given.
    const refused = await query(sql<{ changed_fields: unknown }>`select changed_fields from audit_events
      where actor_user_id = ${ministryWorker.user.id} and action = 'breakGlass.open'
        and outcome = 'denied' and resource_type = 'person' and resource_id = ${personId}`);
    expect(refused).toHaveLength(2);
    expect(JSON.stringify(refused)).not.toContain('urgente');

    const opened = await breakGlass(
      ministryWorker,
      'La persona llegó a nuestra oficina en crisis y necesita atención inmediata',
    );
    expect(opened.statusCode).toBe(201);
    const grant = opened.json();
    expect(grant.state).toBe('active');
    const hours = (Date.parse(grant.expiresAt) - Date.parse(grant.openedAt)) / 3_600_000;
    expect(hours).toBeCloseTo(2, 2);

    // Notified at once: the owning institution's supervisor and the DPO (not the case worker).
    for (const [who, told] of [
      [policeSupervisor, true],
      [dpo, true],
      [policeWorker, false],
    ] as const) {
      const list = await api(t, who, 'GET', '/api/notifications');
      const kinds = list
        .json()
        .items.map((n: { kind: string; resourceType: string }) => `${n.kind}/${n.resourceType}`);
      if (told) expect(kinds).toContain('break_glass_opened/break_glass');
      else expect(kinds).not.toContain('break_glass_opened/break_glass');
    }

    // The door honours it: read yes, write no.
    const read = await api(t, ministryWorker, 'GET', `/api/persons/${personId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().givenNames).toBe('Mirna Soledad');
    // The page's banner: the grant it is shown through, with its end for the countdown.
    expect(read.json().emergencyAccess).toEqual({ id: grant.id, expiresAt: grant.expiresAt });
    const own = await api(t, policeWorker, 'GET', `/api/persons/${personId}`);
    expect(own.json().emergencyAccess).toBeNull();
    const write = await api(t, ministryWorker, 'PATCH', `/api/persons/${personId}`, {
      contact: '0981 000 000',
    });
    expect(write.statusCode).toBe(403);
    // Someone who already sees the record needs no break-glass.
    const notNeeded = await breakGlass(policeWorker, 'Prueba: esta persona ya es de mi institución y la veo');
    expect(notNeeded.statusCode).toBe(409);

    // In the person's access report, as an emergency access by MINNA's case worker role.
    const report = await api(t, policeWorker, 'GET', `/api/persons/${personId}/access-report?format=json`);
    expect(report.statusCode).toBe(200);
    const minna = report
      .json()
      .entries.filter((e: { institutionCode: string }) => e.institutionCode === 'MINNA');
    expect(minna.length).toBeGreaterThan(0);
    for (const entry of minna)
      expect(entry).toMatchObject({
        kind: 'break_glass',
        awaitingReview: true,
        role: 'case_worker',
        staff: null,
      });
    expect(minna.reduce((n: number, e: { times: number }) => n + e.times, 0)).toBeGreaterThanOrEqual(2);
    // Staff names only by the DPO's decision.
    expect(
      (
        await api(
          t,
          policeWorker,
          'GET',
          `/api/persons/${personId}/access-report?format=json&staffNames=true`,
        )
      ).statusCode,
    ).toBe(403);
    const named = await api(
      t,
      dpo,
      'GET',
      `/api/persons/${personId}/access-report?format=json&staffNames=true`,
    );
    expect(named.json().entries.map((e: { staff: string | null }) => e.staff)).toContain(
      ministryWorker.user.username,
    );

    // Expired: refused with a clear message, audited; the use awaits the DPO's review.
    await t.services.db.transaction((trx) =>
      sql`update break_glass set expires_at = now() - interval '1 minute' where id = ${grant.id}`.execute(
        trx,
      ),
    );
    const expired = await api(t, ministryWorker, 'GET', `/api/persons/${personId}`);
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.code).toBe('break_glass_expired');
    const denied = await query(sql<{ n: number }>`select count(*)::int as n from audit_events
      where actor_user_id = ${ministryWorker.user.id} and outcome = 'denied' and resource_id = ${personId}`);
    expect(denied[0]!.n).toBeGreaterThan(0);
    const pending = await api(t, dpo, 'GET', '/api/privacy/break-glass');
    const listed = pending.json().items.find((g: { id: string }) => g.id === grant.id);
    expect(listed.state).toBe('awaiting_review');
    expect(listed.reason).toMatch(/crisis/);

    const review = await api(t, dpo, 'POST', `/api/privacy/break-glass/${grant.id}/review`, {
      review: 'justified',
      note: 'Emergencia comprobada con el parte policial',
    });
    expect(review.statusCode).toBe(200);
    expect(review.json()).toMatchObject({ state: 'reviewed', review: 'justified' });
    const after = await api(t, dpo, 'GET', '/api/privacy/break-glass');
    expect(after.json().items.map((g: { id: string }) => g.id)).not.toContain(grant.id);
    // The access report no longer says it awaits review.
    const reviewed = await api(t, policeWorker, 'GET', `/api/persons/${personId}/access-report?format=json`);
    const emergencies = reviewed.json().entries.filter((e: { kind: string }) => e.kind === 'break_glass');
    expect(emergencies.length).toBeGreaterThan(0);
    for (const entry of emergencies) expect(entry.awaitingReview).toBe(false);
    const again = await api(t, dpo, 'POST', `/api/privacy/break-glass/${grant.id}/review`, {
      review: 'not_justified',
      note: 'otra vez',
    });
    expect(again.statusCode).toBe(409);
  });

  it('break-glass on a case: the case page names the grant until it ends, then answers "expired"', async () => {
    const prosecutor = await userWithSession(t, { role: 'prosecutor', institution: 'MINNA' });
    expect((await api(t, prosecutor, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    const opened = await api(t, prosecutor, 'POST', '/api/privacy/break-glass', {
      resourceType: 'case',
      resourceId: caseId,
      reason: 'Orden judicial urgente: la víctima declara hoy y hay que verificar el caso',
    });
    expect(opened.statusCode).toBe(201);
    const grant = opened.json();
    const page = await api(t, prosecutor, 'GET', `/api/cases/${caseId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().emergencyAccess).toEqual({ id: grant.id, expiresAt: grant.expiresAt });
    // Read only: the page offers no change.
    expect(page.json().permissions).not.toContain('case.update');
    // The case's persons open through the same grant, and their page names it too.
    const person = await api(t, prosecutor, 'GET', `/api/persons/${personId}`);
    expect(person.statusCode).toBe(200);
    expect(person.json().emergencyAccess).toEqual({ id: grant.id, expiresAt: grant.expiresAt });
    expect((await api(t, policeWorker, 'GET', `/api/cases/${caseId}`)).json().emergencyAccess).toBeNull();
    await query(sql`update break_glass set expires_at = now() - interval '1 second' where id = ${grant.id}`);
    const ended = await api(t, prosecutor, 'GET', `/api/cases/${caseId}`);
    expect(ended.statusCode).toBe(403);
    expect(ended.json().error.code).toBe('break_glass_expired');
  });

  it('raises a bulk-reading alert when a user reads 200 persons in a minute (and not for 100)', async () => {
    // 200 persons, found by two searches of 100 (each search audits one read per person shown, so
    // the 200 reads happen within a second or two, whatever the machine's speed).
    const name = t.services.crypto.encrypt('Persona de prueba', 'persons.given_names');
    for (const word of ['Alfonsina', 'Bernardina']) {
      const tokens = nameTokens({ givenNames: word }, nameIndex(t.services.crypto));
      await query(sql`insert into persons (owner_institution_id, given_names, sex, birth_year, name_tokens)
        select (select id from institutions where code = 'PNPTU'), ${name}, 'Female', 1990 + g % 20, ${tokens}::text[]
        from generate_series(1, 100) g`);
    }
    const bulk = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const fewer = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const search = (s: Session, q: string) => api(t, s, 'POST', '/api/persons/search', { q, limit: 100 });
    for (const q of ['Alfonsina', 'Bernardina'])
      expect((await search(bulk, q)).json().items).toHaveLength(100);
    expect((await search(fewer, 'Alfonsina')).json().items).toHaveLength(100);
    // The job, in small batches so a burst spans several of them.
    await runPrivacyAlerts(t.services.db, t.services.crypto, { ...DEFAULT_THRESHOLDS, batch: 64 });

    const list = await api(t, dpo, 'GET', '/api/privacy/alerts?kind=bulk_reading');
    expect(list.statusCode).toBe(200);
    const alerts = list.json().items as Array<{
      id: string;
      userId: string;
      count: number;
      auditFilter: Record<string, string>;
    }>;
    expect(alerts.map((a) => a.userId)).toEqual([bulk.user.id]);
    expect(alerts[0]!.count).toBe(200);
    // Linked to the audit list's filters: they show exactly the 200 reads.
    const filter = new URLSearchParams({ ...alerts[0]!.auditFilter, limit: '500' });
    const rows = await api(t, dpo, 'GET', `/api/audit-events?${filter}`);
    expect(rows.statusCode).toBe(200);
    expect(new Set(rows.json().items.map((r: { resourceId: string }) => r.resourceId)).size).toBe(200);

    // Running again raises nothing new; acknowledging takes it off the open list.
    await runPrivacyAlerts(t.services.db, t.services.crypto);
    expect((await api(t, dpo, 'GET', '/api/privacy/alerts?kind=bulk_reading')).json().items).toHaveLength(1);
    const ack = await api(t, dpo, 'POST', `/api/privacy/alerts/${alerts[0]!.id}/acknowledgement`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect((await api(t, dpo, 'GET', '/api/privacy/alerts?kind=bulk_reading')).json().items).toHaveLength(0);
  }, 240_000);

  it('sees a burst across two runs of the job whole, from the reads it kept or from the database', async () => {
    const name = t.services.crypto.encrypt('Persona de prueba', 'persons.given_names');
    const words = ['Casiana', 'Dorotea'];
    for (const word of words) {
      const tokens = nameTokens({ givenNames: word }, nameIndex(t.services.crypto));
      await query(sql`insert into persons (owner_institution_id, given_names, sex, birth_year, name_tokens)
        select (select id from institutions where code = 'PNPTU'), ${name}, 'Female', 1990 + g % 20, ${tokens}::text[]
        from generate_series(1, 100) g`);
    }
    const search = (s: Session, q: string) => api(t, s, 'POST', '/api/persons/search', { q, limit: 100 });
    const bulkAlerts = async () =>
      (
        (await api(t, dpo, 'GET', '/api/privacy/alerts?kind=bulk_reading&state=all')).json().items as Array<{
          userId: string;
          count: number;
        }>
      ).map((a) => [a.userId, a.count]);
    const job = (recent: RecentPersonReads) =>
      runPrivacyAlerts(t.services.db, t.services.crypto, { ...DEFAULT_THRESHOLDS, batch: 64 }, recent);
    const kept = new RecentPersonReads();
    await job(kept);
    const before = await bulkAlerts();

    // The same job's next run: the first 100 reads come from what it kept, none from the database.
    const first = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    await search(first, words[0]!);
    await job(kept);
    expect(kept.reads.filter((r) => r.actor_user_id === first.user.id)).toHaveLength(100);
    await search(first, words[1]!);
    await job(kept);
    expect(await bulkAlerts()).toEqual([[first.user.id, 200], ...before]);

    // Another server's job ran between (it moved the cursor): what this one kept is not the window
    // before its next batch, so it reads the window from the database and still sees the 200.
    const second = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    await search(second, words[0]!);
    await job(new RecentPersonReads());
    await search(second, words[1]!);
    await job(kept);
    expect(await bulkAlerts()).toEqual([[second.user.id, 200], [first.user.id, 200], ...before]);
  }, 240_000);

  it('alerts on break-glass, on probing, and on a user reading a person with their own surname', async () => {
    const relative = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const tokens = nameTokens(
      { givenNames: 'Mirna Soledad', firstSurname: 'Aquino' },
      nameIndex(t.services.crypto),
    );
    await t.services.db.transaction(async (trx) => {
      await sql`update users set display_name = 'Lucía Aquino' where id = ${relative.user.id}`.execute(trx);
      await sql`update persons set name_tokens = ${tokens}::text[] where id = ${personId}`.execute(trx);
    });
    expect((await api(t, relative, 'GET', `/api/persons/${personId}`)).statusCode).toBe(200);
    const prober = await userWithSession(t, { role: 'case_worker', institution: 'MINNA' });
    for (let i = 0; i < DEFAULT_THRESHOLDS.probingCount; i++)
      await api(t, prober, 'GET', `/api/persons/${crypto.randomUUID()}`);
    await runPrivacyAlerts(t.services.db, t.services.crypto);
    const items = (await api(t, dpo, 'GET', '/api/privacy/alerts?limit=500')).json().items as Array<{
      kind: string;
      userId: string;
      auditFilter: Record<string, string>;
    }>;
    const of = (kind: string, userId: string) => items.find((a) => a.kind === kind && a.userId === userId);
    expect(of('own_surname', relative.user.id)?.auditFilter).toMatchObject({ resourceId: personId });
    expect(of('probing', prober.user.id)?.auditFilter).toMatchObject({ outcome: 'denied' });
    expect(of('break_glass', ministryWorker.user.id)?.auditFilter).toMatchObject({
      action: 'breakGlass.open',
    });
    expect(of('own_surname', policeWorker.user.id)).toBeUndefined();
  });

  it('downloads the access report and the consent receipt as PDF in Spanish and Guaraní', async () => {
    const consentId = await insertConsent(
      t,
      caseId,
      personId,
      ['Shelter', 'Psychological'],
      ['givenNames', 'sex', 'age', 'contact', 'disability'],
    );
    const { serviceIds } = await insertProvider(t, {
      institution: 'MINMUJER',
      services: [{ serviceType: 'Shelter' }],
    });
    const needId = await insertNeed(t, caseId, personId, 'Shelter', 'referred');
    await t.services.db.transaction((trx) =>
      sql`insert into referrals (case_id, person_id, need_id, consent_id, provider_service_id, service_type,
          from_institution_id, to_institution_id, state, urgency, due_at, shared_fields)
        select ${caseId}, ${personId}, ${needId}, ${consentId}, ${serviceIds.Shelter!}, 'Shelter',
          (select id from institutions where code = 'PNPTU'), (select id from institutions where code = 'MINMUJER'),
          'requested', 'High', now() + interval '3 days', array['givenNames','sex','age']::text[]`.execute(
        trx,
      ),
    );

    for (const locale of ['es', 'gn'] as const) {
      const report = await api(
        t,
        policeWorker,
        'GET',
        `/api/persons/${personId}/access-report?locale=${locale}`,
      );
      expect(report.statusCode).toBe(200);
      expect(report.headers['content-type']).toBe('application/pdf');
      expect(report.headers['content-disposition']).toContain(`access-report-${locale}.pdf`);
      const pdf = report.rawPayload;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1')).toContain(`/Lang (${locale})`);
      expect(pdf.toString('latin1')).toContain('DejaVuSans');

      const receipt = await api(
        t,
        policeWorker,
        'GET',
        `/api/consents/${consentId}/receipt?locale=${locale}`,
      );
      expect(receipt.statusCode).toBe(200);
      expect(receipt.headers['content-type']).toBe('application/pdf');
      expect(receipt.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(receipt.rawPayload.toString('latin1')).toContain(`/Lang (${locale})`);
    }
    const gn = await api(t, policeWorker, 'GET', `/api/consents/${consentId}/receipt?locale=gn&format=json`);
    expect(gn.json()).toMatchObject({
      state: 'given',
      controller: { code: 'PNPTU' },
      recipients: [{ code: 'MINMUJER' }],
      purposes: ['Tekoha ñangarekoha (albergue)', 'Ñangareko psicológico'],
    });
    expect(gn.json().dataCategories).toHaveLength(3);
    expect(gn.json().howToWithdraw).toMatch(/reipe’a/);
    const es = await api(t, policeWorker, 'GET', `/api/persons/${personId}/access-report?format=json`);
    expect(
      es
        .json()
        .entries.some(
          (e: { kind: string; institutionCode: string }) =>
            e.kind === 'received' && e.institutionCode === 'MINMUJER',
        ),
    ).toBe(true);
    // A hidden person's report is "not found" to another institution.
    const other = await userWithSession(t, { role: 'case_worker', institution: 'MINNA' });
    const hidden = await api(t, other, 'GET', `/api/persons/${personId}/access-report`);
    expect(hidden.statusCode).toBe(404);
  });
  it("names in the person's access report the institution that answered their referral", async () => {
    const referral = await insertReferral(t, 'PNPTU', 'MINNA');
    expect((await api(t, ministryWorker, 'GET', `/api/referrals/${referral.referralId}`)).statusCode).toBe(
      200,
    );
    expect(
      (await api(t, ministryWorker, 'POST', `/api/referrals/${referral.referralId}/acceptance`)).statusCode,
    ).toBe(200);
    const report = await api(
      t,
      policeWorker,
      'GET',
      `/api/persons/${referral.personId}/access-report?format=json`,
    );
    expect(report.statusCode).toBe(200);
    const kinds = report
      .json()
      .entries.filter((e: { institutionCode: string }) => e.institutionCode === 'MINNA')
      .map((e: { kind: string }) => e.kind);
    // What it received (the shared fields) and what it did with the referral (accepted it).
    expect(kinds).toEqual(expect.arrayContaining(['received', 'changed']));
  });
});

/**
 * Retention and erasure (docs/PRIVACY.md) on demo data: a case past retention and not on hold is
 * erased by the DPO's decision; the statistics of its year do not change by a single value; its
 * personal fields are gone from the raw tables; the audit tombstone stays; a case on hold (manual or
 * an open investigation), one not yet due, and a batch holding one of those, are refused and change
 * nothing. A survivor's request is decided the same way.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptedColumnsOf } from '../../src/server/crypto/registry.js';
import { skipBackend } from '../helpers/db.js';
import { api, userWithSession, type Session } from '../helpers/factories.js';
import { useDemoData } from './statistics-fixtures.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('privacy: retention and erasure', () => {
  const t = useTestContext();
  let owner: Session;

  const query = async <R>(text: ReturnType<typeof sql<R>>) =>
    (await t.services.db.transaction((trx) => text.execute(trx))).rows;

  /** Closes `caseId` (closure `closedOn`), as if long ago. */
  const closeCase = (caseId: string, closedOn: string) =>
    t.services.db.transaction(async (trx) => {
      await sql`update cases set status = 'Closed' where id = ${caseId}`.execute(trx);
      await sql`update cases set closed_at = ${closedOn}::timestamptz where id = ${caseId}`.execute(trx);
    });

  /** Every statistic of a year: the national report and the public open data (timestamps aside). */
  async function statisticsOf(year: number) {
    // Read by a supervisor: exact, where an analyst would read "<3" for counts of 1 or 2.
    const report = await api(t, reader, 'GET', `/api/statistics/report?year=${year}&locale=es`);
    // The open data as a new release would publish it now (the public site serves releases only;
    // a release covers the years up to the current one).
    const release = await api(t, analyst, 'POST', '/api/statistics/releases', {});
    expect(release.statusCode).toBe(201);
    expect(report.statusCode).toBe(200);
    const { generatedAt: _r, ...reportBody } = report.json();
    if (!release.json().years.includes(year)) return { report: reportBody, open: null };
    const open = await api(t, null, 'GET', `/api/public/statistics?year=${year}`);
    expect(open.statusCode).toBe(200);
    const { generatedAt: _o, release: _v, ...openBody } = open.json();
    return { report: reportBody, open: openBody };
  }

  useDemoData(t, { cases: 150, seed: 'privacy', protection: true }, 240_000);

  const [dpo, analyst, reader] = useSessions(t, 'dpo@MESA', 'analyst@MESA', 'supervisor@PNPTU');

  beforeAll(async () => {
    // One year of retention for every category: the closures set below are long past it.
    const schedule = await api(t, dpo, 'PUT', '/api/privacy/retention', {
      rules: [
        { category: 'victim_case', years: 1 },
        { category: 'other_case', years: 1 },
      ],
    });
    expect(schedule.statusCode).toBe(200);
  });

  it('erases a case past retention by the DPO’s decision: statistics unchanged, raw personal fields gone, tombstone kept', async () => {
    // An identified victim's case, whose persons are on no other case, with as many facts as possible.
    const [chosen] = await query(sql<{ case_id: string; year: number; institution: string }>`
      select d.case_id, extract(year from d.decided_on)::int as year, i.code as institution
      from trafficking_decisions d join cases c on c.id = d.case_id
      join institutions i on i.id = c.owner_institution_id
      where d.status in ('PossibleVictimOfTrafficking','ActualVictimOfTrafficking')
        and not exists (select 1 from case_persons a join case_persons b on b.person_id = a.person_id
          and b.case_id <> a.case_id where a.case_id = d.case_id)
      order by (select count(*) from referrals r where r.case_id = d.case_id) desc,
        (select count(*) from trafficking_events e where e.case_id = d.case_id) desc, d.case_id
      limit 1`);
    expect(chosen).toBeDefined();
    const caseId = chosen!.case_id;
    const persons = (
      await query(sql<{ person_id: string }>`select person_id from case_persons where case_id = ${caseId}`)
    ).map((r) => r.person_id);
    expect(persons.length).toBeGreaterThan(0);
    await closeCase(caseId, `${chosen!.year}-12-20T12:00:00Z`);
    owner = await userWithSession(t, { role: 'case_worker', institution: chosen!.institution });
    expect((await api(t, owner, 'GET', `/api/persons/${persons[0]}`)).statusCode).toBe(200);
    // Recent work on it: an edit sent with an Idempotency-Key (its answer, the person whole, is kept
    // for retries), a case note, a task of the case plan.
    const edited = await api(
      t,
      owner,
      'PATCH',
      `/api/persons/${persons[0]}`,
      { aliases: ['Zuleica'] },
      {
        'idempotency-key': '6f1d3c0e-8d1b-4e57-9d0a-2f6b1c9e7a41',
      },
    );
    expect(edited.statusCode).toBe(200);
    const note = await api(t, owner, 'POST', `/api/cases/${caseId}/notes`, { text: 'Visita a Zuleica' });
    expect(note.statusCode).toBe(201);
    const task = await api(t, owner, 'POST', '/api/tasks', {
      caseId,
      title: 'Llamar a Zuleica',
      dueOn: '2030-01-10',
    });
    expect(task.statusCode).toBe(201);
    const keptAnswers = async () =>
      (
        await query(sql<{ n: number }>`select count(*)::int as n from idempotency_keys
          where user_id = ${owner.user.id} and response is not null`)
      )[0]!.n;
    expect(await keptAnswers()).toBe(1);

    const due = await api(t, dpo, 'GET', '/api/privacy/retention/due?limit=500');
    expect(due.statusCode).toBe(200);
    expect(due.json().items.map((i: { id: string }) => i.id)).toContain(caseId);

    const before = await statisticsOf(chosen!.year);
    const beforeNext = await statisticsOf(chosen!.year + 1);
    const res = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'retention_expired',
      caseIds: [caseId],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decision: 'erased', personsErased: persons.length });

    // The published statistics of its year (and the next) do not change by a single value.
    expect(await statisticsOf(chosen!.year)).toEqual(before);
    expect(await statisticsOf(chosen!.year + 1)).toEqual(beforeNext);

    // Raw tables: every personal column is NULL (or empty), the coded facts are still there.
    const [person] = await query(
      sql<Record<string, unknown>>`select * from persons where id = ${persons[0]}`,
    );
    for (const column of [...encryptedColumnsOf('persons'), 'document_bidx', 'identity_bidx'])
      expect(person![column], column).toBeNull();
    expect(person!.name_tokens).toEqual([]);
    expect(person!.match_keys).toEqual([]);
    expect(person!.erased_at).not.toBeNull();
    expect(person!.sex).toBeTruthy();
    const [kase] = await query(sql<Record<string, unknown>>`select * from cases where id = ${caseId}`);
    expect(kase!.narrative).toBeNull();
    expect(kase!.detection_place).toBeNull();
    expect(kase!.erased_at).not.toBeNull();
    const leftovers = await query(sql<{ n: number }>`select (
        (select count(*) from trafficking_decisions where case_id = ${caseId} and reason is not null)
      + (select count(*) from trafficking_events where case_id = ${caseId} and district is not null)
      + (select count(*) from consents where case_id = ${caseId} and reason is not null)
      + (select count(*) from person_needs where case_id = ${caseId} and notes is not null)
      + (select count(*) from referrals where case_id = ${caseId} and (note is not null or state_reason is not null))
      + (select count(*) from service_deliveries s join referrals r on r.id = s.referral_id
          where r.case_id = ${caseId} and s.description is not null)
      + (select count(*) from consents where case_id = ${caseId}
          and (representative_name is not null or child_view is not null))
      + (select count(*) from screenings where case_id = ${caseId} and answers <> '{}'::jsonb)
      + (select count(*) from case_notes where case_id = ${caseId} and text is not null)
      + (select count(*) from tasks where case_id = ${caseId}))::int as n`);
    expect(leftovers[0]!.n).toBe(0);
    // The answer kept for a retry held the person's names: gone too.
    expect(await keptAnswers()).toBe(0);

    // The tombstone: what, on what basis, by whom, when — field names only.
    const tombstones = await query(sql<{
      action: string;
      actor_user_id: string;
      changed_fields: unknown;
      resource_id: string;
    }>`
      select action, actor_user_id, changed_fields, resource_id from audit_events
      where action in ('privacy.erase', 'privacy.erasePerson') and resource_id in (${sql.join([caseId, ...persons])})`);
    expect(tombstones.map((r) => r.resource_id).sort()).toEqual([caseId, ...persons].sort());
    expect(tombstones.every((r) => r.actor_user_id === dpo.user.id)).toBe(true);
    const caseTombstone = tombstones.find((r) => r.resource_id === caseId)!;
    const fields = (
      typeof caseTombstone.changed_fields === 'string'
        ? JSON.parse(caseTombstone.changed_fields)
        : caseTombstone.changed_fields
    ) as string[];
    expect(fields).toEqual(
      expect.arrayContaining(['category:victim_case', 'basis:retention_expired', 'cases.narrative']),
    );
    const decision = await query(sql<{ decision: string; decided_by: string }>`
      select decision, decided_by from erasure_decisions where record_id = ${caseId}`);
    expect(decision).toEqual([{ decision: 'erased', decided_by: dpo.user.id }]);

    // Nobody reads it any more; a second erasure is refused.
    expect((await api(t, owner, 'GET', `/api/persons/${persons[0]}`)).statusCode).toBe(404);
    expect((await api(t, owner, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    const again = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'retention_expired',
      caseIds: [caseId],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_erased');
  }, 180_000);

  /** A closed case of PNPTU with one person, past retention (closed in 2020). */
  async function dueCase(): Promise<{ caseId: string; personId: string }> {
    const caseId = await insertCase(t, 'PNPTU');
    const personId = await insertLinkedPerson(t, caseId, 'PNPTU');
    await closeCase(caseId, '2020-03-01T12:00:00Z');
    return { caseId, personId };
  }
  const narrativeOf = async (caseId: string) =>
    (await query(sql<{ narrative: string | null }>`select narrative from cases where id = ${caseId}`))[0]!
      .narrative;
  const deniedErasures = async (caseId: string) =>
    (
      await query(sql<{ n: number }>`select count(*)::int as n from audit_events
        where action = 'privacy.erase' and outcome = 'denied' and resource_id = ${caseId}`)
    )[0]!.n;

  it('refuses to erase a case on legal hold, audited, and erases nothing of the batch it was in', async () => {
    const held = await dueCase();
    const free = await dueCase();
    const hold = await api(t, dpo, 'POST', '/api/privacy/holds', {
      caseId: held.caseId,
      reason: 'Orden de conservación del juzgado (prueba)',
    });
    expect(hold.statusCode).toBe(201);
    const queue = await api(t, dpo, 'GET', '/api/privacy/retention/due?state=held&limit=500');
    expect(queue.json().items.find((i: { id: string }) => i.id === held.caseId).holds[0].kind).toBe('manual');

    const res = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'retention_expired',
      caseIds: [free.caseId, held.caseId],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('erasure_on_legal_hold');
    expect(res.json().error.message).toMatch(/retención legal/);
    // One transaction: the free case of the same batch is untouched too.
    expect(await narrativeOf(free.caseId)).not.toBeNull();
    expect(await narrativeOf(held.caseId)).not.toBeNull();
    expect(await deniedErasures(held.caseId)).toBe(1);

    // Released, it can be erased.
    expect((await api(t, dpo, 'DELETE', `/api/privacy/holds/${hold.json().id}`)).statusCode).toBe(200);
    const erased = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'retention_expired',
      caseIds: [free.caseId, held.caseId],
    });
    expect(erased.statusCode).toBe(200);
    expect(await narrativeOf(held.caseId)).toBeNull();
  });

  it('holds a case linked to an investigation not finally decided, automatically', async () => {
    const linked = await dueCase();
    await t.services.db.transaction(async (trx) => {
      const inv = await sql<{
        id: string;
      }>`insert into investigations (reference, owner_institution_id, opened_on)
        select 'INV-PRIV-1', id, '2019-05-01' from institutions where code = 'PNPTU' returning id`.execute(
        trx,
      );
      await sql`insert into investigation_cases (investigation_id, case_id) values (${inv.rows[0]!.id}, ${linked.caseId})`.execute(
        trx,
      );
    });
    const res = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'retention_expired',
      caseIds: [linked.caseId],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('erasure_on_legal_hold');
    expect(await narrativeOf(linked.caseId)).not.toBeNull();
  });

  it('refuses a case not yet past retention, but a survivor’s request may erase it (or be refused on an exception)', async () => {
    const recent = await dueCase();
    await t.services.db.transaction((trx) =>
      sql`update cases set closed_at = now() where id = ${recent.caseId}`.execute(trx),
    );
    const early = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'retention_expired',
      caseIds: [recent.caseId],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('erasure_not_due');
    expect(await deniedErasures(recent.caseId)).toBe(1);

    const missingDate = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      caseIds: [recent.caseId],
    });
    expect(missingDate.statusCode).toBe(400);
    expect(JSON.stringify(missingDate.json().error.issues)).toContain('requestedOn');

    const refused = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      decision: 'refuse',
      exception: 'legal_obligation',
      requestedOn: '2026-11-02',
      caseIds: [recent.caseId],
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().decision).toBe('refused');
    expect(await narrativeOf(recent.caseId)).not.toBeNull();

    const granted = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      requestedOn: '2026-11-02',
      caseIds: [recent.caseId],
    });
    expect(granted.statusCode).toBe(200);
    expect(await narrativeOf(recent.caseId)).toBeNull();
    const decisions = await query(sql<{ decision: string; exception: string | null; basis: string }>`
      select decision, exception, basis from erasure_decisions where record_id = ${recent.caseId} order by decided_at`);
    expect(decisions).toEqual([
      { decision: 'refused', exception: 'legal_obligation', basis: 'data_subject_request' },
      { decision: 'erased', exception: null, basis: 'data_subject_request' },
    ]);
  });
  it('names cases by their reference, as the DPO hears of them: a hold, a survivor’s request, an unknown reference refused', async () => {
    const first = await dueCase();
    const second = await dueCase();
    const referenceOf = async (caseId: string) =>
      (await query(sql<{ reference: string }>`select reference from cases where id = ${caseId}`))[0]!
        .reference;
    const [ref1, ref2] = [await referenceOf(first.caseId), await referenceOf(second.caseId)];

    const hold = await api(t, dpo, 'POST', '/api/privacy/holds', {
      caseReference: ref1.toLowerCase(),
      reason: 'Recurso de apelación pendiente (prueba)',
    });
    expect(hold.statusCode).toBe(201);
    expect(hold.json()).toMatchObject({ caseId: first.caseId, caseReference: ref1 });
    const both = await api(t, dpo, 'POST', '/api/privacy/holds', {
      caseId: first.caseId,
      caseReference: ref1,
      reason: 'Recurso de apelación pendiente (prueba)',
    });
    expect(both.statusCode).toBe(400);

    // An unknown reference in a batch: 404 naming it, and the known case of the batch untouched.
    const unknown = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      requestedOn: '2026-11-20',
      caseReferences: [ref2, 'PY-1999-999999'],
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('case_reference_unknown');
    expect(unknown.json().error.message).toContain('PY-1999-999999');
    expect(await narrativeOf(second.caseId)).not.toBeNull();
    const malformed = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      requestedOn: '2026-11-20',
      caseReferences: ['2026-37'],
    });
    expect(malformed.statusCode).toBe(400);

    // The held case refuses the request; the other is erased by its reference.
    const held = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      requestedOn: '2026-11-20',
      caseReferences: [ref1],
    });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('erasure_on_legal_hold');
    const erased = await api(t, dpo, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      requestedOn: '2026-11-20',
      caseReferences: [ref2],
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json().records).toEqual([expect.objectContaining({ id: second.caseId })]);
    expect(await narrativeOf(second.caseId)).toBeNull();
    expect(await narrativeOf(first.caseId)).not.toBeNull();
  });
});

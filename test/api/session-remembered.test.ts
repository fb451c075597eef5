/**
 * A GET checks a session remembered from an earlier request in a statement sent with its first one
 * (session-auth.ts, `checkRememberedSession`) instead of reading it first: one round trip fewer on
 * PostgreSQL. Whatever changed in the database since — the session ended, the user disabled or moved
 * to another institution, the session idle — counts on the very next request, exactly as when the
 * session is read first.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backend, skipBackend } from '../helpers/db.js';
import {
  api,
  auditRows,
  buildPerson,
  createCaseAs,
  institutionId,
  linkPersonAs,
  signIn,
  userWithSession,
} from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';
import { touchSessionAhead } from '../../src/server/modules/auth/sessions.js';

/**
 * Round trips to PostgreSQL from now on: node-postgres ends each extended-protocol batch with one
 * Sync and sends each simple query (`begin`, `commit` alone) as one message.
 */
function countRoundTrips(): () => number {
  const proto = (pg as unknown as { Connection: { prototype: { sync(): void; query(t: string): void } } })
    .Connection.prototype;
  const sync = vi.spyOn(proto, 'sync');
  const simple = vi.spyOn(proto, 'query');
  return () => sync.mock.calls.length + simple.mock.calls.length;
}

describe.skipIf(skipBackend)('a remembered session, checked with the first statement', () => {
  const t = useTestContext();
  afterEach(() => vi.restoreAllMocks());

  const update = (table: 'users' | 'sessions', set: Record<string, unknown>, id: string) =>
    t.services.db.transaction((trx) =>
      trx
        .updateTable(table)
        .set(set)
        .where(table === 'users' ? 'id' : 'user_id', '=', id)
        .execute(),
    );

  it.skipIf(backend !== 'postgres')(
    'answers a GET with one round trip fewer once the session is known',
    async () => {
      const author = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
      const created = await createCaseAs(t, author);
      // A second session of the same user, not used yet.
      const session = await signIn(t, author.user);
      const trips = countRoundTrips();
      // Its first GET reads the session; the next checks it with the case page's statement.
      const first = trips();
      expect((await api(t, session, 'GET', `/api/cases/${created.id}`)).statusCode).toBe(200);
      const read = trips() - first;
      const second = trips();
      expect((await api(t, session, 'GET', `/api/cases/${created.id}`)).statusCode).toBe(200);
      const checked = trips() - second;
      // begin + session, case page (its audit rows in the same statement) + commit → begin + check +
      // case page + commit.
      expect(read).toBe(2);
      expect(checked).toBe(1);
      // Both reads audited in their transactions.
      expect(
        await auditRows(t, { actor: session.user.id, action: 'case.read', resource: created.id }),
      ).toHaveLength(2);
    },
  );

  it('reads a person in one round trip once the session is known, its audit row written by the read', async () => {
    const owner = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const person = await buildPerson(t, owner);
    const session = await signIn(t, owner.user);
    const other = await userWithSession(t, { role: 'case_worker', institution: 'MINNA' });
    const trips = countRoundTrips();
    expect((await api(t, session, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(200);
    const before = trips();
    const res = await api(t, session, 'GET', `/api/persons/${person.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(person.id);
    // begin + check + person page (its audit row in the same statement) + commit: one round trip.
    if (backend === 'postgres') expect(trips() - before).toBe(1);
    const rows = await auditRows(t, { actor: owner.user.id, action: 'person.read', resource: person.id });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        outcome: 'success',
        resource_type: 'person',
        actor_username: owner.user.username,
        actor_role: 'case_worker',
        purpose: 'case_management',
        changed_fields: [],
      });
      expect(row.request_id).toBeTruthy();
    }
    // Out of another institution's scope: "not found", no success row, the refusal audited as denied
    // — twice, the second time with the session checked ahead.
    for (let i = 0; i < 2; i++)
      expect((await api(t, other, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(404);
    expect(
      await auditRows(t, { actor: other.user.id, action: 'person.read', outcome: 'success' }),
    ).toHaveLength(0);
    expect(
      await auditRows(t, {
        actor: other.user.id,
        action: 'person.read',
        resource: person.id,
        outcome: 'denied',
      }),
    ).toHaveLength(2);
  });

  it('creates a person in two round trips, its audit row written by the page; an unconfirmed duplicate commits nothing', async () => {
    const owner = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const body = {
      givenNames: 'Rosalba',
      firstSurname: 'Duarte',
      documentNumber: `${crypto.randomInt(1e6, 9e6)}`,
    };
    const trips = countRoundTrips();
    const before = trips();
    const res = await api(t, owner, 'POST', '/api/persons', body);
    expect(res.statusCode).toBe(201);
    // begin + session; held INSERT + page (its audit row and the duplicate look-up) + commit.
    if (backend === 'postgres') expect(trips() - before).toBe(2);
    const id = res.json().id as string;
    expect((await api(t, owner, 'GET', `/api/persons/${id}`)).json()).toMatchObject({ id, version: 1 });
    const [row, ...more] = await auditRows(t, { actor: owner.user.id, action: 'person.create' });
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({
      outcome: 'success',
      resource_type: 'person',
      resource_id: id,
      actor_username: owner.user.username,
      actor_role: 'case_worker',
      changed_fields: expect.arrayContaining(['documentNumber', 'firstSurname', 'givenNames']),
    });
    expect(row!.request_id).toBeTruthy();
    const given = row!.changed_fields as string[];
    expect(given).not.toContain('confirmNotDuplicate');
    expect(given).toEqual([...given].sort());
    const persons = () =>
      t.services.db.transaction(async (trx) =>
        Number(
          (
            await trx
              .selectFrom('persons')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const count = await persons();
    // The same document again, not confirmed: refused by the page's statement, nothing committed —
    // neither the person nor an audit row of its creation; with an Idempotency-Key (the older path,
    // the answer remembered after the handler) the same.
    for (const headers of [{}, { 'idempotency-key': `create-dup-${crypto.randomUUID()}` }] as Record<
      string,
      string
    >[]) {
      const refused = await api(t, owner, 'POST', '/api/persons', { ...body, givenNames: 'Rosa' }, headers);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('possible_duplicates');
      expect(await persons()).toBe(count);
      expect(await auditRows(t, { actor: owner.user.id, action: 'person.create' })).toHaveLength(1);
    }
    // Confirmed: created, the override recorded in the trail; with a key, a retry gets the same answer.
    const key = { 'idempotency-key': `create-ok-${crypto.randomUUID()}` };
    const confirmed = { ...body, givenNames: 'Rosa', confirmNotDuplicate: true };
    for (const headers of [{}, key, key] as Record<string, string>[]) {
      expect((await api(t, owner, 'POST', '/api/persons', confirmed, headers)).statusCode).toBe(201);
    }
    expect(await persons()).toBe(count + 2);
    const created = await auditRows(t, { actor: owner.user.id, action: 'person.create' });
    const overridden = [...given, 'confirmNotDuplicate'].sort();
    expect(created.map((r) => r.changed_fields)).toEqual([given, overridden, overridden]);
  });

  it('reads a case in one round trip once the session is known, its case and person rows written by the read', async () => {
    const owner = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const created = await createCaseAs(t, owner);
    const victim = await buildPerson(t, owner);
    const witness = await buildPerson(t, owner);
    await linkPersonAs(t, owner, created.id, victim.id);
    await linkPersonAs(t, owner, created.id, witness.id, 'Witness');
    const session = await signIn(t, owner.user);
    const other = await userWithSession(t, { role: 'case_worker', institution: 'MINNA' });
    const trips = countRoundTrips();
    expect((await api(t, session, 'GET', `/api/cases/${created.id}`)).statusCode).toBe(200);
    const before = trips();
    const res = await api(t, session, 'GET', `/api/cases/${created.id}`);
    expect(res.statusCode).toBe(200);
    const shown = (res.json() as { persons: { personId: string }[] }).persons.map((p) => p.personId);
    expect(shown).toEqual([victim.id, witness.id]);
    // begin + check + case page (its audit rows in the same statement) + commit: one round trip.
    if (backend === 'postgres') expect(trips() - before).toBe(1);
    // Each read: the case read, then a person read per person shown in the page's order, one
    // request id, in the reader's name and purpose.
    const rows = await auditRows(t, { actor: owner.user.id, outcome: 'success' });
    const last = rows.filter((row) => row.action === 'case.read').at(-1)!;
    const reads = rows.filter((row) => row.request_id === last.request_id);
    expect(reads.map((row) => [row.action, row.resource_type, row.resource_id])).toEqual([
      ['case.read', 'case', created.id],
      ['person.read', 'person', victim.id],
      ['person.read', 'person', witness.id],
    ]);
    for (const row of reads)
      expect(row).toMatchObject({
        actor_username: owner.user.username,
        actor_institution_id: await institutionId(t, 'PNPTU'),
        actor_role: 'case_worker',
        purpose: 'case_management',
        changed_fields: [],
      });
    expect(
      await auditRows(t, { actor: owner.user.id, action: 'case.read', resource: created.id }),
    ).toHaveLength(2);
    // Out of another institution's scope: "not found", no success row, the refusal audited as denied
    // — twice, the second time with the session checked ahead.
    for (let i = 0; i < 2; i++)
      expect((await api(t, other, 'GET', `/api/cases/${created.id}`)).statusCode).toBe(404);
    expect(await auditRows(t, { actor: other.user.id, outcome: 'success' })).toHaveLength(0);
    expect(
      await auditRows(t, {
        actor: other.user.id,
        action: 'case.read',
        resource: created.id,
        outcome: 'denied',
      }),
    ).toHaveLength(2);
    // Shared with that institution: read there, audited there, in one round trip too.
    const share = await api(t, owner, 'POST', `/api/cases/${created.id}/shares`, {
      institutionId: await institutionId(t, 'MINNA'),
      reason: 'Derivación para asistencia',
    });
    expect(share.statusCode).toBe(200);
    const sharedBefore = trips();
    const shared = await api(t, other, 'GET', `/api/cases/${created.id}`);
    expect(shared.statusCode).toBe(200);
    if (backend === 'postgres') expect(trips() - sharedBefore).toBe(1);
    expect(
      (await auditRows(t, { actor: other.user.id, outcome: 'success' })).map((row) => row.resource_id),
    ).toEqual([created.id, victim.id, witness.id]);
  });

  it('refuses the next request of a session ended in the database', async () => {
    const session = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    expect((await api(t, session, 'GET', '/api/session')).statusCode).toBe(200);
    expect((await api(t, session, 'GET', '/api/session')).statusCode).toBe(200);
    await t.services.db.transaction((trx) =>
      trx.deleteFrom('sessions').where('user_id', '=', session.user.id).execute(),
    );
    expect((await api(t, session, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await api(t, session, 'GET', '/api/cases')).statusCode).toBe(401);
  });

  it("writes a session's last-seen ahead of its minute, behind an answer, so that its check keeps passing", async () => {
    const session = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const lastSeen = async () =>
      new Date(
        (
          await t.services.db.transaction((trx) =>
            trx
              .selectFrom('sessions')
              .select('last_seen_at')
              .where('user_id', '=', session.user.id)
              .executeTakeFirstOrThrow(),
          )
        ).last_seen_at,
      ).getTime();
    // Read once, then remembered as read (its last-seen at the sign-in).
    expect((await api(t, session, 'GET', '/api/cases')).statusCode).toBe(200);
    const start = await lastSeen();
    const at = (ms: number) => vi.spyOn(Date, 'now').mockReturnValue(start + ms);
    // 20 s on: checked ahead, nothing written.
    at(20_000);
    expect((await api(t, session, 'GET', '/api/cases')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(start);
    // 45 s on (two thirds into the check's minute): answered, and the last-seen written behind it.
    at(45_000);
    expect((await api(t, session, 'GET', '/api/cases')).statusCode).toBe(200);
    await vi.waitFor(async () => expect(await lastSeen()).toBe(start + 45_000), { timeout: 10_000 });
    // 84 s on: past the minute since the sign-in, within it since the write. The check passes on the
    // last-seen written ahead: one round trip, nothing written (the read-first path, taken when the
    // check fails, would have written the last-seen before answering).
    at(84_000);
    const trips = countRoundTrips();
    const before = trips();
    expect((await api(t, session, 'GET', '/api/cases')).statusCode).toBe(200);
    if (backend === 'postgres') expect(trips() - before).toBe(1);
    expect(await lastSeen()).toBe(start + 45_000);
  });

  it('never brings a session gone idle, expired or deleted back by writing its last-seen ahead', async () => {
    const config = t.services.config;
    const idleMs = config.sessionIdleMinutes * 60_000;
    const session = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const row = () =>
      t.services.db.transaction((trx) =>
        trx
          .selectFrom('sessions')
          .select(['id', 'last_seen_at', 'expires_at'])
          .where('user_id', '=', session.user.id)
          .executeTakeFirst(),
      );
    const { id } = (await row())!;
    const ahead = (now: number) =>
      t.services.db.transaction((trx) => touchSessionAhead(trx, id, config, now));
    // Idle (last seen a day ago): not written.
    const dayAgo = new Date(Date.now() - 24 * 3600_000);
    await update('sessions', { last_seen_at: dayAgo }, session.user.id);
    expect(await ahead(Date.now())).toBe(false);
    expect(new Date((await row())!.last_seen_at).getTime()).toBe(dayAgo.getTime());
    // Seen just past the check's window (the minute, or the idle timeout if shorter): not written.
    const past = new Date(Date.now() - Math.min(60_000, idleMs) - 1000);
    await update('sessions', { last_seen_at: past }, session.user.id);
    expect(await ahead(Date.now())).toBe(false);
    // Seen 45 s ago: written.
    const now = Date.now();
    await update('sessions', { last_seen_at: new Date(now - 45_000) }, session.user.id);
    expect(await ahead(now)).toBe(true);
    expect(new Date((await row())!.last_seen_at).getTime()).toBe(now);
    // Expired: not written.
    await update(
      'sessions',
      { last_seen_at: new Date(now - 45_000), expires_at: new Date(now - 1) },
      session.user.id,
    );
    expect(await ahead(now)).toBe(false);
    // Deleted: nothing to write, and the next request is refused.
    await t.services.db.transaction((trx) => trx.deleteFrom('sessions').where('id', '=', id).execute());
    expect(await ahead(now)).toBe(false);
    expect((await api(t, session, 'GET', '/api/cases')).statusCode).toBe(401);
  });

  it('refuses the next request of a user disabled, or of a session gone idle', async () => {
    const disabled = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const idle = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    for (const s of [disabled, idle]) {
      expect((await api(t, s, 'GET', '/api/cases')).statusCode).toBe(200);
      expect((await api(t, s, 'GET', '/api/cases')).statusCode).toBe(200);
    }
    await update('users', { status: 'disabled' }, disabled.user.id);
    await update('sessions', { last_seen_at: new Date(Date.now() - 24 * 3600_000) }, idle.user.id);
    expect((await api(t, disabled, 'GET', '/api/cases')).statusCode).toBe(401);
    expect((await api(t, idle, 'GET', '/api/cases')).statusCode).toBe(401);
  });

  it('reads with the institution the user has now, not the one remembered', async () => {
    const session = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const created = await createCaseAs(t, session);
    expect((await api(t, session, 'GET', `/api/cases/${created.id}`)).statusCode).toBe(200);
    expect((await api(t, session, 'GET', `/api/cases/${created.id}`)).statusCode).toBe(200);
    await update('users', { institution_id: await institutionId(t, 'MINNA') }, session.user.id);
    // Out of the new institution's scope: "not found", audited once, as the actor the database has.
    const moved = await api(t, session, 'GET', `/api/cases/${created.id}`);
    expect(moved.statusCode).toBe(404);
    const refused = await auditRows(t, { actor: session.user.id, resource: created.id, outcome: 'denied' });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.actor_institution_id).toBe(await institutionId(t, 'MINNA'));
  });

  it('answers a refusal that needs no statement once, for a session confirmed first', async () => {
    const session = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    expect((await api(t, session, 'GET', '/api/cases')).statusCode).toBe(200);
    const unknown = crypto.randomUUID();
    expect((await api(t, session, 'GET', `/api/cases/${unknown}`)).statusCode).toBe(404);
    expect(await auditRows(t, { actor: session.user.id, resource: unknown, outcome: 'denied' })).toHaveLength(
      1,
    );
    await t.services.db.transaction((trx) =>
      trx.deleteFrom('sessions').where('user_id', '=', session.user.id).execute(),
    );
    // A malformed id is refused before any SQL: the ended session is still what the answer says.
    expect((await api(t, session, 'GET', '/api/cases/not-a-uuid')).statusCode).toBe(401);
  });
});

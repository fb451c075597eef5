/**
 * The case page's kept lists (`case_pages`, migration 2026-12-07T07-00-00_case_pages): a case read
 * answers the lists an earlier read built while they are current, and every change to what they
 * show — a write to a list, a person's name, a user's or an institution's name — is on the very next
 * read; the kept copy of a changed person's names (ciphertexts) does not stay behind.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, buildPerson, caseSteps, institutionId } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('the case page kept between reads', () => {
  const t = useTestContext();
  const [worker] = useSessions(t, 'case_worker@PNPTU');
  const { create, link } = caseSteps(t, worker);

  const read = async (caseId: string) => {
    const res = await api(t, worker, 'GET', `/api/cases/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const run = <R>(query: ReturnType<typeof sql<R>>) => t.services.db.transaction((trx) => query.execute(trx));
  const kept = async (caseId: string) =>
    (await run(sql<{ lists: unknown }>`select lists from case_pages where case_id = ${caseId}`)).rows[0];

  it('answers the same page from the kept lists, and every write is on the next read', async () => {
    const created = await create();
    const person = await buildPerson(t, worker, { givenNames: 'Rosalía', firstSurname: 'Benítez' });
    await link(created.id, person.id);

    const first = await read(created.id); // builds the lists and keeps them
    const stored = await kept(created.id);
    expect(stored?.lists).not.toBeNull();
    // The kept lists hold the stored values: a person's names as ciphertexts, never in clear.
    expect(JSON.stringify(stored?.lists)).not.toContain('Rosalía');
    expect(await read(created.id)).toEqual(first); // from the kept lists

    // A list written (an event, then a share): on the next read, and kept again after it.
    const event = await api(t, worker, 'POST', `/api/cases/${created.id}/events`, {
      personId: person.id,
      type: 'Recruitment',
      country: 'PY',
      department: 'PY-11',
      district: 'Villa Hayes',
      online: false,
    });
    expect(event.statusCode, event.body).toBe(201);
    expect((await kept(created.id))?.lists).toBeNull();
    const withEvent = await read(created.id);
    expect(withEvent.events.map((e: { district: string }) => e.district)).toEqual(['Villa Hayes']);
    expect(withEvent.timeline.length).toBe(first.timeline.length + 1);
    expect(await read(created.id)).toEqual(withEvent);

    const shared = await api(t, worker, 'POST', `/api/cases/${created.id}/shares`, {
      institutionId: await institutionId(t, 'MINMUJER'),
      reason: 'Derivación a albergue',
    });
    expect(shared.statusCode, shared.body).toBe(200);
    const withShare = await read(created.id);
    expect(withShare.shares.map((s: { institution: { code: string } }) => s.institution.code)).toEqual([
      'MINMUJER',
    ]);
    expect(await read(created.id)).toEqual(withShare);

    // A person's name changed: the kept lists of the person's cases are cleared at once.
    const renamed = await api(t, worker, 'PATCH', `/api/persons/${person.id}`, { givenNames: 'Rosa María' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await kept(created.id))?.lists).toBeNull();
    expect((await read(created.id)).persons[0].fullName).toBe('Rosa María Benítez');

    // A user's display name and an institution's name, joined by the lists: on the next read.
    await run(sql`update users set display_name = ${'Nombre Cambiado'} where id = ${worker.user.id}`);
    await run(
      sql`update institutions set name = ${'Ministerio de la Mujer (nuevo nombre)'} where code = 'MINMUJER'`,
    );
    const renamedNames = await read(created.id);
    expect(renamedNames.timeline.map((e: { actor: string }) => e.actor)).toContain('Nombre Cambiado');
    expect(renamedNames.shares[0].institution.name).toBe('Ministerio de la Mujer (nuevo nombre)');
    expect(await read(created.id)).toEqual(renamedNames);
  });
});

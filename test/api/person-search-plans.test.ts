/**
 * The name search's two shapes (persons.repository.ts `personSearchQuery`): a common name walks the
 * persons newest first, a rare one goes through the name index; which one runs is chosen from the
 * planner's statistics of the name tokens (`pg_stats`). Whichever runs, the page is the visible
 * persons with the name, newest first, and each one shown is audited. Every name here is synthetic.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, buildPerson } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { textKeys } from '../../src/server/modules/persons/name-normalize.js';
import { nameIndex } from '../../src/server/modules/persons/person-record.js';
import {
  forgetNameFrequencies,
  searchShapeFor,
} from '../../src/server/modules/persons/persons.repository.js';

describe.skipIf(skipBackend)('the name search on two plans', () => {
  const t = useTestContext();
  const [worker, other] = useSessions(t, 'case_worker@PNPTU', 'case_worker@MINNA');

  const tokensOf = (q: string) => textKeys(q).map(nameIndex(t.services.crypto));
  const shapeOf = (q: string) => t.services.db.transaction((trx) => searchShapeFor(trx, tokensOf(q), 20));
  /** What the page must be: the worker's institution's persons with every token, newest first. */
  const expected = (q: string, institutionId: string) =>
    t.services.db.transaction(async (trx) => {
      const rows = await trx
        .selectFrom('persons')
        .select('id')
        .where('owner_institution_id', '=', institutionId)
        .where('erased_at', 'is', null)
        .where(sql<boolean>`name_tokens @> ${sql`array[${sql.join(tokensOf(q))}]::text[]`}`)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(20)
        .execute();
      return rows.map((r) => r.id);
    });

  it('walks for a common name, uses the index for a rare one, and shows and audits the same page', async () => {
    const mine = await buildPerson(t, worker, { givenNames: 'Perpetua', firstSurname: 'Candia' });
    const theirs = await buildPerson(t, other, { givenNames: 'Perpetua', firstSurname: 'Candia' });
    await buildPerson(t, worker, { givenNames: 'Eufrosina', firstSurname: 'Nadiequetenga' });
    const filler = await buildPerson(t, worker, { givenNames: 'Otilia', firstSurname: 'Recalde' });
    // A register where "Perpetua" is common: 900 copies of the two persons (half of them in each
    // institution), updated at scattered instants, and 600 persons of another name.
    await t.services.db.transaction(async (trx) => {
      await sql`
        insert into persons
        select (jsonb_populate_record(null::persons, to_jsonb(p) || jsonb_build_object(
                  'id', gen_random_uuid(),
                  'updated_at', now() - (g * 7919 % 1000) * interval '1 minute',
                  'document_bidx', null, 'identity_bidx', null))).*
          from persons p, generate_series(1, 450) g
         where p.id in (${mine.id}, ${theirs.id})`.execute(trx);
      await sql`
        insert into persons
        select (jsonb_populate_record(null::persons, to_jsonb(p) || jsonb_build_object(
                  'id', gen_random_uuid(), 'document_bidx', null, 'identity_bidx', null))).*
          from persons p, generate_series(1, 600) g
         where p.id = ${filler.id}`.execute(trx);
      await sql`analyze persons`.execute(trx);
    });
    forgetNameFrequencies();

    expect(await shapeOf('perpetua')).toBe('walk');
    expect(await shapeOf('eufrosina nadiequetenga')).toBe('index');
    expect(await shapeOf('zenaida ortigoza')).toBe('index');

    for (const q of ['perpetua', 'Perpetua Candia', 'eufrosina nadiequetenga', 'zenaida ortigoza']) {
      const before = (await auditOf(t, worker.user.id)).length;
      const res = await api(t, worker, 'POST', '/api/persons/search', { q });
      expect(res.statusCode).toBe(200);
      const shown = (res.json().items as { id: string }[]).map((i) => i.id);
      const want = await expected(q, worker.user.institutionId);
      expect(shown, q).toEqual(want);
      if (q.startsWith('p') || q.startsWith('P')) expect(shown).toHaveLength(20);
      const rows = (await auditOf(t, worker.user.id)).slice(before);
      expect(
        rows.map((row) => [row.action, row.resource_id]),
        q,
      ).toEqual(shown.length === 0 ? [['person.search', null]] : shown.map((id) => ['person.search', id]));
    }
  });
});

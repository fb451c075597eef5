/**
 * Protection records for statistics tests on top of `nanduti demo` data (which has none): for a
 * deterministic third of the persons with a decision, a consent, needs (some unmet), referrals in
 * every state and services delivered on dates spread over the years. Synthetic data only.
 */
import { sql } from 'kysely';
import { beforeAll } from 'vitest';
import { generateDemo } from '../../src/server/demo/demo.js';
import type { TestContext } from '../helpers/db.js';
import { insertProvider } from './protection-fixtures.js';

/**
 * `nanduti demo` data (`cases` cases from `seed`; the demo users' password generated) in the test
 * context's database, made in a `beforeAll` registered here (so after the context's own), with the
 * protection records below when `protection` is set. Generating is slow on a loaded machine, hence
 * the timeout.
 */
export function useDemoData(
  t: TestContext,
  options: { cases: number; seed: string; protection?: boolean },
  timeout = 180_000,
): void {
  beforeAll(async () => {
    await generateDemo(t.services, { cases: options.cases, seed: options.seed });
    if (options.protection) await addProtectionRecords(t);
  }, timeout);
}

const SERVICES = ['Psychological', 'Shelter', 'Legal'] as const;
const STATES = ['requested', 'accepted', 'declined', 'in_progress', 'completed', 'closed'];

/** Adds the protection records; returns how many referrals were made. */
export async function addProtectionRecords(t: TestContext): Promise<number> {
  const { serviceIds } = await insertProvider(t, {
    institution: 'MINMUJER',
    services: SERVICES.map((serviceType) => ({ serviceType })),
  });
  const description = t.services.crypto.encrypt('Servicio sintético', 'service_deliveries.description');
  const h = (column: string) => sql.raw(`(('x' || substr(md5(${column}::text), 1, 7))::bit(28)::int)`);
  return t.services.db.transaction(async (trx) => {
    await sql`create temp table chosen on commit drop as
      select distinct on (person_id) person_id, case_id, decided_on, institution_id, ${h('person_id')} as h
      from trafficking_decisions order by person_id, decided_on, id`.execute(trx);
    await sql`delete from chosen where h % 3 <> 0`.execute(trx);
    // The demo writes protection records of its own: these tables keep apart the ones added here.
    await sql`create temp table fx_consents (id uuid, case_id uuid, person_id uuid) on commit drop`.execute(
      trx,
    );
    await sql`create temp table fx_needs (id uuid) on commit drop`.execute(trx);
    await sql`create temp table fx_referrals (id uuid) on commit drop`.execute(trx);
    await sql`with ins as (insert into consents (case_id, person_id, kind, services, shared_fields, method, given_by,
        given_on, institution_id)
      select case_id, person_id, 'consent', ${sql.val([...SERVICES])}::text[], '{}'::text[], 'Written', 'Person',
        decided_on, institution_id from chosen returning id, case_id, person_id)
      insert into fx_consents select id, case_id, person_id from ins`.execute(trx);
    // One need per person and service drawn from the hash; every fifth one has no provider.
    await sql`with ins as (insert into person_needs (case_id, person_id, service_type, urgency, department, status,
        unmet_reason, person_sex, age_band, institution_id, created_at)
      select c.case_id, c.person_id, s.t, 'High', 'PY-ASU',
        case when (c.h / 7 + s.i) % 5 = 0 then 'unmet' else 'referred' end,
        case when (c.h / 7 + s.i) % 5 = 0 then (array['no_capacity','no_provider_for_profile'])[1 + c.h % 2] end,
        'Female', '18-29', c.institution_id, (c.decided_on + (c.h % 400))::timestamp at time zone 'UTC'
      from chosen c cross join unnest(${sql.val([...SERVICES])}::text[]) with ordinality as s(t, i)
      where (c.h / 11 + s.i) % 2 = 0 returning id)
      insert into fx_needs select id from ins`.execute(trx);
    const referrals =
      await sql`with ins as (insert into referrals (case_id, person_id, need_id, consent_id, provider_service_id,
        service_type, from_institution_id, to_institution_id, state, urgency, due_at, shared_fields, created_at)
      select n.case_id, n.person_id, n.id, co.id,
        (${sql.val(JSON.stringify(serviceIds))}::jsonb ->> n.service_type)::uuid, n.service_type,
        n.institution_id, (select id from institutions where code = 'MINMUJER'),
        (${sql.val(STATES)}::text[])[1 + ${h('n.id')} % 6], 'High', n.created_at + interval '3 days', '{}'::text[],
        n.created_at + interval '1 hour'
      from person_needs n join fx_needs f on f.id = n.id
      join fx_consents co on co.case_id = n.case_id and co.person_id = n.person_id
      where n.status = 'referred' returning id)
      insert into fx_referrals select id from ins`.execute(trx);
    await sql`insert into service_deliveries (referral_id, delivered_on, description, institution_id)
      select r.id, (r.created_at at time zone 'UTC')::date + (${h('r.id')} % 60) + g, ${description}, r.to_institution_id
      from referrals r join fx_referrals f on f.id = r.id cross join generate_series(0, 1) as g
      where r.state in ('in_progress', 'completed') and (g = 0 or ${h('r.id')} % 2 = 0)`.execute(trx);
    return Number(referrals.numAffectedRows ?? 0);
  });
}

/**
 * `nanduti demo`: the same seed gives the same records in two fresh databases (also when built by
 * worker threads), another seed gives others; counts, references and counters agree; nothing
 * personal is stored in clear; every case has a presumed victim; ICT cases exist without transit;
 * stored assessments are what the screening rules compute; every reference points somewhere.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS } from '../../src/server/crypto/registry.js';
import { DEMO_PROVIDERS } from '../../src/server/demo/directory-catalogue.js';
import { generateDemo, type DemoSummary } from '../../src/server/demo/demo.js';
import { runDemoLinkage } from '../../src/server/demo/demo-linkage.js';
import { personFields } from '../../src/server/modules/persons/person-record.js';
import { assess, childStatus, type Answer, type RuleDefinition } from '../../src/shared/screening-rules.js';
import { createTestContext, skipBackend, type TestContext } from '../helpers/db.js';
import { api, signIn } from '../helpers/factories.js';

const PASSWORD = 'demo password for tests 2026';
const CASES = 200;

async function query<R>(t: TestContext, text: string): Promise<R[]> {
  return t.services.db.transaction(async (trx) => (await sql.raw<R>(text).execute(trx)).rows);
}

async function firstPersons(t: TestContext, n = 50) {
  const rows = await t.services.db.transaction((trx) =>
    trx.selectFrom('persons').selectAll().orderBy('id').limit(n).execute(),
  );
  return rows.map((row) => ({ id: row.id, ...personFields(t.services.crypto, row) }));
}

const casesOf = (t: TestContext) =>
  query<{ reference: string; detected_on: string; detection_method: string }>(
    t,
    'select reference, detected_on::text, detection_method from cases order by reference',
  );

describe.skipIf(skipBackend)('nanduti demo', () => {
  let a: TestContext;
  let b: TestContext;
  let other: TestContext;
  let summary: DemoSummary;

  beforeAll(async () => {
    // One after another: three embedded databases migrating at once in one process can hold the
    // event loop past the server's plugin start-up timeout on a loaded machine.
    a = await createTestContext();
    b = await createTestContext();
    other = await createTestContext();
    summary = await generateDemo(a.services, { cases: CASES, seed: 'alpha', password: PASSWORD });
    await generateDemo(b.services, {
      cases: CASES,
      seed: 'alpha',
      password: PASSWORD,
      chunkSize: 70,
      workers: 2,
    });
    await generateDemo(other.services, { cases: CASES, seed: 'beta', password: PASSWORD });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a, b, other].filter(Boolean).map((t) => t.close()));
  });

  it('leaves no dead marks behind in stat_dirty (the drain of the facts vacuums it)', async () => {
    const [row] = await query<{ size: number; marks: number }>(
      a,
      "select pg_relation_size('stat_dirty')::int as size, (select count(*)::int from stat_dirty) as marks",
    );
    expect(row!.marks).toBe(0);
    // The embedded engine runs no autovacuum: without the demo's own VACUUM the deleted marks' pages stay.
    if (a.services.db.embedded) expect(row!.size).toBe(0);
  });
  it('gives the same records for the same seed, whatever the chunks or threads that built them', async () => {
    const [personsA, personsB] = [await firstPersons(a), await firstPersons(b)];
    expect(personsA).toHaveLength(50);
    expect(personsB).toEqual(personsA);
    expect(await casesOf(b)).toEqual(await casesOf(a));
  });

  it('gives other records for another seed', async () => {
    const names = (persons: Array<{ givenNames: string; firstSurname: string | null }>) =>
      persons.map((p) => `${p.givenNames} ${p.firstSurname}`);
    expect(names(await firstPersons(other))).not.toEqual(names(await firstPersons(a)));
    const dates = async (t: TestContext) =>
      (await casesOf(t)).map((c) => `${c.detected_on} ${c.detection_method}`);
    expect(await dates(other)).not.toEqual(await dates(a));
  });

  it('writes the number of cases asked for, 2019–2026, with references that agree with the counters', async () => {
    const cases = await casesOf(a);
    expect(cases).toHaveLength(CASES);
    expect(summary.rows.cases).toBe(CASES);
    expect(new Set(cases.map((c) => c.reference.slice(3, 7)))).toEqual(
      new Set(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']),
    );
    for (const c of cases) expect(c.reference.slice(3, 7)).toBe(c.detected_on.slice(0, 4));
    const counters = await query<{ year: number; last: number; n: number; max: string }>(
      a,
      `select k.year, k.last, count(c.id)::int as n, max(c.reference) as max from case_counters k
        join cases c on c.reference like 'PY-' || k.year || '-%' group by k.year, k.last`,
    );
    for (const k of counters) {
      expect(k.n).toBe(Number(k.last));
      expect(k.max).toBe(`PY-${k.year}-${String(k.last).padStart(6, '0')}`);
    }
    const [persons] = await query<{ n: number }>(a, 'select count(*)::int as n from persons');
    expect(persons!.n).toBe(summary.rows.persons);
    const audit = await query<{ action: string; changed_fields: string[] }>(
      a,
      'select action, changed_fields from audit_events',
    );
    expect(audit).toEqual([{ action: 'demo.generate', changed_fields: [`cases:${CASES}`] }]);
  });

  it('stores no personal value in clear', async () => {
    for (const column of ENCRYPTED_COLUMNS) {
      const [row] = await query<{ n: number }>(
        a,
        `select count(*)::int as n from ${column.table} where ${column.column} is not null and ${column.column} not like 'enc:v1:%'`,
      );
      expect(row!.n, `${column.table}.${column.column}`).toBe(0);
    }
    const tables = [
      'person_needs',
      'consents',
      'referrals',
      'service_deliveries',
      'protection_status',
      'persons',
      'cases',
      'case_timeline',
      'screenings',
      'trafficking_decisions',
      'trafficking_events',
      'case_shares',
    ];
    const rows = await Promise.all(
      tables.map(async (table) => ({
        table,
        raw: (await query<{ r: string }>(a, `select row_to_json(x)::text as r from ${table} x`))
          .map((x) => x.r)
          .join('\n'),
      })),
    );
    const persons = await firstPersons(a, 1000);
    // Short ASCII words could occur in base64 by chance; accented or long ones cannot.
    const telling = (v: string | null | undefined) => !!v && (v.length >= 6 || /[^\x20-\x7e]/.test(v));
    const secrets = persons
      .flatMap((p) => [
        p.givenNames,
        p.firstSurname,
        p.secondSurname,
        p.documentNumber,
        p.contact,
        p.residenceDistrict,
        ...p.aliases,
      ])
      .filter(telling);
    expect(secrets.length).toBeGreaterThan(300);
    // A value counts as found only as a whole word: stored in clear it stands between quotes, spaces
    // or punctuation. Inside a longer run of letters and digits it is chance (a document number
    // 6611230 was once found inside the random UUID …b76611230fad; a name can occur inside base64),
    // not a value in clear. The message gives the table and the text around it.
    const wordChar = '[A-Za-z0-9+/_-]';
    for (const secret of new Set(secrets)) {
      const text = JSON.stringify(secret!).slice(1, -1);
      const word = new RegExp(
        `(?<!${wordChar})${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!${wordChar})`,
      );
      const found = rows
        .map(({ table, raw }) => ({ table, raw, at: raw.search(word) }))
        .filter(({ at }) => at >= 0)
        .map(({ table, raw, at }) => `${table}: ${raw.slice(Math.max(0, at - 60), at + text.length + 20)}`);
      expect(found, secret!).toEqual([]);
    }
  });

  it('links at least one presumed victim to every case, and every reference points to a row', async () => {
    const [orphanCases] = await query<{ n: number }>(
      a,
      `select count(*)::int as n from cases c where not exists
        (select 1 from case_persons p where p.case_id = c.id and p.role = 'PresumedVictim')`,
    );
    expect(orphanCases!.n).toBe(0);
    const references: Array<[string, string, string]> = [
      ['case_persons', 'case_id', 'cases'],
      ['case_persons', 'person_id', 'persons'],
      ['screenings', 'case_id', 'cases'],
      ['screenings', 'person_id', 'persons'],
      ['screenings', 'instrument_id', 'screening_instruments'],
      ['trafficking_decisions', 'screening_id', 'screenings'],
      ['trafficking_decisions', 'reviews_decision_id', 'trafficking_decisions'],
      ['trafficking_decisions', 'decided_by', 'users'],
      ['victim_exploitation', 'person_id', 'persons'],
      ['trafficking_events', 'case_id', 'cases'],
      ['trafficking_events', 'person_id', 'persons'],
      ['case_timeline', 'case_id', 'cases'],
      ['case_timeline', 'actor_user_id', 'users'],
      ['case_shares', 'institution_id', 'institutions'],
      ['cases', 'owner_unit_id', 'units'],
      ['cases', 'created_by', 'users'],
      ['case_assignments', 'user_id', 'users'],
      ['persons', 'owner_institution_id', 'institutions'],
      ['person_needs', 'case_id', 'cases'],
      ['person_needs', 'person_id', 'persons'],
      ['consents', 'person_id', 'persons'],
      ['referrals', 'need_id', 'person_needs'],
      ['referrals', 'consent_id', 'consents'],
      ['referrals', 'provider_service_id', 'provider_services'],
      ['referrals', 'to_institution_id', 'institutions'],
      ['service_deliveries', 'referral_id', 'referrals'],
      ['service_deliveries', 'recorded_by', 'users'],
      ['protection_status', 'person_id', 'persons'],
    ];
    for (const [table, column, parent] of references) {
      const [row] = await query<{ n: number }>(
        a,
        `select count(*)::int as n from ${table} t where t.${column} is not null
          and not exists (select 1 from ${parent} p where p.id = t.${column})`,
      );
      expect(row!.n, `${table}.${column}`).toBe(0);
    }
  });

  it('has ICT cases recruited online and never moved (no transit event)', async () => {
    const [row] = await query<{ n: number }>(
      a,
      `select count(*)::int as n from cases c
        where exists (select 1 from trafficking_events e where e.case_id = c.id and e.type = 'Recruitment' and e.online
                        and cardinality(e.platforms) > 0)
          and exists (select 1 from trafficking_events e where e.case_id = c.id and e.type = 'Exploitation' and e.online)
          and not exists (select 1 from trafficking_events e where e.case_id = c.id and e.type = 'Transit')
          and exists (select 1 from victim_exploitation v where v.case_id = c.id
                        and v.recruitment_methods && array['ThroughOnlineSocialNetworks','ThroughAnOnlineAdvertisement'])`,
    );
    expect(row!.n).toBeGreaterThan(0);
    const [ict] = await query<{ share: number }>(
      a,
      `select avg((exists (select 1 from trafficking_events e where e.case_id = c.id and e.online))::int)::float as share from cases c`,
    );
    expect(ict!.share).toBeGreaterThan(0.12);
    expect(ict!.share).toBeLessThan(0.4);
  });

  it('stores the assessment the screening rules compute from the answers and the age', async () => {
    const [instrument] = await query<{ definition: RuleDefinition }>(
      a,
      "select definition from screening_instruments where status = 'published'",
    );
    const rows = await a.services.db.transaction((trx) =>
      trx
        .selectFrom('screenings as s')
        .innerJoin('cases as c', 'c.id', 's.case_id')
        .innerJoin('persons as p', 'p.id', 's.person_id')
        .selectAll('s')
        .select(['c.detected_on', 'p.date_of_birth', 'p.estimated_age', 'p.age_estimated'])
        .execute(),
    );
    expect(rows.length).toBeGreaterThan(CASES * 0.8);
    const definition =
      typeof instrument!.definition === 'string'
        ? JSON.parse(instrument!.definition)
        : instrument!.definition;
    for (const s of rows) {
      const child = childStatus({
        dateOfBirth: a.services.crypto.decryptNullable(s.date_of_birth, 'persons.date_of_birth'),
        estimatedAge: s.estimated_age,
        ageApproximate: s.age_estimated,
        factsDate: s.facts_date,
        recordedOn: s.detected_on,
      });
      const result = assess(definition, s.answers as Record<string, Answer>, child.child);
      expect({ child: s.child, age: s.age_at_facts, flags: s.flags }).toEqual({
        child: child.child,
        age: child.ageAtFacts,
        flags: child.flags,
      });
      expect({
        act: s.act,
        means: s.means,
        purpose: s.purpose,
        n: s.indicator_count,
        assessment: s.assessment,
        law4788: { assessment: s.law4788_assessment, aggravating: s.law4788_aggravating },
      }).toEqual({
        act: result.act,
        means: result.means,
        purpose: result.purpose,
        n: result.indicatorCount,
        assessment: result.assessment,
        law4788: result.law4788,
      });
    }
    expect(new Set(rows.map((r) => r.assessment))).toEqual(
      new Set(['presumed_victim', 'possible_victim', 'no_indication']),
    );
    expect(new Set(rows.map((r) => r.child))).toContain('yes');
  });

  it('creates active demo staff whose names search finds demo persons by, with admins enrolled in TOTP', async () => {
    expect(summary.admins.map((x) => x.username)).toContain('mesa.sysadmin1');
    const [admin] = await query<{ totp_secret: string; status: string }>(
      a,
      "select totp_secret, status from users where username = 'pnptu.admin1'",
    );
    const secret = summary.admins.find((x) => x.username === 'pnptu.admin1')!.totpSecret;
    expect(a.services.crypto.decrypt(admin!.totp_secret, 'users.totp_secret')).toBe(secret);
    const [worker] = await query<{ id: string; institution_id: string }>(
      a,
      "select id, institution_id from users where username = 'pnptu.caseworker1' and status = 'active'",
    );
    const session = await signIn(a, {
      id: worker!.id,
      username: 'pnptu.caseworker1',
      role: 'case_worker',
      institutionId: worker!.institution_id,
      institutionCode: 'PNPTU',
      totpSecret: null,
    });
    // "Gonzales" is how González is often typed: the demo's name tokens are the persons module's.
    const res = await api(a, session, 'POST', '/api/persons/search', { q: 'Gonzales', limit: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });

  it('writes a directory once per database, where no shelter takes adult men', async () => {
    const [providers] = await query<{ n: number }>(a, 'select count(*)::int as n from service_providers');
    expect(providers!.n).toBe(DEMO_PROVIDERS.length);
    expect(summary.rows.service_providers).toBe(DEMO_PROVIDERS.length);
    const shelters = await query<{ sexes: string[]; max_age: number | null }>(
      a,
      `select p.sexes, p.max_age from provider_services s join service_providers p on p.id = s.provider_id
        where s.service_type = 'Shelter'`,
    );
    expect(shelters.length).toBeGreaterThan(3);
    for (const s of shelters)
      expect(
        (s.sexes.includes('Female') && !s.sexes.includes('Male')) || (s.max_age !== null && s.max_age < 18),
      ).toBe(true);
    const names = await query<{ name: string }>(a, 'select name from service_providers');
    for (const { name } of names) expect(name).toMatch(/\(fictici[oa]\)$/);
  });

  it('records needs as matching decides them: an adult man needing shelter is unmet', async () => {
    const needs = await query<{
      service_type: string;
      status: string;
      unmet_reason: string | null;
      person_sex: string;
      age_band: string;
      referred: boolean;
    }>(
      a,
      `select n.service_type, n.status, n.unmet_reason, n.person_sex, n.age_band,
          exists (select 1 from referrals r where r.need_id = n.id) as referred
        from person_needs n`,
    );
    expect(needs.length).toBeGreaterThan(CASES / 2);
    const adultMen = needs.filter(
      (n) =>
        n.service_type === 'Shelter' &&
        n.person_sex === 'Male' &&
        ['18-29', '30-59', '60+'].includes(n.age_band),
    );
    expect(adultMen.length).toBeGreaterThan(0);
    for (const n of adultMen) {
      expect(n.status).toBe('unmet');
      expect(['no_provider_for_profile', 'not_offered_in_department']).toContain(n.unmet_reason);
    }
    expect(adultMen.map((n) => n.unmet_reason)).toContain('no_provider_for_profile');
    for (const n of needs) {
      expect(n.status === 'unmet', n.service_type).toBe(n.unmet_reason !== null);
      if (n.status === 'unmet') expect(n.referred).toBe(false);
      if (n.status === 'referred' || n.status === 'met') expect(n.referred).toBe(true);
    }
  });

  it('refers only under a consent that covers the service, with states, places and deliveries that agree', async () => {
    const count = async (text: string) =>
      (await query<{ n: number }>(a, `select count(*)::int as n from ${text}`))[0]!.n;
    expect(await count('referrals')).toBeGreaterThan(CASES / 3);
    // Every referral: a consent of the same person on the same case, covering the service and the fields shared.
    expect(
      await count(`referrals r where not exists (select 1 from consents c where c.id = r.consent_id
        and c.case_id = r.case_id and c.person_id = r.person_id and r.service_type = any(c.services)
        and r.shared_fields <@ c.shared_fields and c.given_on <= r.created_at::date)`),
    ).toBe(0);
    // Deliveries only under referrals that were accepted, by the receiving institution, within the referral's life.
    expect(
      await count(`service_deliveries d join referrals r on r.id = d.referral_id
        where r.state not in ('in_progress', 'completed', 'closed', 'withdrawn')
           or d.institution_id <> r.to_institution_id
           or d.delivered_on < r.created_at::date or d.delivered_on > r.updated_at::date`),
    ).toBe(0);
    expect(
      await count(`referrals r where r.state in ('in_progress', 'completed')
        and not exists (select 1 from service_deliveries d where d.referral_id = r.id)`),
    ).toBe(0);
    // The need follows its referral; a place is held exactly by running shelter referrals.
    expect(
      await count(`referrals r join person_needs n on n.id = r.need_id where n.status <> case
        when r.state = 'completed' then 'met' when r.state in ('requested', 'accepted', 'in_progress') then 'referred' else 'open' end`),
    ).toBe(0);
    expect(
      await count(`referrals r where r.holds_place <> (r.service_type = 'Shelter' and r.state in ('accepted', 'in_progress'))
        or r.due_at <> r.created_at + make_interval(days => case r.urgency when 'Immediate' then 1 when 'High' then 3 else 10 end)
        or r.updated_at < r.created_at`),
    ).toBe(0);
    expect(
      await count(`provider_services s where s.occupancy > coalesce(s.capacity, 0)
        or s.occupancy <> (select count(*) from referrals r where r.provider_service_id = s.id and r.holds_place)`),
    ).toBe(0);
    // The run's last cases fill some shelter places (the check above then means something).
    expect(await count('referrals where holds_place')).toBeGreaterThan(0);
    const states = await query<{ state: string }>(a, 'select distinct state from referrals');
    expect(states.map((x) => x.state)).toEqual(
      expect.arrayContaining(['requested', 'completed', 'declined', 'closed', 'in_progress']),
    );
    // Foreign victims and Paraguayans found abroad: a return arranged was asked for, a residency granted too.
    expect(await count('protection_status')).toBeGreaterThan(0);
    expect(
      await count(`protection_status where (return_arranged and not return_requested)
        or (residency_granted and not residency_requested)`),
    ).toBe(0);
  });

  it('gives the same protection records for the same seed', async () => {
    const protection = async (t: TestContext) => ({
      needs: await query(t, 'select id, service_type, status, unmet_reason from person_needs order by id'),
      referrals: await query(
        t,
        'select id, state, provider_service_id, created_at::text, holds_place from referrals order by id',
      ),
      deliveries: await query(
        t,
        'select id, referral_id, delivered_on::text from service_deliveries order by id',
      ),
      occupancy: await query(t, 'select id, occupancy from provider_services order by id'),
    });
    const [pa, pb] = [await protection(a), await protection(b)];
    expect(pa.referrals.length).toBeGreaterThan(0);
    expect(pb).toEqual(pa);
  });

  it('dates a closed case’s closure by its last event, not by the day the demo ran', async () => {
    const closed = await query<{ closed: string; last: string; years: number }>(
      a,
      `select c.closed_at::text as closed, max(t.at)::text as last,
         extract(year from age(now(), c.closed_at))::int as years
       from cases c join case_timeline t on t.case_id = c.id
       where c.status in ('Closed', 'ClosedReferred') group by c.id`,
    );
    expect(closed.length).toBeGreaterThan(10);
    for (const row of closed) expect(row.closed).toBe(row.last);
    // Cases of 2019–2021 closed long ago: past the default five years for cases without a victim.
    expect(closed.filter((row) => row.years >= 5).length).toBeGreaterThan(0);
  });

  it('refuses a database that already has cases, and with --append continues the references', async () => {
    await expect(
      generateDemo(other.services, { cases: 5, seed: 'beta', password: PASSWORD }),
    ).rejects.toThrow(/already has 200 cases/);
    const before = await query<{ year: number; last: number }>(
      other,
      'select year, last from case_counters order by year',
    );
    const appended = await generateDemo(other.services, {
      cases: 20,
      seed: 'beta',
      password: PASSWORD,
      append: true,
    });
    expect(appended.usersCreated).toBe(0);
    expect(appended.rows.service_providers).toBe(0);
    const [directory] = await query<{ n: number; over: number }>(
      other,
      `select (select count(*)::int from service_providers) as n,
        (select count(*)::int from provider_services s where s.occupancy > coalesce(s.capacity, 0)
          or s.occupancy <> (select count(*) from referrals r where r.provider_service_id = s.id and r.holds_place)) as over`,
    );
    expect(directory).toEqual({ n: DEMO_PROVIDERS.length, over: 0 });
    const [count] = await query<{ n: number }>(other, 'select count(*)::int as n from cases');
    expect(count!.n).toBe(CASES + 20);
    const after = await query<{ year: number; last: number }>(
      other,
      'select year, last from case_counters order by year',
    );
    expect(after.reduce((n, k) => n + Number(k.last), 0)).toBe(
      before.reduce((n, k) => n + Number(k.last), 0) + 20,
    );
  });
  it('meets a few victims again at another institution, which the national batch links or queues for review', async () => {
    const run = await runDemoLinkage(a.services.db, a.services.crypto);
    expect(run).toBeDefined();
    // Pairs found by the batch whose two records belong to cases of two different institutions.
    const [pairs] = await query<{ links: number; reviews: number }>(
      a,
      `with owner as (select cp.person_id, c.owner_institution_id as inst
                        from case_persons cp join cases c on c.id = cp.case_id),
            pair as (select person_a, person_b, 'link' as kind from person_links where removed_at is null
                     union all select person_a, person_b, 'review' from match_reviews where status = 'pending')
       select count(*) filter (where kind = 'link')::int as links, count(*) filter (where kind = 'review')::int as reviews
         from pair p
        where exists (select 1 from owner x join owner y on x.inst <> y.inst
                       where x.person_id = p.person_a and y.person_id = p.person_b)`,
    );
    expect(pairs!.links + pairs!.reviews).toBeGreaterThan(0);
    expect(run!.linksAdded + run!.reviewsAdded).toBeGreaterThanOrEqual(pairs!.links + pairs!.reviews);
  });
});

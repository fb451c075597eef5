/**
 * The law as data and the figures an auditor would accept (docs/LEGAL-PROVISIONS.md,
 * docs/STATISTICS.md):
 *
 * - legal_provisions: `category` (trafficking | related | other: prosecution figures count the
 *   trafficking provisions by default, the others apart), `exploitation` (the form a trafficking
 *   provision punishes: SexualExploitation | ForcedLabour, for the TIP split of sex and labour
 *   trafficking), validity dates (`valid_from`, `valid_to`: the law in force at the facts applies),
 *   and `source` (where the article number was verified, or null when it was not). Penal Code
 *   art. 140 (child sexual abuse material) is added — its article number unverified, like every
 *   number not found in the sources the project has.
 * - suspect_charges: the facts date (`facts_on`) and the outcome and sentence per charge (so the
 *   offence of a conviction is known); earlier outcomes per defendant are copied to each charge.
 * - stat_persons / stat_cube: `scope` (domestic | transnational | Unknown), and the cube keeps the
 *   person's current status on the persons side (possible and formally identified victims apart).
 *   Facts and cube are emptied and every person marked: the next refresh rebuilds both.
 *
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

/** Seed 000 (2009 country assessment) quotes these article numbers from the Penal Code. */
const SEED_000 =
  'seed 000: "Article 129 of the 1997 penal code… Articles 129(b) and (c) of a new penal code, which came into force in July 2009"';

const PROVISIONS: Array<{
  code: string;
  category: 'trafficking' | 'related' | 'other';
  exploitation: string | null;
  validFrom: string | null;
  source: string | null;
}> = [
  // Law 4788/2012 of 13 December 2012 (date in docs/DOMAIN.md §2); article numbers unverified.
  {
    code: 'L4788-5',
    category: 'trafficking',
    exploitation: 'SexualExploitation',
    validFrom: '2012-12-13',
    source: null,
  },
  {
    code: 'L4788-6',
    category: 'trafficking',
    exploitation: 'ForcedLabour',
    validFrom: '2012-12-13',
    source: null,
  },
  { code: 'L4788-7', category: 'trafficking', exploitation: null, validFrom: '2012-12-13', source: null },
  {
    code: 'CP-129',
    category: 'trafficking',
    exploitation: 'SexualExploitation',
    validFrom: null,
    source: SEED_000,
  },
  // "came into force in July 2009": the day is not in the sources, so no validity date is set.
  {
    code: 'CP-129B',
    category: 'trafficking',
    exploitation: 'SexualExploitation',
    validFrom: null,
    source: SEED_000,
  },
  {
    code: 'CP-129C',
    category: 'trafficking',
    exploitation: 'ForcedLabour',
    validFrom: null,
    source: SEED_000,
  },
  { code: 'CP-139', category: 'related', exploitation: null, validFrom: null, source: null },
  { code: 'CP-OTHER', category: 'other', exploitation: null, validFrom: null, source: null },
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table legal_provisions
    add column category text not null default 'other' check (category in ('trafficking','related','other')),
    add column exploitation text,
    add column valid_from date,
    add column valid_to date,
    add column source text,
    add constraint legal_provisions_validity_check check (valid_to is null or valid_from is null or valid_to >= valid_from)`.execute(
    db,
  );
  for (const p of PROVISIONS) {
    await db
      .updateTable('legal_provisions')
      .set({
        category: p.category,
        exploitation: p.exploitation,
        valid_from: p.validFrom,
        source: p.source,
        // Only an article number found in a source is confirmed.
        article_unconfirmed: p.source === null && p.code !== 'CP-OTHER',
      })
      .where('code', '=', p.code)
      .execute();
  }
  const { max } = await db
    .selectFrom('legal_provisions')
    .select(sql<number>`coalesce(max(sort), 0)`.as('max'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('legal_provisions')
    .values({
      code: 'CP-140',
      instrument: 'Código Penal',
      article: '140',
      label_es:
        'Código Penal art. 140 — pornografía relativa a niños, niñas y adolescentes (material de abuso sexual infantil)',
      label_gn:
        'Código Penal art. 140 — pornografía mitã ha mitãrusu rehegua (material de abuso sexual infantil)',
      label_en: 'Penal Code art. 140 — child pornography (child sexual abuse material)',
      max_years: null,
      article_unconfirmed: true,
      sort: Number(max) + 1,
      category: 'related',
      exploitation: null,
      source: null,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();

  await sql`alter table suspect_charges
    add column facts_on date,
    add column outcome text check (outcome is null or outcome in ('convicted','acquitted','dismissed')),
    add column outcome_on date,
    add column sentence_months integer check (sentence_months is null or sentence_months > 0),
    add column suspended boolean not null default false,
    add constraint suspect_charges_outcome_date_check check ((outcome is null) = (outcome_on is null)),
    add constraint suspect_charges_facts_check check (facts_on is null or facts_on <= charged_on)`.execute(
    db,
  );
  // Outcomes recorded per defendant before: the same outcome for each of the defendant's charges.
  await sql`update suspect_charges c set outcome = o.outcome, outcome_on = o.decided_on,
      sentence_months = o.sentence_months, suspended = o.suspended
    from (select distinct on (suspect_id) * from suspect_outcomes
      order by suspect_id, decided_on desc, created_at desc) o
    where o.suspect_id = c.suspect_id`.execute(db);
  await sql`create index suspect_charges_outcome_idx on suspect_charges (outcome, outcome_on)`.execute(db);

  await sql`alter table stat_persons add column scope text not null default 'Unknown'`.execute(db);
  await sql`alter table stat_cube add column scope text`.execute(db);
  await sql`delete from stat_cube`.execute(db);
  for (const table of ['stat_persons', 'stat_services', 'stat_referrals', 'stat_needs'])
    await sql`delete from ${sql.table(table)}`.execute(db);
  await sql`insert into stat_dirty (person_id) select id from persons on conflict do nothing`.execute(db);
}

export { forwardOnly as down } from './columns.js';

/**
 * Likely matches at intake (findPersonMatches): the person being registered is compared only with
 * persons the user may already read. Candidates come from the database through blind indexes
 * inside the persons scope, so nothing is scanned in full and nothing out of scope is decrypted: a
 * blocking key on the GIN-indexed `match_keys` (a pair of phonetic name tokens in a band of birth
 * years, an estimated age covering its interval; the rarest of the query's keys first, by
 * `person_match_key_counts`; a one-word name: the word on `name_tokens`), the
 * document index, the identity index. They are then scored with the Fellegi–Sunter model the latest national
 * batch estimated (stored with its run); before the first batch there is no model and no score.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { FindPersonMatchesRequest } from '../../../shared/api-linkage.js';
import type { SEXES } from '../../../shared/catalogues.js';
import { scopedPersons } from '../../access/scope.js';
import { auditOperations } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Ctx } from '../../core/context.js';
import {
  FORMER_LEVELS,
  personComparisons,
  SURNAME,
  type Comparison,
} from '../../linkage-engine/comparisons.js';
import { preparePersons } from '../../linkage-engine/linkage.js';
import { matchWeight, NULL_LEVEL, probabilityOf } from '../../linkage-engine/model.js';
import { prepare, type LinkPerson, type Prepared, type Vocabulary } from '../../linkage-engine/record.js';
import { nameKeys } from '../persons/name-normalize.js';
import { duplicateIndexes, fullNameOf, nameIndex } from '../persons/person-record.js';
import { paraguayToday, paraguayYear } from '../../../shared/dates.js';
import { LINK_PERSON_COLUMNS_OF_PERSONS, linkPersonOf } from './link-person.js';
import { gradeOf, type PairLevel } from './levels.js';
import {
  idsToWeigh,
  StoredTermTable,
  storedCounts,
  tokensOf,
  type FamilyTotals,
  type NameFamily,
} from './name-frequencies.js';

type MatchInput = z.output<typeof FindPersonMatchesRequest>;

/** At most this many candidates are scored (the best-sharing first); at most MAX_SHOWN are shown. */
const MAX_CANDIDATES = 300;
const MAX_SHOWN = 10;
/**
 * Years either side of an estimated age's year that the keys cover: the span of the trigger
 * persons_match_keys (migration 2026-12-07T03-00-00_person_match_keys), which must be the same.
 */
const ESTIMATE_SPAN = 8;
/** A look-up without any age asks every band of birth years from this many years ago to now. */
const OLDEST_AGE = 120;

export interface StoredModel {
  lambda: number;
  comparisons: { name: string; levels: string[]; m: number[]; u: number[] }[];
  /** The totals of the run's name frequencies (name-frequencies.ts); absent in runs before them. */
  nameFrequencies?: Record<NameFamily, FamilyTotals>;
}

/**
 * Share of registrations at intake that are of a person already registered (by this or another
 * institution): a reference order of magnitude, not estimated from the data (docs/LINKAGE.md,
 * "The prior at intake"). A victim is commonly seen by the police, the prosecutor's office and the
 * ministry in turn.
 */
export const INTAKE_RETURNING_SHARE = 0.1;

/**
 * The prior (bits) of a look-up against `persons` persons: the batch's prior per pair, but no lower
 * than the odds that the person being registered is one given person among them when
 * INTAKE_RETURNING_SHARE of registrations are of someone already there. The batch counts the
 * duplicates that reached the database; those the warning prevented never do, so an installation
 * whose intake works (or a new one) would otherwise get a prior that no name without a full date
 * of birth could beat (−21 bits at 3,000 persons with 2 expected matches).
 */
export function intakePrior(batchPrior: number, persons: number): number {
  const share = Math.min(INTAKE_RETURNING_SHARE / Math.max(persons, 1), 1 - 1e-9);
  return Math.max(batchPrior, Math.log2(share / (1 - share)));
}

/** The model of the latest finished batch, with the prior a look-up scores with; undefined before any. */
async function latestModel(ctx: Ctx) {
  const run = await ctx.trx
    .selectFrom('linkage_runs')
    .select(['id', 'persons', 'candidate_pairs', 'match_threshold', 'review_threshold', 'model'])
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!run) return undefined;
  const model = (typeof run.model === 'string' ? JSON.parse(run.model) : run.model) as StoredModel;
  // The batch's prior: its expected matches (λ among the candidates) over all pairs of persons.
  const pairs = Math.max((run.persons * (run.persons - 1)) / 2, 1);
  const share = Math.min(Math.max((model.lambda * run.candidate_pairs) / pairs, 1e-12), 1 - 1e-9);
  return { run, model, prior: intakePrior(Math.log2(share / (1 - share)), run.persons) };
}

/**
 * Level weights (log2 m/u) in the order of `comparisons`, taken from the stored model level by level
 * name: after an upgrade that added a level (an engine changed since the last batch), the levels the
 * run knew keep their weights, a level split out of one the run knew (`FORMER_LEVELS`) takes that
 * level's weight, and any other new one gets none until the next batch, rather than the whole
 * comparison losing its weight; a comparison the run does not know gets none.
 */
export function weightsFor(
  comparisons: readonly Pick<Comparison<Prepared>, 'name' | 'levels'>[],
  model: StoredModel,
): Float64Array[] {
  return comparisons.map((c) => {
    const stored = model.comparisons.find((s) => s.name === c.name);
    if (!stored) return new Float64Array(c.levels.length);
    const former = FORMER_LEVELS[c.name] ?? {};
    return Float64Array.from(c.levels, (level) => {
      let at = stored.levels.indexOf(level);
      if (at < 0 && former[level] !== undefined) at = stored.levels.indexOf(former[level]);
      return at < 0 ? 0 : Math.log2(stored.m[at]! / stored.u[at]!);
    });
  });
}

/**
 * The years of birth the query may stand for, as the trigger computes them for a stored person: the
 * date of birth's year, the estimated age's year ± ESTIMATE_SPAN, or any year when neither is known.
 */
function queryYears(input: MatchInput): [number, number] {
  const now = paraguayYear();
  if (input.dateOfBirth) {
    const year = Number(input.dateOfBirth.slice(0, 4));
    return [year, year];
  }
  if (input.estimatedAge === null || input.estimatedAge === undefined) return [now - OLDEST_AGE, now];
  return [now - input.estimatedAge - ESTIMATE_SPAN, now - input.estimatedAge + ESTIMATE_SPAN];
}

/**
 * Persons the keys a look-up asks of the index may hold together: the query's blocking keys are
 * taken rarest first (person_match_key_counts) while their holders add up to fewer than this. At
 * 1,000,000 persons a pair of common tokens in a band of years is held by thousands, each fetched
 * from the table to be counted and sorted (bench/README.md, "The intake look-up by blocking keys at
 * 1M"); a pair with a rarer word finds the same person among a few.
 */
const KEY_BUDGET = 300;

/**
 * The query's blocking keys to ask, as an array computed inside the candidates' statement (no round
 * trip of its own): its pairs of name tokens in the bands of its years and in the band of persons of
 * unknown age, the rarest first (person_match_key_counts) while the holders of the keys before it
 * add up to fewer than KEY_BUDGET (the first key with holders is always asked, however common). A
 * key nobody holds is not asked (each key asked is a descent of the index's tree, and an estimated
 * age has dozens of keys). The statement is uncorrelated: PostgreSQL computes it once (an InitPlan)
 * and gives its value to the index scan on match_keys.
 */
function rarestKeys(tokens: string[], input: MatchInput) {
  const wanted = sql<string[]>`array[${sql.join(tokens)}]::text[]`;
  const [first, last] = queryYears(input);
  return sql<string[]>`(select coalesce(array_agg(r.key), '{}')::uuid[] from (
      select c.key, sum(c.persons) over (order by c.persons, c.key) - c.persons as before
      from unnest(person_match_keys(${wanted}, ${first}::integer, ${last}::integer)
        || person_match_keys(${wanted}, null, null)) as k(key)
      join person_match_key_counts c on c.key = k.key
      where c.persons > 0) r
    where r.before < ${KEY_BUDGET})`;
}

/**
 * The condition "shares a name with the query": for a one-word name, the word (every holder, as
 * before the keys); otherwise one of its rarest blocking keys (`rarestKeys`). Every holder of one
 * token is not asked: at 1,000,000 persons a common one has tens of thousands, and even counting
 * the holders of each token (to take every holder of a rare one) cost more than the look-up itself
 * (bench/README.md, "The intake look-up: blocking keys").
 */
function sharesName(tokens: string[], input: MatchInput) {
  if (tokens.length === 1) return sql<boolean>`persons.name_tokens && array[${tokens[0]!}]::text[]`;
  return sql<boolean>`persons.match_keys && ${rarestKeys(tokens, input)}`;
}

/**
 * Visible candidates sharing a name (a blocking key; a one-word name: the word), the document or
 * the identity index, best-sharing first.
 */
async function candidates(ctx: Ctx, crypto: FieldCrypto, input: MatchInput) {
  // A pseudonym is not a name to match on, neither in the query nor among the candidates.
  const tokens = input.pseudonym ? [] : [...new Set(nameKeys(input).map(nameIndex(crypto)))].sort();
  const { documentBidx, identityBidx } = duplicateIndexes(crypto, input);
  if (tokens.length === 0 && documentBidx === null) return [];
  const wanted = sql<string[]>`array[${sql.join(tokens.length > 0 ? tokens : [''])}]::text[]`;
  const shared = sql<number>`(select count(*) from unnest(persons.name_tokens) as t(v) where t.v = any(${wanted}))`;
  const byName = tokens.length > 0 ? sharesName(tokens, input) : null;
  return scopedPersons(
    ctx.actor,
    ctx.trx
      .selectFrom('persons')
      .innerJoin('institutions', 'institutions.id', 'persons.owner_institution_id')
      .select([...LINK_PERSON_COLUMNS_OF_PERSONS, 'institutions.code as institution_code']),
  )
    .where((eb) =>
      eb.or([
        ...(byName === null ? [] : [eb.and([eb('persons.pseudonym', '=', false), eb(byName, '=', true)])]),
        ...(documentBidx === null ? [] : [eb('persons.document_bidx', '=', documentBidx)]),
        ...(identityBidx === null ? [] : [eb('persons.identity_bidx', '=', identityBidx)]),
      ]),
    )
    .orderBy(shared, 'desc')
    .orderBy('persons.updated_at', 'desc')
    .limit(MAX_CANDIDATES)
    .execute();
}

function queryPerson(input: MatchInput): LinkPerson {
  const year =
    input.estimatedAge === null || input.estimatedAge === undefined
      ? null
      : paraguayYear() - input.estimatedAge;
  return {
    id: 'query',
    source: 'intake',
    givenNames: input.pseudonym ? '' : input.givenNames,
    firstSurname: input.firstSurname ?? null,
    secondSurname: input.secondSurname ?? null,
    aliases: input.aliases ?? [],
    dateOfBirth: input.dateOfBirth ?? null,
    birthYear: year,
    // The age is estimated today, at intake: an interval around today, not a birth year.
    estimatedAge: input.estimatedAge ?? null,
    ageRecordedOn: input.estimatedAge === null || input.estimatedAge === undefined ? null : paraguayToday(),
    sex: input.sex ?? null,
    nationalities: input.nationalities ?? [],
    documentNumber: input.documentNumber ?? null,
    department: input.residenceDepartment ?? null,
    district: input.residenceDistrict ?? null,
  };
}

/**
 * The term-frequency tables of a look-up: the run's stored name frequencies for the keys the
 * query's pairs can ask (`idsToWeigh`), read by blind index in one statement; undefined for a run
 * stored before them.
 */
async function storedTermTables(
  ctx: Ctx,
  crypto: FieldCrypto,
  run: { id: string; totals: Record<NameFamily, FamilyTotals> | undefined },
  vocab: Vocabulary,
  query: Prepared,
  records: readonly Prepared[],
) {
  if (!run.totals) return undefined;
  const ids = idsToWeigh(query, records);
  const index = nameIndex(crypto);
  const given = tokensOf(vocab, ids.given, index);
  const surname = tokensOf(vocab, ids.surname, index);
  const tokens = [...new Set([...given.values(), ...surname.values()])];
  const rows =
    tokens.length === 0
      ? []
      : await ctx.trx
          .selectFrom('linkage_name_frequencies')
          .select(['family', 'token', 'persons'])
          .where('run_id', '=', run.id)
          .where('token', '=', sql<string>`any(${sql.val(tokens)}::text[])`)
          .execute();
  return {
    givenTf: new StoredTermTable(
      storedCounts(
        given,
        rows.filter((r) => r.family === 'given'),
      ),
      run.totals.given,
    ),
    surnameTf: new StoredTermTable(
      storedCounts(
        surname,
        rows.filter((r) => r.family === 'surname'),
      ),
      run.totals.surname,
    ),
  };
}

const complete = (p: Pick<LinkPerson, 'firstSurname' | 'secondSurname'>) =>
  Boolean(p.firstSurname && p.secondSurname);

/**
 * Two registrations with no surname, nor a typo of one, in common (the surname level `different`)
 * where at least one carries both surnames (a Paraguayan's father's and mother's, as on the
 * identity card): the other's surnames are then none of that person's — two persons, or one
 * registered under another identity: something to check, never a likely duplicate, however well
 * the given names, date of birth and place agree. The model weighs "different" surnames by their
 * average over all pairs, among them a lone surname against another lone one (the father's against
 * the mother's, which one person may give twice); the given names, a full date of birth and the
 * district outweighed it (bench/README.md, "The intake look-up at 1M with the batch's name
 * frequencies; mixed names"). Such a match is shown as possible.
 */
export function surnamesConflict(
  query: Pick<LinkPerson, 'firstSurname' | 'secondSurname'>,
  other: Pick<LinkPerson, 'firstSurname' | 'secondSurname'>,
  surnameLevel: number,
): boolean {
  return surnameLevel === SURNAME.different && (complete(query) || complete(other));
}

/** Likely matches of the person being registered among the persons the user may read; audited. */
export async function findPersonMatches(ctx: Ctx, crypto: FieldCrypto, input: MatchInput) {
  const trained = await latestModel(ctx);
  const rows = trained ? await candidates(ctx, crypto, input) : [];
  const persons = rows.map((r) => linkPersonOf(crypto, r));
  const { vocab, records } = preparePersons(persons);
  const query = prepare(queryPerson(input), records.length, vocab, false);
  // Names weigh by the national batch's frequencies (a rare shared name more than a common one),
  // never by those of the candidates: a candidate set shares the query's names, so its own
  // frequencies would penalise exactly the names it shares. A run stored before the batch kept
  // them: no adjustment.
  const tables =
    trained && records.length > 0
      ? await storedTermTables(
          ctx,
          crypto,
          { id: trained.run.id, totals: trained.model.nameFrequencies },
          vocab,
          query,
          records,
        )
      : undefined;
  const comparisons = tables
    ? personComparisons(vocab, records, tables)
    : personComparisons(vocab, records).map((c) => ({ ...c, tfAdjust: undefined }));
  const weights = trained ? weightsFor(comparisons, trained.model) : [];
  const vector = new Uint8Array(comparisons.length);
  const surnamesAt = comparisons.findIndex((c) => c.name === 'surnames');
  const asked = queryPerson(input);
  const scored = records.flatMap((other, i) => {
    if (!trained) return [];
    const levels: PairLevel[] = [];
    let tf = 0;
    comparisons.forEach((c, x) => {
      const level = c.compare(query, other);
      vector[x] = level < 0 ? NULL_LEVEL : level;
      if (level < 0) return;
      levels.push({ comparison: c.name, level: c.levels[level]!, grade: gradeOf(level, c.levels) });
      if (c.tfAdjust && c.tfLevels?.includes(level)) tf += c.tfAdjust(query, other);
    });
    const probability = probabilityOf(matchWeight(weights, trained.prior, vector, tf));
    if (probability < trained.run.review_threshold) return [];
    const conflict = surnamesConflict(asked, persons[i]!, vector[surnamesAt]!);
    const band =
      probability >= trained.run.match_threshold && !conflict ? ('likely' as const) : ('possible' as const);
    return [{ row: rows[i]!, person: persons[i]!, probability, band, levels }];
  });
  scored.sort((a, b) => b.probability - a.probability);
  const shown = scored.slice(0, MAX_SHOWN);
  // One audit row per person shown (who has seen this person?), or one without a record.
  await auditOperations(
    ctx,
    'findPersonMatches',
    'person',
    shown.length === 0 ? [null] : shown.map((m) => m.row.id),
  );
  return {
    modelRunId: trained?.run.id ?? null,
    matches: shown.map((m) => ({
      id: m.row.id,
      fullName: fullNameOf(m.person),
      sex: m.row.sex as (typeof SEXES)[number],
      birthYear: m.row.birth_year,
      ownerInstitutionCode: m.row.institution_code,
      probability: m.probability,
      band: m.band,
      levels: m.levels,
    })),
  };
}

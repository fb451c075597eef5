/**
 * Reading and writing person rows. Every list, search and duplicate look-up starts from the access
 * scope (scopedPersons); filters compare blind indexes only, never decrypted values.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { queryActor, type Actor } from '../../access/actor.js';
import { runCompiled, runCompiledForActor } from '../../db/compiled-once.js';
import { personGrantOf } from '../../access/break-glass.js';
import { personVisible, scopedCases, scopedPersons, type ScopeCheck } from '../../access/scope.js';
import type { Trx } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { DuplicateIndexes, PersonColumns } from './person-record.js';
import { DEFERRED, GENERIC_PLAN, LAST_STATEMENT, PREPARED } from '../../db/pg-prepared.js';
import {
  auditedRead,
  auditedReadsOf,
  auditReaderOf,
  auditReadsFrom,
  runAuditedRead,
  type AuditReader,
  type ReadAudit,
} from '../../audit/audit.js';
import { exists } from '../../db/exists.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

const storedColumns = [
  'persons.id',
  'persons.owner_institution_id',
  'persons.given_names',
  'persons.first_surname',
  'persons.second_surname',
  'persons.aliases',
  'persons.date_of_birth',
  'persons.document_number',
  'persons.contact',
  'persons.residence_district',
  'persons.indigenous_community',
  'persons.sex',
  'persons.gender',
  'persons.birth_year',
  'persons.age_estimated',
  'persons.estimated_age',
  'persons.nationalities',
  'persons.document_type',
  'persons.languages',
  'persons.interpreter_needed',
  'persons.pseudonym',
  'persons.indigenous',
  'persons.disability',
  'persons.residence_department',
  'persons.created_at',
  'persons.updated_at',
  'persons.version',
  'persons.field_versions',
  ...INSTITUTION_CODE_AND_NAME,
] as const;

/** What lists show: enough to write "Given First Second", sex, year of birth and owner. */
export const summaryColumns = [
  'persons.id',
  'persons.given_names',
  'persons.first_surname',
  'persons.second_surname',
  'persons.sex',
  'persons.birth_year',
  'institutions.code as institution_code',
] as const;

function withInstitution(trx: Trx) {
  return trx
    .selectFrom('persons')
    .innerJoin('institutions', 'institutions.id', 'persons.owner_institution_id');
}

function fullQuery(trx: Trx) {
  return withInstitution(trx).select(storedColumns);
}
export type PersonRecordRow = Awaited<ReturnType<ReturnType<typeof fullQuery>['executeTakeFirstOrThrow']>>;

function summaryQuery(trx: Trx) {
  return withInstitution(trx).select(summaryColumns);
}
export type PersonSummaryRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>
>;

/**
 * Who owns person `id` and whether the actor may see it: the facts `authorize()` decides on, in one
 * statement. Undefined when no such person exists. Reads no personal field.
 */
export async function findPersonTarget(
  trx: Trx,
  actor: Actor,
  id: string,
): Promise<{ ownerInstitutionId: string; visible: boolean } | undefined> {
  const row = await trx
    .selectFrom('persons')
    .select('owner_institution_id')
    .select((eb) => eb.cast<boolean>(personVisible(actor)(eb), 'boolean').as('visible'))
    .where('id', '=', id)
    // An erased person (docs/PRIVACY.md) has nothing left to read: as if it did not exist.
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return row && { ownerInstitutionId: row.owner_institution_id, visible: row.visible === true };
}

/** The actor's visible cases of person `persons.id`, with the person's role in each, newest link first. */
function visibleCasesOf(actor: Actor, eb: ExpressionBuilder<DB, 'persons'>) {
  return scopedCases(actor, eb.selectFrom('cases'))
    .innerJoin('case_persons', 'case_persons.case_id', 'cases.id')
    .select(['cases.id', 'cases.reference', 'case_persons.role'])
    .where('case_persons.person_id', '=', sql.ref<string>('persons.id'))
    .orderBy('case_persons.added_at', 'desc');
}

/**
 * The person page of `id` in one statement: the stored record (still encrypted), whether the actor
 * may see it (`visible`, the scope's condition), the actor's visible cases of the person and the
 * actor's unexpired break-glass grant (breakGlassGrantOf). Only the person door (`loadPersonFor`)
 * and the page after a write call it: the door decides on `visible` and the owner before anything
 * of the record is decrypted or returned. Undefined when no such person exists (or it was erased).
 */
export async function findPersonPage(trx: Trx, actor: Actor, id: string) {
  const [row] = await runCompiledForActor(trx, 'personPage', actor, id, personPageQuery);
  return row && pageOf(row);
}
export type PersonPage = ReturnType<typeof pageOf>;

function personPageQuery(trx: Trx, actor: Actor, id: string) {
  return personPageSelect(trx, actor, id).modifyEnd(PREPARED);
}

function personPageSelect(trx: Trx, actor: Actor, id: string) {
  return fullQuery(trx)
    .select((eb) => [
      eb.cast<boolean>(personVisible(actor)(eb), 'boolean').as('visible'),
      jsonArrayFrom(visibleCasesOf(actor, eb)).as('cases'),
      jsonObjectFrom(personGrantOf(actor, eb)).as('grant'),
    ])
    .where('persons.id', '=', id)
    .where('persons.erased_at', 'is', null);
}
type PersonPageRow = Awaited<ReturnType<ReturnType<typeof personPageQuery>['executeTakeFirstOrThrow']>>;

/**
 * The person page of `id` for a read (the person door, `loadPersonFor`), in one statement with its
 * audit row: a data-modifying CTE inserts the `person.read` row only when the page is the actor's
 * to see (`visible`, the scope's condition, which the rule agrees with — readCase), in the same
 * snapshot as the page. The statement is the transaction's last (`LAST_STATEMENT`): on PostgreSQL
 * its COMMIT goes in the same round trip, so a read is one round trip where it was two (the audit
 * INSERT and the COMMIT were the second). Nothing is decrypted before the door has decided; a
 * refusal (not visible, not found) inserted no success row and is audited as denied, as before.
 */
export async function readPersonPage(trx: Trx, actor: Actor, id: string, audit: ReadAudit) {
  const [row] = await runAuditedRead(trx, 'personRead', actor, id, audit, personReadQuery);
  return row && pageOf(row);
}

function personReadQuery(trx: Trx, actor: Actor, id: string, reader: AuditReader, at: string) {
  const read = sql`${auditedRead(0, 'person.read', 'person', sql.ref('page.id'))} where ${sql.ref('page.visible')}`;
  return trx
    .with('page', () => personPageSelect(trx, actor, id))
    .with('audited', () => auditReadsFrom('page', reader, at, read))
    .selectFrom('page')
    .selectAll()
    .modifyEnd(PREPARED)
    .modifyEnd(LAST_STATEMENT);
}

function pageOf({ visible, cases, grant, ...record }: PersonPageRow) {
  return {
    record: record satisfies PersonRecordRow,
    visible: visible === true,
    cases,
    grant: grant && { id: grant.id, expiresAt: new Date(grant.expires_at).toISOString() },
  };
}

/**
 * The page of person `id`, which the actor has just created in this transaction, and whether
 * another person the actor may see has the same document index or identity index (the duplicate
 * warning of findVisibleDuplicates, the new person left out) — in one statement, so that on
 * PostgreSQL the person's INSERT (held, DEFERRED) travels with it in one round trip. Without any
 * index there is nothing to compare: the page alone, `duplicate` false.
 */
export async function findCreatedPersonPage(
  trx: Trx,
  actor: Actor,
  id: string,
  indexes: DuplicateIndexes,
): Promise<{ page: PersonPage | undefined; duplicate: boolean }> {
  const { documentBidx, identityBidx } = indexes;
  if (documentBidx === null && identityBidx === null)
    return { page: await findPersonPage(trx, actor, id), duplicate: false };
  const given = [documentBidx, identityBidx].filter((v): v is string => v !== null);
  // Compiled once per role and per index given: the ids and the indexes are its values.
  const [row] = await runCompiled(
    trx,
    `createdPersonPage:${actor.role}:${documentBidx === null ? '-' : 'd'}${identityBidx === null ? '-' : 'i'}`,
    [actor.institutionId, actor.userId, id, ...given],
    ([institutionId, userId, personId, ...values]) => {
      const slots = values.slice();
      return createdPageQuery(trx, queryActor(actor.role, institutionId, userId), personId, {
        documentBidx: documentBidx === null ? null : slots.shift()!,
        identityBidx: identityBidx === null ? null : slots.shift()!,
      });
    },
    () => createdPageQuery(trx, actor, id, indexes),
  );
  if (!row) return { page: undefined, duplicate: false };
  const { duplicate, ...page } = row;
  return { page: pageOf(page), duplicate: duplicate === true };
}

/** What create person's page statement writes in its `person.create` audit row (readCreatedPersonPage). */
export interface CreationAudit {
  reading: ReadAudit;
  /** `changed_fields` (changedFieldsOf): the fields given a value … */
  given: string;
  /** … and the same with `confirmNotDuplicate`, for when a duplicate was found and confirmed. */
  overridden: string;
  /** The creator confirmed the person is not a duplicate: a duplicate found does not refuse. */
  confirmed: boolean;
}

/** The SQLSTATE of `nanduti_refuse` (migration 2026-12-07T07-47-00_person_create_refusal). */
const REFUSED = 'NDREF';

/** The error of a statement that refused itself with `nanduti_refuse(reason)`. */
export function refusedFor(error: unknown, reason: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === REFUSED && message === reason;
}

/**
 * Create person's page and its audit row in one statement, the transaction's last (so on PostgreSQL
 * the person's held INSERT, this statement and the COMMIT go in one round trip): the page of person
 * `id`, just inserted in this transaction (findCreatedPersonPage), whose statement inserts the
 * `person.create` audit row in a data-modifying CTE — its changed fields with `confirmNotDuplicate`
 * when another person the actor may see has the same document or identity index — and which, when
 * such a duplicate is found and the creator did not confirm, refuses itself
 * (`nanduti_refuse('possible_duplicates')`): the statement fails, the transaction is aborted and its
 * COMMIT commits nothing, the INSERT included. Compiled once per role and per index given.
 */
export async function readCreatedPersonPage(
  trx: Trx,
  actor: Actor,
  id: string,
  indexes: DuplicateIndexes,
  creation: CreationAudit,
): Promise<PersonPage | undefined> {
  const { documentBidx, identityBidx } = indexes;
  const given = [documentBidx, identityBidx].filter((v): v is string => v !== null);
  const { username, purpose, requestId } = creation.reading;
  const at = new Date().toISOString();
  const [row] = await runCompiled(
    trx,
    `createdPersonRead:${actor.role}:${documentBidx === null ? '-' : 'd'}${identityBidx === null ? '-' : 'i'}`,
    [
      actor.institutionId,
      actor.userId,
      id,
      at,
      username,
      purpose,
      requestId,
      creation.given,
      creation.overridden,
      creation.confirmed,
      ...given,
    ],
    ([
      institutionId,
      userId,
      personId,
      when,
      name,
      why,
      request,
      plain,
      overridden,
      confirmed,
      ...values
    ]) => {
      const slots = values.slice();
      const who = queryActor(actor.role, institutionId, userId);
      return createdReadQuery(
        trx,
        who,
        personId,
        {
          documentBidx: documentBidx === null ? null : slots.shift()!,
          identityBidx: identityBidx === null ? null : slots.shift()!,
        },
        auditReaderOf(who, name, why, request),
        when,
        { given: plain, overridden, confirmed },
      );
    },
    () =>
      createdReadQuery(
        trx,
        actor,
        id,
        indexes,
        auditReaderOf(actor, username, purpose, requestId),
        at,
        creation,
      ),
  );
  if (!row) return undefined;
  const { duplicate: _duplicate, refused: _refused, ...page } = row;
  return pageOf(page);
}

function createdReadQuery(
  trx: Trx,
  actor: Actor,
  id: string,
  indexes: DuplicateIndexes,
  reader: AuditReader,
  at: string,
  creation: Pick<CreationAudit, 'given' | 'overridden' | 'confirmed'>,
) {
  const none = indexes.documentBidx === null && indexes.identityBidx === null;
  const create = auditedRead(0, 'person.create', 'person', sql.ref('page.id'));
  const changed = sql`case when ${sql.ref('page.duplicate')} then cast(${creation.overridden} as jsonb) else cast(${creation.given} as jsonb) end`;
  // Run on its plan made without the values (GENERIC_PLAN: a look-up by key, the duplicate check by
  // two indexes): left to choose, PostgreSQL planned it again at most executions (100,000 cases: 492
  // plans for 829 creations, 16–26 ms each under load; bench/README.md "Create person at 50
  // connections").
  return trx
    .with('page', () =>
      personPageSelect(trx, actor, id).select((eb) =>
        none
          ? sql<boolean>`false`.as('duplicate')
          : eb.exists(duplicatesQuery(trx, actor, indexes, id).select('persons.id')).as('duplicate'),
      ),
    )
    .with('audited', () => auditReadsFrom('page', reader, at, create, changed))
    .selectFrom('page')
    .selectAll()
    .select(
      sql<boolean>`case when ${sql.ref('page.duplicate')} and not cast(${creation.confirmed} as boolean) then nanduti_refuse('possible_duplicates') end`.as(
        'refused',
      ),
    )
    .modifyEnd(GENERIC_PLAN)
    .modifyEnd(PREPARED)
    .modifyEnd(LAST_STATEMENT);
}

function createdPageQuery(trx: Trx, actor: Actor, id: string, indexes: DuplicateIndexes) {
  return personPageQuery(trx, actor, id).select((eb) =>
    eb.exists(duplicatesQuery(trx, actor, indexes, id).select('persons.id')).as('duplicate'),
  );
}

/** True once the person's identifying data was erased (docs/PRIVACY.md). */
export async function personErased(trx: Trx, id: string): Promise<boolean> {
  return exists(trx.selectFrom('persons').where('id', '=', id).where('erased_at', 'is not', null));
}

/** Of `ids`, the persons the actor may see, as lists show them. */
export async function visiblePersonSummaries(
  trx: Trx,
  actor: Actor,
  ids: readonly string[],
): Promise<PersonSummaryRow[]> {
  if (ids.length === 0) return [];
  return scopedPersons(actor, summaryQuery(trx)).where('persons.id', 'in', ids).execute();
}

/**
 * How common a name must be for the search to walk the persons newest first rather than ask the name
 * index: its estimated matches at least `WALK_BOUND` × √(page × persons). The walk reads about
 * page × persons ÷ matches rows, the index every match (each checked against the scope, then
 * sorted), so they cost alike near √(page × persons) times a constant, measured at 10,000 cases
 * (≈ 0.55: "gonzales" walked 335 buffers for 1,489 matches, the index ~5.6 per match); a little
 * above it, so a name near the bound takes the index, whose cost is bounded by its matches
 * (bench/README.md, "The name search on two plans").
 */
export const WALK_BOUND = 0.75;

/** How long the name tokens' frequencies are kept before they are read again. */
const FREQUENCIES_KEPT_MS = 5 * 60_000;

interface NameFrequencies {
  /** The persons' estimated count (`pg_class.reltuples`). */
  persons: number;
  /** Share of the persons holding each of the most common tokens. */
  share: Map<string, number>;
  until: number;
}
let kept: NameFrequencies | null = null;

/** Forgets the kept frequencies (after an ANALYZE the caller wants seen at once: the tests). */
export function forgetNameFrequencies(): void {
  kept = null;
}

/**
 * The planner's own statistics of `persons.name_tokens` (`pg_stats.most_common_elems`, what
 * PostgreSQL estimates `@>` from, kept by ANALYZE on both engines), read at most every few minutes.
 * Blind indexes only: nothing a reader of the persons table does not already see.
 */
async function nameFrequencies(trx: Trx): Promise<NameFrequencies> {
  if (kept && kept.until > Date.now()) return kept;
  const { rows } = await sql<{ persons: number; elems: string[] | null; freqs: number[] | null }>`
    select greatest(c.reltuples, 0)::float8 as persons,
           s.most_common_elems::text::text[] as elems,
           s.most_common_elem_freqs::float8[] as freqs
      from pg_class c
      left join pg_stats s
        on s.schemaname = current_schema() and s.tablename = 'persons' and s.attname = 'name_tokens'
     where c.oid = 'persons'::regclass`.execute(trx);
  const row = rows[0];
  const share = new Map<string, number>();
  (row?.elems ?? []).forEach((token, i) => share.set(token, Number(row!.freqs![i])));
  kept = { persons: Number(row?.persons ?? 0), share, until: Date.now() + FREQUENCIES_KEPT_MS };
  return kept;
}

/** How a search finds its page: walking the persons newest first, or through the name index. */
export type SearchShape = 'walk' | 'index';

/**
 * The shape for a name of `tokens`: `walk` when it is common (its tokens' shares multiplied, as the
 * planner multiplies them, times the persons, at least WALK_BOUND × √(limit × persons)); `index` for
 * a token not among the most common ones, or before any statistics exist (the index reads at most
 * the name's matches).
 */
export async function searchShapeFor(
  trx: Trx,
  tokens: readonly string[],
  limit: number,
): Promise<SearchShape> {
  const { persons, share } = await nameFrequencies(trx);
  let matches = persons;
  for (const token of tokens) matches *= share.get(token) ?? 0;
  return matches > 0 && matches >= WALK_BOUND * Math.sqrt(limit * persons) ? 'walk' : 'index';
}

/**
 * Visible persons whose name tokens contain every one of `tokens` (blind indexes), most recently
 * updated first. `@>` on the GIN-indexed text[] column: no plaintext is read to filter. The scope is
 * checked row by row (scope.ts, `rowByRow`). Two shapes, each with one good plan whatever the values,
 * so the search runs on its plan made without them (`GENERIC_PLAN`, planned once per connection),
 * where a plan made for each name cost as much as running it: `walk` walks the persons newest first
 * (persons_recent_idx; the containment written so that the name index cannot serve it) and stops
 * after a page — a common name; `index` finds every match through the name index and sorts them
 * (on an expression, so the walk cannot serve it) — a rare name. The rows are the same either way.
 * No shape: the one statement planned for its values (bench/load/name-search.ts, search-plan.ts
 * compare with it). `check` is for name-search.ts, which compares the forms.
 */
export function personSearchQuery(
  trx: Trx,
  actor: Actor,
  tokens: readonly string[],
  limit: number,
  shape?: SearchShape,
  check: ScopeCheck = { rowByRow: true },
) {
  const wanted = sql<string[]>`array[${sql.join(tokens)}]::text[]`;
  const query = scopedPersons(actor, summaryQuery(trx), check).limit(limit);
  if (shape === 'walk')
    return query
      .where(sql`persons.name_tokens || '{}'::text[]`, '@>', wanted)
      .orderBy('persons.updated_at', 'desc')
      .orderBy('persons.id');
  return query
    .where('persons.name_tokens', '@>', wanted)
    .orderBy(shape === 'index' ? sql`persons.updated_at + interval '0 s'` : sql`persons.updated_at`, 'desc')
    .orderBy('persons.id');
}

/**
 * The search's page (personSearchQuery) in one statement with its audit rows: a data-modifying CTE
 * inserts a `person.search` row per person shown, in the page's order, or one row without a record
 * when nobody was found — the rows `auditShown` wrote in an INSERT of their own (20 rows, 240
 * values: 7–17 ms of the embedded engine per search, bench/README.md). Compiled once per role and
 * number of tokens and shape (searchShapeFor), prepared and run on its plan made without the values
 * on both engines (personSearchQuery). No token: no statement (the caller audits the empty page).
 */
export async function readPersonSearch(
  trx: Trx,
  actor: Actor,
  tokens: readonly string[],
  limit: number,
  audit: ReadAudit,
): Promise<PersonSummaryRow[]> {
  const at = new Date().toISOString();
  const { username, purpose, requestId } = audit;
  const shape = await searchShapeFor(trx, tokens, limit);
  return runCompiled(
    trx,
    `personSearchRead:${actor.role}:${tokens.length}:${shape}`,
    [actor.institutionId, actor.userId, limit, at, username, purpose, requestId, ...tokens],
    ([institutionId, userId, pageSize, when, name, why, request, ...words]) => {
      const who = queryActor(actor.role, institutionId, userId);
      return personSearchReadQuery(
        trx,
        who,
        words,
        pageSize,
        shape,
        auditReaderOf(who, name, why, request),
        when,
      );
    },
    () =>
      personSearchReadQuery(
        trx,
        actor,
        tokens,
        limit,
        shape,
        auditReaderOf(actor, username, purpose, requestId),
        at,
      ),
  );
}

function personSearchReadQuery(
  trx: Trx,
  actor: Actor,
  tokens: readonly string[],
  limit: number,
  shape: SearchShape,
  reader: AuditReader,
  at: string,
) {
  // The page's ids in its order, as one JSON array; `[{}]` when empty: one row, no record.
  const shown = sql<{
    ids: unknown;
  }>`(select json_agg(json_build_object('id', found.id) order by found.updated_at desc, found.id) as ids from found)`;
  const reads = auditedReadsOf(0, 'person.search', 'person', sql`coalesce(shown.ids, '[{}]'::json)`, 'id');
  return trx
    .with('found', () => personSearchQuery(trx, actor, tokens, limit, shape).select('persons.updated_at'))
    .with('shown', () => shown)
    .with('audited', () => auditReadsFrom('shown', reader, at, reads))
    .selectFrom('found')
    .select(['id', 'given_names', 'first_surname', 'second_surname', 'sex', 'birth_year', 'institution_code'])
    .orderBy('found.updated_at', 'desc')
    .orderBy('found.id')
    .modifyEnd(GENERIC_PLAN)
    .modifyEnd(PREPARED);
}

export interface DuplicateRow extends PersonSummaryRow {
  document_bidx: string | null;
  identity_bidx: string | null;
}

/** Visible persons (but `excludeId`) with the same document index or identity index; one given. */
function duplicatesQuery(trx: Trx, actor: Actor, indexes: DuplicateIndexes, excludeId?: string) {
  const { documentBidx, identityBidx } = indexes;
  const query = scopedPersons(actor, trx.selectFrom('persons')).where((eb) =>
    eb.or([
      ...(documentBidx === null ? [] : [eb('persons.document_bidx', '=', documentBidx)]),
      ...(identityBidx === null ? [] : [eb('persons.identity_bidx', '=', identityBidx)]),
    ]),
  );
  return excludeId ? query.where('persons.id', '!=', excludeId) : query;
}

/** Visible persons with the same document index or the same identity index (names and birth date). */
export async function findVisibleDuplicates(
  trx: Trx,
  actor: Actor,
  indexes: DuplicateIndexes,
  options: { excludeId?: string; limit?: number } = {},
): Promise<DuplicateRow[]> {
  if (indexes.documentBidx === null && indexes.identityBidx === null) return [];
  return duplicatesQuery(trx, actor, indexes, options.excludeId)
    .innerJoin('institutions', 'institutions.id', 'persons.owner_institution_id')
    .select(summaryColumns)
    .select(['persons.document_bidx', 'persons.identity_bidx'])
    .orderBy('persons.updated_at', 'desc')
    .limit(options.limit ?? 20)
    .execute();
}

/**
 * Writes a new person row (its id chosen by the caller). Nobody reads its result: on PostgreSQL the
 * INSERT is held and sent with the transaction's next statement, in the same round trip (DEFERRED,
 * pg-prepared.ts), and an error of its surfaces there. Compiled once per set of columns given.
 */
export async function insertPerson(
  trx: Trx,
  values: PersonColumns & { id: string; owner_institution_id: string; created_by: string },
): Promise<void> {
  // A column left undefined is not written (its default applies): it changes the statement's text.
  const columns = (Object.keys(values) as (keyof typeof values)[]).filter((c) => values[c] !== undefined);
  const insertOf = (row: Partial<typeof values>) =>
    trx
      .insertInto('persons')
      .values(row as typeof values)
      .modifyEnd(DEFERRED);
  await runCompiled(
    trx,
    `insertPerson:${columns.join(',')}`,
    columns.map((c) => values[c]),
    (slots) => insertOf(Object.fromEntries(columns.map((c, i) => [c, slots[i]]))),
    () => insertOf(values),
  );
}

export async function updatePersonRow(
  trx: Trx,
  id: string,
  values: PersonColumns & { version?: number; field_versions?: string },
): Promise<void> {
  await trx
    .updateTable('persons')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

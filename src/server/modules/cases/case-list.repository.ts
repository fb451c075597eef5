/**
 * The case list. Visible cases are read as two arms, each starting from scopedCases: the cases the
 * actor's institution owns (driven by cases_owner_list_idx, index-only for the usual filters) and
 * the cases shared with it (driven by case_shares_inst_idx). Asking the planner for "owned OR
 * shared" in one condition makes it test every case of the country; with a million cases the arms
 * keep both the total and a page proportional to what the institution can see.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { ListCasesQuery } from '../../../shared/api-identification.js';
import { queryActor, type Actor } from '../../access/actor.js';
import { runCompiled } from '../../db/compiled-once.js';
import { GENERIC_PLAN, LAST_READ, PREPARED } from '../../db/pg-prepared.js';
import { CASE_ROLES } from '../../access/policies.js';
import { casesSharedWith, scopedCases } from '../../access/scope.js';
import type { Trx } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

/**
 * The list's filters, and the search box's match (searchCases): a reference prefix or one of the
 * persons found by name (already limited to the persons the actor may see).
 */
export type ListFilter = z.output<typeof ListCasesQuery> & {
  match?: { reference: string; personIds: readonly string[] };
};
type CasesQuery = SelectQueryBuilder<DB, 'cases', object>;

const SUMMARY_COLUMNS = [
  'cases.id',
  'cases.reference',
  'cases.detection_method',
  'cases.detected_on',
  'cases.detection_department',
  'cases.status',
  'cases.owner_institution_id',
] as const;

/** A count as the database driver hands it (a bigint: text on PostgreSQL); `Number()` reads it. */
export type CountValue = number | string | bigint | null;

export interface CaseListRow {
  id: string;
  reference: string;
  detection_method: string;
  detected_on: string;
  detection_department: string | null;
  status: string;
  owner_institution_id: string;
  owner_institution_code: string;
}

/** "Has (or, with `wanted` false, has no) trafficking event that happened online." */
function hasOnlineEvent(wanted: boolean) {
  return (eb: ExpressionBuilder<DB, 'cases'>) => {
    const exists = eb.exists(
      eb
        .selectFrom('trafficking_events')
        .select('trafficking_events.id')
        .whereRef('trafficking_events.case_id', '=', 'cases.id')
        .where('trafficking_events.online', '=', true),
    );
    return wanted ? exists : eb.not(exists);
  };
}

/** A LIKE pattern for references starting with `text` (upper-cased, wildcards escaped). */
function referencePrefix(text: string): string {
  return `${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function applyFilter(query: CasesQuery, filter: ListFilter): CasesQuery {
  let q = query;
  if (filter.status) q = q.where('cases.status', '=', filter.status);
  if (filter.detectionMethod) q = q.where('cases.detection_method', '=', filter.detectionMethod);
  if (filter.department) q = q.where('cases.detection_department', '=', filter.department);
  if (filter.from) q = q.where('cases.detected_on', '>=', filter.from);
  if (filter.to) q = q.where('cases.detected_on', '<=', filter.to);
  if (filter.reference) {
    q = q.where('cases.reference', 'like', referencePrefix(filter.reference));
  }
  const { match } = filter;
  if (match) {
    q = q.where((eb) =>
      eb.or([
        eb('cases.reference', 'like', referencePrefix(match.reference)),
        ...(match.personIds.length === 0
          ? []
          : [
              eb(
                'cases.id',
                'in',
                eb
                  .selectFrom('case_persons')
                  .select('case_persons.case_id')
                  .where('case_persons.person_id', 'in', [...match.personIds]),
              ),
            ]),
      ]),
    );
  }
  const { assessment } = filter;
  if (assessment) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('screenings')
          .select('screenings.id')
          .whereRef('screenings.case_id', '=', 'cases.id')
          .where('screenings.assessment', '=', assessment),
      ),
    );
  }
  if (filter.ict) q = q.where(hasOnlineEvent(filter.ict === 'true'));
  return q;
}

/** The two disjoint arms of "visible to the actor", both already narrowed by scopedCases. */
function arms(trx: Trx, actor: Actor, filter: ListFilter): CasesQuery[] {
  const owned = scopedCases(actor, trx.selectFrom('cases')).where(
    'cases.owner_institution_id',
    '=',
    actor.institutionId,
  );
  // The shared arm starts from the institution's shares: `= any(array(…))` runs them first (an
  // InitPlan) and reads those cases by key, whatever the plan. As `in (…)`, the plan made without the
  // values (a prepared statement's, which the embedded engine keeps) walked every case of the country
  // newest first looking for shared ones: 757 ms against 1 ms at 10,000 cases (bench/README.md).
  const shared = scopedCases(actor, trx.selectFrom('cases'))
    .where('cases.owner_institution_id', '<>', actor.institutionId)
    .where('cases.id', '=', (eb) => eb.fn<string>('any', [sql`array(${casesSharedWith(actor)(eb)})`]));
  return [applyFilter(owned, filter), applyFilter(shared, filter)];
}

/** Whether `filter` narrows the list (anything but paging). */
function narrowed(filter: ListFilter): boolean {
  const { offset: _offset, limit: _limit, ...conditions } = filter;
  return Object.values(conditions).some((value) => value !== undefined);
}

/**
 * The owned arm's total without a filter: every case the institution owns is visible to a case
 * role (caseVisible), and `case_counts` holds their number, kept by triggers
 * (migration 2026-12-05T18-10-00_case_counts).
 */
function ownedCount(trx: Trx, actor: Actor) {
  if (!CASE_ROLES.includes(actor.role)) return sql<number>`0`;
  const n = trx.selectFrom('case_counts').select('n').where('institution_id', '=', actor.institutionId);
  return sql<number>`coalesce((${n}), 0)`;
}

/** The number of visible cases matching `filter`, as an expression (one scalar subquery per arm). */
function totalOf(trx: Trx, actor: Actor, filter: ListFilter, owned: CasesQuery, shared: CasesQuery) {
  const count = (arm: CasesQuery) => arm.select((eb) => eb.fn.countAll<number>().as('n'));
  const ownedTotal = narrowed(filter) ? sql<number>`(${count(owned)})` : ownedCount(trx, actor);
  return sql<number>`${ownedTotal} + (${count(shared)})`;
}

/**
 * The visible cases matching `filter`, newest detection first, each with its number of persons,
 * and how many there are — in one statement (the totals and the persons' counts are subqueries of
 * the page's query; a page past the end asks for the total alone).
 */
export async function listVisibleCases(trx: Trx, actor: Actor, filter: ListFilter) {
  // Each arm contributes at most offset + limit rows in order (a backward index scan that stops).
  const window = filter.offset + filter.limit;
  // The list as it opens (no filter, any page) is compiled once per role (compiled-once.ts) and
  // prepared: its plan made without the values (PostgreSQL keeps it after five runs) starts from the
  // institution's owner index and its live shares (case_shares_active_idx), as the plan made for
  // them does, and planning was most of the statement's time in the database (bench/README.md). A
  // filtered list is built and planned each time: its filters are what the plan must see.
  const rows = narrowed(filter)
    ? await pageQuery(trx, actor, filter, window).modifyEnd(LAST_READ).execute()
    : await runCompiled(
        trx,
        `caseList:${actor.role}`,
        [actor.institutionId, actor.userId, window, filter.limit, filter.offset],
        ([institutionId, userId, w, limit, offset]) =>
          opening(
            pageQuery(trx, queryActor(actor.role, institutionId, userId), { ...filter, limit, offset }, w),
          ),
        () => opening(pageQuery(trx, actor, filter, window)),
      );
  // The rows as they come (each also carries the total and its persons' count as the driver gives
  // a bigint): copying each into a new object without `total` (`{ total, ...row }`) cost ~0.3 ms
  // per page of 50 under load, more than presenting and serialising it (bench/README.md).
  const items: ReadonlyArray<CaseListRow & { person_count: CountValue }> = rows;
  const n = rows[0] ? rows[0].total : await totalAlone(trx, actor, filter);
  return { items, total: Number(n) };
}

/** The total of a page past the end (it has no row to carry it). */
async function totalAlone(trx: Trx, actor: Actor, filter: ListFilter) {
  const [owned, shared] = arms(trx, actor, filter) as [CasesQuery, CasesQuery];
  const total = totalOf(trx, actor, filter, owned, shared);
  return (await trx.selectNoFrom(total.as('total')).executeTakeFirstOrThrow()).total;
}

/** The page of the visible cases matching `filter` (`window` = offset + limit), with the total. */
function pageQuery(trx: Trx, actor: Actor, filter: ListFilter, window: number) {
  const [owned, shared] = arms(trx, actor, filter) as [CasesQuery, CasesQuery];
  const total = totalOf(trx, actor, filter, owned, shared);
  const page = (arm: CasesQuery) =>
    arm
      .select(SUMMARY_COLUMNS)
      .orderBy('cases.detected_on', 'desc')
      .orderBy('cases.reference', 'desc')
      .limit(window);
  const visible = sql<
    Omit<CaseListRow, 'owner_institution_code'>
  >`((${page(owned)}) union all (${page(shared)}))`.as('v');
  return trx
    .selectFrom(visible)
    .innerJoin('institutions', 'institutions.id', 'v.owner_institution_id')
    .selectAll('v')
    .select('institutions.code as owner_institution_code')
    .select((eb) =>
      eb
        .selectFrom('case_persons')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('case_persons.case_id', '=', 'v.id')
        .as('person_count'),
    )
    .select(total.as('total'))
    .orderBy('v.detected_on', 'desc')
    .orderBy('v.reference', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
}

/**
 * The unfiltered list's marks: prepared, always on its plan made without the values (at 100,000
 * cases PostgreSQL's own choice kept planning it each time, and planning cost more than running
 * it), and the last read of its read-only transaction (which reads nothing after it but the total of
 * a page past the end), so its COMMIT rides with it on PostgreSQL, one round trip fewer
 * (pg-prepared.ts).
 */
function opening(query: ReturnType<typeof pageQuery>) {
  return query.modifyEnd(GENERIC_PLAN).modifyEnd(PREPARED).modifyEnd(LAST_READ);
}

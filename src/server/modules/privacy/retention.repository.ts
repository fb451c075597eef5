/**
 * Retention in SQL: each record's category, when its retention started and ended, and whether it is
 * on legal hold (a manual hold, or automatically: a case linked to an investigation not finally
 * decided). docs/PRIVACY.md, "Retention" and "Legal hold", says the same in words.
 */
import { sql } from 'kysely';
import type { Trx } from '../../db/database.js';
import { IDENTIFIED_STATUSES } from '../../statistics-engine/refresh.js';
import type { RecordCategory } from '../../../shared/api-privacy.js';

const IDENTIFIED = sql.raw(`('${IDENTIFIED_STATUSES.join("','")}')`);

/** A case, as retention sees it. */
export interface CaseRetentionRow {
  id: string;
  reference: string;
  institution_code: string;
  status: string;
  closed_at: Date | null;
  erased_at: Date | null;
  category: RecordCategory;
  due_on: string | null;
  due: boolean;
  manual_holds: Array<{ id: string; reason: string }>;
  investigation_hold: boolean;
}

/**
 * A case is linked to an investigation "not finally decided" when the investigation has no suspect
 * yet, or one of its suspects has neither an outcome (conviction, acquittal, dismissal) nor ended
 * in an alternative exit.
 */
const OPEN_INVESTIGATION = sql<boolean>`exists (
  select 1 from investigation_cases ic where ic.case_id = c.id and (
    not exists (select 1 from investigation_suspects s where s.investigation_id = ic.investigation_id)
    or exists (select 1 from investigation_suspects s where s.investigation_id = ic.investigation_id
      and not exists (select 1 from suspect_outcomes o where o.suspect_id = s.id)
      and not exists (select 1 from procedural_stages ps where ps.suspect_id = s.id
        and ps.stage = 'salida_alternativa'))))`;

/** The retention facts of the cases `where` selects (alias `c`). */
function caseRetention(where: ReturnType<typeof sql>) {
  return sql<CaseRetentionRow>`with r as (
      select c.id, c.reference, i.code as institution_code, c.status, c.closed_at, c.erased_at,
        case when exists (select 1 from trafficking_decisions d where d.case_id = c.id and d.status in ${IDENTIFIED})
          then 'victim_case' else 'other_case' end as category,
        ${OPEN_INVESTIGATION} as investigation_hold,
        coalesce((select json_agg(json_build_object('id', h.id, 'reason', h.reason) order by h.placed_at)
          from legal_holds h where h.case_id = c.id and h.released_at is null), '[]'::json) as manual_holds
      from cases c join institutions i on i.id = c.owner_institution_id
      where ${where})
    select r.*, to_char((r.closed_at at time zone 'America/Asuncion')::date
        + make_interval(years => s.years), 'YYYY-MM-DD') as due_on,
      coalesce((r.closed_at at time zone 'America/Asuncion')::date + make_interval(years => s.years)
        <= (now() at time zone 'America/Asuncion')::date, false) as due
    from r join retention_schedule s on s.category = r.category
    order by r.closed_at nulls last, r.id`;
}

/** Retention facts of the given cases (locked for the erasure's transaction). */
export async function casesRetention(trx: Trx, ids: readonly string[]): Promise<CaseRetentionRow[]> {
  if (ids.length === 0) return [];
  await sql`select id from cases where id in (${sql.join(ids)}) for update`.execute(trx);
  const result = await caseRetention(sql`c.id in (${sql.join(ids)})`).execute(trx);
  return result.rows;
}

/** Closed, not erased cases past their retention (on hold or not). */
export async function casesPastRetention(trx: Trx, limit: number): Promise<CaseRetentionRow[]> {
  const result = await sql<CaseRetentionRow>`select * from (${caseRetention(
    sql`c.closed_at is not null and c.erased_at is null`,
  )}) x where x.due limit ${limit}`.execute(trx);
  return result.rows;
}

export interface ContactRetentionRow {
  id: string;
  institution_code: string;
  received_on: string;
  erased_at: Date | null;
  case_id: string | null;
  due_on: string;
  due: boolean;
}

function contactRetention(where: ReturnType<typeof sql>) {
  return sql<ContactRetentionRow>`select h.id, i.code as institution_code,
      to_char(h.received_on, 'YYYY-MM-DD') as received_on, h.erased_at, h.case_id,
      to_char(h.received_on + make_interval(years => s.years), 'YYYY-MM-DD') as due_on,
      h.received_on + make_interval(years => s.years) <= (now() at time zone 'America/Asuncion')::date as due
    from hotline_contacts h join institutions i on i.id = h.institution_id
    join retention_schedule s on s.category = 'hotline_contact'
    where ${where} order by h.received_on, h.id`;
}

/** Hotline contacts that opened no case (those that did are erased with their case). */
export async function contactsRetention(trx: Trx, ids: readonly string[]): Promise<ContactRetentionRow[]> {
  if (ids.length === 0) return [];
  await sql`select id from hotline_contacts where id in (${sql.join(ids)}) for update`.execute(trx);
  return (await contactRetention(sql`h.id in (${sql.join(ids)})`).execute(trx)).rows;
}

export async function contactsPastRetention(trx: Trx, limit: number): Promise<ContactRetentionRow[]> {
  const result = await sql<ContactRetentionRow>`select * from (${contactRetention(
    sql`h.erased_at is null and h.case_id is null`,
  )}) x where x.due limit ${limit}`.execute(trx);
  return result.rows;
}

/** A contact's short code in lists (never its content). */
export function contactReference(id: string): string {
  return `LIN-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

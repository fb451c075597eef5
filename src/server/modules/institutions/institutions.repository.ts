/** Institutions and their units: the catalogue rows. */
import type { InstitutionView } from '../../../shared/api.js';
import type { Trx } from '../../db/database.js';
import { sql, type Insertable } from 'kysely';
import type { InstitutionTable, UnitTable } from '../../db/schema.js';
import { exists } from '../../db/exists.js';

/** The code and name of the joined `institutions` row, as the rows that name their institution carry them. */
export const INSTITUTION_CODE_AND_NAME = [
  'institutions.code as institution_code',
  'institutions.name as institution_name',
] as const;

/** Every institution with its units, by code. */
export async function listInstitutions(trx: Trx): Promise<InstitutionView[]> {
  const institutions = await trx
    .selectFrom('institutions')
    .select(['id', 'code', 'name', 'kind', 'authorities'])
    .orderBy('code')
    .execute();
  const units = await trx
    .selectFrom('units')
    .select(['id', 'institution_id', 'code', 'name', 'department'])
    .orderBy('code')
    .execute();
  return institutions.map((i) => ({
    ...i,
    units: units
      .filter((u) => u.institution_id === i.id)
      .map((u) => ({ id: u.id, code: u.code, name: u.name, department: u.department })),
  }));
}

/** The id of the institution with this id or code, if there is one. */
export async function findInstitution(trx: Trx, by: { id: string } | { code: string }) {
  const query = trx.selectFrom('institutions').select('id');
  const row = await (
    'id' in by ? query.where('id', '=', by.id) : query.where('code', '=', by.code)
  ).executeTakeFirst();
  return row?.id ?? null;
}

/** The code or the kind of institution `id` (which must exist). */
export async function institutionColumn(trx: Trx, id: string, column: 'code' | 'kind'): Promise<string> {
  const row = await trx
    .selectFrom('institutions')
    .select(column)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row[column];
}

/**
 * Whether institution `id` holds a legal role (`institutions.authorities`, docs/LEGAL-PROVISIONS.md),
 * e.g. `child_best_interest_exception`.
 */
export async function institutionHolds(trx: Trx, id: string, authority: string): Promise<boolean> {
  const row = await trx
    .selectFrom('institutions')
    .select('id')
    .where('id', '=', id)
    .where(sql<boolean>`${authority} = any(authorities)`)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertInstitution(trx: Trx, values: Insertable<InstitutionTable>) {
  return trx
    .insertInto('institutions')
    .values(values)
    .returning(['id', 'code', 'name', 'kind', 'authorities'])
    .executeTakeFirstOrThrow();
}

/** Institutions by id (code and name), for the names shown next to rows that refer to them. */
export async function institutionRefs(
  trx: Trx,
  ids: readonly string[],
): Promise<Map<string, { id: string; code: string; name: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await trx
    .selectFrom('institutions')
    .select(['id', 'code', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function unitCodeTaken(trx: Trx, institutionId: string, code: string): Promise<boolean> {
  return exists(trx.selectFrom('units').where('institution_id', '=', institutionId).where('code', '=', code));
}

export function insertUnit(trx: Trx, values: Insertable<UnitTable>) {
  return trx
    .insertInto('units')
    .values(values)
    .returning(['id', 'code', 'name', 'department'])
    .executeTakeFirstOrThrow();
}

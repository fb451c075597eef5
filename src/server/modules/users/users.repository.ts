/** Reading and writing user rows. Lists start from the access scope (scopedUsers). */
import type { Actor } from '../../access/actor.js';
import { scopedUsers } from '../../access/scope.js';
import type { Trx } from '../../db/database.js';
import type { NewUser, UserUpdate } from '../../db/schema.js';
import { exists } from '../../db/exists.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

export const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.email',
  'users.role',
  'users.status',
  'users.unit_id',
  'users.totp_enabled',
  'users.locked_until',
  'users.created_at',
  'users.institution_id',
  ...INSTITUTION_CODE_AND_NAME,
] as const;

function baseQuery(trx: Trx) {
  return trx
    .selectFrom('users')
    .innerJoin('institutions', 'institutions.id', 'users.institution_id')
    .select(userColumns);
}

export type UserListRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export async function findUser(trx: Trx, id: string): Promise<UserListRow | undefined> {
  return baseQuery(trx).where('users.id', '=', id).executeTakeFirst();
}

export interface UserFilter {
  institutionId?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listVisibleUsers(trx: Trx, actor: Actor, filter: UserFilter) {
  let query = scopedUsers(actor, baseQuery(trx));
  if (filter.institutionId) query = query.where('users.institution_id', '=', filter.institutionId);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('users.username_key', 'like', pattern),
        eb(eb.fn('lower', ['users.display_name']), 'like', pattern),
      ]),
    );
  }
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const items = await query.orderBy('users.username_key').limit(filter.limit).offset(filter.offset).execute();
  return { items, total: Number(total) };
}

export async function insertUser(trx: Trx, values: NewUser): Promise<string> {
  const row = await trx.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(trx: Trx, id: string, values: UserUpdate): Promise<void> {
  await trx
    .updateTable('users')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function usernameExists(trx: Trx, key: string): Promise<boolean> {
  return exists(trx.selectFrom('users').where('username_key', '=', key));
}

/** True once any account exists (the first start's set-up link is offered until then). */
export function hasUsers(trx: Trx): Promise<boolean> {
  return exists(trx.selectFrom('users'));
}

/** True when `userId` is an active user of `institutionId`. */
export function activeUserOf(trx: Trx, userId: string, institutionId: string): Promise<boolean> {
  return exists(
    trx
      .selectFrom('users')
      .where('id', '=', userId)
      .where('institution_id', '=', institutionId)
      .where('status', '=', 'active'),
  );
}

/** Administration of user accounts: create (with an activation link), update, reset password. */
import { z } from 'zod';
import { authorize } from '../../access/authorize.js';
import { auditOperation } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import type { CreateUserRequest, UpdateUserRequest } from '../../../shared/api.js';
import type { Role } from '../../../shared/roles.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { issueToken } from '../auth/tokens.js';
import { usernameKey } from '../auth/auth.service.js';
import { findUser, insertUser, updateUserRow, usernameExists } from './users.repository.js';
import { findInstitution } from '../institutions/institutions.repository.js';
import { unitBelongsTo } from '../cases/cases.repository.js';
import { auditFieldsOf } from '../../../shared/audit-fields/lists.js';

type CreateInput = z.output<typeof CreateUserRequest>;
type UpdateInput = z.output<typeof UpdateUserRequest>;

async function checkInstitutionAndUnit(trx: Trx, institutionId: string, unitId: string | null | undefined) {
  if (!(await findInstitution(trx, { id: institutionId }))) throw errors.badRequest('unknown_institution');
  if (unitId && !(await unitBelongsTo(trx, unitId, institutionId))) throw errors.badRequest('unknown_unit');
}

export async function createUser(ctx: Ctx, input: CreateInput, publicUrl: string) {
  authorize(ctx.actor, 'user.create', { institutionId: input.institutionId, role: input.role });
  await checkInstitutionAndUnit(ctx.trx, input.institutionId, input.unitId);
  const key = usernameKey(input.username);
  if (await usernameExists(ctx.trx, key)) throw errors.conflict('username_taken');
  const id = await insertUser(ctx.trx, {
    institution_id: input.institutionId,
    unit_id: input.unitId ?? null,
    username: input.username,
    username_key: key,
    display_name: input.displayName,
    email: input.email ?? null,
    role: input.role,
    status: 'pending',
    password_hash: null,
    totp_secret: null,
    totp_last_step: null,
    locked_until: null,
  });
  const { token } = await issueToken(ctx.trx, 'activation', id, ctx.actor.userId);
  await auditOperation(ctx, 'user.create', 'user', id, [
    'username',
    'displayName',
    'role',
    'institutionId',
    'unitId',
    ...(input.email ? (['email'] as const) : []),
  ]);
  return { id, activationLink: `${publicUrl}/activate#token=${token}` };
}

/**
 * The user `id` for `action`: a user of another institution than the actor may manage is "not
 * found" (its existence is not revealed); one of the actor's scope whose role the actor may not
 * manage is "forbidden". Both refusals are audited.
 */
async function loadUserFor(ctx: Ctx, id: string, action: 'user.update' | 'user.resetPassword') {
  const current = await findUser(ctx.trx, id);
  if (!current) throw errors.notFound({ audit: { action, resourceType: 'user', resourceId: id } });
  authorize(ctx.actor, action, { institutionId: current.institution_id }, { hide: true, resourceId: id });
  authorize(
    ctx.actor,
    action,
    { institutionId: current.institution_id, role: current.role as Role },
    { resourceId: id },
  );
  return current;
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateInput) {
  const current = await loadUserFor(ctx, id, 'user.update');
  // In scope but not allowed for the new role is "forbidden" too.
  if (input.role)
    authorize(
      ctx.actor,
      'user.update',
      { institutionId: current.institution_id, role: input.role },
      { resourceId: id },
    );
  if (id === ctx.actor.userId && (input.role !== undefined || input.status === 'disabled')) {
    throw errors.badRequest('cannot_change_self');
  }
  if (input.unitId) await checkInstitutionAndUnit(ctx.trx, current.institution_id, input.unitId);
  const changes = {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
    ...(input.status !== undefined && current.status !== 'pending' ? { status: input.status } : {}),
  };
  await updateUserRow(ctx.trx, id, changes);
  // A role change or a disabled account takes effect at once: end the user's sessions.
  if (input.role !== undefined || input.status === 'disabled') await deleteUserSessions(ctx.trx, id);
  await auditOperation(ctx, 'user.update', 'user', id, auditFieldsOf(input));
  return (await findUser(ctx.trx, id))!;
}

/** Issues a one-time reset link, ends the user's sessions; the old password stops working when it is used. */
export async function resetPassword(ctx: Ctx, id: string, publicUrl: string) {
  const current = await loadUserFor(ctx, id, 'user.resetPassword');
  const purpose = current.status === 'pending' ? 'activation' : 'password_reset';
  const { token, expiresAt } = await issueToken(ctx.trx, purpose, id, ctx.actor.userId);
  await deleteUserSessions(ctx.trx, id);
  await auditOperation(ctx, 'user.resetPassword', 'user', id);
  const path = purpose === 'activation' ? 'activate' : 'reset';
  return { resetLink: `${publicUrl}/${path}#token=${token}`, expiresAt: expiresAt.toISOString() };
}

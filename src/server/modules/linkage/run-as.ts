/**
 * The national batch started outside HTTP (`nanduti linkage run`, the end of `nanduti demo`): run
 * as a named user, or the first active system administrator, who must be allowed to start it over
 * HTTP (policies.ts `linkage.run`: a system administrator or an analyst of the Mesa). The same
 * service as `POST /api/linkage/runs` (`runLinkage`), in one transaction, audited the same way.
 */
import crypto from 'node:crypto';
import { can } from '../../access/policies.js';
import type { Actor } from '../../access/actor.js';
import type { Locale, Role } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { sessionUser } from '../session/session.repository.js';
import { runLinkage, type RunSummary } from './linkage.service.js';

export class RunAsError extends Error {}

/**
 * Runs the batch as `username` (an active user allowed to start it) or, without one, as the first
 * active system administrator; undefined when there is no such administrator.
 */
export async function runLinkageAs(
  db: Database,
  fieldCrypto: FieldCrypto,
  username?: string,
): Promise<RunSummary | undefined> {
  const user = await db.transaction(async (trx) => {
    let query = trx.selectFrom('users').select('id').where('status', '=', 'active');
    query =
      username === undefined
        ? query.where('role', '=', 'system_admin')
        : query.where('username', '=', username);
    const first = await query.orderBy('username').limit(1).executeTakeFirst();
    return first ? sessionUser(trx, first.id) : undefined;
  });
  if (!user) {
    if (username === undefined) return undefined;
    throw new RunAsError(`no active user ${JSON.stringify(username)}`);
  }
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    institutionId: user.institution_id,
    institutionCode: user.code,
    sessionId: '',
    locale: user.locale as Locale,
  };
  if (!can(actor, 'linkage.run'))
    throw new RunAsError(
      `${user.username} may not start the linkage batch (a system administrator or an analyst of the Mesa may)`,
    );
  return db.transaction((trx) =>
    runLinkage({ trx, actor, requestId: crypto.randomUUID(), purpose: 'administration' }, fieldCrypto),
  );
}

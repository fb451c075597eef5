/**
 * The national linkage batch at the end of `nanduti demo`: without one the intake look-up has no
 * model and shows only exact duplicates (docs/LINKAGE.md). Run as the demo's system administrator
 * (the role that may start it over HTTP), in one transaction, audited like a batch started over
 * HTTP (`runLinkage`).
 */
import crypto from 'node:crypto';
import type { Actor } from '../access/actor.js';
import type { Locale, Role } from '../../shared/roles.js';
import type { Database } from '../db/database.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { runLinkage, type RunSummary } from '../modules/linkage/linkage.service.js';
import { sessionUser } from '../modules/session/session.repository.js';

/** Runs the batch as the first active system administrator; undefined when there is none. */
export async function runDemoLinkage(
  db: Database,
  fieldCrypto: FieldCrypto,
): Promise<RunSummary | undefined> {
  const admin = await db.transaction(async (trx) => {
    const first = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'system_admin')
      .where('status', '=', 'active')
      .orderBy('username')
      .limit(1)
      .executeTakeFirst();
    return first ? sessionUser(trx, first.id) : undefined;
  });
  if (!admin) return undefined;
  const actor: Actor = {
    userId: admin.id,
    username: admin.username,
    displayName: admin.display_name,
    role: admin.role as Role,
    institutionId: admin.institution_id,
    institutionCode: admin.code,
    sessionId: '',
    locale: admin.locale as Locale,
  };
  return db.transaction((trx) =>
    runLinkage({ trx, actor, requestId: crypto.randomUUID(), purpose: 'administration' }, fieldCrypto),
  );
}

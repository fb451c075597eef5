/**
 * Break-glass in the access door (docs/PRIVACY.md): a user who opened a person or a case in an
 * emergency (`break_glass`, written reason, limited time) may READ it until the grant expires; no
 * write follows from it. `scope.ts` adds the grant to `caseVisible` and `personVisible`, so every
 * single read and list sees the same thing. After expiry the door answers 403 `break_glass_expired`
 * to that user instead of "not found" (they knew the record already), audited as the attempt.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Trx } from '../db/database.js';
import { AppError, type AuditHint } from '../core/errors.js';
import type { Actor } from './actor.js';

/** The condition "the actor holds an unexpired grant on `resourceType` whose id is `idColumn`". */
export function breakGlassGrant<T extends keyof DB>(
  actor: Actor,
  resourceType: 'person' | 'case',
  idColumn: `${T & string}.id`,
) {
  return (eb: ExpressionBuilder<DB, T>) =>
    eb.exists(
      (eb as unknown as ExpressionBuilder<DB, never>)
        .selectFrom('break_glass')
        .select('break_glass.id')
        .where('break_glass.user_id', '=', actor.userId)
        .where('break_glass.resource_type', '=', resourceType)
        .where('break_glass.resource_id', '=', sql.ref<string>(idColumn))
        .where('break_glass.expires_at', '>', sql<Date>`now()`),
    );
}

/**
 * Throws 403 `break_glass_expired` when the actor once held a grant on the record and it expired
 * (called where the door is about to answer "not found").
 */
export async function refuseExpiredGrant(trx: Trx, actor: Actor, resourceId: string, audit: AuditHint) {
  const expired = await trx
    .selectFrom('break_glass')
    .select('id')
    .where('user_id', '=', actor.userId)
    .where('resource_id', '=', resourceId)
    .where('expires_at', '<=', sql<Date>`now()`)
    .limit(1)
    .executeTakeFirst();
  if (expired) throw new AppError('break_glass_expired', 403, {}, { audit });
}

/** The actor's unexpired grants (id, end), latest end first: the page's banner names one of them. */
function liveGrants(actor: Actor, eb: ExpressionBuilder<DB, never>) {
  return eb
    .selectFrom('break_glass')
    .select(['break_glass.id', 'break_glass.expires_at'])
    .where('break_glass.user_id', '=', actor.userId)
    .where('break_glass.expires_at', '>', sql<Date>`now()`)
    .orderBy('break_glass.expires_at', 'desc')
    .limit(1);
}

/**
 * The actor's unexpired grant on case `cases.id`, for the page's banner (its end, to count down),
 * as a subquery of the case's load (case-access.ts; `jsonObjectFrom` it: null without one). A
 * record the actor sees in their own scope has no grant (opening one is refused).
 */
export function caseGrantOf(actor: Actor, eb: ExpressionBuilder<DB, 'cases'>) {
  return liveGrants(actor, eb as unknown as ExpressionBuilder<DB, never>)
    .where('break_glass.resource_type', '=', 'case')
    .where('break_glass.resource_id', '=', sql.ref<string>('cases.id'));
}

/**
 * The actor's unexpired grant on person `persons.id`, or on one of their cases, as a subquery of the
 * person's load (persons.repository.ts). A person is also open through a grant on one of their
 * cases (scope.ts: a person in a visible case is visible), so the person page names that grant
 * when the person has none of their own.
 */
export function personGrantOf(actor: Actor, eb: ExpressionBuilder<DB, 'persons'>) {
  return liveGrants(actor, eb as unknown as ExpressionBuilder<DB, never>).where((w) =>
    w.or([
      w.and([
        w('break_glass.resource_type', '=', 'person'),
        w('break_glass.resource_id', '=', sql.ref<string>('persons.id')),
      ]),
      w.and([
        w('break_glass.resource_type', '=', 'case'),
        w(
          'break_glass.resource_id',
          'in',
          w
            .selectFrom('case_persons')
            .select('case_persons.case_id')
            .where('case_persons.person_id', '=', sql.ref<string>('persons.id')),
        ),
      ]),
    ]),
  );
}

/** The authenticated user a request acts for, as every layer below the HTTP pipeline sees it. */
import type { Locale, Role } from '../../shared/roles.js';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string;
  institutionCode: string;
  sessionId: string;
  locale: Locale;
}

/**
 * The actor as a query compiled once per role sees it (db/compiled-once.ts): its role, and its
 * institution and user ids — placeholders when the query is compiled, the values when it runs.
 * Nothing else of the actor is there: a query that read another field would differ from the same
 * query built with the whole actor, and the comparison outside production fails.
 */
export function queryActor(role: Role, institutionId: string, userId: string): Actor {
  return { role, institutionId, userId } as Actor;
}

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
 * Reading any other field of it throws, in production as under test: a query whose SQL depended on
 * the actor's username, institution code or locale would otherwise be kept with the first caller's
 * (or no) value and serve it to every actor of the role.
 */
export function queryActor(role: Role, institutionId: string, userId: string): Actor {
  const actor = { role, institutionId, userId } as Actor;
  for (const field of ['username', 'displayName', 'institutionCode', 'sessionId', 'locale'] as const) {
    Object.defineProperty(actor, field, {
      get() {
        throw new Error(`a query compiled once read actor.${field}, which its shape does not name`);
      },
    });
  }
  return actor;
}

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

/**
 * What every service call receives: the transaction, who acts, the request's id and why the data is
 * accessed. The HTTP pipeline builds it once per request (a handler's `ctx` is one, with more), the
 * CLI and jobs build their own; services, repositories and the audit trail take it without knowing
 * where it came from.
 */
import type { Actor } from '../access/actor.js';
import type { Trx } from '../db/database.js';

export interface Ctx {
  trx: Trx;
  actor: Actor;
  requestId: string;
  /** Written to the audit trail with every access (a `Purpose` of src/shared/actions.ts). */
  purpose: string;
}

/**
 * The one place a request is checked against the policies. A refusal throws; the HTTP pipeline
 * writes the refused attempt to the audit trail after the request's transaction has rolled back.
 */
import { errors } from '../core/errors.js';
import type { Actor } from './actor.js';
import { resourceOfAction, type AuditResourceType } from '../../shared/actions.js';
import { can, type Action } from './policies.js';

interface AuthorizeOptions {
  /** Answer "not found" instead of "forbidden", so a record's existence is not revealed. */
  hide?: boolean;
  resourceType?: AuditResourceType;
  resourceId?: string;
}

export function authorize<A extends Action>(
  actor: Actor,
  action: A,
  resource?: Parameters<typeof can<A>>[2],
  options: AuthorizeOptions = {},
): void {
  if (can(actor, action, resource)) return;
  const audit = {
    action,
    resourceType: options.resourceType ?? resourceOfAction(action),
    resourceId: options.resourceId ?? null,
  };
  throw options.hide ? errors.notFound({ audit }) : errors.forbidden({ audit });
}

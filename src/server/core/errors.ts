/**
 * Errors with stable codes. Services throw these; one handler (http/app.ts) turns them into
 * `{ error: { code, message } }` with the message in the request's language (messages.ts). A code
 * is an `ErrorCode`: one with no message in the catalogue does not compile.
 */
import type { AuditAction, AuditResourceType } from '../../shared/actions.js';
import type { ErrorCode } from './messages.js';

export interface AuditHint {
  action: AuditAction;
  resourceType: AuditResourceType | null;
  resourceId: string | null;
}

export interface FieldIssue {
  path: string;
  message: string;
  /** For issues a client shows in its own language: a stable code, the field, the line, values. */
  code?: string;
  field?: string;
  line?: number;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly extra: { audit?: AuditHint; issues?: FieldIssue[] } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

type Params = Record<string, string | number>;

const PARAGUAY_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'America/Asuncion',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const errors = {
  validation: (issues: FieldIssue[]) => new AppError('validation_failed', 400, {}, { issues }),
  malformedJson: () => new AppError('malformed_json', 400),
  jsonTooDeep: (limit: number) => new AppError('json_too_deep', 400, { limit }),
  unsupportedMediaType: () => new AppError('unsupported_media_type', 415),
  payloadTooLarge: (limit: number) => new AppError('payload_too_large', 413, { limit }),
  unauthenticated: () => new AppError('unauthenticated', 401),
  invalidCredentials: () => new AppError('invalid_credentials', 401),
  invalidTotp: () => new AppError('invalid_totp', 401),
  /** Says how long the lock lasts and until when in Paraguay's time (never a raw UTC timestamp). */
  accountLocked: (until: Date) =>
    new AppError('account_locked', 423, {
      minutes: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000)),
      until: PARAGUAY_TIME.format(until),
    }),
  tooManyAttempts: (minutes: number) => new AppError('too_many_attempts', 429, { minutes }),
  csrf: () => new AppError('csrf_failed', 403),
  forbidden: (extra: { audit?: AuditHint } = {}) => new AppError('forbidden', 403, {}, extra),
  notFound: (extra: { audit?: AuditHint } = {}) => new AppError('not_found', 404, {}, extra),
  routeNotFound: () => new AppError('route_not_found', 404),
  conflict: (code: ErrorCode, params: Params = {}) => new AppError(code, 409, params),
  invalidToken: () => new AppError('invalid_token', 400),
  weakPassword: (reason: 'short' | 'long' | 'common' | 'username' | 'repetitive', params: Params = {}) =>
    new AppError(`weak_password_${reason}`, 400, params),
  badRequest: (code: ErrorCode, params: Params = {}) => new AppError(code, 400, params),
};

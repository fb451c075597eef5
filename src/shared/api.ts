/**
 * The API's request and response shapes, shared by the server (validation, OpenAPI) and the
 * web app (forms, client). Request objects are strict: unknown fields are refused.
 */
import { z } from 'zod';
import { LOCALES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from './roles.js';

const text = (max: number) => z.string().trim().min(1).max(max);
export const Uuid = z.string().uuid();
/**
 * A list query's page: `limit` rows (1 to 200, 50 unless asked) from `offset` (0 to `maxOffset`,
 * which each list sets). Spread into the list's query schema.
 */
export function pageQuery(maxOffset: number) {
  return {
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(maxOffset).default(0),
  };
}

/** A list of `min` to `max` items, none repeated (eligibility lists, languages, departments…). */
export const distinctList = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'issue.repeated');
export const RoleSchema = z.enum(ROLES);
export const LocaleSchema = z.enum(LOCALES);
export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'issue.usernameChars');
export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
export const TotpCode = z.string().regex(/^\d{6}$/, 'issue.sixDigits');

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          /** Where a client translates the issue itself (the directory import's rows). */
          code: z.string().optional(),
          field: z.string().optional(),
          line: z.number().int().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  }),
});

// ---- auth and session -------------------------------------------------------------------
export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  totp: TotpCode.optional(),
});

export const InstitutionRef = z.object({ id: Uuid, code: z.string(), name: z.string() });
export const SessionUser = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  institution: InstitutionRef,
  locale: LocaleSchema,
  totpEnabled: z.boolean(),
});
export const SessionView = z.object({
  user: SessionUser,
  /** Operations this user may perform, computed by the server; the UI only reads it. */
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;
/**
 * Login's answer: the session, or — when the password was right and the account has a second
 * factor — which one to ask for (no session is created until the code is given).
 */
export const LoginResult = z.union([SessionView, z.object({ secondFactor: z.literal('totp') })]);
export type LoginResult = z.infer<typeof LoginResult>;
/** The session probe's answer: signed in (with the session) or not — never a 401. */
export const SessionProbe = z.object({ signedIn: z.boolean(), session: SessionView.nullable() });

export const PreferencesRequest = z.strictObject({ locale: LocaleSchema });

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export const SetupRequest = z.strictObject({
  token: z.string().min(16).max(200),
  username: Username,
  displayName: text(120),
  password: Password,
});
export const TotpEnrolment = z.object({
  totpSecret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code to scan: an SVG image as a data: URL. */
  qrCode: z.string(),
});
export const SetupResponse = z.object({ userId: Uuid }).merge(TotpEnrolment);

export const SetPasswordRequest = z.strictObject({
  token: z.string().min(16).max(200),
  password: Password,
});
export const SetPasswordResponse = z.object({ totp: TotpEnrolment.nullable() });
export const TotpConfirmRequest = z.strictObject({ code: TotpCode });

// ---- institutions -----------------------------------------------------------------------
export const UnitView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  department: z.string().nullable(),
});
export const InstitutionView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  /** Legal roles for children and indigenous persons (INSTITUTION_AUTHORITIES; docs/LEGAL-PROVISIONS.md). */
  authorities: z.array(z.string()).default([]),
  units: z.array(UnitView),
});
export type InstitutionView = z.infer<typeof InstitutionView>;
export const InstitutionList = z.object({ items: z.array(InstitutionView) });
export const CreateInstitutionRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[A-Z0-9-]+$/, 'issue.codeChars'),
  name: text(200),
  kind: z.enum([
    'LawEnforcement',
    'CourtOrProsecution',
    'CentralGovernmentOrganisation',
    'LocalGovernmentOrganisation',
    'ImmigrationService',
    'HealthServiceOrganisation',
    'NGO',
    'InternationalOrganisation',
    'Coordination',
  ]),
});
export const CreateUnitRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(48)
    .regex(/^[A-Z0-9-]+$/, 'issue.codeChars'),
  name: text(200),
  department: z
    .string()
    .regex(/^PY-(ASU|\d{1,2})$/, 'issue.departmentCode')
    .nullable()
    .optional(),
});

// ---- users ------------------------------------------------------------------------------
export const UserView = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: RoleSchema,
  institution: InstitutionRef,
  unitId: Uuid.nullable(),
  status: z.enum(['active', 'disabled', 'pending']),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;
export const UserList = z.object({ items: z.array(UserView), total: z.number().int() });
export const ListUsersQuery = z.strictObject({
  institutionId: Uuid.optional(),
  q: z.string().trim().max(64).optional(),
  ...pageQuery(100_000),
});
export const CreateUserRequest = z.strictObject({
  username: Username,
  displayName: text(120),
  email: z.string().trim().email().max(200).nullable().optional(),
  role: RoleSchema,
  institutionId: Uuid,
  unitId: Uuid.nullable().optional(),
});
export const CreateUserResponse = z.object({ user: UserView, activationLink: z.string() });
export const UpdateUserRequest = z
  .strictObject({
    displayName: text(120).optional(),
    email: z.string().trim().email().max(200).nullable().optional(),
    role: RoleSchema.optional(),
    unitId: Uuid.nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'issue.nothingToChange');
export const PasswordResetResponse = z.object({ resetLink: z.string(), expiresAt: z.string() });

// ---- audit ------------------------------------------------------------------------------
export const AuditEventView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: Uuid.nullable(),
  actorUsername: z.string().nullable(),
  actorInstitutionCode: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  purpose: z.string().nullable(),
  requestId: z.string().nullable(),
  changedFields: z.array(z.string()),
});
export type AuditEventView = z.infer<typeof AuditEventView>;
export const ListAuditEventsQuery = z.strictObject({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  actorUserId: Uuid.optional(),
  action: z.string().max(64).optional(),
  resourceType: z.string().max(64).optional(),
  resourceId: z.string().max(64).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const AuditEventList = z.object({
  items: z.array(AuditEventView),
  nextBefore: z.number().int().nullable(),
});
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Size of the checkpoint the tree was checked against (null: none yet). */
  anchorSize: z.number().int().nullable().optional(),
});

export const AuditCheckpoint = z.object({
  /** Entries in the tree. */
  size: z.number().int(),
  /** Root hash of the tree, base64 (RFC 6962). */
  rootHash: z.string(),
  /** The checkpoint as a C2SP signed note (origin, size, root hash; the log's and witnesses' signatures). */
  note: z.string(),
  /** Witnesses (their URLs) whose cosignatures the note carries. */
  cosignedBy: z.array(z.string()),
});
export const AuditInclusionProofQuery = z.strictObject({
  seq: z.coerce.number().int().positive(),
  /** Tree size of the checkpoint to prove against (default: the newest checkpoint). */
  size: z.coerce.number().int().positive().optional(),
});
export const AuditInclusionProof = z.object({
  seq: z.number().int(),
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  /** base64 leaf hash: SHA-256(0x00 || the entry's canonical serialisation). */
  leafHash: z.string(),
  rootHash: z.string(),
  /** base64 hashes of the audit path, from the leaf up (RFC 9162 §2.1.3). */
  proof: z.array(z.string()),
  /** The signed checkpoint of `treeSize`. */
  checkpoint: z.string(),
});

// ---- health -----------------------------------------------------------------------------
export const Health = z.object({ status: z.literal('ok') });
export const Ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.object({ applied: z.number().int(), pending: z.number().int() }),
});

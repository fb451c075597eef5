/**
 * Configuration, read once from the environment. The variable names are a contract with operators
 * (README "Configuration"): keep them stable.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  /**
   * A streaming-replication hot standby of `databaseUrl` for analytics (statistics, reports, the
   * public dashboard); null sends everything to the primary.
   */
  readDatabaseUrl: string | null;
  /**
   * Name (prepare) each statement on PostgreSQL so the server skips its parse and planning
   * (NANDUTI_PG_PREPARED_STATEMENTS, `on` by default; `off` behind a pooler that cannot keep
   * prepared statements: PgBouncer before 1.21, or without `max_prepared_statements`).
   */
  pgPreparedStatements: boolean;
  /** Past this replay lag (seconds) analytics reads go back to the primary. */
  readMaxLagSeconds: number;
  dataDir: string;
  masterKey: string | null;
  /** Public base URL used in one-time links; defaults to http://HOST:PORT. */
  publicUrl: string;
  /**
   * Which peers may set X-Forwarded-For/-Proto (needed for the client address of the login throttle
   * and audit, Secure cookies and HSTS behind TLS): nothing (`false`), the proxies' addresses or CIDRs
   * (preferred), or a hop count — see {@link parseTrustProxy}.
   */
  trustProxy: TrustProxy;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  /** smtp://host:port (or smtps://, with user:password@ if the relay needs it); e-mail is off without it. */
  smtpUrl: string | null;
  /** Sender address of notification e-mails; e-mail is off without it. */
  mailFrom: string | null;
  /** A registered offline device with no contact for this many days is expired and wipes itself (docs/OFFLINE.md). */
  deviceExpiryDays: number;
  /** The audit log's checkpoint signing key (`PRIVATE+KEY+…`), from NANDUTI_AUDIT_KEY(_FILE); never in the database. */
  auditKey: string | null;
  /** The log's verifier key, for `nanduti audit verify` where the signing key is not present. */
  auditVerifierKey: string | null;
  /** Minutes between scheduled audit checkpoints. */
  auditCheckpointMinutes: number;
  /** Witnesses that cosign each checkpoint (base URLs of `nanduti witness serve`). */
  witnessUrls: string[];
  /** Witnesses' verifier keys: `audit verify` requires a cosignature by one of them when set. */
  witnessKeys: string[];
  /** k of the CTDC export's k-anonymity (NANDUTI_EXPORT_K, default 11 as CTDC; docs/STANDARDS.md). */
  exportK: number;
}

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** `false`: no proxy; a number: that many hops; a list: the addresses/CIDRs of trusted proxies. */
export type TrustProxy = false | number | string[];

const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * NANDUTI_TRUST_PROXY: empty/`false`/`0` trusts no proxy; a whole number trusts that many hops in
 * front of the server; `true` is one hop (the single proxy of docs/deploy); anything else is a
 * comma-separated list of addresses, CIDRs or the presets `loopback`, `linklocal`, `uniquelocal`.
 * A list is safer than a count: a peer that is not in it cannot set the client address at all.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  const list = listOf(v);
  for (const entry of list) {
    const [address, prefix, extra] = entry.split('/');
    const family = net.isIP(address ?? '');
    const bits = family === 6 ? 128 : 32;
    const okPrefix =
      prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits) || net.isIP(prefix) === 4;
    if (!(PROXY_PRESETS.has(entry) || (family && okPrefix && extra === undefined)))
      throw new Error(`NANDUTI_TRUST_PROXY: "${entry}" is neither an address, a CIDR, nor a hop count`);
  }
  return list;
}

function auditKeyFrom(env: NodeJS.ProcessEnv): string | null {
  if (env.NANDUTI_AUDIT_KEY) return env.NANDUTI_AUDIT_KEY.trim();
  if (env.NANDUTI_AUDIT_KEY_FILE) return fs.readFileSync(env.NANDUTI_AUDIT_KEY_FILE, 'utf8').trim();
  return null;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
}

/** `on`/`off` (also true/false, 1/0); `fallback` when unset. */
function onOff(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.trim().toLowerCase();
  if (['on', 'true', '1'].includes(v)) return true;
  if (['off', 'false', '0'].includes(v)) return false;
  throw new Error(`${name} must be on or off`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = overrides.port ?? intFrom(env.PORT, 3000, 'PORT');
  const host = overrides.host ?? (env.HOST || '127.0.0.1');
  const displayHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || null,
    readDatabaseUrl: env.NANDUTI_READ_DATABASE_URL || null,
    pgPreparedStatements: onOff(env.NANDUTI_PG_PREPARED_STATEMENTS, true, 'NANDUTI_PG_PREPARED_STATEMENTS'),
    readMaxLagSeconds: intFrom(env.NANDUTI_READ_MAX_LAG_SECONDS, 30, 'NANDUTI_READ_MAX_LAG_SECONDS'),
    dataDir: path.resolve(env.NANDUTI_DATA_DIR || 'data'),
    masterKey: env.NANDUTI_MASTER_KEY || null,
    publicUrl: (env.NANDUTI_PUBLIC_URL || `http://${displayHost}:${port}`).replace(/\/$/, ''),
    trustProxy: parseTrustProxy(env.NANDUTI_TRUST_PROXY),
    sessionIdleMinutes: intFrom(env.NANDUTI_SESSION_IDLE_MINUTES, 30, 'NANDUTI_SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: intFrom(env.NANDUTI_SESSION_ABSOLUTE_HOURS, 12, 'NANDUTI_SESSION_ABSOLUTE_HOURS'),
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl: env.NANDUTI_SMTP_URL || null,
    mailFrom: env.NANDUTI_MAIL_FROM || null,
    deviceExpiryDays: intFrom(env.NANDUTI_DEVICE_EXPIRY_DAYS, 7, 'NANDUTI_DEVICE_EXPIRY_DAYS'),
    auditKey: auditKeyFrom(env),
    auditVerifierKey: env.NANDUTI_AUDIT_VERIFIER_KEY?.trim() || null,
    auditCheckpointMinutes: intFrom(
      env.NANDUTI_AUDIT_CHECKPOINT_MINUTES,
      10,
      'NANDUTI_AUDIT_CHECKPOINT_MINUTES',
    ),
    witnessUrls: listOf(env.NANDUTI_WITNESS_URLS),
    witnessKeys: listOf(env.NANDUTI_WITNESS_KEYS),
    exportK: intFrom(env.NANDUTI_EXPORT_K, 11, 'NANDUTI_EXPORT_K'),
    ...overrides,
  };
}

/**
 * Analytics reads on a read replica. With NANDUTI_READ_DATABASE_URL set to a streaming-replication
 * hot standby of DATABASE_URL, statistics, the national report and the public dashboard read there,
 * in a read-only transaction of the replica, while their audit row is written in the request's own
 * transaction on the primary (the answer leaves only after that commits). Everything that must see
 * its own writes stays on the primary.
 *
 * The replica's replay lag is measured in the same replica transaction, shown with the answer, and
 * bounded: past NANDUTI_READ_MAX_LAG_SECONDS, or when the replica cannot be reached, the read goes
 * to the primary.
 */
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { connect, type Database, type Trx } from './database.js';

export interface ReadVia {
  /** Where the figures were read. */
  source: 'primary' | 'replica';
  /** The replica's replay lag in seconds when read there (0 when it has replayed all it received). */
  lagSeconds: number | null;
}

/** Opens the replica's pool (lazily: the server starts while the replica is down). */
export async function openReadReplica(config: Config): Promise<Database | null> {
  if (!config.readDatabaseUrl) return null;
  if (!config.databaseUrl)
    throw new Error(
      'NANDUTI_READ_DATABASE_URL needs DATABASE_URL: a replica is a PostgreSQL server’s standby',
    );
  return connect({
    databaseUrl: config.readDatabaseUrl,
    dataDir: null,
    poolSize: 5,
    lazy: true,
    preparedStatements: config.pgPreparedStatements,
  });
}

/** The replica's replay lag, in seconds; 0 on a server that is not in recovery (a promoted standby). */
export async function replicaLag(trx: Trx): Promise<number> {
  const row = await sql<{ lag: number | null }>`select case
      when not pg_is_in_recovery() then 0
      when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
      else greatest(0, extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()))
    end::float8 as lag`.execute(trx);
  return Number(row.rows[0]?.lag ?? 0);
}

export interface AnalyticsSource {
  readDb?: Database | null;
  config: Pick<Config, 'readMaxLagSeconds'>;
  logger: Logger;
}

let warnedAt = 0;

/** A PostgreSQL error (SQLSTATE) or a network error, as opposed to the handler's own. */
function isDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return /^[0-9A-Z]{5}$/.test(code) || /^E[A-Z]+$/.test(code);
  return error instanceof Error && /connect|terminat|timeout/i.test(error.message);
}

/**
 * Runs `fn` on the replica when there is one within the lag bound, otherwise on `primary` (the
 * request's transaction). `fn` must only read.
 */
export async function readForAnalytics<T>(
  services: AnalyticsSource,
  primary: Trx,
  fn: (trx: Trx, via: ReadVia) => Promise<T>,
): Promise<T> {
  const replica = services.readDb;
  if (replica && !replica.closed) {
    const LAGGING = Symbol('lagging');
    try {
      const result = await replica.transaction(
        async (trx) => {
          const lag = await replicaLag(trx);
          if (lag > services.config.readMaxLagSeconds) return LAGGING;
          return fn(trx, { source: 'replica', lagSeconds: Math.round(lag * 10) / 10 });
        },
        { readOnly: true },
      );
      if (result !== LAGGING) return result as T;
    } catch (error) {
      // Unreachable or failing replica (a connection error, a query cancelled by a conflict with
      // recovery): the primary answers; say so at most once a minute. The handler's own errors pass.
      if (!isDatabaseError(error)) throw error;
      if (Date.now() - warnedAt > 60_000) {
        warnedAt = Date.now();
        services.logger.warn({ err: error }, 'analytics replica unavailable; reading on the primary');
      }
    }
  }
  return fn(primary, { source: 'primary', lagSeconds: null });
}

/**
 * Opening Ñandutí: connect (PostgreSQL or embedded), migrate, load the keyring. Used by the server
 * and by every CLI command, so they all see the same database the same way.
 */
import { loadConfig, type Config } from './config.js';
import { loadKeyring, resolveMasterKey } from './crypto/keyring.js';
import { connect, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { openReadReplica } from './db/read-replica.js';
import { createLogger, type Logger } from './logger.js';
import type { AppServices } from './services.js';

export interface OpenOptions {
  config?: Config;
  logger?: Logger;
  /** Skip applying migrations (the `migrate` command applies them itself). */
  migrate?: boolean;
  db?: Database;
}

export async function openServices(options: OpenOptions = {}): Promise<AppServices & { masterKey: Buffer }> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(config.logLevel);
  const embedded = !config.databaseUrl;
  const master = resolveMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir, embedded });
  const db =
    options.db ??
    (await connect({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      preparedStatements: config.pgPreparedStatements,
    }));
  try {
    if (options.migrate !== false) {
      const applied = await migrateToLatest(db);
      if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    }
    if (master.generatedAt) {
      logger.warn(
        { file: master.generatedAt },
        'Generated a new master key for personal-data encryption. BACK IT UP: without it the encrypted data cannot be read.',
      );
    }
    const crypto = await loadKeyring(db, master.key);
    const readDb = await openReadReplica(config);
    if (readDb) logger.info('analytics reads go to the replica (NANDUTI_READ_DATABASE_URL)');
    return {
      db,
      readDb,
      crypto,
      config,
      logger,
      routes: [],
      validateResponses: process.env.NODE_ENV !== 'production',
      masterKey: master.key,
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** What the HTTP layer and the CLI share: the database, the keyring and the configuration. */
import type { AnyContract } from '../shared/contract.js';
import type { Config } from './config.js';
import type { FieldCrypto } from './crypto/field-crypto.js';
import type { Database } from './db/database.js';
import type { Logger } from './logger.js';

export interface AppServices {
  db: Database;
  /** The analytics replica (NANDUTI_READ_DATABASE_URL), or null: see db/read-replica.ts. */
  readDb?: Database | null;
  crypto: FieldCrypto;
  config: Config;
  logger: Logger;
  /** The contracts of the registered routes, filled by defineRoute. */
  routes: AnyContract[];
  /** Check handler results against their response schema (on outside production). */
  validateResponses: boolean;
}

/** What the HTTP layer and the CLI share: the database, the keyring and the configuration. */
import type { Config } from './config.js';
import type { FieldCrypto } from './crypto/field-crypto.js';
import type { Database } from './db/database.js';
import type { RegisteredRoute } from './http/route.js';
import type { Logger } from './logger.js';

export interface AppServices {
  db: Database;
  crypto: FieldCrypto;
  config: Config;
  logger: Logger;
  /** Filled by defineRoute; the OpenAPI document is built from it. */
  routes: RegisteredRoute[];
  /** Check handler results against their response schema (on outside production). */
  validateResponses: boolean;
}

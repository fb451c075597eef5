/**
 * The national linkage batch at the end of `nanduti demo`: without one the intake look-up has no
 * model and shows only exact duplicates (docs/LINKAGE.md). Run as the demo's system administrator
 * (the role that may start it over HTTP), in one transaction, audited like a batch started over
 * HTTP (`runLinkage`, through `runLinkageAs`).
 */
import type { Database } from '../db/database.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { RunSummary } from '../modules/linkage/linkage.service.js';
import { runLinkageAs } from '../modules/linkage/run-as.js';

/** Runs the batch as the first active system administrator; undefined when there is none. */
export function runDemoLinkage(db: Database, fieldCrypto: FieldCrypto): Promise<RunSummary | undefined> {
  return runLinkageAs(db, fieldCrypto);
}

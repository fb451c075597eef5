/**
 * `nanduti linkage run [--as USERNAME]`: the national linkage batch, as `POST /api/linkage/runs`
 * starts it (the same service, audited the same way), run as USERNAME (a system administrator or
 * an analyst of the Mesa) or the first active system administrator. Prints one line of counts and
 * times: no name, no record, no person id.
 */
import { parseArgs } from 'node:util';
import type { Database } from '../server/db/database.js';
import type { FieldCrypto } from '../server/crypto/field-crypto.js';
import type { RunSummary } from '../server/modules/linkage/linkage.service.js';
import { runLinkageAs } from '../server/modules/linkage/run-as.js';

export const LINKAGE_USAGE = 'usage: nanduti linkage run [--as USERNAME]';

/** Parses the arguments; throws a one-line reason when they are wrong. */
export function linkageOptions(args: string[]): { as: string | undefined } {
  const { values, positionals } = parseArgs({
    args,
    options: { as: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || positionals[0] !== 'run') throw new Error(LINKAGE_USAGE);
  if (values.as !== undefined && values.as.trim() === '')
    throw new Error(`--as needs a username. ${LINKAGE_USAGE}`);
  return { as: values.as };
}

/** The run as one line: counts and seconds only. */
export function summaryLine(run: RunSummary, seconds: number): string {
  const n = (v: number) => v.toLocaleString('en');
  return (
    `linkage run ${run.id}: ${n(run.persons)} persons, ${n(run.candidatePairs)} candidate pairs, ` +
    `${n(run.linksAdded)} links added, ${n(run.reviewsAdded)} pairs queued for review (${seconds.toFixed(1)} s)`
  );
}

/** Runs the batch; returns the summary line. */
export async function runLinkageCommand(db: Database, crypto: FieldCrypto, args: string[]): Promise<string> {
  const options = linkageOptions(args);
  const start = performance.now();
  const run = await runLinkageAs(db, crypto, options.as);
  if (!run)
    throw new Error('no active system administrator to run the batch as: create one, or pass --as USERNAME');
  return summaryLine(run, (performance.now() - start) / 1000);
}

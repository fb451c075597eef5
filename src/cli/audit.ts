/** `nanduti audit …` and `nanduti witness …` (docs/AUDIT.md). */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config.js';
import type { Logger } from '../server/logger.js';
import { openServices } from '../server/bootstrap.js';
import { auditAnchor, logVerifierKey, publishCheckpoint } from '../server/audit/checkpoint.js';
import { verifyInclusion } from '../server/audit/merkle.js';
import { generateNoteKey, verifierKeyOf } from '../server/audit/note.js';
import { proveInclusion } from '../server/audit/tree.js';
import { verifyAuditTree } from '../server/audit/verify.js';
import { initWitness, Witness, witnessServer } from '../server/audit/witness.js';
import { leafHashOfRow } from '../server/audit/audit.js';

export async function runAudit(args: string[], config: Config, logger: Logger): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'keygen') {
    const { values } = parseArgs({ args: rest, options: { name: { type: 'string' } } });
    if (!values.name)
      throw new Error('--name is required (the log origin, e.g. nanduti.example.gov.py/audit)');
    const key = generateNoteKey(values.name);
    console.log(key.privateKey);
    console.log(key.verifierKey);
    return 0;
  }
  if (sub === 'key') {
    // The verifier key of the log's own signing key (NANDUTI_AUDIT_KEY_FILE, or the key the embedded
    // database generated beside its data): what a witness is initialised with.
    const logKey = logVerifierKey(config);
    if (!logKey)
      throw new Error(
        'no audit signing key: set NANDUTI_AUDIT_KEY_FILE, or create the embedded database first (nanduti migrate)',
      );
    console.log(verifierKeyOf(logKey));
    return 0;
  }
  if (sub !== 'verify' && sub !== 'checkpoint')
    throw new Error('usage: nanduti audit verify|checkpoint|key|keygen');
  const { values } = parseArgs({
    args: rest,
    options: { checkpoint: { type: 'string' }, witness: { type: 'string' }, entry: { type: 'string' } },
  });
  const services = await openServices({ config, logger });
  try {
    if (sub === 'checkpoint') {
      const cp = await publishCheckpoint(services.db, config, logger);
      process.stdout.write(cp.note);
      if (config.witnessUrls.length && cp.cosignedBy.length === 0) {
        console.error('nanduti: no witness cosigned this checkpoint (see the log and docs/AUDIT.md)');
        return 1;
      }
      return 0;
    }
    const logKey = logVerifierKey(config);
    const keyUnknown =
      'the log verifier key is unknown: set NANDUTI_AUDIT_VERIFIER_KEY or NANDUTI_AUDIT_KEY_FILE';
    // An anchor asked for by name cannot be checked without the key; without one, the tree is still
    // verified against its own hashes (a rewrite of every later hash then needs an anchor to show).
    if (!logKey && (values.checkpoint || values.witness || values.entry)) throw new Error(keyUnknown);
    const { anchor, source } = await auditAnchor(
      services.db,
      config,
      values.checkpoint
        ? { text: fs.readFileSync(values.checkpoint, 'utf8'), source: values.checkpoint }
        : { witness: values.witness },
    );
    const result = await verifyAuditTree(services.db, anchor);
    if (!result.ok) {
      console.error(
        `nanduti: audit trail broken${result.firstBrokenSeq !== null ? ` at entry ${result.firstBrokenSeq}` : ''}: ${result.reason} (${result.checked} entries verified before it; checkpoint from ${source || 'none'})`,
      );
      return 1;
    }
    if (values.entry) {
      const seq = Number(values.entry);
      if (!anchor) throw new Error('no checkpoint to prove the entry against');
      const found = await services.db.transaction(async (trx) => {
        const row = await trx
          .selectFrom('audit_events')
          .selectAll()
          .where('seq', '=', seq)
          .executeTakeFirst();
        const proof = await proveInclusion(trx, seq, anchor.size);
        return row && proof ? { row, proof } : null;
      });
      if (!found) {
        console.error(`nanduti: entry ${seq} is not in the checkpoint of size ${anchor.size}`);
        return 1;
      }
      const leaf = leafHashOfRow(found.row);
      if (!verifyInclusion(found.proof.index, anchor.size, leaf, found.proof.proof, anchor.root)) {
        console.error(`nanduti: entry ${seq} does not prove its inclusion in the checkpoint`);
        return 1;
      }
      console.log(
        `Entry ${seq} is leaf ${found.proof.index} of the checkpoint of size ${anchor.size} (proof verified).`,
      );
    }
    console.log(
      `Audit trail intact: ${result.checked} rows verified${anchor ? ` against the checkpoint of size ${anchor.size} from ${source}` : logKey ? ' (no checkpoint yet, so not anchored: a rewrite of the whole trail would not show; configure a witness or use --checkpoint FILE)' : ' (not anchored: no verifier key)'}.`,
    );
    return 0;
  } finally {
    await services.db.close();
  }
}

export async function runWitness(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      state: { type: 'string' },
      name: { type: 'string' },
      'log-key': { type: 'string' },
      port: { type: 'string', default: '3100' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  if (!values.state) throw new Error('--state DIR is required');
  if (sub === 'init') {
    if (!values.name || !values['log-key']) throw new Error('--name and --log-key are required');
    console.log(initWitness(values.state, values.name, values['log-key']));
    return 0;
  }
  if (sub !== 'serve') throw new Error('usage: nanduti witness init|serve');
  const witness = new Witness(values.state);
  const server = witnessServer(witness);
  const port = Number(values.port);
  await new Promise<void>((resolve) => server.listen(port, values.host, resolve));
  console.log(
    `Witness ${witness.signer.name} at size ${witness.state.size}, listening on ${values.host}:${port}.`,
  );
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

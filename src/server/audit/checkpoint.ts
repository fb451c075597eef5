/**
 * Signed checkpoints of the audit tree and their submission to witnesses (docs/AUDIT.md).
 * The log's signing key is never in the database: NANDUTI_AUDIT_KEY / NANDUTI_AUDIT_KEY_FILE, or for
 * the embedded database a file generated next to the data (`audit-signing.key`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import {
  checkpointBody,
  generateNoteKey,
  hasValidSignature,
  parseNote,
  parsePrivateKey,
  parseVerifierKey,
  signNote,
  withSignatures,
  type NoteKey,
  type NoteSigner,
  type ParsedNote,
} from './note.js';
import { foldAudit, proveConsistency, type TreeHead } from './tree.js';
import type { Anchor } from './verify.js';

const signers = new WeakMap<Config, NoteSigner | null>();

/** The default origin (and key name) of this log: `<host of the public URL>/nanduti-audit`. */
export function defaultOrigin(config: Config): string {
  return `${new URL(config.publicUrl).host}/nanduti-audit`;
}

/** The log's signing key, or null when none is configured (PostgreSQL without NANDUTI_AUDIT_KEY). */
export function auditSigner(config: Config): NoteSigner | null {
  if (signers.has(config)) return signers.get(config)!;
  let signer: NoteSigner | null = null;
  if (config.auditKey) signer = parsePrivateKey(config.auditKey);
  else if (!config.databaseUrl && fs.existsSync(config.dataDir)) {
    const file = path.join(config.dataDir, 'audit-signing.key');
    if (!fs.existsSync(file)) {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${generateNoteKey(defaultOrigin(config)).privateKey}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    }
    signer = parsePrivateKey(fs.readFileSync(file, 'utf8'));
  }
  signers.set(config, signer);
  return signer;
}

/** The key that checkpoints of this log must be signed with (public part only). */
export function logVerifierKey(config: Config): NoteKey | null {
  if (config.auditVerifierKey) return parseVerifierKey(config.auditVerifierKey);
  return auditSigner(config);
}

export function witnessKeys(config: Config): NoteKey[] {
  return config.witnessKeys.map((k) => parseVerifierKey(k));
}

export interface PublishedCheckpoint {
  size: number;
  root: Buffer;
  /** The signed note with every cosignature the log holds for it. */
  note: string;
  cosignedBy: string[];
}

async function storedCheckpoint(db: Database, size: number): Promise<PublishedCheckpoint | null> {
  return db.transaction(
    async (trx) => {
      const row = await trx
        .selectFrom('audit_checkpoints')
        .selectAll()
        .where('size', '=', size)
        .executeTakeFirst();
      if (!row) return null;
      const lines = await trx
        .selectFrom('audit_cosignatures')
        .select(['witness', 'line'])
        .where('size', '=', size)
        .orderBy('witness')
        .execute();
      return {
        size,
        root: Buffer.from(row.root),
        note: withSignatures(
          row.note,
          lines.map((l) => l.line),
        ),
        cosignedBy: lines.map((l) => l.witness),
      };
    },
    { readOnly: true },
  );
}

/**
 * Signs the current tree head (after folding every settled row) and, when witnesses are configured,
 * has them cosign it. Idempotent per size: a size already signed is not signed again.
 */
export async function publishCheckpoint(
  db: Database,
  config: Config,
  logger?: Logger,
): Promise<PublishedCheckpoint> {
  const signer = auditSigner(config);
  if (!signer) throw new Error('no audit signing key: set NANDUTI_AUDIT_KEY_FILE (see docs/AUDIT.md)');
  const folded = await foldAudit(db, { wait: true });
  const head = folded!.head;
  await db.transaction(async (trx) => {
    const note = signNote(checkpointBody(signer.name, head.size, head.root), signer);
    await trx
      .insertInto('audit_checkpoints')
      .values({ size: head.size, root: head.root, note })
      .onConflict((oc) => oc.column('size').doNothing())
      .execute();
  });
  for (const url of config.witnessUrls) {
    try {
      await submitToWitness(db, url, head);
    } catch (error) {
      logger?.error({ witness: url, err: error }, 'audit checkpoint: the witness did not cosign');
    }
  }
  return (await storedCheckpoint(db, head.size))!;
}

export class WitnessRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The tlog-witness exchange: `old <size>`, the consistency proof from that size, a blank line, the
 * signed checkpoint. A 409 names the witness's size; we prove from there (never from a larger size:
 * that would mean the log went back).
 */
export async function submitToWitness(db: Database, url: string, head: TreeHead): Promise<string> {
  const base = url.replace(/\/$/, '');
  const last = await db.transaction(
    (trx) =>
      trx
        .selectFrom('audit_cosignatures')
        .select((eb) => eb.fn.max('size').as('size'))
        .where('witness', '=', base)
        .executeTakeFirst(),
    { readOnly: true },
  );
  let old = Math.min(Number(last?.size ?? 0), head.size);
  const note = (await db.transaction((trx) =>
    trx
      .selectFrom('audit_checkpoints')
      .select('note')
      .where('size', '=', head.size)
      .executeTakeFirstOrThrow(),
  ))!.note;
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof = await db.transaction((trx) => proveConsistency(trx, old, head.size), { readOnly: true });
    const body = `old ${old}\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${note}`;
    const res = await fetch(`${base}/add-checkpoint`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (res.status === 409) {
      const size = Number(text.trim());
      if (!Number.isInteger(size) || size > head.size)
        throw new WitnessRefusal(
          409,
          `the witness has cosigned a larger tree (${text.trim()}) than this log has`,
        );
      old = size;
      continue;
    }
    if (res.status !== 200)
      throw new WitnessRefusal(res.status, `witness refused (${res.status}): ${text.trim()}`);
    const line = text.endsWith('\n') ? text : `${text}\n`;
    await db.transaction((trx) =>
      trx
        .insertInto('audit_cosignatures')
        .values({ size: head.size, witness: base, line })
        .onConflict((oc) => oc.columns(['size', 'witness']).doNothing())
        .execute(),
    );
    return line;
  }
  throw new WitnessRefusal(409, 'the witness kept changing its size');
}

/** Parses a checkpoint and checks the log's signature (and, if `witnesses` given, one cosignature). */
export function checkCheckpoint(
  text: string,
  logKey: NoteKey,
  witnesses: readonly NoteKey[] = [],
): { note: ParsedNote; cosigned: string[] } {
  const note = parseNote(text);
  if (!hasValidSignature(note, logKey)) throw new Error('the checkpoint is not signed by this log’s key');
  if (note.checkpoint.origin !== logKey.name)
    throw new Error(`the checkpoint is of another log (${note.checkpoint.origin})`);
  const cosigned = witnesses.filter((w) => hasValidSignature(note, w)).map((w) => w.name);
  if (witnesses.length && cosigned.length === 0)
    throw new Error('no configured witness cosigned the checkpoint');
  return { note, cosigned };
}

/** Publishes a checkpoint every `minutes` (and once at start); returns the stopper. */
export function scheduleCheckpoints(db: Database, config: Config, logger: Logger): () => void {
  if (!auditSigner(config)) {
    logger.warn('No audit signing key (NANDUTI_AUDIT_KEY_FILE): audit checkpoints are not published.');
    return () => {};
  }
  let stopped = false;
  const run = () =>
    publishCheckpoint(db, config, logger).catch((error: unknown) => {
      if (!stopped && !db.closed) logger.error({ err: error }, 'audit checkpoint failed');
    });
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), config.auditCheckpointMinutes * 60_000);
  timer.unref();
  first.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** The last checkpoint a witness cosigned (its `GET /checkpoint`). */
export async function fetchWitnessCheckpoint(url: string): Promise<string> {
  const res = await fetch(`${url.replace(/\/$/, '')}/checkpoint`, { signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) throw new Error(`the witness at ${url} answered ${res.status}`);
  return res.text();
}

/**
 * What the tree is verified against: a checkpoint saved elsewhere (`text`), else the last one the
 * witness (`witness`, or the first of NANDUTI_WITNESS_URLS) cosigned, else — not independent — the
 * newest checkpoint in the database. Its log signature is checked, and a cosignature by one of
 * NANDUTI_WITNESS_KEYS when they are set. `anchor` is null without a verifier key or a checkpoint.
 */
export async function auditAnchor(
  db: Database,
  config: Config,
  from: { text?: string; source?: string; witness?: string } = {},
): Promise<{ anchor: Anchor | null; source: string }> {
  const logKey = logVerifierKey(config);
  if (!logKey) return { anchor: null, source: '' };
  let text = from.text ?? null;
  let source = from.source ?? '';
  const url = from.witness ?? config.witnessUrls[0];
  if (text === null && url) {
    text = await fetchWitnessCheckpoint(url);
    source = `witness ${url}`;
  }
  if (text === null) {
    const row = await db.transaction(
      (trx) =>
        trx
          .selectFrom('audit_checkpoints')
          .select('note')
          .orderBy('size', 'desc')
          .limit(1)
          .executeTakeFirst(),
      { readOnly: true },
    );
    if (!row) return { anchor: null, source: '' };
    text = row.note;
    source = 'the newest checkpoint in the database (not independent: use --witness or --checkpoint)';
  }
  const { note, cosigned } = checkCheckpoint(text, logKey, witnessKeys(config));
  return {
    anchor: { size: note.checkpoint.size, root: note.checkpoint.root },
    source: source + (cosigned.length ? `, cosigned by ${cosigned.join(', ')}` : ''),
  };
}

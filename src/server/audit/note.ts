/**
 * Signed notes (C2SP signed-note), checkpoints (C2SP tlog-checkpoint) and witness cosignatures
 * (C2SP tlog-cosignature, `cosignature/v1`), with Ed25519 from node:crypto. Pure: no database.
 *
 *   <origin>\n<tree size>\n<base64 root hash>\n\n— <key name> <base64(key id || signature)>\n
 */
import crypto from 'node:crypto';

const ALG_ED25519 = 0x01;
const ALG_COSIGNATURE_V1 = 0x04;
const DASH = '\u2014';

export interface NoteKey {
  name: string;
  /** 0x01: Ed25519 signed note; 0x04: cosignature/v1 (a witness). */
  alg: number;
  publicKey: Buffer;
  keyId: Buffer;
}

export interface NoteSigner extends NoteKey {
  privateKey: crypto.KeyObject;
}

function checkName(name: string) {
  if (!name || /[\s+]/.test(name) || /[^\x21-\x7e]/.test(name))
    throw new Error('a key name is printable ASCII without spaces or "+"');
}

export function keyIdOf(name: string, alg: number, publicKey: Buffer): Buffer {
  return crypto
    .createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([alg]), publicKey]))
    .digest()
    .subarray(0, 4);
}

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

function signerFromSeed(name: string, alg: number, seed: Buffer): NoteSigner {
  checkName(name);
  if (seed.length !== 32) throw new Error('an Ed25519 private key is 32 bytes');
  const privateKey = crypto.createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const jwk = crypto.createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = Buffer.from(jwk.x!, 'base64url');
  return { name, alg, publicKey, keyId: keyIdOf(name, alg, publicKey), privateKey };
}

/** A new key: its private form (`PRIVATE+KEY+name+id+base64`, keep secret) and verifier key (publish). */
export function generateNoteKey(name: string, witness = false): { privateKey: string; verifierKey: string } {
  const seed = crypto.randomBytes(32);
  const alg = witness ? ALG_COSIGNATURE_V1 : ALG_ED25519;
  const signer = signerFromSeed(name, alg, seed);
  return {
    privateKey: `PRIVATE+KEY+${name}+${signer.keyId.toString('hex')}+${Buffer.concat([Buffer.from([alg]), seed]).toString('base64')}`,
    verifierKey: verifierKeyOf(signer),
  };
}

/** Splits at the first `n - 1` '+' (base64 keys may contain '+' themselves). */
function splitPlus(text: string, n: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (parts.length < n - 1) {
    const i = rest.indexOf('+');
    if (i < 0) break;
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  parts.push(rest);
  return parts;
}

export function parsePrivateKey(text: string): NoteSigner {
  const parts = splitPlus(text, 5);
  if (parts.length !== 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY')
    throw new Error('not a signing key (expected PRIVATE+KEY+name+id+key)');
  const raw = Buffer.from(parts[4]!, 'base64');
  const signer = signerFromSeed(parts[2]!, raw[0]!, raw.subarray(1));
  if (signer.alg !== ALG_ED25519 && signer.alg !== ALG_COSIGNATURE_V1) throw new Error('unknown key type');
  if (signer.keyId.toString('hex') !== parts[3]) throw new Error('the signing key does not match its key id');
  return signer;
}

export function verifierKeyOf(key: NoteKey): string {
  return `${key.name}+${key.keyId.toString('hex')}+${Buffer.concat([Buffer.from([key.alg]), key.publicKey]).toString('base64')}`;
}

export function parseVerifierKey(text: string): NoteKey {
  const parts = splitPlus(text, 3);
  if (parts.length !== 3) throw new Error('not a verifier key (expected name+id+key)');
  const [name, id, b64] = parts as [string, string, string];
  checkName(name);
  const raw = Buffer.from(b64, 'base64');
  const alg = raw[0]!;
  const publicKey = raw.subarray(1);
  if ((alg !== ALG_ED25519 && alg !== ALG_COSIGNATURE_V1) || publicKey.length !== 32)
    throw new Error('unknown verifier key type');
  const keyId = keyIdOf(name, alg, publicKey);
  if (keyId.toString('hex') !== id) throw new Error('the verifier key does not match its key id');
  return { name, alg, publicKey, keyId };
}

function verifyEd25519(publicKey: Buffer, message: Buffer, signature: Buffer): boolean {
  const key = crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
    format: 'jwk',
  });
  return crypto.verify(null, message, key, signature);
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  /** The signed text: the three lines (and any extension lines), each ending in a newline. */
  body: string;
}

export function checkpointBody(origin: string, size: number, root: Buffer): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

export interface SignatureLine {
  name: string;
  keyId: Buffer;
  signature: Buffer;
  line: string;
}

export interface ParsedNote {
  checkpoint: Checkpoint;
  signatures: SignatureLine[];
}

/** Splits a note into its checkpoint and signature lines; throws on anything malformed. */
export function parseNote(text: string): ParsedNote {
  const split = text.indexOf('\n\n');
  if (split < 0 || !text.endsWith('\n')) throw new Error('not a signed note');
  const body = text.slice(0, split + 1);
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new Error('a checkpoint has an origin, a size and a root hash');
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText)) throw new Error('bad checkpoint size');
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootText) throw new Error('bad checkpoint root hash');
  const signatures: SignatureLine[] = [];
  for (const line of text.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m) throw new Error('bad signature line');
    const raw = Buffer.from(m[2]!, 'base64');
    if (raw.length < 5) throw new Error('bad signature line');
    signatures.push({
      name: m[1]!,
      keyId: raw.subarray(0, 4),
      signature: raw.subarray(4),
      line: `${line}\n`,
    });
  }
  if (signatures.length === 0) throw new Error('a signed note has at least one signature');
  return { checkpoint: { origin, size: Number(sizeText), root, body }, signatures };
}

export function signNote(body: string, signer: NoteSigner): string {
  if (signer.alg !== ALG_ED25519) throw new Error('not a note signing key');
  const signature = crypto.sign(null, Buffer.from(body), signer.privateKey);
  return `${body}\n${DASH} ${signer.name} ${Buffer.concat([signer.keyId, signature]).toString('base64')}\n`;
}

const cosignedMessage = (body: string, time: bigint) => Buffer.from(`cosignature/v1\ntime ${time}\n${body}`);

/** A witness's cosignature line over a checkpoint (cosignature/v1). */
export function cosign(
  body: string,
  signer: NoteSigner,
  time = BigInt(Math.floor(Date.now() / 1000)),
): string {
  if (signer.alg !== ALG_COSIGNATURE_V1) throw new Error('not a witness key');
  const signature = crypto.sign(null, cosignedMessage(body, time), signer.privateKey);
  const t = Buffer.alloc(8);
  t.writeBigUInt64BE(time);
  return `${DASH} ${signer.name} ${Buffer.concat([signer.keyId, t, signature]).toString('base64')}\n`;
}

/** True when `note` carries a valid signature by `key` (a log key or a witness key). */
export function hasValidSignature(note: ParsedNote, key: NoteKey): boolean {
  return note.signatures.some((s) => {
    if (s.name !== key.name || !s.keyId.equals(key.keyId)) return false;
    if (key.alg === ALG_ED25519)
      return verifyEd25519(key.publicKey, Buffer.from(note.checkpoint.body), s.signature);
    if (s.signature.length !== 72) return false;
    const time = s.signature.readBigUInt64BE(0);
    return verifyEd25519(key.publicKey, cosignedMessage(note.checkpoint.body, time), s.signature.subarray(8));
  });
}

/** Adds signature lines to a note (skipping ones already there). */
export function withSignatures(note: string, lines: readonly string[]): string {
  const present = new Set(parseNote(note).signatures.map((s) => s.line));
  return note + lines.filter((l) => !present.has(l)).join('');
}

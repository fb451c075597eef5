/**
 * `nanduti witness`: a small service another institution runs (the Defensoría del Pueblo, the DPO's
 * own machine) with its own key. It keeps the last checkpoint it cosigned in a state file, cosigns a
 * new checkpoint only when the log proves it extends that one (an RFC 6962 consistency proof), and
 * refuses anything smaller or inconsistent — so a log that deletes or rewrites witnessed entries can
 * never again get a cosignature, and `nanduti audit verify` fails against the last one.
 *
 * Protocol (after C2SP tlog-witness): POST /add-checkpoint with `old <size>\n`, the proof lines
 * (base64), a blank line and the signed checkpoint; 200 with the cosignature line, 409 with the
 * witness's size when `old` is not it, 400 for a smaller checkpoint or a malformed request, 403 for
 * a bad log signature, 404 for an unknown log, 422 for a failing proof. GET /checkpoint: the last
 * cosigned checkpoint. GET /key: the witness's verifier key.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { verifyConsistency } from './merkle.js';
import {
  cosign,
  generateNoteKey,
  hasValidSignature,
  parseNote,
  parsePrivateKey,
  parseVerifierKey,
  verifierKeyOf,
  withSignatures,
  type NoteSigner,
} from './note.js';

export interface WitnessState {
  /** The log this witness follows: its verifier key (its name is the checkpoints' origin). */
  logKey: string;
  size: number;
  /** base64 root of the last cosigned checkpoint (the empty tree's until the first). */
  root: string;
  /** The last cosigned checkpoint, with the log's signature and this witness's cosignature. */
  checkpoint: string | null;
}

const EMPTY_ROOT_B64 = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

const keyFile = (dir: string) => path.join(dir, 'witness.key');
const stateFile = (dir: string) => path.join(dir, 'state.json');

function writeAtomically(file: string, content: string, mode = 0o600) {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', mode);
  fs.writeSync(fd, content);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  const dirFd = fs.openSync(path.dirname(file), 'r');
  fs.fsyncSync(dirFd);
  fs.closeSync(dirFd);
}

/** Creates a witness's key and state; returns its verifier key (to give to the log's operators). */
export function initWitness(dir: string, name: string, logKey: string): string {
  parseVerifierKey(logKey);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (fs.existsSync(keyFile(dir)) || fs.existsSync(stateFile(dir)))
    throw new Error(`${dir} already holds a witness (refusing to overwrite its key or state)`);
  const key = generateNoteKey(name, true);
  writeAtomically(keyFile(dir), `${key.privateKey}\n`);
  const state: WitnessState = { logKey, size: 0, root: EMPTY_ROOT_B64, checkpoint: null };
  writeAtomically(stateFile(dir), JSON.stringify(state, null, 2));
  return key.verifierKey;
}

export class Witness {
  readonly signer: NoteSigner;
  #state: WitnessState;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {
    this.signer = parsePrivateKey(fs.readFileSync(keyFile(dir), 'utf8'));
    this.#state = JSON.parse(fs.readFileSync(stateFile(dir), 'utf8')) as WitnessState;
  }

  get state(): Readonly<WitnessState> {
    return this.#state;
  }

  verifierKey(): string {
    return verifierKeyOf(this.signer);
  }

  /** One request at a time: the state read, the check and the write happen together. */
  addCheckpoint(body: string): Promise<{ status: number; body: string }> {
    const run = this.#queue.then(() => this.#add(body));
    this.#queue = run.catch(() => {});
    return run;
  }

  #add(body: string): { status: number; body: string } {
    const refuse = (status: number, message: string) => ({ status, body: `${message}\n` });
    const blank = body.indexOf('\n\n');
    const head = /^old (0|[1-9][0-9]{0,15})\n/.exec(body);
    if (!head || blank < 0) return refuse(400, 'malformed request');
    const old = Number(head[1]);
    const proofText = body.slice(head[0].length, blank + 1);
    const proof = proofText
      ? proofText
          .slice(0, -1)
          .split('\n')
          .map((l) => Buffer.from(l, 'base64'))
      : [];
    if (proof.some((p) => p.length !== 32) || proof.length > 63) return refuse(400, 'malformed proof');
    let note;
    try {
      note = parseNote(body.slice(blank + 2));
    } catch (error) {
      return refuse(400, (error as Error).message);
    }
    const logKey = parseVerifierKey(this.#state.logKey);
    if (note.checkpoint.origin !== logKey.name) return refuse(404, 'unknown log');
    if (!hasValidSignature(note, logKey)) return refuse(403, 'the checkpoint is not signed by the log');
    const { size, root } = note.checkpoint;
    if (old > size) return refuse(400, 'the checkpoint is smaller than its old size');
    if (old !== this.#state.size) return { status: 409, body: `${this.#state.size}\n` };
    const ok = verifyConsistency(old, size, Buffer.from(this.#state.root, 'base64'), root, proof);
    if (!ok)
      return refuse(
        422,
        'the consistency proof does not hold: the log is not an extension of what was cosigned',
      );
    const line = cosign(note.checkpoint.body, this.signer);
    const signed = withSignatures(
      `${note.checkpoint.body}\n${note.signatures
        .filter((s) => s.name === logKey.name)
        .map((s) => s.line)
        .join('')}`,
      [line],
    );
    const next: WitnessState = { ...this.#state, size, root: root.toString('base64'), checkpoint: signed };
    writeAtomically(stateFile(this.dir), JSON.stringify(next, null, 2));
    this.#state = next;
    return { status: 200, body: line };
  }
}

const MAX_BODY = 64 * 1024;

export function witnessServer(witness: Witness): http.Server {
  return http.createServer((req, res) => {
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
    };
    if (req.method === 'GET' && req.url === '/checkpoint') {
      const cp = witness.state.checkpoint;
      return cp ? send(200, cp) : send(404, 'nothing cosigned yet\n');
    }
    if (req.method === 'GET' && req.url === '/key') return send(200, `${witness.verifierKey()}\n`);
    if (req.method !== 'POST' || req.url !== '/add-checkpoint') return send(404, 'not found\n');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        send(413, 'too large\n');
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return;
      witness.addCheckpoint(Buffer.concat(chunks).toString('utf8')).then(
        (r) => send(r.status, r.body),
        () => send(500, 'witness error\n'),
      );
    });
  });
}

/**
 * The keyed blocking and training keys of `encodeClk`, hashed on two threads. Hashing them is
 * about 60 % of encoding (some 170 HMACs a record; bench/README.md, "`nanduti link` at the
 * independent set's size"), and each key's hash depends only on its rule and its value in clear:
 * `encodeClk` writes every record's keys in clear into blocks of shared memory (`ClkRecord.keys`'s
 * layout), hands each full block to a worker thread, and at the end hashes the blocks the worker
 * has not taken yet itself, from the last one back. Each block is taken by exactly one thread
 * (`Atomics.compareExchange` on its state) and hashed in place, so the keys are those of one
 * thread, whichever hashed them (docs/adr/0015-clk-keys-on-two-threads.md).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { KeyedEncoder } from './bloom.js';

/** What each list of a record's keys is: its field (rule) and whether the rule is bipartite. */
export interface KeyFields {
  fields: readonly string[];
  bipartite: readonly boolean[];
}

/** A block's state: not taken, taken by a thread, hashed here or by the worker, or failed there. */
const FREE = 0;
const TAKEN = 1;
const HASHED = 2;
const FAILED = 3;
const HASHED_BY_WORKER = 4;

/** A block of records' keys in clear, then hashed in place; `filled` entries in use. */
interface KeyBlock {
  keys: Float64Array;
  filled: number;
  state: Int32Array;
}

/**
 * Hashes in place the keys of the records in `keys[0..filled)`, each laid out as `ClkRecord.keys`
 * (`[B, T, end of each list…, keys…]`): a bipartite rule's side (the key's last bit) stays in the
 * clear, as `encodeClk` always did.
 */
export function hashKeyBlock(
  encoder: KeyedEncoder,
  what: KeyFields,
  keys: Float64Array,
  filled: number,
): void {
  for (let at = 0; at < filled;) {
    const lists = keys[at]! + keys[at + 1]!;
    let from = at + 2 + lists;
    for (let l = 0; l < lists; l++) {
      const to = at + keys[at + 2 + l]!;
      const field = what.fields[l]!;
      if (what.bipartite[l])
        for (let x = from; x < to; x++) {
          const k = keys[x]!;
          keys[x] = 2 * encoder.number(field, Math.floor(k / 2)) + (k % 2);
        }
      else for (let x = from; x < to; x++) keys[x] = encoder.number(field, keys[x]!);
      from = to;
    }
    at = lists === 0 ? at + 2 : at + keys[at + 1 + lists]!;
  }
}

/** The keys of many records in clear, in shared blocks, hashed by this thread and a worker. */
export class KeyHasher {
  private readonly blocks: KeyBlock[] = [];
  private block: KeyBlock | null = null;
  private worker: Worker | null = null;

  constructor(
    private readonly key: Uint8Array,
    private readonly what: KeyFields,
    private readonly blockSize: number,
    threads: number,
  ) {
    if (threads > 1) this.worker = spawn({ clkKeys: true, key, what });
  }

  /** Room for one record's `size` entries: a view that `finish` hashes in place. */
  take(size: number): Float64Array {
    let b = this.block;
    if (b === null || b.filled + size > b.keys.length) {
      if (b !== null) this.hand(b);
      const length = Math.max(this.blockSize, size);
      b = this.block = {
        keys: new Float64Array(new SharedArrayBuffer(8 * length)),
        filled: 0,
        state: new Int32Array(new SharedArrayBuffer(4)),
      };
      this.blocks.push(b);
    }
    b.filled += size;
    return b.keys.subarray(b.filled - size, b.filled);
  }

  private hand(b: KeyBlock): void {
    this.worker?.postMessage({ keys: b.keys, filled: b.filled, state: b.state });
  }

  /** How many blocks the worker has hashed so far. */
  byWorker(): number {
    return this.blocks.filter((b) => Atomics.load(b.state, 0) === HASHED_BY_WORKER).length;
  }

  /** Hashes what the worker has not taken, waits for what it has, and stops it. */
  finish(): void {
    const encoder = new KeyedEncoder(this.key);
    try {
      if (this.block !== null) this.hand(this.block);
      for (let i = this.blocks.length - 1; i >= 0; i--) {
        const b = this.blocks[i]!;
        if (Atomics.compareExchange(b.state, 0, FREE, TAKEN) === FREE) {
          hashKeyBlock(encoder, this.what, b.keys, b.filled);
          Atomics.store(b.state, 0, HASHED);
        }
      }
      for (const b of this.blocks) {
        while (Atomics.load(b.state, 0) === TAKEN) Atomics.wait(b.state, 0, TAKEN, 1000);
        if (Atomics.load(b.state, 0) === FAILED) throw new Error('the thread hashing the keys failed');
      }
    } finally {
      void this.worker?.terminate();
      this.worker = null;
    }
  }
}

function spawn(data: unknown): Worker {
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`,
        { eval: true, workerData: data },
      )
    : new Worker(new URL(import.meta.url), { workerData: data });
  // The process does not wait for it: `finish` stops it, and until then it only answers blocks.
  worker.unref();
  return worker;
}

if (!isMainThread && parentPort && (workerData as { clkKeys?: unknown } | null)?.clkKeys === true) {
  const { key, what } = workerData as { key: Uint8Array; what: KeyFields };
  const encoder = new KeyedEncoder(key);
  parentPort.on('message', (b: KeyBlock) => {
    if (Atomics.compareExchange(b.state, 0, FREE, TAKEN) !== FREE) return;
    try {
      hashKeyBlock(encoder, what, b.keys, b.filled);
      Atomics.store(b.state, 0, HASHED_BY_WORKER);
    } catch {
      Atomics.store(b.state, 0, FAILED);
    }
    Atomics.notify(b.state, 0);
  });
}

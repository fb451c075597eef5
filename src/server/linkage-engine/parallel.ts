/**
 * The national batch on several cores. Blocking and comparing are most of its cost, and both split
 * cleanly: each blocking rule is independent of the others (the pairs they find are merged and
 * de-duplicated afterwards, whichever thread found them), and so is each candidate pair. A worker
 * prepares the same persons itself (same vocabulary, same term frequencies: keys, levels and tf
 * bits do not depend on which thread computed them) while the main thread prepares them too; then
 * every thread takes blocking rules from one shared counter until none is left, and later compares
 * a slice of the pairs. Pairs and vectors travel as transferred typed arrays, never copied object by
 * object (docs/adr/0031-parallel-linkage-batch.md).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  bucketPairs,
  findPairs,
  personBlockingRules,
  type BucketedPairs,
  type CandidateOptions,
} from './blocking.js';
import { personColumnComparer, type PersonColumns } from './columns.js';
import { personTermTables, type TermTable } from './comparisons.js';
import type { LinkPerson } from './record.js';
import { prepare, Vocabulary, type Prepared } from './record.js';

/**
 * What a worker is asked: compare the pairs (left[k], right[k]) over the caller's `columns` (shared
 * memory: the records as the caller prepared them), writing their vectors and tf bits into
 * `vectors` and `tf` (over shared memory) from pair `at` on.
 */
interface Job {
  left: Uint32Array;
  right: Uint32Array;
  vectors: Uint8Array;
  tf: Float32Array;
  at: number;
  columns: PersonColumns;
}

/**
 * Or: block on the rules it takes from `counter` (an Int32Array over shared memory: the index of
 * the next rule), with the caller's options (its order of the sorted neighbourhood included).
 */
interface BlockJob {
  counter: Int32Array;
  options: CandidateOptions;
}

/** The next rule of `rules` from a counter shared by the threads, or −1 when all are taken. */
export function sharedTake(counter: Int32Array, rules: number): () => number {
  return () => {
    const next = Atomics.add(counter, 0, 1);
    return next < rules ? next : -1;
  };
}

/** The first messages to a worker: the persons, one chunk of a UTF-8 JSON array at a time, in order. */
interface PersonsJob {
  persons: Uint8Array;
  last: boolean;
}

/** Pairs to compare: (left[k], right[k]) for k < count. */
export interface Segment {
  left: Uint32Array;
  right: Uint32Array;
  count: number;
}

/** Pairs from..to of `segments` taken as one list, copied into arrays of their own. */
function gather(
  segments: readonly Segment[],
  from: number,
  to: number,
): { left: Uint32Array; right: Uint32Array } {
  const left = new Uint32Array(to - from);
  const right = new Uint32Array(to - from);
  let start = 0;
  for (const s of segments) {
    const a = Math.max(from, start);
    const b = Math.min(to, start + s.count);
    if (a < b) {
      left.set(s.left.subarray(a - start, b - start), a - from);
      right.set(s.right.subarray(a - start, b - start), a - from);
    }
    start += s.count;
  }
  return { left, right };
}

/** What it answers: the comparison vectors and tf bits of the pairs, in order. */
interface Answer {
  vectors: Uint8Array;
  tf: Float32Array;
}

/** Threads for the comparisons: the cores there are, at most 4 (memory: each holds the persons). */
export function comparisonThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * A worker running this module. From TypeScript sources (tests, benchmarks) the worker registers
 * tsx first: a worker thread does not inherit the parent's --import loader.
 */
function spawn(data: unknown): Worker {
  // A larger young generation than the default: comparing allocates many short-lived values.
  const resourceLimits = { maxYoungGenerationSizeMb: 128 };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL(import.meta.url), { workerData: data, resourceLimits });
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  return new Worker(code, { eval: true, workerData: data, resourceLimits });
}

/**
 * Comparison workers for `persons`, started now so that they prepare the records while the caller
 * blocks. `compare` splits the pairs between the workers and the calling thread.
 */
export function startComparers(persons: readonly LinkPerson[], workers: number) {
  const pool = Array.from({ length: workers }, () => spawn({ comparer: true }));
  // As UTF-8 JSON in chunks of 20,000 persons, transferred, not an array of objects: structured
  // cloning 1,000,000 person objects into a worker held the calling thread for over a minute
  // (bench/README.md, "The 1M batch: threads, garbage and memory"). Each chunk is posted as soon as
  // it is encoded, and the worker prepares its persons as it arrives (bench/README.md, "The 1M
  // batch: chunks prepared as they arrive, training pairs on every thread"): its preparation runs
  // while this thread is still encoding, and no worker holds the whole population as objects.
  // Person records are plain data (strings, numbers, nulls, arrays of strings), which JSON keeps.
  if (workers > 0) {
    const encoder = new TextEncoder();
    for (let at = 0; at < persons.length || at === 0; at += 20_000) {
      const chunk = encoder.encode(JSON.stringify(persons.slice(at, at + 20_000)));
      const last = at + 20_000 >= persons.length;
      pool.forEach((worker, w) => {
        const own = w === pool.length - 1 ? chunk : chunk.slice();
        worker.postMessage({ persons: own, last } satisfies PersonsJob, [own.buffer as ArrayBuffer]);
      });
    }
  }
  const ask = (worker: Worker, job: Job) =>
    new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.postMessage(job, [job.left.buffer as ArrayBuffer, job.right.buffer as ArrayBuffer]);
    });
  return {
    /**
     * The pairs the workers find on the rules they take from `counter` (shared with the caller,
     * which blocks on the rules it takes meanwhile: `sharedTake`), each worker's bucketed by their
     * smaller record (`bucketPairs`, on the worker); await it after the caller's own.
     */
    block(counter: Int32Array, options: CandidateOptions): Promise<BucketedPairs[]> {
      // The options alone (structured clone), not whatever else the caller's object carries.
      const { linkOnly, maxBlock, window, maxBipartitePairs, rank } = options;
      const rest = { linkOnly, maxBlock, window, maxBipartitePairs, rank };
      return Promise.all(
        pool.map(
          (worker) =>
            new Promise<BucketedPairs>((resolve, reject) => {
              worker.once('message', (found: BucketedPairs) => resolve(found));
              worker.once('error', reject);
              worker.postMessage({ counter, options: rest } satisfies BlockJob);
            }),
        ),
      );
    },
    /**
     * The vectors of the pairs of `segments`, taken as one list: the calling thread (with its own
     * `local` comparison) takes the first share, worker w the (w + 1)-th; every thread writes its
     * share straight into one array over shared memory (no answer copied into it: at 1M the
     * vectors and tf bits are some 280 MB), which holds every segment's vectors and tf bits one
     * after the other, in order.
     */
    async compare(
      segments: readonly Segment[],
      columns: PersonColumns,
      local: (left: Uint32Array, right: Uint32Array, count: number, out: Answer & { at: number }) => void,
      comparisons: number,
    ): Promise<Answer> {
      const total = segments.reduce((n, s) => n + s.count, 0);
      const share = Math.ceil(total / (workers + 1));
      const vectors = new Uint8Array(new SharedArrayBuffer(total * comparisons));
      const tf = new Float32Array(new SharedArrayBuffer(total * 4));
      const answers = pool.map((worker, w) => {
        const from = Math.min(total, (w + 1) * share);
        const pairs = gather(segments, from, Math.min(total, from + share));
        return ask(worker, { ...pairs, vectors, tf, at: from, columns });
      });
      const own = Math.min(total, share);
      const first = segments[0];
      const mine = first !== undefined && first.count >= own ? first : gather(segments, 0, own);
      local(mine.left, mine.right, own, { vectors, tf, at: 0 });
      await Promise.all(answers);
      return { vectors, tf };
    },
    /** Stops the workers (their memory is freed; call once their last answer is in). */
    stop: () => Promise.all(pool.map((worker) => worker.terminate())),
  };
}

if (!isMainThread && parentPort && (workerData as { comparer?: unknown } | null)?.comparer === true) {
  const port = parentPort;
  let vocabulary: Vocabulary | undefined = new Vocabulary();
  let prepared: Prepared[] = [];
  let state: { words: readonly string[]; tables: { givenTf: TermTable; surnameTf: TermTable } } | undefined;
  const decoder = new TextDecoder();
  port.on('message', (job: PersonsJob | Job | BlockJob) => {
    if ('persons' in job) {
      // Prepared in order, chunk by chunk: the same ids and term counts as one pass over them all.
      for (const p of JSON.parse(decoder.decode(job.persons)) as LinkPerson[])
        prepared.push(prepare(p, prepared.length, vocabulary!));
      if (job.last) state = { words: vocabulary!.words, tables: personTermTables(prepared) };
      return;
    }
    if ('counter' in job) {
      const rules = personBlockingRules(vocabulary!);
      const found = findPairs(prepared, rules, job.options, sharedTake(job.counter, rules.length));
      // The comparisons read the caller's columns: this thread's prepared records and vocabulary
      // (but its words) are not needed any more, and are left to the collector.
      const records = prepared.length;
      prepared = [];
      vocabulary = undefined;
      const bucketed = bucketPairs(records, found);
      port.postMessage(bucketed, [
        bucketed.starts.buffer as ArrayBuffer,
        bucketed.partners.buffer as ArrayBuffer,
      ]);
      return;
    }
    const { words, tables } = state!;
    personColumnComparer({ words }, job.columns, tables).compare(job.left, job.right, job.left.length, job);
    port.postMessage(job.left.length);
  });
}

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
import { personColumnComparer, personColumns, type PersonColumns } from './columns.js';
import { personRank } from './blocking-rank.js';
import { personTermTables, type TermTable } from './comparisons.js';
import { scoreRange } from './model.js';
import type { LinkPerson } from './record.js';
import { prepare, Vocabulary, type Prepared } from './record.js';

/**
 * What a worker is asked: compare the pairs (left[k], right[k]) over the caller's `columns` (shared
 * memory: the records as the caller prepared them), writing their vectors and tf bits into
 * `vectors` and `tf` (over shared memory): the pairs are ranges one after the other, range r of
 * `counts[r]` pairs written from pair `ats[r]` on.
 */
interface Job {
  left: Uint32Array;
  right: Uint32Array;
  vectors: Uint8Array;
  tf: Float32Array;
  ats: number[];
  counts: number[];
  columns: PersonColumns;
}

/**
 * Or: block on the rules it takes from `counter` (an Int32Array over shared memory: the index of
 * the next rule), with the caller's options; without the caller's order of the sorted
 * neighbourhood (`rank`), the worker computes it from its own records (`personRank`: the same
 * order, from the same preparation), so that it starts blocking as soon as it has prepared them.
 */
interface BlockJob {
  counter: Int32Array;
  options: CandidateOptions;
  /** Then answer the typed columns of the records (`personColumns`) too. */
  columns: boolean;
}

/** The next rule of `rules` from a counter shared by the threads, or −1 when all are taken. */
export function sharedTake(counter: Int32Array, rules: number): () => number {
  return () => {
    const next = Atomics.add(counter, 0, 1);
    return next < rules ? next : -1;
  };
}

/**
 * Or: score pairs from..to (`scoreRange`) with the flat level weights `table`, into `out` (shared).
 */
interface ScoreJob {
  table: Float64Array;
  c: number;
  prior: number;
  vectors: Uint8Array;
  tf: Float32Array;
  from: number;
  to: number;
  out: Float64Array;
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

/**
 * Thread t's share of every segment (t = 0 the calling thread): each segment split in `threads`
 * equal parts. The training sessions' pairs (pairs of one rule's blocks, most of them two persons
 * with different given names: more word pairs to compare for similarity) cost about twice the
 * candidates' per pair; split as one list, the worker took all of them and compared for 2.2 times
 * as long as the calling thread at 300,000 (bench/README.md, "The 1M batch: records dropped
 * before the comparisons").
 */
function shareOf(
  segments: readonly Segment[],
  threads: number,
  t: number,
): { from: number; to: number; at: number }[] {
  let start = 0;
  return segments.map((s) => {
    const share = Math.ceil(s.count / threads);
    const from = Math.min(s.count, t * share);
    const to = Math.min(s.count, from + share);
    const range = { from, to, at: start + from };
    start += s.count;
    return range;
  });
}

/** The pairs of `ranges` of `segments`, copied into arrays of their own, one range after another. */
function gather(
  segments: readonly Segment[],
  ranges: readonly { from: number; to: number }[],
): { left: Uint32Array; right: Uint32Array } {
  const total = ranges.reduce((n, r) => n + r.to - r.from, 0);
  const left = new Uint32Array(total);
  const right = new Uint32Array(total);
  let at = 0;
  segments.forEach((s, x) => {
    const { from, to } = ranges[x]!;
    left.set(s.left.subarray(from, to), at);
    right.set(s.right.subarray(from, to), at);
    at += to - from;
  });
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
 * prepares them too, and block as soon as they have (on the rules they take from `counter`, shared
 * with the caller: `sharedTake`). `compare` splits the pairs between the workers and the calling
 * thread.
 */
export function startComparers(
  persons: readonly LinkPerson[],
  workers: number,
  options: CandidateOptions = {},
) {
  const pool = Array.from({ length: workers }, () => spawn({ comparer: true }));
  // As UTF-8 JSON in chunks of 20,000 persons, transferred, not an array of objects: structured
  // cloning 1,000,000 person objects into a worker held the calling thread for over a minute
  // (bench/README.md, "The 1M batch: threads, garbage and memory"). Each chunk is posted as soon as
  // it is encoded, and the worker prepares its persons as it arrives (bench/README.md, "The 1M
  // batch: chunks prepared as they arrive, training pairs on every thread"): its preparation runs
  // while this thread is still encoding, and no worker holds the whole population as objects.
  // Not posted as strings: that saved the UTF-8 encoding and decoding but raised the batch's peak
  // by some 100 MiB at 1M (bench/README.md, "The 1M batch: records dropped before the
  // comparisons"). Person records are plain data (strings, numbers, nulls, arrays of strings),
  // which JSON keeps.
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
  // The blocking job follows the persons at once: a worker that has prepared them takes rules while
  // the calling thread is still preparing (it waited about a second for the caller's rank before).
  const counter = new Int32Array(new SharedArrayBuffer(4));
  // The options alone (structured clone), not whatever else the caller's object carries.
  const { linkOnly, maxBlock, window, maxBipartitePairs, rank, nearest } = options;
  const rest = { linkOnly, maxBlock, window, maxBipartitePairs, rank, nearest };
  // The first worker then writes the typed columns of its records (the same bytes as the caller's
  // `personColumns` would: the same preparation) while the caller merges the pairs.
  let columnsFrom: (columns: PersonColumns) => void = () => undefined;
  let columnsFailed: (error: unknown) => void = () => undefined;
  const columns = new Promise<PersonColumns>((resolve, reject) => {
    columnsFrom = resolve;
    columnsFailed = reject;
  });
  const blocked = Promise.all(
    pool.map(
      (worker, w) =>
        new Promise<BucketedPairs>((resolve, reject) => {
          worker.once('message', (found: BucketedPairs) => {
            if (w === 0) worker.once('message', columnsFrom);
            resolve(found);
          });
          worker.once('error', (error) => {
            reject(error);
            columnsFailed(error);
          });
          worker.postMessage({ counter, options: rest, columns: w === 0 } satisfies BlockJob);
        }),
    ),
  );
  // A rejection is awaited by `block` and `columns`; until then it must not count as unhandled.
  blocked.catch(() => undefined);
  columns.catch(() => undefined);
  const ask = (worker: Worker, job: Job) =>
    new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.postMessage(job, [job.left.buffer as ArrayBuffer, job.right.buffer as ArrayBuffer]);
    });
  return {
    /**
     * The shared counter of the blocking rules: the caller takes rules from it (`sharedTake`)
     * while the workers do.
     */
    counter,
    /**
     * The pairs the workers found on the rules they took from `counter`, each worker's bucketed by
     * their smaller record (`bucketPairs`, on the worker); await it after the caller's own.
     */
    block: (): Promise<BucketedPairs[]> => blocked,
    /** The typed columns of the persons, written by the first worker once it has blocked. */
    columns: (): Promise<PersonColumns> => columns,
    /**
     * The vectors of the pairs of `segments`: the calling thread (with its own `local` comparison)
     * takes the first share of every segment, worker w the (w + 1)-th (`shareOf`); every thread writes its
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
      const vectors = new Uint8Array(new SharedArrayBuffer(total * comparisons));
      const tf = new Float32Array(new SharedArrayBuffer(total * 4));
      const answers = pool.map((worker, w) => {
        const ranges = shareOf(segments, workers + 1, w + 1);
        const pairs = gather(segments, ranges);
        const ats = ranges.map((r) => r.at);
        const counts = ranges.map((r) => r.to - r.from);
        return ask(worker, { ...pairs, vectors, tf, ats, counts, columns });
      });
      shareOf(segments, workers + 1, 0).forEach(({ from, to, at }, x) => {
        const s = segments[x]!;
        local(s.left.subarray(from, to), s.right.subarray(from, to), to - from, { vectors, tf, at });
      });
      await Promise.all(answers);
      return { vectors, tf };
    },
    /**
     * The match probabilities of the first `count` pairs of `compared` (`scoreRange` with the flat
     * level weights `table`), each thread scoring its share into one array over shared memory.
     */
    async score(
      table: Float64Array,
      prior: number,
      compared: { vectors: Uint8Array; tf: Float32Array },
      count: number,
      c: number,
    ): Promise<Float64Array> {
      const out = new Float64Array(new SharedArrayBuffer(Math.max(1, count) * 8), 0, count);
      const share = Math.ceil(count / (workers + 1));
      const { vectors, tf } = compared;
      const answers = pool.map((worker, w) => {
        const from = Math.min(count, (w + 1) * share);
        const to = Math.min(count, from + share);
        return new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
          worker.postMessage({ table, c, prior, vectors, tf, from, to, out } satisfies ScoreJob);
        });
      });
      scoreRange(table, c, prior, vectors, tf, 0, Math.min(count, share), out);
      await Promise.all(answers);
      return out;
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
  port.on('message', (job: PersonsJob | Job | BlockJob | ScoreJob) => {
    if ('persons' in job) {
      // Prepared in order, chunk by chunk: the same ids and term counts as one pass over them all.
      for (const p of JSON.parse(decoder.decode(job.persons)) as LinkPerson[])
        prepared.push(prepare(p, prepared.length, vocabulary!));
      if (job.last) state = { words: vocabulary!.words, tables: personTermTables(prepared) };
      return;
    }
    if ('counter' in job) {
      const rules = personBlockingRules(vocabulary!);
      const options = { ...job.options, rank: job.options.rank ?? personRank(vocabulary!, prepared) };
      const found = findPairs(prepared, rules, options, sharedTake(job.counter, rules.length));
      const bucketed = bucketPairs(prepared.length, found);
      port.postMessage(bucketed, [
        bucketed.starts.buffer as ArrayBuffer,
        bucketed.partners.buffer as ArrayBuffer,
      ]);
      // The columns in shared memory, written here while the caller merges the pairs (it wrote
      // them itself after the merge before: bench/README.md, "The 1M batch: the serial stretches").
      if (job.columns) port.postMessage(personColumns(prepared));
      // The comparisons read the columns: this thread's prepared records and vocabulary (but its
      // words) are not needed any more, and are left to the collector.
      prepared = [];
      vocabulary = undefined;
      return;
    }
    if ('table' in job) {
      scoreRange(job.table, job.c, job.prior, job.vectors, job.tf, job.from, job.to, job.out);
      port.postMessage(job.to - job.from);
      return;
    }
    const { words, tables } = state!;
    const comparer = personColumnComparer({ words }, job.columns, tables);
    let from = 0;
    job.counts.forEach((count, r) => {
      const to = from + count;
      const out = { vectors: job.vectors, tf: job.tf, at: job.ats[r]! };
      comparer.compare(job.left.subarray(from, to), job.right.subarray(from, to), count, out);
      from = to;
    });
    port.postMessage(job.left.length);
  });
}

/**
 * One benchmark case, run in its own process by run.ts so that its peak memory is its own:
 * `febrl3|febrl4|paraguay plain|clk [--persons N]`, `batch --size N`, `intake --size N --queries Q`.
 * Prints one JSON line of figures.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { encodeClk, linkClk } from '../../src/server/linkage-engine/clk.js';
import { DEFAULT_MAX_BLOCK, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { personComparisons } from '../../src/server/linkage-engine/comparisons.js';
import { clusterPairs } from '../../src/server/linkage-engine/cluster.js';
import { blockingRecall, clusterQuality, pairQuality } from '../../src/server/linkage-engine/evaluate.js';
import {
  linkPersons,
  linkPersonsParallel,
  preparePersons,
  type LinkageResult,
} from '../../src/server/linkage-engine/linkage.js';
import { comparisonThreads } from '../../src/server/linkage-engine/parallel.js';
import { LinkageIndex } from '../../src/server/linkage-engine/lookup.js';
import { personOrder } from '../../src/server/linkage-engine/blocking-rank.js';
import { prepare } from '../../src/server/linkage-engine/record.js';
import { readFebrl, type Labelled } from './febrl.js';
import { paraguayanPopulation } from './population.js';
import { hardPopulation, SETTINGS } from './hard.js';

const [, , name = 'febrl4', mode = 'plain', ...rest] = process.argv;
function flag(key: string, fallback: number): number {
  const at = rest.indexOf(`--${key}`);
  return at >= 0 ? Number(rest[at + 1]) : fallback;
}

function dataset(): { data: Labelled; linkOnly: boolean } {
  if (name === 'febrl3') return { data: readFebrl('febrl_dataset3.csv', 'a'), linkOnly: false };
  if (name === 'febrl4') {
    const a = readFebrl('febrl_dataset4a.csv', 'a');
    const b = readFebrl('febrl_dataset4b.csv', 'b');
    return {
      data: { records: [...a.records, ...b.records], entities: [...a.entities, ...b.entities] },
      linkOnly: true,
    };
  }
  // The harder generator's settings (hard.ts): `clean`, `moderate`, `hard`, `very-hard`.
  // `--seed N`: another draw of the same setting (11 by default).
  if (name.split('+')[0]! in SETTINGS)
    return { data: hardPopulation(flag('persons', 10_000), name, flag('seed', 11)), linkOnly: false };
  return { data: paraguayanPopulation(flag('persons', 10_000)), linkOnly: false };
}

/**
 * The CLK secret: drawn at random per run, or `--secret-hex H` (64 hex digits) to repeat a run with
 * one secret, so that the outputs hash of two versions of the engine can be compared.
 */
function clkSecret(): Uint8Array {
  const at = rest.indexOf('--secret-hex');
  if (at < 0) return randomBytes(32);
  const hex = rest[at + 1] ?? '';
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('--secret-hex needs 64 hex digits');
  return Buffer.from(hex, 'hex');
}

/** `--setting S` makes the batch and intake populations with the harder generator's setting S. */
const settingAt = rest.indexOf('--setting');
const setting = settingAt >= 0 ? rest[settingAt + 1]! : null;

/** A population of exactly `size` registrations (persons drawn until there are enough). */
function population(size: number): Labelled {
  const persons = Math.ceil(size / 2.2) + 10;
  const { records, entities } = setting ? hardPopulation(persons, setting) : paraguayanPopulation(persons);
  return { records: records.slice(0, size), entities: entities.slice(0, size) };
}

function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function unguarded(result: LinkageResult, data: Labelled) {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const links = [...result.matches, ...result.review.filter((p) => p.probability >= 0.9)];
  const labels = clusterPairs(
    data.records.length,
    Uint32Array.from(links, (p) => p.left),
    Uint32Array.from(links, (p) => p.right),
    Float64Array.from(links, (p) => p.probability),
    0.9,
  );
  const pairs = pairQuality(links, data.entities);
  const clusters = clusterQuality(labels, data.entities);
  const q = (x: { precision: number; recall: number; f1: number }) => ({
    precision: round(x.precision),
    recall: round(x.recall),
    f1: round(x.f1),
  });
  return { pairs: q(pairs), clusters: q(clusters) };
}

/** A hash of the candidate pairs, their probabilities and the cluster labels. */
function outputsHash(result: LinkageResult): string {
  const hash = createHash('sha256');
  for (const a of [result.left, result.right, result.probabilities, result.clusters])
    hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest('hex').slice(0, 16);
}

function quality(result: LinkageResult, data: Labelled) {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const pairs = pairQuality(result.matches, data.entities);
  const clusters = clusterQuality(result.clusters, data.entities);
  return {
    records: data.records.length,
    candidates: result.candidates,
    // The pairs, their probabilities and the clusters hashed: a change only about speed keeps it.
    outputs: outputsHash(result),
    blockingRecall: round(blockingRecall(result.left, result.right, result.candidates, data.entities)),
    pairs: { precision: round(pairs.precision), recall: round(pairs.recall), f1: round(pairs.f1) },
    clusters: {
      precision: round(clusters.precision),
      recall: round(clusters.recall),
      f1: round(clusters.f1),
    },
    review: result.review.length,
    refused: result.refused,
    perRule: result.perRule,
    skippedBlocks: result.skippedBlocks,
    // The same scores clustered without the safeguard: every pair at or above the threshold links.
    withoutSafeguard: unguarded(result, data),
    timings: result.timings,
  };
}

/** Writes the candidate pairs, their probabilities and each record's document and date of birth. */
function dumpScored(dir: string, result: LinkageResult, data: Labelled): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, a] of [
    ['left', result.left],
    ['right', result.right],
    ['probabilities', result.probabilities],
    ['clusters', result.clusters],
  ] as const)
    fs.writeFileSync(path.join(dir, `${file}.bin`), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const { records } = preparePersons(data.records);
  fs.writeFileSync(
    path.join(dir, 'evidence.json'),
    JSON.stringify({ documents: records.map((r) => r.document), dobs: records.map((r) => r.dob) }),
  );
}

/** `--no-safeguard` turns the cluster safeguard off (to measure what it changes). */
const safeguard = !rest.includes('--no-safeguard');

if (name === 'batch') {
  const data = population(flag('size', 1_000_000));
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await linkPersonsParallel(data.records, {
    maxBlock: flag('max-block', DEFAULT_MAX_BLOCK),
    window: flag('window', 8),
    threads: flag('threads', comparisonThreads()),
    safeguard,
  });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    JSON.stringify({
      case: 'batch',
      ms: Math.round(ms),
      // CPU time of all threads: what the batch costs when other jobs share the cores.
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakMb: peakMb(),
      ...quality(result, data),
    }),
  );
  // `--dump DIR`: the scored pairs and the records' hard evidence, for bench/linkage/cluster-time.ts.
  const dumpAt = rest.indexOf('--dump');
  if (dumpAt >= 0) dumpScored(rest[dumpAt + 1]!, result, data);
} else if (name === 'intake') {
  const size = flag('size', 1_000_000);
  const queries = flag('queries', 1_000);
  // Queries are registrations taken out of the population at even steps, so most of them have
  // another registration of the same person in the index (what intake should find).
  const data = population(size + queries);
  const step = Math.floor(data.records.length / queries);
  const isQuery = (i: number) => i % step === 0 && i / step < queries;
  const existing = data.records.filter((_, i) => !isQuery(i));
  const existingEntities = data.entities.filter((_, i) => !isQuery(i));
  const queryIndexes = data.records.map((_, i) => i).filter(isQuery);
  const buildStart = performance.now();
  const { vocab, records } = preparePersons(existing);
  // The model is the one the national batch estimates; a smaller sample is enough to estimate it.
  const trained = linkPersons(existing.slice(0, 100_000), { maxBlock: flag('max-block', DEFAULT_MAX_BLOCK) });
  const comparisons = personComparisons(vocab, records);
  // The batch's maximum block, cap and budgets unless `--max-block N` says otherwise.
  const index = new LinkageIndex(
    records,
    comparisons,
    personBlockingRules(vocab),
    trained.model,
    trained.prior,
    {
      maxBlock: flag('max-block', DEFAULT_MAX_BLOCK),
      order: personOrder(vocab),
    },
  );
  const built = performance.now() - buildStart;
  const known = new Set(existingEntities);
  const times: number[] = [];
  let hits = 0;
  let withTwin = 0;
  let compared = 0;
  for (const q of queryIndexes) {
    const person = data.records[q]!;
    const start = performance.now();
    const query = prepare(person, -1, vocab, false);
    const found = index.find(query, 0.3);
    times.push(performance.now() - start);
    compared += index.candidates(query).length;
    if (known.has(data.entities[q]!)) withTwin++;
    if (found.some((c) => existingEntities[c.index] === data.entities[q])) hits++;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 100) / 100;
  console.log(
    JSON.stringify({
      case: 'intake',
      size,
      queries,
      p50: at(0.5),
      p95: at(0.95),
      max: at(1),
      buildS: Math.round(built / 1000),
      comparedPerQuery: Math.round(compared / queryIndexes.length),
      hits,
      withTwin,
      peakMb: peakMb(),
    }),
  );
} else {
  const { data, linkOnly } = dataset();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  // `--apart-below P` (0: off) overrides the clustering's cannot-link threshold (cluster.ts).
  const cluster = {
    ...(rest.includes('--apart-below') ? { cluster: { apartBelow: flag('apart-below', 0.01) } } : {}),
    // `--match-count-em`: the prior from EM's share of matches among the candidates (linkage.ts).
    ...(rest.includes('--match-count-em') ? { matchCount: 'em' as const } : {}),
  };
  const result =
    mode === 'clk'
      ? linkClk(encodeClk(data.records, clkSecret()), { linkOnly, ...cluster })
      : linkPersons(data.records, {
          linkOnly,
          safeguard,
          ...cluster,
          ...(rest.includes('--max-bipartite') ? { maxBipartitePairs: flag('max-bipartite', 400) } : {}),
          ...(rest.includes('--max-block') ? { maxBlock: flag('max-block', 5_000) } : {}),
        });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    JSON.stringify({
      case: name,
      mode,
      ms: Math.round(ms),
      // CPU time of the linkage (generation excluded): what it costs on a shared machine.
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakMb: peakMb(),
      ...quality(result, data),
    }),
  );
}

/**
 * The cluster phase alone on scored pairs written by `case.ts batch … --dump DIR`:
 * `npx tsx bench/linkage/cluster-time.ts DIR [rounds] [module]` runs `clusterLinks` (of `module`, a
 * path from this directory to another version of cluster.ts for an A/B; cluster.ts by default) with
 * `DEFAULT_CLUSTER_OPTIONS` and the records' hard evidence `rounds` times and prints the CPU and
 * wall time of each round and a hash of the labels and the pairs' decisions (a change only about
 * speed keeps it). Only synthetic records (the bench's generator).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CLUSTER_OPTIONS, DEFAULT_THRESHOLDS } from '../../src/server/linkage-engine/linkage.js';

const [dir = '', rounds = '3', module = '../../src/server/linkage-engine/cluster.js'] = process.argv.slice(2);
const { clusterLinks } = (await import(
  module
)) as typeof import('../../src/server/linkage-engine/cluster.js');
const read = (file: string) => {
  const bytes = fs.readFileSync(path.join(dir, `${file}.bin`));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
const left = new Uint32Array(read('left'));
const right = new Uint32Array(read('right'));
const probabilities = new Float64Array(read('probabilities'));
const stored = new Uint32Array(read('clusters'));
const { documents, dobs } = JSON.parse(fs.readFileSync(path.join(dir, 'evidence.json'), 'utf8')) as {
  documents: (string | null)[];
  dobs: (string | null)[];
};
const evidence = { document: (i: number) => documents[i]!, dob: (i: number) => dobs[i]! };
const n = documents.length;

for (let round = 0; round < Number(rounds); round++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { labels, decision } = clusterLinks(
    n,
    left,
    right,
    probabilities,
    DEFAULT_THRESHOLDS.match,
    evidence,
    DEFAULT_CLUSTER_OPTIONS,
  );
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const hash = createHash('sha256');
  for (const a of [labels, decision]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  let differ = 0;
  for (let i = 0; i < n; i++) if (labels[i] !== stored[i]) differ++;
  console.log(
    JSON.stringify({
      round,
      records: n,
      pairs: left.length,
      ms: Math.round(ms),
      cpuMs: Math.round((used.user + used.system) / 1000),
      outputs: hash.digest('hex').slice(0, 16),
      labelsUnlikeTheBatch: differ,
    }),
  );
}

/**
 * The linkage benchmark, one command from the repository root:
 *
 *   npx tsx bench/linkage/run.ts [--persons 10000] [--seed 11] [--size 1000000] [--queries 1000] [--max-block 20]
 *     [--intake-max-block 50] [--threads N] [--quick]
 *
 * Runs every case in its own process (so peak memory is the case's own) and prints a table:
 * FEBRL 3 (de-duplication), FEBRL 4 (linkage) and the synthetic Paraguayan population, each in
 * plaintext and privacy-preserving (CLK) mode, then the national batch over `--size` registrations
 * and the intake look-up against `--size` registrations. `--quick` uses 100,000 for the last two.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeSetting, SETTINGS } from './hard.js';

const args = process.argv.slice(2);
function flag(key: string, fallback: string): string {
  const at = args.indexOf(`--${key}`);
  return at >= 0 ? args[at + 1]! : fallback;
}
const quick = args.includes('--quick');
/** `--quality-only`: the quality table alone (no 1M batch or intake look-up). */
const qualityOnly = args.includes('--quality-only');
/** `--sets a,b`: only these data sets (febrl3, febrl4, paraguay, clean, moderate, hard, very-hard). */
const sets = flag('sets', 'febrl3,febrl4,paraguay,clean,moderate,hard,very-hard').split(',');
/** `--batch-setting S`: the national batch and intake populations from the harder generator's setting S. */
const batchSetting = flag('batch-setting', '');
const persons = flag('persons', '10000');
/** `--seed N`: the harder generator's seed (11 by default; another seed is another draw of each setting). */
const seed = flag('seed', '11');
const size = flag('size', quick ? '100000' : '1000000');
const queries = flag('queries', '1000');
/** Blocks larger than this are compared by sorted neighbourhood in the batch. */
const maxBlock = flag('max-block', '20');
/** Blocks larger than this are not searched at intake. */
const intakeMaxBlock = flag('intake-max-block', '50');
const threads = flag('threads', '0');
const script = fileURLToPath(new URL('./case.ts', import.meta.url));

function run(caseArgs: string[]): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    // A larger young generation: the batch allocates many short-lived arrays (keys, pairs).
    ['--import', 'tsx', '--max-old-space-size=8192', '--max-semi-space-size=64', script, ...caseArgs],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

type Q = { precision: number; recall: number; f1: number };
const pct = (x: number) => (x * 100).toFixed(2);
const f = (q: Q) => `${pct(q.precision)} / ${pct(q.recall)} / ${pct(q.f1)}`;

console.log(
  '| Data set | Mode | Records | Candidate pairs | Blocking recall % | Pairs P / R / F1 % | Clusters P / R / F1 % | Review band | Time s | CPU s | Peak MB |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const name of sets) {
  for (const mode of ['plain', 'clk']) {
    const r = run([name, mode, '--persons', persons, '--seed', seed]);
    console.log(
      `| ${name} | ${mode} | ${r.records} | ${r.candidates} | ${pct(r.blockingRecall as number)} | ${f(r.pairs as Q)} | ${f(r.clusters as Q)} | ${r.review} | ${((r.ms as number) / 1000).toFixed(1)} | ${((r.cpuMs as number) / 1000).toFixed(1)} | ${r.peakMb} |`,
    );
  }
}
console.log('\nGenerator settings (bench/linkage/hard.ts), rates per registration or per name word:');
for (const name of sets) if (name in SETTINGS) console.log(`- ${describeSetting(name)}`);
if (qualityOnly) process.exit(0);
const settingArgs = batchSetting ? ['--setting', batchSetting] : [];
const batch = run([
  'batch',
  'plain',
  '--size',
  size,
  '--max-block',
  maxBlock,
  ...(threads === '0' ? [] : ['--threads', threads]),
  ...settingArgs,
]);
console.log(
  `| national batch | plain | ${batch.records} | ${batch.candidates} | ${pct(batch.blockingRecall as number)} | ${f(batch.pairs as Q)} | ${f(batch.clusters as Q)} | ${batch.review} | ${((batch.ms as number) / 1000).toFixed(1)} (CPU ${((batch.cpuMs as number) / 1000).toFixed(1)}) | ${batch.peakMb} |`,
);
const timings = batch.timings as Record<string, number>;
const without = batch.withoutSafeguard as { pairs: Q; clusters: Q };
console.log(
  `\nNational batch phases (wall s): ${Object.entries(timings)
    .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)}`)
    .join(
      ', ',
    )}; ${batch.refused} links refused by the cluster safeguard; without it pairs ${f(without.pairs)}, clusters ${f(without.clusters)}.`,
);
const intake = run([
  'intake',
  'plain',
  '--size',
  size,
  '--queries',
  queries,
  '--max-block',
  intakeMaxBlock,
  ...settingArgs,
]);
console.log(
  `\nIntake look-up against ${intake.size} registrations, ${intake.queries} queries: p50 ${intake.p50} ms, p95 ${intake.p95} ms, max ${intake.max} ms; ` +
    `the true person among the matches for ${intake.hits} of ${intake.withTwin} queries whose person was registered; peak ${intake.peakMb} MB.`,
);

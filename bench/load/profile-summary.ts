/**
 * Where a `node --cpu-prof` profile's time went, without a browser: self time by function and by
 * package (or source folder), and the inclusive time of the functions named with `--focus`.
 *
 *   npx tsx bench/load/profile-summary.ts FILE.cpuprofile [--top 40] [--per 1000] [--focus name,name…]
 *                                         [--from ms] [--to ms] [--after-last url-part]
 *                                         [--callers name]
 *
 * `--per N` divides every figure by N (the requests the profile covers) to give ms per request;
 * `--from`/`--to` keep the samples between those milliseconds after the profile's start (the
 * requests measured, not the server's start); `--after-last node:internal/modules` keeps the samples
 * after the last one whose stack holds a frame of that url (the server's start: modules loading);
 * `--callers NAME` the stacks (5 frames up) under which function NAME ran, by inclusive time. Used for the CPU-per-request work of issue 18
 * (bench/README.md): load benchmarks write the profiles (`--cpu-prof-dir`), this reads them.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '40' },
    per: { type: 'string', default: '1' },
    focus: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'after-last': { type: 'string' },
    callers: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const per = Number(values.per);
const top = Number(values.top);
let from = values.from === undefined ? -Infinity : Number(values.from) * 1000;
const to = values.to === undefined ? Infinity : Number(values.to) * 1000;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const afterLast = values['after-last'];
if (afterLast) {
  const stackHas = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)!.callFrame.url.includes(afterLast)) return true;
    return false;
  };
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (stackHas(profile.samples[i]!)) from = Math.max(from, at + 1);
  }
}

/** Self time (µs) per node over the samples kept. */
const self = new Map<number, number>();
let t = 0;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i] ?? 0;
  if (t < from || t > to) continue;
  const delta = profile.timeDeltas[i + 1] ?? 0;
  const id = profile.samples[i]!;
  self.set(id, (self.get(id) ?? 0) + delta);
  total += delta;
}

/** The package or source folder a frame belongs to. */
function placeOf(url: string, name: string): string {
  if (!url) return `(${name || 'native'})`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1).replace(/\/[^/]*$/, '');
  return url.replace(/^.*\//, '');
}
const frameOf = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

const ms = (us: number) => (us / 1000 / per).toFixed(per === 1 ? 0 : 3);
function table(title: string, m: Map<string, number>): void {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${ms(v).padStart(9)}  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
}

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  byFunction.set(frameOf(n), (byFunction.get(frameOf(n)) ?? 0) + us);
  const place = placeOf(n.callFrame.url, n.callFrame.functionName);
  byPlace.set(place, (byPlace.get(place) ?? 0) + us);
}
console.log(
  `${file}: ${(total / 1000).toFixed(0)} ms sampled${per === 1 ? '' : `, figures in ms per request (÷ ${per})`}`,
);
table('self time by package or folder', byPlace);
table('self time by function', byFunction);

if (values.focus) {
  // Inclusive time: a sample counts once for each focused name on its stack.
  const names = values.focus.split(',');
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)!;
      for (const name of names)
        if (!seen.has(name) && (n.callFrame.functionName === name || n.callFrame.url.includes(name))) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + us);
        }
    }
  }
  table('inclusive time of the focused names', inclusive);
}

if (values.callers) {
  const name = values.callers;
  const stacks = new Map<string, number>();
  for (const [id, us] of self) {
    let at: number | undefined = id;
    while (at !== undefined && byId.get(at)!.callFrame.functionName !== name) at = parent.get(at);
    if (at === undefined) continue;
    const frames: string[] = [];
    for (let up = parent.get(at); up !== undefined && frames.length < 5; up = parent.get(up))
      frames.push(frameOf(byId.get(up)!));
    const key = frames.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + us);
  }
  table(`where ${name} ran (its callers, innermost first)`, stacks);
}

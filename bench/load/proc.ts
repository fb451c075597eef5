/**
 * CPU time of processes from /proc (Linux): what the load benchmarks report per request beside
 * req/s, since on a shared machine req/s measures the neighbours as much as the server.
 */
import fs from 'node:fs';

export const TICK_MS = 10; // USER_HZ = 100 on Linux

/** utime + stime of `pid`, in clock ticks (0 once it is gone). */
export function ticksOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0;
  }
}

/** `root` and every process under it. */
export function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid);
  return out;
}

/** CPU ms of `pids` (and, with `withChildren`, of every process under each). */
export function cpuMsOf(pids: readonly number[], withChildren = false): number {
  const all = withChildren ? pids.flatMap((p) => descendants(p)) : pids;
  return all.reduce((s, p) => s + ticksOf(p), 0) * TICK_MS;
}

/** utime + stime of the main thread of `pid` (its thread id is its process id), in ms. */
export function mainThreadMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

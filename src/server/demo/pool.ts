/**
 * Where chunks come from: built in this thread, or by worker threads (a bounded number in flight,
 * so memory stays constant), always handed out in order.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { buildChunk, contextFrom, type BuiltChunk, type DemoPlanData, type KeyMaterial } from './chunk.js';

export interface ChunkSourceOptions {
  data: DemoPlanData;
  crypto: FieldCrypto;
  /** Needed for worker threads (each builds its own FieldCrypto); null builds in this thread. */
  keys: KeyMaterial | null;
  total: number;
  chunkSize: number;
  workers: number;
}

function spawn(data: DemoPlanData, keys: KeyMaterial): Worker {
  const workerData = { data, keys };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  // Running from the TypeScript sources (tsx, vitest): the thread registers tsx's loader first.
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const file = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** The chunks of cases [0, total), in order. */
export async function* chunkSource(o: ChunkSourceOptions): AsyncGenerator<BuiltChunk> {
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start < o.total; start += o.chunkSize)
    ranges.push([start, Math.min(o.total, start + o.chunkSize)]);
  if (o.workers < 1 || !o.keys) {
    const ctx = contextFrom(o.data, o.crypto);
    for (const [start, end] of ranges) yield buildChunk(ctx, start, end);
    return;
  }
  const keys = o.keys;
  const workers = Array.from({ length: Math.min(o.workers, ranges.length) }, () => {
    const worker = spawn(o.data, keys);
    // A worker answers its jobs in the order it got them.
    const waiting: Array<{ resolve: (c: BuiltChunk) => void; reject: (e: unknown) => void }> = [];
    worker.on('message', (chunk: BuiltChunk) => waiting.shift()?.resolve(chunk));
    worker.on('error', (error) => waiting.splice(0).forEach((w) => w.reject(error)));
    worker.on('exit', (code) => {
      if (code !== 0)
        waiting.splice(0).forEach((w) => w.reject(new Error(`A demo generator thread stopped (${code}).`)));
    });
    return { worker, waiting };
  });
  const inFlight: Array<Promise<BuiltChunk>> = [];
  let next = 0;
  const submit = () => {
    const [start, end] = ranges[next]!;
    const w = workers[next % workers.length]!;
    next++;
    const chunk = new Promise<BuiltChunk>((resolve, reject) => {
      w.waiting.push({ resolve, reject });
      w.worker.postMessage({ start, end });
    });
    chunk.catch(() => {}); // observed when its turn comes; not an unhandled rejection before
    inFlight.push(chunk);
  };
  try {
    while (next < ranges.length && inFlight.length < workers.length * 2) submit();
    while (inFlight.length) {
      const chunk = await inFlight.shift()!;
      if (next < ranges.length) submit();
      yield chunk;
    }
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

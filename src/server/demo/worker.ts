/**
 * A demo generator thread: builds chunks of cases (generation and encryption are the CPU cost)
 * while the main thread writes earlier chunks to the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildChunk, contextFrom, cryptoFrom, type DemoPlanData, type KeyMaterial } from './chunk.js';

const { data, keys } = workerData as { data: DemoPlanData; keys: KeyMaterial };
const ctx = contextFrom(data, cryptoFrom(keys));

parentPort!.on('message', (job: { start: number; end: number }) => {
  parentPort!.postMessage(buildChunk(ctx, job.start, job.end));
});

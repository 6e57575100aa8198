/** Worker thread of the spec-job pool: runs each batch of spec jobs it is sent, in order. */
import { parentPort } from 'node:worker_threads';
import { runSpecJob, type SpecJob } from '../jobs.js';

parentPort!.on('message', (batch: { id: number; jobs: SpecJob[] }) => {
  try {
    parentPort!.postMessage({ id: batch.id, results: batch.jobs.map(runSpecJob) });
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

/**
 * Spec jobs across worker threads, an execution detail of the build. Batches go to whichever
 * worker is free (the machine is shared, so static splits leave cores idle), and each result is
 * stored at its job's index: the output never depends on scheduling. Small runs stay on the main
 * thread, where they cost less than starting workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JobRunner, SpecJob, SpecJobResult } from '../jobs.js';

/** Below this many jobs, worker start-up (loading the generator per thread) costs more than it saves. */
export const MIN_PARALLEL_JOBS = 200;
const MAX_WORKERS = 8;
const BATCH = 32;

/** Worker count: ALIPAY_CODEGEN_WORKERS when set (0 = main thread only), else one per core. */
export function workerCount(jobs: number): number {
  const forced = process.env.ALIPAY_CODEGEN_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), Math.max(jobs, 1));
  if (jobs < MIN_PARALLEL_JOBS) return 0;
  return Math.min(availableParallelism(), MAX_WORKERS);
}

const WORKER_URL = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * The main thread's runner. The spec parser (yaml) and the emitters load only when a job runs
 * here: a run with nothing to rebuild never needs them.
 */
const mainThread: JobRunner = {
  run: async (jobs) => (jobs.length === 0 ? [] : (await import('../jobs.js')).serialRunner.run(jobs)),
};

/** The runner for `jobs` jobs: workers when it pays and the compiled worker exists (not from sources). */
export function runnerFor(jobs: number): JobRunner {
  const n = workerCount(jobs);
  if (n === 0 || WORKER_URL.pathname.endsWith('.ts')) return mainThread;
  return { run: (list) => runOnWorkers(list, n) };
}

type Reply = { id: number; results: SpecJobResult[] } | { id: number; error: string };

export async function runOnWorkers(jobs: readonly SpecJob[], workers: number): Promise<SpecJobResult[]> {
  const results = new Array<SpecJobResult>(jobs.length);
  const batches: { start: number; jobs: SpecJob[] }[] = [];
  for (let start = 0; start < jobs.length; start += BATCH) batches.push({ start, jobs: jobs.slice(start, start + BATCH) });
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(WORKER_URL));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const id = next++;
              worker.postMessage({ id, jobs: batches[id]!.jobs });
            };
            worker.on('message', (reply: Reply) => {
              if ('error' in reply) return reject(new Error(`generator worker failed: ${reply.error}`));
              const { start } = batches[reply.id]!;
              reply.results.forEach((r, i) => (results[start + i] = r));
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < batches.length || code !== 0) reject(new Error(`generator worker exited (${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

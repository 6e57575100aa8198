/**
 * One contender in a process of its own: receives its setup and load over IPC, warms up, runs the
 * measured load (CPU is this process's only), sends the LoadResult back and exits.
 */
import { runLoad } from './load.js';
import { makeContender, type ContenderSetup } from './setup.js';

export interface ClientJob {
  readonly setup: ContenderSetup;
  readonly warmup: number;
  readonly count: number;
  readonly concurrency: number;
  readonly maxMs: number;
}

process.once('message', (job: ClientJob) => {
  void (async () => {
    const contender = await makeContender(job.setup);
    await runLoad(contender.call, job.warmup, job.concurrency, job.maxMs);
    const result = await runLoad(contender.call, job.count, job.concurrency, job.maxMs);
    process.send!({ result }, () => process.exit(0));
  })().catch((error: unknown) => {
    process.stderr.write(`client process failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
});

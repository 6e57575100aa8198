/** `check`: is the output directory exactly what the generator would write? Reads only, never writes. */
import { planWrite, type OutputFiles, type PlanOptions } from './plan.js';

/** Stale paths (changed, missing, or extra and owned by the generator), sorted; empty when up to date. */
export async function checkOutput(
  outDir: string,
  files: OutputFiles,
  prune: PlanOptions['prune'] | PlanOptions,
): Promise<string[]> {
  const plan = await planWrite(outDir, files, typeof prune === 'function' ? { prune } : prune);
  return [...plan.write, ...plan.remove].sort();
}

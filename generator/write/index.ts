/**
 * The write stage: generated files -> output directory, touching only what changed, as one
 * transaction (./apply.ts); the atomic single-file write and the bounded pool every command uses.
 */
export { planWrite, type FileContent, type OutputFiles, type PlanOptions, type WritePlan } from './plan.js';
export { WriteError, applyWrite, type WriteHooks } from './apply.js';
export { checkOutput } from './check.js';
export { defaultSkipDir, listFiles } from './walk.js';
export { writeFileAtomic, writeNewDirAtomic } from './atomic.js';
export { IO_CONCURRENCY, mapLimit } from '../shared/pool.js';
export { isTempFile } from './temp.js';

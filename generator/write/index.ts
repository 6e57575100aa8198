/** The write stage: generated files -> output directory, touching only what changed. */
export { planWrite, type OutputFiles, type PlanOptions, type WritePlan } from './plan.js';
export { applyWrite } from './apply.js';
export { checkOutput } from './check.js';
export { defaultSkipDir } from './walk.js';

/**
 * The build, the generator's one composition root: specs -> files.
 * - ./pipeline.ts: the pure pipeline (load is the caller's; IR -> plan -> emit -> file map).
 * - ./output.ts: `generate` / `check` on directories: the same pieces behind a cache
 *   (./cache/: manifest, fingerprint), spec jobs on workers when it pays (./workers/), the write
 *   stage (../write/). Nothing here prints: results and diagnostics go back to the caller.
 * Entry points that must start fast (the CLI) import ./output.ts itself: ./pipeline.ts loads the
 * TypeScript compiler, which a no-change `generate` never needs.
 */
export { generatePackage, type GenerateOptions } from './pipeline.js';
export { DEFAULT_PACKAGE_VERSION } from './files.js';
export { readTemplates, templatesDir, type Templates } from './templates.js';
export { check, generate, type CheckResult, type GenerateResult, type OutputOptions } from './output.js';

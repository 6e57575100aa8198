/**
 * The work of one spec file, the same on the main thread and in a worker: parse and validate the
 * text, then emit its module (./method.ts) with the package-wide names decided beforehand, and
 * the three files' digests. Pure: the result depends only on the job.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { MethodKind } from '../spec/method-kind.js';
import { hasErrors } from '../diagnostics.js';
import type { FileContent } from '../write/plan.js';
import type { MethodExports } from '../plan/types.js';
import type { SourcePosition } from '../spec/model.js';
import { parseSpec } from '../spec/load.js';
import { digest, type FileDigest } from './cache/manifest.js';
import { specKeyPath } from '../plan/names.js';
import { emitMethod } from './method.js';

export interface SpecJob {
  /** Path used in diagnostics (as the serial loader words it). */
  readonly file: string;
  readonly text: string;
  /** The method the file name promises, and the names planned for it. */
  readonly method: string;
  readonly stem: string;
  readonly exports: MethodExports;
}

/** A method module's files, as text or UTF-8 bytes. */
export interface ModuleText {
  readonly ts: FileContent;
  readonly js: FileContent;
  readonly dts: FileContent;
}

export interface SpecJobResult {
  readonly diagnostics: Diagnostic[];
  /** The method the spec declares, when it loaded. */
  readonly method?: string;
  readonly title?: string;
  /** The method kind when it is not `call` (the aggregate client's signature depends on it). */
  readonly kind?: MethodKind;
  readonly methodPosition?: SourcePosition;
  /**
   * Present when the spec loaded without errors and declares the promised method: the module's
   * three texts (as UTF-8 bytes when a worker made them, ./workers/worker.ts).
   */
  readonly module?: ModuleText;
  readonly digests?: { readonly ts: FileDigest; readonly js: FileDigest; readonly dts: FileDigest };
}

export function runSpecJob(job: SpecJob): SpecJobResult {
  const { spec, diagnostics } = parseSpec(job.text, job.file);
  if (!spec) return { diagnostics };
  const { method, title, kind } = spec.spec;
  const base = { diagnostics, method, ...(title !== undefined && { title }), ...(kind !== undefined && kind !== 'call' && { kind }), methodPosition: spec.locate(['method']) };
  if (method !== job.method || hasErrors(diagnostics)) return base;
  const module = emitMethod(spec.spec, { stem: job.stem, exports: job.exports }, (c) =>
    diagnostics.push({
      severity: 'warning',
      file: job.file,
      ...spec.locate(specKeyPath(c.second)),
      message: `model name ${c.name} is taken by a different model at ${c.first}: the model at ${c.second} is generated as ${c.planned}; give one of them its own model name`,
    }),
  );
  return { ...base, module, digests: { ts: digest(module.ts), js: digest(module.js), dts: digest(module.dts) } };
}

/** Runs spec jobs, on this thread or on workers (./workers/); results in job order. */
export interface JobRunner {
  run(jobs: readonly SpecJob[]): Promise<SpecJobResult[]>;
}

export const serialRunner: JobRunner = {
  run: async (jobs) => jobs.map(runSpecJob),
};

/**
 * The pure pipeline: specs -> IR -> plan -> emitted files, in memory. The same specs and
 * templates give the same bytes whatever the input order or machine. `generate` and `check`
 * assemble their output from the same pieces (./files.ts, ./method.ts, ./runtime-files.ts)
 * through a cache (./cache/), so they give these bytes too (test/generator/scale checks it).
 */
import { planNames } from '../plan/package.js';
import { runtimeExportNames } from '../plan/runtime-exports.js';
import type { MethodSpec } from '../spec/model.js';
import { DEFAULT_LAYOUT, aggregateFiles, fixedFiles, moduleFiles, type OutputLayout } from './files.js';
import { emitMethod } from './method.js';
import { runtimeFiles } from './runtime-files.js';
import type { Templates } from './templates.js';

export interface GenerateOptions {
  /** Version written to the generated package.json (shorthand for `layout.package.version`). */
  readonly version?: string;
  /** Output shape and package identity; default: the package `@alipay-codegen/client` 0.1.0. */
  readonly layout?: OutputLayout;
}

/** Everything the output directory should contain (manifest aside): path -> content. */
export function generatePackage(specs: readonly MethodSpec[], templates: Templates, options: GenerateOptions = {}): Map<string, string> {
  const runtimeIndex = templates.runtime.get('index.ts');
  if (runtimeIndex === undefined) throw new Error('templates/runtime/index.ts is missing');
  const sorted = [...specs].sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
  const names = planNames(
    sorted.map((s) => s.method),
    runtimeExportNames(runtimeIndex),
  );

  const base = options.layout ?? DEFAULT_LAYOUT;
  const layout = options.version === undefined ? base : { ...base, package: { ...base.package, version: options.version } };
  const files = fixedFiles(layout);
  const heads = sorted.map((spec, i) => ({
    ir: { method: spec.method, ...(spec.title !== undefined && { title: spec.title }), ...(spec.kind !== undefined && spec.kind !== 'call' && { kind: spec.kind }) },
    stem: names[i]!.stem,
    exports: names[i]!.exports,
  }));
  for (const [p, text] of aggregateFiles(heads, templates, layout)) files.set(p, text);
  for (const [p, text] of runtimeFiles(templates, layout.shape)) files.set(p, text);
  sorted.forEach((spec, i) => {
    for (const [p, text] of moduleFiles(`methods/${names[i]!.stem}`, emitMethod(spec, names[i]!), layout.shape)) files.set(p, text);
  });
  return files;
}

/**
 * One doc page -> MethodSpec, its YAML text, and diagnostics: the layout's parser turns the text
 * into a page model, to-spec turns that into a spec, and the YAML is checked with the spec loader
 * `validate` uses before anyone may write it. Errors mean nothing is to be written: the page
 * cannot be imported, or (a bug in the importer, never hidden) its own output is invalid.
 * Pure: `file` only names the page in diagnostics.
 */
import type { Diagnostic } from '../diagnostics.js';
import { UserError, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { dumpSpec } from '../spec/dump.js';
import { parseSpec } from '../spec/load.js';
import type { MethodSpec } from '../spec/model.js';
import { chooseLayout, type LayoutChoice } from './layouts/index.js';
import type { LayoutName } from './page-model.js';
import { oneLine } from './text.js';
import { toSpec } from './to-spec/index.js';
import { findV3Route } from './to-spec/v3-route.js';

export interface ImportOptions {
  /** Read the page in this layout instead of detecting it. */
  layout?: LayoutName;
  /** The path the spec would be written to, named in diagnostics about the output (default `<method>.yaml`). */
  specFile?: (method: string) => string;
}

export interface ImportResult {
  /** The layout the page was read in, and whether it was detected or forced. */
  layout: { name: LayoutName; how: LayoutChoice['how'] };
  /** Absent when there are errors. */
  spec?: MethodSpec;
  /** The spec as written to `specs/<method>.yaml`; present with `spec`, and accepted by the loader. */
  yaml?: string;
  diagnostics: Diagnostic[];
}

export function importDoc(text: string, file: string, options: ImportOptions = {}): ImportResult {
  const choice = chooseLayout(text, options.layout);
  const layout = { name: choice.layout.name, how: choice.how };
  const diagnostics: Diagnostic[] = [];
  const add = (d: Omit<Diagnostic, 'file'>): void => void diagnostics.push({ file, ...d });
  const done = (rest: Omit<ImportResult, 'layout' | 'diagnostics'> = {}): ImportResult => ({
    layout,
    ...rest,
    diagnostics: sortDiagnostics(diagnostics).map((d) => ({ ...d, message: oneLine(d.message) })),
  });

  const read = choice.layout.parse(text);
  read.diagnostics.forEach(add);
  if (!read.page) return done();
  const made = toSpec(read.page);
  made.diagnostics.forEach(add);
  if (!made.spec || hasErrors(diagnostics)) return done();
  const v3 = findV3Route(text, made.spec);
  v3.diagnostics.forEach(add);
  if (v3.route !== undefined) made.spec.v3 = v3.route;

  const output = checkOutput(made.spec, file, options.specFile?.(made.spec.method) ?? `${made.spec.method}.yaml`);
  diagnostics.push(...output.diagnostics);
  return output.yaml === undefined ? done() : done({ spec: made.spec, yaml: output.yaml });
}

/**
 * The spec's YAML, read back with the loader `validate` uses. Its errors mean the importer failed
 * to keep its promise (a bug, never hidden): they come back as errors on `specFile` and no YAML.
 * Its warnings (style hints on a valid spec) are left to `validate`: they are about the spec,
 * not about the page.
 */
export function checkOutput(spec: MethodSpec, docFile: string, specFile: string): { yaml?: string; diagnostics: Diagnostic[] } {
  let yaml: string;
  try {
    yaml = dumpSpec(spec);
  } catch (error) {
    // Past the spec's documented limits (a page nesting its fields deeper than 32 levels, a
    // string over 64 K characters): the page, not the importer, is at fault; said on the page.
    if (!(error instanceof UserError)) throw error;
    return { diagnostics: [{ severity: 'error', file: docFile, line: 1, col: 1, message: `not written: ${error.message}` }] };
  }
  const invalid = parseSpec(yaml, specFile).diagnostics.filter((d) => d.severity === 'error');
  if (invalid.length === 0) return { yaml, diagnostics: [] };
  return { diagnostics: invalid.map((d) => ({ ...d, message: `not written: the spec imported from ${docFile} is invalid: ${d.message}` })) };
}

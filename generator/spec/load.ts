/**
 * The spec loader, used by every command that reads specs. It never throws on bad input: every
 * problem in a file (YAML syntax, unknown keys, wrong types, examples contradicting their
 * fields) comes back as a positioned Diagnostic, all at once. `spec` is present only when the
 * file has no errors (warnings allowed), so consumers never see a half-valid spec.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { visit } from 'yaml';
import type { YAMLError } from 'yaml';
import { UserError, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { LoadedSpec } from './model.js';
import { readSpec } from './read-spec.js';
import { Reader } from './reader.js';
import { MAX_FIELD_DEPTH, MAX_YAML_DEPTH, checkDocumentLimits, specTooLarge } from './limits.js';
import { locatePath, parseYaml } from './yaml-ast.js';
import { IO_CONCURRENCY, mapLimit } from '../shared/pool.js';

export interface SpecResult {
  spec?: LoadedSpec;
  diagnostics: Diagnostic[];
}

export interface SpecDirResult {
  /** Every spec that loaded without errors, sorted by method name. */
  specs: LoadedSpec[];
  diagnostics: Diagnostic[];
}

/** Parses and validates one spec's text. Pure: `file` is only used in diagnostics. */
export function parseSpec(text: string, file: string): SpecResult {
  const tooLarge = specTooLarge(text);
  if (tooLarge) return { diagnostics: [{ severity: 'error', file, line: 1, col: 1, message: tooLarge }] };
  const parsed = parseYaml(text);
  const r = new Reader(file, parsed.lineCounter);
  for (const w of parsed.doc.warnings) r.diagnostics.push(yamlDiagnostic(w, file, 'warning'));
  if (parsed.doc.errors.length > 0) {
    // After a syntax error the tree is a guess: structural messages about it would mislead.
    for (const e of parsed.doc.errors) r.diagnostics.push(yamlDiagnostic(e, file, 'error'));
    return { diagnostics: sortDiagnostics(r.diagnostics) };
  }
  if (!checkDocumentLimits(r, parsed.doc)) return { diagnostics: sortDiagnostics(r.diagnostics) };
  // An alias is written `*name`: without a `*` in the text there is none, and the walk is skipped.
  if (text.includes('*')) {
    visit(parsed.doc, {
      Alias(_, node) {
        r.report(node, [], `aliases (*${node.source}) are not supported in specs: write the value out`);
      },
    });
  }
  const spec = readSpec(r, parsed.doc);
  const diagnostics = sortDiagnostics(r.diagnostics);
  if (!spec || hasErrors(diagnostics)) return { diagnostics };
  return { spec: { file, spec, locate: (path) => locatePath(parsed, path) }, diagnostics };
}

export async function loadSpecFile(file: string): Promise<SpecResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { diagnostics: [{ severity: 'error', file, message: `cannot read spec: ${ioReason(error)}` }] };
  }
  return parseSpec(text, file);
}


/**
 * Loads every `*.yaml` / `*.yml` directly in `dir`. Also reports a file whose name is not
 * `<method>.yaml` and a method declared by two files (both are then left out of `specs`).
 */
export async function loadSpecDir(dir: string): Promise<SpecDirResult> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => e.name);
  } catch (error) {
    return { specs: [], diagnostics: [{ severity: 'error', file: dir, message: `cannot read spec directory: ${ioReason(error)}` }] };
  }
  names.sort();
  const results = await mapLimit(names, IO_CONCURRENCY, (name) => loadSpecFile(join(dir, name)));

  const diagnostics = results.flatMap((res) => res.diagnostics);
  const byMethod = new Map<string, LoadedSpec[]>();
  for (const { spec } of results) {
    if (!spec) continue;
    const stem = basename(spec.file, extname(spec.file));
    if (stem !== spec.spec.method) {
      diagnostics.push(at(spec, 'error', `file name does not match the method: expected ${spec.spec.method}${extname(spec.file)}`));
    }
    byMethod.set(spec.spec.method, [...(byMethod.get(spec.spec.method) ?? []), spec]);
  }
  const specs: LoadedSpec[] = [];
  for (const [method, group] of byMethod) {
    if (group.length > 1) {
      for (const s of group) {
        const others = group.filter((o) => o !== s).map((o) => o.file).join(', ');
        diagnostics.push(at(s, 'error', `method ${method} is also declared in ${others}`));
      }
    } else if (basename(group[0]!.file, extname(group[0]!.file)) === method) {
      specs.push(group[0]!);
    }
  }
  specs.sort((a, b) => (a.spec.method < b.spec.method ? -1 : a.spec.method > b.spec.method ? 1 : 0));
  return { specs, diagnostics: sortDiagnostics(diagnostics) };
}

/** Loads a spec directory, throwing a UserError carrying every diagnostic when any is an error. */
export async function loadSpecsOrThrow(dir: string): Promise<LoadedSpec[]> {
  const { specs, diagnostics } = await loadSpecDir(dir);
  if (hasErrors(diagnostics)) {
    const count = diagnostics.filter((d) => d.severity === 'error').length;
    throw new UserError(`${count} error${count === 1 ? '' : 's'} in specs (${dir})`, diagnostics);
  }
  return specs;
}

function at(spec: LoadedSpec, severity: Diagnostic['severity'], message: string): Diagnostic {
  const { line, col } = spec.locate(['method']);
  return { severity, file: spec.file, line, col, message };
}

function yamlDiagnostic(e: YAMLError, file: string, severity: Diagnostic['severity']): Diagnostic {
  // prettyErrors appends " at line L, column C:" and a source excerpt; the position is ours to print.
  const raw = e.message.split(/ at line \d+, column \d+/)[0]!.trim();
  // The yaml parser recurses per nesting level and reports the engine's stack overflow as an error.
  const message = /maximum call stack/i.test(raw)
    ? `nested too deep to read: specs are limited to ${MAX_YAML_DEPTH} levels of YAML and ${MAX_FIELD_DEPTH} of fields`
    : raw;
  const pos = e.linePos?.[0];
  return { severity, file, line: pos?.line ?? 1, col: pos?.col ?? 1, message: `YAML: ${message}` };
}

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' ? 'no such file or directory' : code ?? String(error);
}


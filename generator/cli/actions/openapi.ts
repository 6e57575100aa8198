/**
 * The work behind `alipay-codegen openapi` (loaded only when the command runs). It replaces only a
 * file it wrote (an OpenAPI document carrying its generator mark) unless `force`; any other file at
 * `--out` is left as it was. The write is atomic (temp file + rename).
 */
import { readFile } from 'node:fs/promises';
import { UserError, ioReason } from '../../diagnostics.js';
import { GENERATOR_MARK, renderOpenApi } from '../../openapi/document.js';
import { loadSpecsOrThrow } from '../../spec/load.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { printSummary } from '../print.js';

export interface OpenApiCommandOptions {
  readonly specs: string;
  readonly out: string;
  readonly title: string;
  readonly apiVersion: string;
  /** Replace a file at `out` that this command did not write. */
  readonly force?: boolean;
}

/** What is at the target path: nothing, a document this command wrote (its text), or something else. */
type Existing = { readonly kind: 'none' } | { readonly kind: 'ours'; readonly text: string } | { readonly kind: 'foreign'; readonly why: string };

async function existing(file: string): Promise<Existing> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'none' };
    if (code === 'EISDIR') return { kind: 'foreign', why: 'is a folder' };
    throw new UserError(`cannot read ${file}: ${ioReason(error)}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { kind: 'foreign', why: 'exists and is not JSON' };
  }
  const marked =
    typeof document === 'object' && document !== null && !Array.isArray(document) && (document as Record<string, unknown>)[GENERATOR_MARK.key] === GENERATOR_MARK.value;
  return marked ? { kind: 'ours', text } : { kind: 'foreign', why: `exists and is not an OpenAPI document written by alipay-codegen (no "${GENERATOR_MARK.key}": "${GENERATOR_MARK.value}")` };
}

export async function runOpenApi(options: OpenApiCommandOptions): Promise<void> {
  const loaded = await loadSpecsOrThrow(options.specs);
  const text = renderOpenApi(
    loaded.map((l) => l.spec),
    { title: options.title, version: options.apiVersion },
  );
  if (options.out === '-') {
    process.stdout.write(text);
    return;
  }
  const before = await existing(options.out);
  if (before.kind === 'foreign' && (options.force !== true || before.why === 'is a folder')) {
    const hint = before.why === 'is a folder' ? 'choose a file path for --out' : 'pass --force to replace it, or choose another --out';
    throw new UserError(`${options.out} ${before.why}: not overwritten; ${hint}`);
  }
  if (before.kind === 'ours' && before.text === text) {
    printSummary(`unchanged ${options.out} (${loaded.length} method(s))`);
    return;
  }
  try {
    await writeFileAtomic(options.out, text);
  } catch (error) {
    throw new UserError(`cannot write ${options.out}: ${ioReason(error)}`);
  }
  printSummary(`wrote ${options.out} (${loaded.length} method(s))`);
}

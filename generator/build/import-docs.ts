/**
 * `importDocs`, the one implementation of `alipay-codegen import` (the CLI prints what it returns):
 * doc pages -> spec files in a folder, all or nothing. Every page is parsed, and every spec it
 * would replace compared, before anything is written; one failing page, or one refused
 * replacement, and no file is written.
 *
 * A spec that exists is replaced only when it already holds exactly what the import writes (then
 * it is left as it is: `unchanged`), or with `force`: otherwise (a reviewed spec, an edited page,
 * a file there that is not a spec) the import throws an `ImportRefusedError` carrying the semantic
 * diff from the spec to what the page now says. Each spec's `$schema` comment points from where it
 * is written to the installed spec schema. Prints nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError, hasErrors, ioReason, type Diagnostic } from '../diagnostics.js';
import { withSpecSchemaLine } from '../config/schema-path.js';
import { compareExisting, type Existing } from '../diff/index.js';
import { importDoc, type ImportResult } from '../importer/import-doc.js';
import type { LayoutName } from '../importer/page-model.js';
import type { MethodSpec } from '../spec/model.js';
import { writeFilesAtomically } from '../write/import-files.js';

/** The page argument that reads standard input, and how diagnostics name it. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

export interface ImportDocsOptions {
  /** Folder the specs are written to (created when missing). */
  readonly out: string;
  /** Read every page in this layout instead of detecting it. */
  readonly layout?: LayoutName;
  /** Replace specs that exist and differ from what their page now says (or are no spec at all). */
  readonly force?: boolean;
  /** The text of the page `-` (default: all of process.stdin). */
  readonly readStdin?: () => Promise<string>;
}

/** What happened to a page's spec file. */
export type ImportStatus = 'wrote' | 'replaced' | 'unchanged';

export interface ImportedSpec {
  /** The page as given (`-` for standard input). */
  readonly doc: string;
  readonly method: string;
  readonly file: string;
  readonly status: ImportStatus;
  readonly layout: LayoutName;
  /** Whether the layout was detected or forced. */
  readonly layoutHow: ImportResult['layout']['how'];
  readonly spec: MethodSpec;
  /** The page's warnings (also in the result's `diagnostics`). */
  readonly warnings: number;
  /** What was at `file` before: nothing (`new`), this spec (`unchanged`), or (replaced, with `force`) a spec that `differs` (its changes to the page) or no spec (`invalid`). */
  readonly existing: Existing;
}

export interface ImportDocsResult {
  /** One per page, in input order. */
  readonly specs: readonly ImportedSpec[];
  /** Warnings (places the importer had to guess); errors end the run as a UserError instead. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A spec the import would replace without `force`, and why it does not. */
export interface RefusedSpec {
  readonly doc: string;
  readonly file: string;
  /** `differs` (its changes from the spec to the page; none when only its text differs) or `invalid` (not a spec). */
  readonly existing: Extract<Existing, { status: 'differs' | 'invalid' }>;
}

/** Existing specs that differ from their page: nothing was written. `diagnostics` has the warnings and one error per refused spec. */
export class ImportRefusedError extends UserError {
  readonly refused: readonly RefusedSpec[];
  readonly warnings: readonly Diagnostic[];

  constructor(refused: readonly RefusedSpec[], warnings: readonly Diagnostic[]) {
    super(`import failed: ${refused.length} spec(s) exist and differ from their page; nothing written`, [...warnings, ...refused.map(refusalDiagnostic)]);
    this.name = 'ImportRefusedError';
    this.refused = refused;
    this.warnings = warnings;
  }
}

const docName = (doc: string): string => (doc === STDIN ? STDIN_NAME : doc);

/** Why an existing spec is not replaced without force. */
export function refusalDiagnostic(r: RefusedSpec): Diagnostic {
  const doc = docName(r.doc);
  const { existing } = r;
  if (existing.status === 'invalid') {
    return { severity: 'error', file: r.file, message: `exists and does not load as a spec (${existing.problem}): not replaced by ${doc}; pass --force to overwrite it` };
  }
  if (existing.changes.length === 0) {
    return { severity: 'error', file: r.file, message: `exists and differs from what ${doc} gives only in its text (comments, layout): not replaced; pass --force to overwrite it` };
  }
  const breaking = existing.changes.filter((c) => c.class === 'breaking').length;
  return {
    severity: 'error',
    file: r.file,
    message: `exists and ${doc} now says otherwise (${existing.changes.length} change(s) from the spec to the page, ${breaking} breaking for callers): not replaced; review them, then pass --force to overwrite it`,
  };
}

/** All of standard input, as UTF-8 (the default page `-`). */
export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readPage(doc: string, options: ImportDocsOptions, diagnostics: Diagnostic[]): Promise<string | undefined> {
  try {
    return doc === STDIN ? await (options.readStdin ?? readProcessStdin)() : await readFile(doc, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ioReason(error);
    diagnostics.push({ severity: 'error', file: docName(doc), message: `cannot read the doc page: ${reason}` });
    return undefined;
  }
}

/** The spec file's text, undefined when there is none (a missing folder, or a file in the way the write reports). */
async function readExisting(file: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    diagnostics.push({ severity: 'error', file, message: `cannot read the spec to compare with: ${ioReason(error)}` });
    return undefined;
  }
}

interface Page {
  readonly doc: string;
  readonly name: string;
  readonly file: string;
  readonly spec: MethodSpec;
  readonly yaml: string;
  readonly result: ImportResult;
  readonly existing: Existing;
}

export async function importDocs(docs: readonly string[], options: ImportDocsOptions): Promise<ImportDocsResult> {
  const { out } = options;
  if (docs.filter((d) => d === STDIN).length > 1) throw new UserError(`standard input (${STDIN}) can be read once only`);
  const diagnostics: Diagnostic[] = [];
  const parsed: Omit<Page, 'existing'>[] = [];
  for (const doc of docs) {
    const text = await readPage(doc, options, diagnostics);
    if (text === undefined) continue;
    const name = docName(doc);
    const result = importDoc(text, name, { specFile: (method) => join(out, `${method}.yaml`), ...(options.layout !== undefined && { layout: options.layout }) });
    diagnostics.push(...result.diagnostics);
    if (!result.spec || result.yaml === undefined) continue;
    const file = `${result.spec.method}.yaml`;
    const clash = parsed.find((o) => o.name === file);
    if (clash) {
      diagnostics.push({ severity: 'error', file: name, line: 1, col: 1, message: `method ${result.spec.method} is also imported from ${docName(clash.doc)}` });
      continue;
    }
    const path = join(out, file);
    parsed.push({ doc, name: file, file: path, spec: result.spec, yaml: withSpecSchemaLine(result.yaml, path), result });
  }
  if (hasErrors(diagnostics)) throw new UserError('import failed: nothing written', diagnostics);

  const pages: Page[] = [];
  for (const page of parsed) pages.push({ ...page, existing: compareExisting(await readExisting(page.file, diagnostics), page.file, page) });
  if (hasErrors(diagnostics)) throw new UserError('import failed: nothing written', diagnostics);
  if (options.force !== true) {
    const refused: RefusedSpec[] = [];
    for (const p of pages) if (p.existing.status === 'differs' || p.existing.status === 'invalid') refused.push({ doc: p.doc, file: p.file, existing: p.existing });
    if (refused.length > 0) throw new ImportRefusedError(refused, diagnostics);
  }

  const toWrite = pages.filter((p) => p.existing.status !== 'unchanged');
  await writeFilesAtomically(out, toWrite.map((p) => ({ name: p.name, text: p.yaml })));
  const specs = pages.map((p): ImportedSpec => ({
    doc: p.doc,
    method: p.spec.method,
    file: p.file,
    status: p.existing.status === 'unchanged' ? 'unchanged' : p.existing.status === 'new' ? 'wrote' : 'replaced',
    layout: p.result.layout.name,
    layoutHow: p.result.layout.how,
    spec: p.spec,
    warnings: p.result.diagnostics.filter((d) => d.severity === 'warning').length,
    existing: p.existing,
  }));
  return { specs, diagnostics };
}

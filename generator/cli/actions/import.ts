/**
 * The work behind `alipay-codegen import` (loaded only when the command runs). Every input is
 * parsed, and every spec it would replace compared, before anything is written; one failing page
 * or one refused replacement means no file is written at all.
 *
 * A spec that exists is replaced only when it holds exactly what the import writes, or with
 * `force`: otherwise the import prints the semantic diff from the spec to what the page now says
 * (the review the spec may carry would be lost) and writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError, formatDiagnostic, hasErrors, ioReason, type Diagnostic } from '../../diagnostics.js';
import { compareExisting, formatChange, type Existing } from '../../diff/index.js';
import { importDoc, type ImportResult } from '../../importer/import-doc.js';
import { withSpecSchemaLine } from '../../config/schema-path.js';
import type { LayoutName } from '../../importer/page-model.js';
import type { Field, MethodSpec } from '../../spec/model.js';
import { writeFilesAtomically } from '../../write/import-files.js';
import { printSummary } from '../print.js';

/** The page argument that reads standard input, and how diagnostics name it. */
export const STDIN = '-';
const STDIN_NAME = '<stdin>';

export interface ImportCommandOptions {
  readonly out: string;
  readonly layout?: LayoutName;
  /** Replace specs that exist and differ from what their page now says. */
  readonly force?: boolean;
}

interface Imported {
  readonly doc: string;
  readonly name: string;
  readonly spec: MethodSpec;
  readonly yaml: string;
  readonly result: ImportResult;
  existing?: Existing;
}

async function readStdin(): Promise<string> {
  // Typed or pasted at a terminal: say what ends it, or the command seems to hang.
  if (process.stdin.isTTY === true) process.stderr.write('alipay-codegen: reading a doc page from standard input (end it with Ctrl-D)\n');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readPage(doc: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  try {
    return doc === STDIN ? await readStdin() : await readFile(doc, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ioReason(error);
    diagnostics.push({ severity: 'error', file: doc === STDIN ? STDIN_NAME : doc, message: `cannot read the doc page: ${reason}` });
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

function countFields(fields: readonly Field[] | undefined): number {
  let n = 0;
  for (const f of fields ?? []) n += 1 + countFields(f.fields) + countFields(f.items?.fields);
  return n;
}

function summary(verb: string, file: string, page: Imported): string {
  const { result, spec } = page;
  const fields = countFields(spec.request) + countFields(spec.params) + countFields(spec.response);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const changes = page.existing?.status === 'differs' ? `; replaced ${page.existing.changes.length} change(s), ${page.existing.changes.filter((c) => c.class === 'breaking').length} breaking` : '';
  const doc = page.doc === STDIN ? STDIN_NAME : page.doc;
  return `${verb} ${file} (${doc}: method ${spec.method}; ${result.layout.name} layout, ${result.layout.how}; ${fields} field(s), ${warnings} warning(s)${changes})`;
}

/** Why an existing spec is not replaced without --force, with the semantic diff under it. */
function refusal(file: string, page: Imported): string[] {
  const doc = page.doc === STDIN ? STDIN_NAME : page.doc;
  const existing = page.existing!;
  if (existing.status === 'invalid') {
    return [formatDiagnostic({ severity: 'error', file, message: `exists and does not load as a spec (${existing.problem}): not replaced by ${doc}; pass --force to overwrite it` })];
  }
  if (existing.status !== 'differs') return [];
  if (existing.changes.length === 0) {
    return [formatDiagnostic({ severity: 'error', file, message: `exists and differs from what ${doc} gives only in its text (comments, layout): not replaced; pass --force to overwrite it` })];
  }
  const breaking = existing.changes.filter((c) => c.class === 'breaking').length;
  return [
    formatDiagnostic({
      severity: 'error',
      file,
      message: `exists and ${doc} now says otherwise (${existing.changes.length} change(s) from the spec to the page, ${breaking} breaking for callers): not replaced; review them, then pass --force to overwrite it`,
    }),
    ...existing.changes.map(formatChange),
  ];
}

export async function runImport(docs: readonly string[], options: ImportCommandOptions): Promise<void> {
  const { out: outDir } = options;
  if (docs.filter((d) => d === STDIN).length > 1) throw new UserError(`standard input (${STDIN}) can be read once only`);
  const diagnostics: Diagnostic[] = [];
  const pages: Imported[] = [];
  for (const doc of docs) {
    const text = await readPage(doc, diagnostics);
    if (text === undefined) continue;
    const name = doc === STDIN ? STDIN_NAME : doc;
    const result = importDoc(text, name, { specFile: (method) => join(outDir, `${method}.yaml`), ...(options.layout !== undefined && { layout: options.layout }) });
    diagnostics.push(...result.diagnostics);
    if (!result.spec || result.yaml === undefined) continue;
    const file = `${result.spec.method}.yaml`;
    const clash = pages.find((o) => o.name === file);
    if (clash) {
      diagnostics.push({ severity: 'error', file: name, line: 1, col: 1, message: `method ${result.spec.method} is also imported from ${clash.doc === STDIN ? STDIN_NAME : clash.doc}` });
      continue;
    }
    pages.push({ doc, name: file, spec: result.spec, yaml: withSpecSchemaLine(result.yaml, join(outDir, file)), result });
  }
  if (hasErrors(diagnostics)) throw new UserError(`import failed: nothing written`, diagnostics);

  for (const page of pages) {
    const file = join(outDir, page.name);
    page.existing = compareExisting(await readExisting(file, diagnostics), file, page);
  }
  if (hasErrors(diagnostics)) throw new UserError(`import failed: nothing written`, diagnostics);
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const refused = options.force === true ? [] : pages.filter((p) => p.existing!.status === 'differs' || p.existing!.status === 'invalid');
  if (refused.length > 0) {
    for (const page of refused) for (const line of refusal(join(outDir, page.name), page)) process.stderr.write(line + '\n');
    throw new UserError(`import failed: ${refused.length} spec(s) exist and differ from their page; nothing written`);
  }

  const toWrite = pages.filter((p) => p.existing!.status !== 'unchanged');
  const written = await writeFilesAtomically(outDir, toWrite.map((p) => ({ name: p.name, text: p.yaml })));
  const paths = new Map(toWrite.map((p, i) => [p, written[i]!] as const));
  for (const page of pages) {
    const path = paths.get(page);
    const verb = path === undefined ? 'unchanged' : page.existing!.status === 'new' ? 'wrote' : 'replaced';
    printSummary(summary(verb, path ?? join(outDir, page.name), page));
  }
}

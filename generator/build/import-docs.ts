/**
 * `importDocs`, the programmatic `alipay-codegen import`: doc page files -> spec files in a folder,
 * all or nothing (every page is parsed before anything is written; one failing page and no file is
 * written: a UserError carrying every diagnostic). Each spec's `$schema` comment points from where
 * it is written to the installed spec schema. Returns what it wrote and the warnings; prints nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError, hasErrors, ioReason, type Diagnostic } from '../diagnostics.js';
import { withSpecSchemaLine } from '../config/schema-path.js';
import { importDoc } from '../importer/import-doc.js';
import type { LayoutName } from '../importer/page-model.js';
import { writeFilesAtomically, type OutputFile } from '../write/import-files.js';

export interface ImportDocsOptions {
  /** Folder the specs are written to (created when missing). */
  readonly out: string;
  /** Read every page in this layout instead of detecting it. */
  readonly layout?: LayoutName;
}

export interface ImportedSpec {
  readonly doc: string;
  readonly method: string;
  readonly file: string;
  readonly layout: LayoutName;
}

export interface ImportDocsResult {
  readonly specs: readonly ImportedSpec[];
  /** Warnings (places the importer had to guess); errors end the run as a UserError instead. */
  readonly diagnostics: readonly Diagnostic[];
}

export async function importDocs(docs: readonly string[], options: ImportDocsOptions): Promise<ImportDocsResult> {
  const diagnostics: Diagnostic[] = [];
  const outputs: (OutputFile & { doc: string; method: string; layout: LayoutName })[] = [];
  for (const doc of docs) {
    let text: string;
    try {
      text = await readFile(doc, 'utf8');
    } catch (error) {
      diagnostics.push({ severity: 'error', file: doc, message: `cannot read the doc page: ${ioReason(error)}` });
      continue;
    }
    const result = importDoc(text, doc, { specFile: (method) => join(options.out, `${method}.yaml`), ...(options.layout !== undefined && { layout: options.layout }) });
    diagnostics.push(...result.diagnostics);
    if (!result.spec || result.yaml === undefined) continue;
    const name = `${result.spec.method}.yaml`;
    const clash = outputs.find((o) => o.name === name);
    if (clash) {
      diagnostics.push({ severity: 'error', file: doc, line: 1, col: 1, message: `method ${result.spec.method} is also imported from ${clash.doc}` });
      continue;
    }
    outputs.push({ doc, name, method: result.spec.method, layout: result.layout.name, text: withSpecSchemaLine(result.yaml, join(options.out, name)) });
  }
  if (hasErrors(diagnostics)) throw new UserError('import failed: nothing written', diagnostics);
  const files = await writeFilesAtomically(options.out, outputs);
  return { specs: outputs.map((o, i) => ({ doc: o.doc, method: o.method, file: files[i]!, layout: o.layout })), diagnostics };
}

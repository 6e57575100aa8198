/**
 * The work behind `alipay-codegen import` (loaded only when the command runs). Every input is
 * parsed before anything is written; one failing page means no file is written at all.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError, formatDiagnostic, hasErrors, type Diagnostic } from '../../diagnostics.js';
import { withSpecSchemaLine } from '../../config/schema-path.js';
import { importDoc } from '../../importer/import-doc.js';
import type { LayoutName } from '../../importer/page-model.js';
import { writeFilesAtomically, type OutputFile } from '../../write/import-files.js';

export async function runImport(docs: readonly string[], outDir: string, layout?: LayoutName): Promise<void> {
  const diagnostics: Diagnostic[] = [];
  const outputs: (OutputFile & { doc: string; layout: string })[] = [];
  for (const doc of docs) {
    let text: string;
    try {
      text = await readFile(doc, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      diagnostics.push({ severity: 'error', file: doc, message: `cannot read the doc page: ${reason}` });
      continue;
    }
    const result = importDoc(text, doc, { specFile: (method) => join(outDir, `${method}.yaml`), ...(layout !== undefined && { layout }) });
    diagnostics.push(...result.diagnostics);
    if (!result.spec || result.yaml === undefined) continue;
    const name = `${result.spec.method}.yaml`;
    const clash = outputs.find((o) => o.name === name);
    if (clash) {
      diagnostics.push({ severity: 'error', file: doc, line: 1, col: 1, message: `method ${result.spec.method} is also imported from ${clash.doc}` });
      continue;
    }
    outputs.push({ doc, name, text: withSpecSchemaLine(result.yaml, join(outDir, name)), layout: `${result.layout.name} layout, ${result.layout.how}` });
  }
  if (hasErrors(diagnostics)) {
    throw new UserError(`import failed: nothing written`, diagnostics);
  }
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const written = await writeFilesAtomically(outDir, outputs);
  written.forEach((file, i) => process.stdout.write(`wrote ${file} (${outputs[i]!.doc}: ${outputs[i]!.layout})\n`));
}

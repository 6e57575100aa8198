/**
 * `alipay-codegen import <doc.txt...>`: doc pages -> specs/<method>.yaml. Every input is parsed
 * before anything is written; one failing page means no file is written at all.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UserError, formatDiagnostic, hasErrors, type Diagnostic } from '../../diagnostics.js';
import { importDoc } from '../../importer/import-doc.js';
import { writeFilesAtomically, type OutputFile } from '../../importer/write.js';
import { dumpSpec } from '../../spec/dump.js';

export function register(program: Command): void {
  program
    .command('import')
    .description('import Alipay method doc pages (plain-text dumps) as YAML specs, one specs/<method>.yaml per page')
    .argument('<doc...>', 'doc page text files, e.g. ../shared/seeds/*.txt')
    .option('-o, --out-dir <dir>', 'directory the specs are written to', 'specs')
    .addHelpText(
      'after',
      `
Warnings (places the importer had to guess, e.g. nesting the page does not show) are printed as
file:line:col and do not stop the import: review the spec at those places. Errors (not a method
page, page cut off before or inside its request parameters) exit with code 1 and write nothing.

Example:
  $ alipay-codegen import ../shared/seeds/*.txt --out-dir specs`,
    )
    .action(async (docs: string[], options: { outDir: string }) => {
      await runImport(docs, options.outDir);
    });
}

export async function runImport(docs: readonly string[], outDir: string): Promise<void> {
  const diagnostics: Diagnostic[] = [];
  const outputs: (OutputFile & { doc: string })[] = [];
  for (const doc of docs) {
    let text: string;
    try {
      text = await readFile(doc, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      diagnostics.push({ severity: 'error', file: doc, message: `cannot read the doc page: ${reason}` });
      continue;
    }
    const result = importDoc(text, doc);
    diagnostics.push(...result.diagnostics);
    if (!result.spec) continue;
    const name = `${result.spec.method}.yaml`;
    const clash = outputs.find((o) => o.name === name);
    if (clash) {
      diagnostics.push({ severity: 'error', file: doc, line: 1, col: 1, message: `method ${result.spec.method} is also imported from ${clash.doc}` });
      continue;
    }
    outputs.push({ doc, name, text: dumpSpec(result.spec) });
  }
  if (hasErrors(diagnostics)) {
    throw new UserError(`import failed: nothing written`, diagnostics);
  }
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const written = await writeFilesAtomically(outDir, outputs);
  for (const file of written) process.stdout.write(`wrote ${file}\n`);
}

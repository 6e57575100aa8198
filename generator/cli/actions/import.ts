/**
 * `alipay-codegen import` (loaded only when the command runs): the programmatic `importDocs`
 * (../../build/import-docs.ts) does the work; this prints its warnings on stderr and one summary
 * line per page on stdout, or, when it refuses to replace specs, each refusal with its semantic
 * diff (the user reviews it, then passes --force).
 */
import { ImportRefusedError, STDIN, STDIN_NAME, importDocs, readProcessStdin, refusalDiagnostic, type ImportedSpec } from '../../build/import-docs.js';
import { UserError } from '../../diagnostics.js';
import { formatChange } from '../../diff/index.js';
import type { LayoutName } from '../../importer/page-model.js';
import type { Field } from '../../spec/model.js';
import { printDiagnostics, printSummary } from '../print.js';

export interface ImportCommandOptions {
  readonly out: string;
  readonly layout?: LayoutName;
  /** Replace specs that exist and differ from what their page now says. */
  readonly force?: boolean;
}

async function readStdin(): Promise<string> {
  // Typed or pasted at a terminal: say what ends it, or the command seems to hang.
  if (process.stdin.isTTY === true) process.stderr.write('alipay-codegen: reading a doc page from standard input (end it with Ctrl-D)\n');
  return readProcessStdin();
}

function countFields(fields: readonly Field[] | undefined): number {
  let n = 0;
  for (const f of fields ?? []) n += 1 + countFields(f.fields) + countFields(f.items?.fields);
  return n;
}

function summary(page: ImportedSpec): string {
  const { spec, existing } = page;
  const fields = countFields(spec.request) + countFields(spec.params) + countFields(spec.response);
  const changes =
    page.status === 'replaced' && existing.status === 'differs'
      ? `; replaced ${existing.changes.length} change(s), ${existing.changes.filter((c) => c.class === 'breaking').length} breaking`
      : '';
  const doc = page.doc === STDIN ? STDIN_NAME : page.doc;
  return `${page.status} ${page.file} (${doc}: method ${spec.method}; ${page.layout} layout, ${page.layoutHow}; ${fields} field(s), ${page.warnings} warning(s)${changes})`;
}

export async function runImport(docs: readonly string[], options: ImportCommandOptions): Promise<void> {
  let result;
  try {
    result = await importDocs(docs, { ...options, readStdin });
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    printDiagnostics(error.warnings);
    for (const refused of error.refused) {
      printDiagnostics([refusalDiagnostic(refused)]);
      if (refused.existing.status === 'differs') for (const change of refused.existing.changes) process.stderr.write(`${formatChange(change)}\n`);
    }
    throw new UserError(error.message);
  }
  printDiagnostics(result.diagnostics);
  for (const page of result.specs) printSummary(summary(page));
}

/** The CLI's output rule: summaries on stdout, diagnostics (warnings, errors, stale files) on stderr. */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
}

export function printSummary(line: string): void {
  process.stdout.write(line + '\n');
}

/** A user error as main() prints it: its diagnostics, then its message (when it has one or no diagnostics). */
export function printUserError(error: { readonly message: string; readonly diagnostics: readonly Diagnostic[] }): void {
  printDiagnostics(error.diagnostics);
  if (error.diagnostics.length === 0 || error.message) process.stderr.write(`alipay-codegen: ${error.message}\n`);
}

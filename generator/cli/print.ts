/** The CLI's output rule: summaries on stdout, diagnostics (warnings, errors, stale files) on stderr. */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
}

export function printSummary(line: string): void {
  process.stdout.write(line + '\n');
}

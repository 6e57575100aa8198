/** The work behind `alipay-codegen validate` (loaded only when the command runs). */
import { hasErrors } from '../../diagnostics.js';
import { loadSpecDir } from '../../spec/load.js';
import { printDiagnostics, printSummary } from '../print.js';

export async function runValidate(options: { specs: string }): Promise<void> {
  const { specs, diagnostics } = await loadSpecDir(options.specs);
  printDiagnostics(diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  printSummary(`${specs.length} spec(s) valid, ${errors} error(s), ${warnings} warning(s)`);
  if (hasErrors(diagnostics)) process.exitCode = 1;
}

/** The work behind `alipay-codegen validate` (loaded only when the command runs). */
import { formatDiagnostic, hasErrors } from '../../diagnostics.js';
import { loadSpecDir } from '../../spec/load.js';

export async function runValidate(options: { specs: string }): Promise<void> {
  const { specs, diagnostics } = await loadSpecDir(options.specs);
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  process.stderr.write(`${specs.length} spec(s) valid, ${errors} error(s), ${warnings} warning(s)\n`);
  if (hasErrors(diagnostics)) process.exitCode = 1;
}

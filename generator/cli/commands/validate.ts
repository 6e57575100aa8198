/** `alipay-codegen validate`: load every spec, print every diagnostic, exit 1 when any is an error. */
import type { Command } from 'commander';
import { formatDiagnostic, hasErrors } from '../../diagnostics.js';
import { loadSpecDir } from '../../spec/load.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check every spec in the specs directory (YAML syntax, keys, types, examples) and list all problems')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .action(async (options: { specs: string }) => {
      const { specs, diagnostics } = await loadSpecDir(options.specs);
      for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.length - errors;
      process.stderr.write(`${specs.length} spec(s) valid, ${errors} error(s), ${warnings} warning(s)\n`);
      if (hasErrors(diagnostics)) process.exitCode = 1;
    });
}

/** `alipay-codegen validate`: load every spec, print every diagnostic, exit 1 when any is an error. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check every spec in the specs directory (YAML syntax, keys, types, examples) and list all problems')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .action(async (options: { specs: string }) => {
      const { runValidate } = await import('../actions/validate.js');
      await runValidate(options);
    });
}

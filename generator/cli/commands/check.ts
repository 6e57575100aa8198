/** `alipay-codegen check`: exits 1, listing stale files, when the output does not match the specs. */
import type { Command } from 'commander';
import { UserError } from '../../diagnostics.js';
import { checkIncremental } from '../../incremental/run.js';

export function register(program: Command): void {
  program
    .command('check')
    .description('regenerate in memory and fail (exit 1) when the generated package is not up to date')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'output directory of the generated package', 'generated')
    .option('--full', 'ignore the output manifest: regenerate every spec in memory')
    .action(async (options: { specs: string; out: string; full?: boolean }) => {
      const stale = await checkIncremental({ specsDir: options.specs, outDir: options.out, full: options.full === true });
      if (stale.length > 0) {
        for (const path of stale) process.stderr.write(`stale: ${options.out}/${path}\n`);
        throw new UserError(
          `${stale.length} file(s) in ${options.out} do not match ${options.specs}: run \`alipay-codegen generate\``,
        );
      }
      process.stdout.write(`${options.out} is up to date with ${options.specs}\n`);
    });
}

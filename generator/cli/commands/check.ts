/** `alipay-codegen check`: exits 1, listing stale files, when the output does not match the specs. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('check')
    .description('regenerate in memory and fail (exit 1) when the generated package is not up to date')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'output directory of the generated package', 'generated')
    .option('--full', 'ignore the output manifest: regenerate every spec in memory')
    .action(async (options: { specs: string; out: string; full?: boolean }) => {
      const { runCheck } = await import('../actions/check.js');
      await runCheck(options);
    });
}

/** `alipay-codegen check`: exits 1, listing stale files, when the output does not match the specs. */
import type { Command } from 'commander';
import { UserError } from '../../diagnostics.js';
import { isGeneratedPath } from '../../generate.js';
import { generateFromSpecDir } from '../../generate-specs.js';
import { checkOutput } from '../../write/index.js';

export function register(program: Command): void {
  program
    .command('check')
    .description('regenerate in memory and fail (exit 1) when the generated package is not up to date')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'output directory of the generated package', 'generated')
    .action(async (options: { specs: string; out: string }) => {
      const { files } = await generateFromSpecDir(options.specs);
      const stale = await checkOutput(options.out, files, isGeneratedPath);
      if (stale.length > 0) {
        for (const path of stale) process.stderr.write(`stale: ${options.out}/${path}\n`);
        throw new UserError(
          `${stale.length} file(s) in ${options.out} do not match ${options.specs}: run \`alipay-codegen generate\``,
        );
      }
      process.stdout.write(`${options.out} is up to date with ${options.specs}\n`);
    });
}

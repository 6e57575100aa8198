/** `alipay-codegen generate`: specs/ -> the client package in generated/, writing only what changed. */
import type { Command } from 'commander';
import type { GenerateOptions } from '../actions/generate.js';

export function register(program: Command): void {
  program
    .command('generate')
    .description('generate the typed client package from every spec (writes only changed files, removes stale ones)')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'output directory of the generated package', 'generated')
    .option('--full', 'ignore the output manifest: parse and emit every spec again and compare every file')
    .option('--force', 'write into a folder that is neither empty nor generated before (its other files are left alone)')
    .option('--watch', 'keep running: regenerate (incrementally) whenever a spec changes; Ctrl-C stops')
    .addHelpText(
      'after',
      `
The output folder must be new, empty, or one generate wrote before (it holds
.alipay-codegen/manifest.json); generate removes only files that manifest lists. An interrupted
run is detected at the next one, which verifies and repairs every file.

--watch prints one summary line per run; a run that fails on a spec prints its errors and the
watch goes on. On a terminal, runs over a second show a progress line on stderr.`,
    )
    .action(async (options: GenerateOptions) => {
      // Loaded here, not at start-up: every command pays only for its own modules.
      const { runGenerate } = await import('../actions/generate.js');
      await runGenerate(options);
    });
}

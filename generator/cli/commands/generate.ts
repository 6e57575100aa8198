/** `alipay-codegen generate`: specs/ -> the client package in generated/, writing only what changed. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('generate')
    .description('generate the typed client package from every spec (writes only changed files, removes stale ones)')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'output directory of the generated package', 'generated')
    .option('--full', 'ignore the output manifest: parse and emit every spec again and compare every file')
    .option('--force', 'write into a folder that is neither empty nor generated before (its other files are left alone)')
    .addHelpText(
      'after',
      `
The output folder must be new, empty, or one generate wrote before (it holds
.alipay-codegen/manifest.json); generate removes only files that manifest lists. An interrupted
run is detected at the next one, which verifies and repairs every file.`,
    )
    .action(async (options: { specs: string; out: string; full?: boolean; force?: boolean }) => {
      // Loaded here, not at start-up: every command pays only for its own modules.
      const { runGenerate } = await import('../actions/generate.js');
      await runGenerate(options);
    });
}

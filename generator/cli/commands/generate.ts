/** `alipay-codegen generate`: specs/ -> the client package in generated/, writing only what changed. */
import type { Command } from 'commander';
import { generateIncremental } from '../../incremental/run.js';

export function register(program: Command): void {
  program
    .command('generate')
    .description('generate the typed client package from every spec (writes only changed files, removes stale ones)')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'output directory of the generated package', 'generated')
    .option('--full', 'ignore the output manifest: parse and emit every spec again')
    .action(async (options: { specs: string; out: string; full?: boolean }) => {
      const started = performance.now();
      const r = await generateIncremental({ specsDir: options.specs, outDir: options.out, full: options.full === true });
      const ms = Math.round(performance.now() - started);
      process.stdout.write(
        `${options.out}: ${r.methods} method(s); ${r.written} written, ${r.removed} removed, ` +
          `${r.unchanged} unchanged (${r.emitted} spec(s) emitted, ${ms} ms)\n`,
      );
    });
}

/** `alipay-codegen generate`: specs/ -> the client package in generated/, writing only what changed. */
import type { Command } from 'commander';
import { isGeneratedPath } from '../../generate.js';
import { generateFromSpecDir } from '../../generate-specs.js';
import { applyWrite, planWrite } from '../../write/index.js';

export function register(program: Command): void {
  program
    .command('generate')
    .description('generate the typed client package from every spec (writes only changed files, removes stale ones)')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'output directory of the generated package', 'generated')
    .action(async (options: { specs: string; out: string }) => {
      const started = performance.now();
      const { files, methods } = await generateFromSpecDir(options.specs);
      const plan = await planWrite(options.out, files, { prune: isGeneratedPath });
      await applyWrite(options.out, files, plan);
      const ms = Math.round(performance.now() - started);
      process.stdout.write(
        `${options.out}: ${methods} method(s); ${plan.write.length} written, ${plan.remove.length} removed, ` +
          `${plan.unchanged.length} unchanged (${ms} ms)\n`,
      );
    });
}

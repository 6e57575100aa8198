/** `alipay-codegen init`: a config file and an example spec in the project folder, never overwriting. */
import { Option, type Command } from 'commander';
import { OUTPUT_SHAPES, type OutputShape } from '../../config/config.js';

export function register(program: Command): void {
  program
    .command('init')
    .description('start a project here: alipay-codegen.config.json and an example spec in specs/ (never overwrites a file)')
    .option('--specs <dir>', 'specs folder to create', 'specs')
    .option('--out <dir>', 'output folder the config names (default: generated, or src/alipay for --shape sources)')
    .addOption(new Option('--shape <shape>', 'output shape the config names').choices([...OUTPUT_SHAPES]).default('package'))
    .option('--name <package>', 'name of the generated package (shape package)')
    .addHelpText(
      'after',
      `
The $schema references point into the installed alipay-codegen package (relative paths), so
editors check the files offline. Next: alipay-codegen import <doc page>, then alipay-codegen generate.`,
    )
    .action(async (options: { specs: string; out?: string; shape: OutputShape; name?: string }) => {
      const { initProject } = await import('../../config/init.js');
      const { printSummary } = await import('../print.js');
      const out = options.out ?? (options.shape === 'sources' ? 'src/alipay' : 'generated');
      const r = await initProject({ dir: process.cwd(), specs: options.specs, out, shape: options.shape, ...(options.name !== undefined && { name: options.name }) });
      for (const file of r.written) printSummary(`wrote ${file}`);
      if (r.exampleSkipped) printSummary(`${options.specs} already holds specs: no example added`);
    });
}

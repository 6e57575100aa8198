/**
 * `alipay-codegen import <doc.txt...>`: doc pages -> specs/<method>.yaml. Every input is parsed
 * before anything is written; one failing page means no file is written at all.
 */
import { Option, type Command } from 'commander';

export function register(program: Command): void {
  program
    .command('import')
    .description('import Alipay method doc pages (plain-text dumps) as YAML specs, one specs/<method>.yaml per page')
    .argument('<doc...>', 'doc page text files, e.g. ../shared/seeds/*.txt')
    .option('-o, --out <dir>', 'directory the specs are written to', 'specs')
    // The old name, still accepted (it wins when given); --out is the flag every command uses.
    .addOption(new Option('--out-dir <dir>').hideHelp())
    .addHelpText(
      'after',
      `
Warnings (places the importer had to guess, e.g. nesting the page does not show) are printed as
file:line:col and do not stop the import: review the spec at those places. Errors (not a method
page, page cut off before or inside its request parameters) exit with code 1 and write nothing.

Example:
  $ alipay-codegen import ../shared/seeds/*.txt --out specs`,
    )
    .action(async (docs: string[], options: { out: string; outDir?: string }) => {
      const { runImport } = await import('../actions/import.js');
      await runImport(docs, options.outDir ?? options.out);
    });
}

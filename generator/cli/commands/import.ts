/**
 * `alipay-codegen import <doc.txt...>`: doc pages -> specs/<method>.yaml. Every input is parsed
 * before anything is written; one failing page means no file is written at all.
 */
import { Option, type Command } from 'commander';
import { LAYOUT_NAMES, type LayoutName } from '../../importer/page-model.js';

export function register(program: Command): void {
  program
    .command('import')
    .description('import Alipay method doc pages (current doc site, English site, browser copies, text dumps) as YAML specs, one specs/<method>.yaml per page')
    .argument('<doc...>', 'doc page files, e.g. alipay.trade.query.md ../shared/seeds/*.txt; - reads one page from standard input')
    .option('-o, --out <dir>', 'directory the specs are written to', 'specs')
    .addOption(new Option('--layout <name>', 'read every page in this layout instead of detecting it').choices([...LAYOUT_NAMES]))
    .option('--force', 'replace specs that exist and differ from what their page now says')
    // The old name, still accepted (it wins when given); --out is the flag every command uses.
    .addOption(new Option('--out-dir <dir>').hideHelp())
    .addHelpText(
      'after',
      `
Layouts (detected from the page, named in each summary line): ${LAYOUT_NAMES.join(', ')}.
The method comes from the page itself (also for - , standard input).

One line per page on stdout: wrote | replaced | unchanged <spec> (<page>: method; layout, how
it was chosen; fields; warnings). A spec that exists is left alone when it already says what
the page says; when it differs (a reviewed spec, an edited page), import prints the changes from
the spec to the page, flags those breaking for callers, and writes nothing unless --force.

Warnings (places the importer had to guess, e.g. nesting the page does not show) are printed as
file:line:col and do not stop the import: review the spec at those places. Errors (not a method
page, page cut off before or inside its request parameters) exit with code 1 and write nothing.

Example:
  $ alipay-codegen import ../shared/seeds/*.txt --out specs
  $ pbpaste | alipay-codegen import - --layout opendocs`,
    )
    .action(async (docs: string[], options: { out: string; outDir?: string; layout?: LayoutName; force?: boolean }) => {
      const { runImport } = await import('../actions/import.js');
      await runImport(docs, {
        out: options.outDir ?? options.out,
        ...(options.layout !== undefined && { layout: options.layout }),
        ...(options.force === true && { force: true }),
      });
    });
}

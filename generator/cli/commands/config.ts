/**
 * The config file on the command line: every command that reads specs gets `--config <file>`
 * (default: ./alipay-codegen.config.json when there is one); `generate` and `check` also get
 * `--shape`. Before a command runs, its folder options that were not given take the config's
 * values (flags win), and `generate`/`check` receive the resolved settings (../../config/resolve.ts).
 * Registered last, after the commands it extends.
 */
import { Option, type Command } from 'commander';
import { OUTPUT_SHAPES } from '../../config/config.js';

/** Commands that write or compare an output folder, and those that only read specs (import: its --out is the specs folder). */
const OUTPUT_COMMANDS = new Set(['generate', 'check', 'version']);
const SPEC_COMMANDS = new Set(['validate', 'openapi', 'serve', 'import', 'diff']);

export function register(program: Command): void {
  for (const command of program.commands) {
    const name = command.name();
    if (!OUTPUT_COMMANDS.has(name) && !SPEC_COMMANDS.has(name)) continue;
    if (!command.options.some((o) => o.long === '--config')) {
      command.option('--config <file>', 'config file (default: ./alipay-codegen.config.json when it exists); flags override it');
    }
    if (OUTPUT_COMMANDS.has(name) && !command.options.some((o) => o.long === '--shape')) {
      command.addOption(new Option('--shape <shape>', 'output shape (default: the config\'s, else package)').choices([...OUTPUT_SHAPES]));
    }
  }
  program.hook('preAction', async (_program, command) => {
    const name = command.name();
    if (!OUTPUT_COMMANDS.has(name) && !SPEC_COMMANDS.has(name)) return;
    const { resolveRun } = await import('../../config/resolve.js');
    const opts = command.opts<{ config?: string; specs?: string; out?: string; outDir?: string; shape?: string }>();
    const given = (key: string): boolean => command.getOptionValueSource(key) === 'cli';
    if (name === 'import') {
      if (given('out') || given('outDir')) return;
      const settings = await resolveRun({ ...(opts.config !== undefined && { config: opts.config }) });
      command.setOptionValueWithSource('out', settings.specsDir, 'config');
      return;
    }
    const settings = await resolveRun({
      ...(opts.config !== undefined && { config: opts.config }),
      ...(given('specs') && opts.specs !== undefined && { specs: opts.specs }),
      ...(OUTPUT_COMMANDS.has(name) && given('out') && opts.out !== undefined && { out: opts.out }),
      ...(opts.shape !== undefined && { shape: opts.shape }),
    });
    if (!given('specs')) command.setOptionValueWithSource('specs', settings.specsDir, 'config');
    if (OUTPUT_COMMANDS.has(name) && !given('out')) command.setOptionValueWithSource('out', settings.outDir, 'config');
    command.setOptionValue('settings', settings);
  });
}

/** `alipay-codegen version patch|minor|major`: bump the generated package's version in the config, then regenerate. */
import { Argument, type Command } from 'commander';
import { BUMP_PARTS, type BumpPart } from '../../config/bump.js';

export function register(program: Command): void {
  program
    .command('version')
    .description("bump the generated package's version (package.version of the config file), then generate")
    .addArgument(new Argument('<part>', 'which part to bump').choices([...BUMP_PARTS]))
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'output directory of the generated package', 'generated')
    .addHelpText(
      'after',
      `
The version lives in alipay-codegen.config.json (package.version). Without one there, the output's
own package.json version is kept by generate and check (so \`npm version\` inside it works too).`,
    )
    .action(async (part: BumpPart, options: { specs: string; out: string }) => {
      const { runVersion } = await import('../../config/version-run.js');
      await runVersion(part, options);
    });
}

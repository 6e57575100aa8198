/** `alipay-codegen diff [BASE]`: what changed in the specs since BASE, classified for callers, with the semver bump. */
import { Option, type Command } from 'commander';
import type { DiffOptions } from '../actions/diff.js';

/** What `--fail-on` takes: a class (that class or a stronger one fails), any change, or nothing. */
export const FAIL_ON = ['breaking', 'feature', 'any', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function register(program: Command): void {
  program
    .command('diff')
    .description('compare the specs with BASE (a git ref or a folder; default HEAD): what changed per method, breaking changes flagged, the semver bump')
    .argument('[base]', 'a git ref (HEAD, v1.2.0, origin/main) or a folder of specs', 'HEAD')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <dir>', 'the generated package whose package.json version the bump starts from', 'generated')
    .option('--current-version <version>', 'the version the bump starts from (default: the generated package.json version)')
    .option('--json', 'print the diff as JSON (methods, changes with class and path, counts, bump)')
    .addOption(new Option('--fail-on <what>', 'exit 2 when a change of this class (or a stronger one) is found').choices([...FAIL_ON]).default('breaking'))
    .addHelpText(
      'after',
      `
Classes (for code calling the generated client): breaking (a request field removed or made
required, a type narrowed, an enum value or error code removed, a max length lowered, a response
field removed or made optional, a model renamed, a method removed), feature (methods, optional
fields, enum values, error codes added; limits raised), fix (no caller's code changes: a field
moved between biz_content and the form params, a response max length), docs (descriptions,
examples, notes, titles).

Bump: breaking -> major, feature -> minor, otherwise patch; for 0.x versions breaking -> minor and
the rest patch (npm's ^0.y.z pins the minor).

Exit codes: 0 nothing at or above --fail-on changed; 2 something did; 1 errors (a spec that does
not load, on either side; a BASE that is neither a folder nor a git ref).

Examples:
  $ alipay-codegen diff                 # the working specs against HEAD
  $ alipay-codegen diff v1.4.0 --json   # for CI
  $ alipay-codegen diff ../old/specs --fail-on none`,
    )
    .action(async (base: string, options: DiffOptions) => {
      const { runDiff } = await import('../actions/diff.js');
      await runDiff(base, options);
    });
}

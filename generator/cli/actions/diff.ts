/**
 * The work behind `alipay-codegen diff` (loaded only when the command runs). Exit codes: 0 when
 * nothing at or above `--fail-on` changed (default: no breaking change), 2 when something did,
 * 1 on errors (a spec that does not load on either side, a BASE that is neither folder nor ref).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../diagnostics.js';
import { DEFAULT_PACKAGE_VERSION } from '../../build/files.js';
import { diffJson, diffSpecs, formatDiff, type ChangeClass, type SpecDiff } from '../../diff/index.js';
import { printDiagnostics } from '../print.js';
import type { FailOn } from '../commands/diff.js';
import { errorsIn, readBase, readFolder } from './diff-base.js';

export const EXIT_CHANGES = 2;

export interface DiffOptions {
  readonly specs: string;
  readonly out: string;
  readonly json?: boolean;
  readonly failOn: FailOn;
  readonly currentVersion?: string;
}

/** `any` fails on any change; a class fails on that class or a stronger one. */
const FAILS: Readonly<Record<FailOn, readonly ChangeClass[]>> = {
  breaking: ['breaking'],
  feature: ['breaking', 'feature'],
  any: ['breaking', 'feature', 'fix', 'docs'],
  none: [],
};

/** The version the bump starts from: --current-version, else the generated package's, else the default. */
async function currentVersion(options: DiffOptions): Promise<string> {
  if (options.currentVersion !== undefined) return options.currentVersion;
  const text = await readFile(join(options.out, 'package.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return DEFAULT_PACKAGE_VERSION;
  try {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : DEFAULT_PACKAGE_VERSION;
  } catch {
    return DEFAULT_PACKAGE_VERSION;
  }
}

export function exitCodeFor(diff: SpecDiff, failOn: FailOn): number {
  return FAILS[failOn].some((c) => diff.counts[c] > 0) ? EXIT_CHANGES : 0;
}

export async function runDiff(base: string, options: DiffOptions): Promise<void> {
  const [before, after] = await Promise.all([readBase(options.specs, base), readFolder(options.specs)]);
  printDiagnostics([...before.diagnostics, ...after.diagnostics]);
  if (errorsIn(before, after)) throw new UserError(`cannot compare ${before.label} with ${after.label}: fix the errors above`);
  const diff = diffSpecs(before.specs, after.specs, await currentVersion(options));
  process.stdout.write(options.json === true ? diffJson(diff) : `${before.label} -> ${after.label}\n${formatDiff(diff)}`);
  const code = exitCodeFor(diff, options.failOn);
  if (code !== 0) process.exitCode = code;
}

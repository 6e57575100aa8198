/**
 * What `generate`, `check` and `version` run with: the config file's settings under the flags the
 * user gave. Which version the generated package.json gets (the rule, also in the README):
 * `package.version` of the config when it has one (`alipay-codegen version patch|minor|major` bumps
 * it there); otherwise the version already in the output's package.json, so `npm version patch`
 * inside the output is kept by `generate` and accepted by `check`; otherwise 0.1.0.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../diagnostics.js';
import { MANIFEST_PATH } from '../build/cache/manifest.js';
import type { OutputLayout } from '../build/files.js';
import { CONFIG_FILE, OUTPUT_SHAPES, SEMVER, loadConfig, packageIdentity, type LoadedConfig, type OutputShape } from './config.js';

export interface RunSettings {
  readonly specsDir: string;
  readonly outDir: string;
  readonly layout: OutputLayout;
  readonly methods?: (method: string) => boolean;
  /** The config file read, if any. */
  readonly config?: LoadedConfig;
}

/** Flags as given on the command line (absent: not given). */
export interface RunFlags {
  readonly config?: string;
  readonly specs?: string;
  readonly out?: string;
  readonly shape?: string;
}

export const DEFAULT_SPECS = 'specs';
export const DEFAULT_OUT = 'generated';

/** `--config <file>` (it must exist), else ./alipay-codegen.config.json when there is one. */
export async function findConfig(flag: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig | undefined> {
  if (flag !== undefined) return loadConfig(flag);
  const file = join(cwd, CONFIG_FILE);
  return loadConfig(file, true, shown(file, cwd));
}

/** A path for messages: relative to the working directory when it is below it. */
export function shown(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

export async function resolveRun(flags: RunFlags, cwd: string = process.cwd()): Promise<RunSettings> {
  const config = await findConfig(flags.config, cwd);
  if (flags.shape !== undefined && !OUTPUT_SHAPES.includes(flags.shape as OutputShape)) {
    throw new UserError(`--shape: expected one of ${OUTPUT_SHAPES.join(', ')}, got ${JSON.stringify(flags.shape)}`);
  }
  const specsDir = flags.specs ?? (config?.specsDir === undefined ? DEFAULT_SPECS : shown(config.specsDir, cwd));
  const outDir = flags.out ?? (config?.outDir === undefined ? DEFAULT_OUT : shown(config.outDir, cwd));
  const shape = (flags.shape as OutputShape | undefined) ?? config?.fields.shape ?? 'package';
  const identity = packageIdentity(config);
  const version = config?.fields.package?.version ?? outputVersion(outDir) ?? identity.version;
  return {
    specsDir,
    outDir,
    layout: { shape, package: { ...identity, version } },
    ...(config?.methods !== undefined && { methods: config.methods }),
    ...(config !== undefined && { config }),
  };
}

/** The version in the output's package.json, when the output is one generate wrote (its manifest is there). */
export function outputVersion(outDir: string): string | undefined {
  try {
    // Only whether it is there (the catalogue's is megabytes).
    if (!statSync(join(outDir, MANIFEST_PATH)).isFile()) return undefined;
    const version = (JSON.parse(readFileSync(join(outDir, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' && SEMVER.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/** The settings a command's options carry (set by ../cli/commands/config.ts), as `generate`/`check` options. */
export function outputSettings(options: object): { layout?: OutputLayout; methods?: (method: string) => boolean } {
  const settings = (options as { settings?: RunSettings }).settings;
  if (settings === undefined) return {};
  return { layout: settings.layout, ...(settings.methods !== undefined && { methods: settings.methods }) };
}

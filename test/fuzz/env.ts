/**
 * Where things are and how big the campaign is. FUZZ_SCALE=small runs every family with small
 * counts in seconds (for `npm test` wiring); the default is the full campaign of issue 14.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Scale = 'small' | 'full';

export interface FuzzConfig {
  readonly scale: Scale;
  readonly seed: number;
  readonly root: string;
  readonly shared: string;
  readonly cli: string;
  /** Multiplies every family's time bound (FUZZ_TIME_FACTOR): a loaded machine needs more to reach the counts. */
  readonly timeFactor: number;
}

/** The repository root: the nearest ancestor holding the alipay-codegen package.json (works from test/ and dist/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'alipay-codegen') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('alipay-codegen repository root not found');
    dir = parent;
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): FuzzConfig {
  const raw = (env.FUZZ_SCALE ?? 'full').toLowerCase();
  if (raw !== 'small' && raw !== 'full') throw new Error(`FUZZ_SCALE must be small or full, not ${raw}`);
  const seed = env.FUZZ_SEED === undefined ? 20261201 : Number(env.FUZZ_SEED);
  if (!Number.isInteger(seed)) throw new Error('FUZZ_SEED must be an integer');
  const timeFactor = env.FUZZ_TIME_FACTOR === undefined ? 1 : Number(env.FUZZ_TIME_FACTOR);
  if (!(timeFactor > 0)) throw new Error('FUZZ_TIME_FACTOR must be a positive number');
  const root = repoRoot();
  return {
    timeFactor,
    scale: raw,
    seed,
    root,
    shared: env.ALIPAY_SHARED ?? resolve(root, '../shared'),
    cli: join(root, 'bin/alipay-codegen.js'),
  };
}

/** A family's time bound at the running scale, in ms, times FUZZ_TIME_FACTOR. */
export function timeBound(config: FuzzConfig, smallMs: number, fullMs: number): number {
  return byScale(config, smallMs, fullMs) * config.timeFactor;
}

/** Picks the count of the running scale. */
export function byScale<T>(config: FuzzConfig, small: T, full: T): T {
  return config.scale === 'small' ? small : full;
}

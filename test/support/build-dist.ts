/**
 * vitest globalSetup: makes dist/ (what bin/alipay-codegen.js and worker threads run) match the sources
 * before any test starts, so `vitest` alone never tests stale compiled code. It compiles only when a
 * source under tsconfig.build.json's roots is newer than its dist/ file (or that file is missing), or a
 * tsconfig changed; a fresh `npm ci` has just built (prepare), so `npm test` right after pays nothing.
 * The rebuild uses TypeScript 7, whose JS output equals TypeScript 5.9's for this code (`npm run build`,
 * the published build, stays on 5.9) and which takes a second instead of fifteen.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, TSC } from './typescript.js';

const CONFIG = 'tsconfig.build.json';
const ROOTS = ['generator', 'templates/runtime', 'bench'];
const CONFIGS = ['tsconfig.json', CONFIG];

const mtime = (path: string): number | undefined => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

function sources(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** The first reason `root`/dist/ is out of date, or undefined when every source is older than its output. */
export function staleReason(root: string = ROOT): string | undefined {
  let oldestOutput = Infinity;
  for (const source of ROOTS.flatMap((dir) => sources(root, dir))) {
    const output = mtime(join(root, 'dist', source.replace(/\.ts$/, '.js')));
    if (output === undefined) return `dist/ has no output for ${source}`;
    if (mtime(join(root, source))! > output) return `${source} changed since it was compiled`;
    oldestOutput = Math.min(oldestOutput, output);
  }
  const config = CONFIGS.find((c) => (mtime(join(root, c)) ?? 0) > oldestOutput);
  return config && `${config} changed since dist/ was compiled`;
}

export default function setup(): void {
  const reason = staleReason();
  if (!reason) return;
  console.log(`build-dist: ${reason}; compiling ${CONFIG}`);
  try {
    execFileSync(process.execPath, [TSC['typescript 7'], '-p', CONFIG], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`build-dist: tsc -p ${CONFIG} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

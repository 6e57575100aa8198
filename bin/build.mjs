#!/usr/bin/env node
// Compiles the generator to dist/ (tsconfig.build.json, TypeScript 5.9: the published build).
//
//   node bin/build.mjs          the `dependencies` script (npm runs it in this repository after
//                                `npm install` / `npm ci` changed node_modules): compiles only when a
//                                source is newer than its dist/ file, and says so; otherwise instant.
//   node bin/build.mjs --clean  `build` and `prepack`: removes the compiled folders, then compiles,
//                                so a tarball never ships output of a deleted source.
//
// Why not `prepare`: `npx alipay-codegen` inside a clone installs the folder itself into npx's cache,
// which runs `prepare` again (an unconditional tsc: the first npx took 16-29 s without a word), and a
// `prepare` in the published package.json makes npm warn about install scripts to every consumer who
// installs the tarball. `dependencies` runs for the root project only: never for consumers.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CONFIG = 'tsconfig.build.json';
const ROOTS = ['generator', 'templates/runtime', 'bench'];
const CONFIGS = ['tsconfig.json', CONFIG];

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

const sources = (dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));

/** The first reason dist/ is out of date, or undefined. */
function staleReason() {
  let oldestOutput = Infinity;
  for (const source of ROOTS.flatMap(sources)) {
    const output = mtime(join(ROOT, 'dist', source.replace(/\.ts$/, '.js')));
    if (output === undefined) return `dist/ has no output for ${source}`;
    if (mtime(join(ROOT, source)) > output) return `${source} changed since it was compiled`;
    oldestOutput = Math.min(oldestOutput, output);
  }
  const config = CONFIGS.find((c) => (mtime(join(ROOT, c)) ?? 0) > oldestOutput);
  return config && `${config} changed since dist/ was compiled`;
}

const clean = process.argv.includes('--clean');
if (clean) {
  for (const dir of ROOTS) rmSync(join(ROOT, 'dist', dir), { recursive: true, force: true });
} else {
  const reason = staleReason();
  if (reason === undefined) process.exit(0);
  process.stderr.write(`alipay-codegen: ${reason}; compiling dist/ (once, takes a while)\n`);
}
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', CONFIG], { cwd: ROOT, stdio: 'inherit' });
} catch {
  process.stderr.write(`alipay-codegen: tsc -p ${CONFIG} failed\n`);
  process.exit(1);
}

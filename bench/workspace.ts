/** Temporary folders and generated packages the benchmark parts share within one run. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generatePackage, readTemplates } from '../generator/generate.js';
import { loadSpecsOrThrow } from '../generator/spec/load.js';
import type { MethodSpec } from '../generator/spec/model.js';
import { repoRoot } from './catalogue/source.js';

let root: string | undefined;

/** A fresh folder under this run's temp root (removed by cleanupWorkspace unless BENCH_KEEP is set). */
export function workDir(name: string): string {
  root ??= mkdtempSync(join(tmpdir(), 'alipay-codegen-bench-'));
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function cleanupWorkspace(): void {
  if (root === undefined) return;
  if (process.env.BENCH_KEEP) process.stdout.write(`bench files kept in ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
  root = undefined;
}

export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [path, content] of files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export async function loadSeedSpecs(): Promise<MethodSpec[]> {
  return (await loadSpecsOrThrow(join(repoRoot(), 'specs'))).map((l) => l.spec);
}

/** The generated package of the given specs, written to a fresh work folder. */
export async function writePackage(name: string, specs: readonly MethodSpec[]): Promise<string> {
  const dir = workDir(name);
  writeFiles(dir, generatePackage(specs, await readTemplates()));
  return dir;
}

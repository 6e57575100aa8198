/** Temporary folders and generated packages the benchmark parts share within one run. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generatePackage, readTemplates } from '../generator/build/index.js';
import { loadSpecsOrThrow } from '../generator/spec/load.js';
import type { MethodSpec } from '../generator/spec/model.js';
import { sample } from './catalogue/random.js';
import { readCatalogue, repoRoot } from './catalogue/source.js';
import { writeCatalogueSpecs } from './catalogue/write.js';
import { runChildOk } from './harness.js';

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
  catalogueSpecsDir = undefined;
  cataloguePackageDir = undefined;
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

let catalogueSpecsDir: string | undefined;
let cataloguePackageDir: string | undefined;

/** The whole catalogue as spec files, written once per run. */
export function catalogueSpecs(): string {
  if (catalogueSpecsDir === undefined) {
    const dir = workDir('catalogue-specs');
    // BENCH_CATALOGUE_LIMIT: a smaller catalogue for quick trials (the figures then say so).
    const limit = process.env.BENCH_CATALOGUE_LIMIT;
    writeCatalogueSpecs({ outDir: dir, ...(limit !== undefined && { limit: Number(limit) }) });
    catalogueSpecsDir = dir;
  }
  return catalogueSpecsDir;
}

/** A seeded sample of `size` catalogue methods as spec files (a fresh folder per call). */
export function catalogueSample(size: number): string {
  const dir = workDir(`catalogue-sample-${size}`);
  const catalogue = readCatalogue();
  const chosen = new Set(sample(Object.keys(catalogue.methods), size, 1));
  writeCatalogueSpecs({ outDir: dir, catalogue, filter: (m) => chosen.has(m) });
  return dir;
}

/** The CLI, as users run it (the compiled bin of this checkout). */
export function cliPath(): string {
  return join(repoRoot(), 'bin', 'alipay-codegen.js');
}

/** The catalogue-sized generated package: the generation part's cold run, or generated here. */
export function cataloguePackage(): string {
  if (cataloguePackageDir === undefined) {
    const dir = workDir('catalogue-package');
    runChildOk(process.execPath, [cliPath(), 'generate', '--specs', catalogueSpecs(), '--out', dir]);
    cataloguePackageDir = dir;
  }
  return cataloguePackageDir;
}

/** Lets the generation part hand over the package its cold run produced. */
export function setCataloguePackage(dir: string): void {
  cataloguePackageDir = dir;
}

/** Makes the repository's @types (node) visible to a project in `dir`. */
export function linkNodeTypes(dir: string): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  const link = join(dir, 'node_modules', '@types');
  if (!existsSync(link)) symlinkSync(join(repoRoot(), 'node_modules', '@types'), link, 'dir');
}

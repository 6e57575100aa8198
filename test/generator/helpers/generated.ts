/** Test helpers: generate a package into a temp directory, load the committed seed specs, run tsc. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generatePackage, readTemplates } from '../../../generator/build/index.js';
import { loadSpecsOrThrow } from '../../../generator/spec/load.js';
import type { MethodSpec } from '../../../generator/spec/model.js';
import { ROOT } from '../../support/typescript.js';

// The compilers and how to run them live in the shared harness; re-exported for the tests that import them here.
export { ROOT, TSC, runTsc, buildProjects, linkNodeTypes } from '../../support/typescript.js';

export async function seedSpecs(): Promise<MethodSpec[]> {
  return (await loadSpecsOrThrow(join(ROOT, 'specs'))).map((l) => l.spec);
}

export async function generateFiles(specs: readonly MethodSpec[]): Promise<Map<string, string>> {
  return generatePackage(specs, await readTemplates());
}

export async function writeFiles(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** Generates `specs` into a fresh temp directory and returns it. */
export async function generateToTemp(specs: readonly MethodSpec[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'alipay-gen-'));
  await writeFiles(dir, await generateFiles(specs));
  return dir;
}

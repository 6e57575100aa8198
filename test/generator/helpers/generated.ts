/** Test helpers: generate a package into a temp directory, load the committed seed specs, run tsc. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { generatePackage, readTemplates } from '../../../generator/generate.js';
import { loadSpecsOrThrow } from '../../../generator/spec/load.js';
import type { MethodSpec } from '../../../generator/spec/model.js';

export const ROOT = resolve(import.meta.dirname, '../../..');

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

export const TSC = {
  'typescript 5.9': join(ROOT, 'node_modules/typescript/bin/tsc'),
  'typescript 7': join(ROOT, 'node_modules/typescript7/bin/tsc'),
} as const;

/** Runs a tsc with `args`; resolves to its combined output and exit code (never rejects). */
export async function runTsc(tsc: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsc, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

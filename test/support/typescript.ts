/**
 * Running the TypeScript compilers on generated code, for every test that needs it.
 *
 * - `runTsc(tsc, args, cwd)`: one `tsc` process (e.g. `-p dir`), its output and exit code.
 * - `buildProjects(tsc, cwd, projects)`: many tsconfig projects in ONE `tsc -b` process (lib and
 *   @types/node files are parsed once for all of them), results split per project. Use it instead of
 *   one `runTsc` per fixture: TypeScript 5.9 spends most of a small check starting up.
 * - `linkNodeTypes(dir)`: lets projects below `dir` resolve `types: ["node"]` (the generated tsconfig
 *   lists it) from this repository's @types, without a `--typeRoots` flag.
 *
 * Prefer TypeScript 7 (`TSC['typescript 7']`, ~10x faster) wherever the check is about our code;
 * keep 5.9 for what users compile with it (the generated package, its consumers), in one process.
 */
import { execFile } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '../..');

export const TSC = {
  'typescript 5.9': join(ROOT, 'node_modules/typescript/bin/tsc'),
  'typescript 7': join(ROOT, 'node_modules/typescript7/bin/tsc'),
} as const;

export interface TscResult {
  code: number;
  output: string;
}

/** Runs a tsc with `args`; resolves to its combined output and exit code (never rejects). */
export async function runTsc(tsc: string, args: string[], cwd: string): Promise<TscResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsc, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

/** `node_modules/@types` in `dir`, pointing at this repository's, so `types: ["node"]` resolves below `dir`. */
export async function linkNodeTypes(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  await symlink(join(ROOT, 'node_modules/@types'), join(dir, 'node_modules/@types'), 'dir');
}

/** `<time> - Building project '<tsconfig>'...`, printed by `tsc -b --verbose` before each project's diagnostics
 * (5.9 names the config by absolute path, 7 relative to the working directory). */
const BUILDING = /^\S+(?: [AP]M)? - Building project '(.+)'\.\.\.$/;
/** The other progress lines of `--verbose` (timestamped, or the `    * project` list), which are no diagnostics. */
const PROGRESS = /^(?:\S+(?: [AP]M)? - |    \* )/;

/**
 * Builds `projects` (tsconfig paths or directories, relative to `cwd`) in one `tsc -b --force` process
 * and returns each project's diagnostics (`--pretty false` lines, '' when clean) and an exit code
 * (0 when it has none), keyed as given. Each project keeps its own tsconfig: emit or `noEmit` there.
 * Output that belongs to no project (e.g. a bad command line) fails every project with it.
 */
export async function buildProjects(tsc: string, cwd: string, projects: readonly string[]): Promise<Map<string, TscResult>> {
  const run = await runTsc(tsc, ['-b', '--force', '--verbose', '--pretty', 'false', ...projects], cwd);
  const configOf = (p: string) => (p.endsWith('.json') ? resolve(cwd, p) : join(resolve(cwd, p), 'tsconfig.json'));
  const keyOf = new Map(projects.map((p) => [configOf(p), p]));
  const lines = new Map<string, string[]>(projects.map((p) => [p, []]));
  const unattributed: string[] = [];
  let current: string[] = unattributed;
  for (const line of run.output.split(/\r?\n/)) {
    const building = BUILDING.exec(line);
    if (building) {
      const key = keyOf.get(resolve(cwd, building[1]!));
      current = key === undefined ? unattributed : lines.get(key)!;
    } else if (line.trim() !== '' && !PROGRESS.test(line)) {
      current.push(line);
    }
  }
  const results = new Map<string, TscResult>();
  for (const [project, own] of lines) {
    const output = [...unattributed, ...own].join('\n');
    results.set(project, { code: output === '' ? 0 : run.code || 1, output });
  }
  return results;
}

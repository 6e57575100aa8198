import { lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../generator/diagnostics.js';
import { WriteError, applyWrite, checkOutput, planWrite, type OutputFiles } from '../../generator/write/index.js';
import { listFiles } from '../../generator/write/walk.js';

let root: string;
let out: string;
/** The generator owns everything in its output except node_modules/ and *.local files. */
const prune = (rel: string) => !rel.endsWith('.local');

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'write-'));
  out = join(root, 'generated');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function generate(files: OutputFiles) {
  const plan = await planWrite(out, files, { prune });
  await applyWrite(out, files, plan);
  return plan;
}

async function inodes(rels: string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const rel of rels) result.set(rel, (await stat(join(out, rel))).ino);
  return result;
}

const FIRST = new Map([
  ['package.json', '{"name":"x"}\n'],
  ['src/a/index.ts', 'export const a = 1;\n'],
  ['src/b/index.ts', 'export const b = "é";\n'],
  ['src/b/types.ts', 'export type B = string;\n'],
]);

describe('planWrite + applyWrite', () => {
  it('writes everything into a missing output directory', async () => {
    const plan = await generate(FIRST);
    expect(plan).toEqual({ write: [...FIRST.keys()].sort(), remove: [], unchanged: [] });
    for (const [rel, content] of FIRST) expect(await readFile(join(out, rel), 'utf8')).toBe(content);
  });

  it('rewrites only changed files (same size included), leaving the others untouched', async () => {
    await generate(FIRST);
    const before = await inodes([...FIRST.keys()]);
    const next = new Map(FIRST);
    next.set('src/a/index.ts', 'export const a = 2;\n'); // same length, different bytes
    next.set('src/b/types.ts', 'export type B = number;\n'); // different length
    const plan = await generate(next);
    expect(plan).toEqual({ write: ['src/a/index.ts', 'src/b/types.ts'], remove: [], unchanged: ['package.json', 'src/b/index.ts'] });
    const after = await inodes([...FIRST.keys()]);
    expect(after.get('package.json')).toBe(before.get('package.json'));
    expect(after.get('src/b/index.ts')).toBe(before.get('src/b/index.ts'));
    expect(after.get('src/a/index.ts')).not.toBe(before.get('src/a/index.ts'));
    expect(await readFile(join(out, 'src/a/index.ts'), 'utf8')).toBe('export const a = 2;\n');
  });

  it('a second run with the same files does nothing', async () => {
    await generate(FIRST);
    expect(await generate(FIRST)).toEqual({ write: [], remove: [], unchanged: [...FIRST.keys()].sort() });
  });

  it('removes files whose spec is gone and the directories they leave empty', async () => {
    await generate(FIRST);
    const next = new Map(FIRST);
    next.delete('src/b/index.ts');
    next.delete('src/b/types.ts');
    const plan = await generate(next);
    expect(plan.remove).toEqual(['src/b/index.ts', 'src/b/types.ts']);
    expect(await readdir(join(out, 'src'))).toEqual(['a']);
  });

  it('leaves foreign files alone: node_modules/ is not even entered, unowned files stay', async () => {
    await generate(FIRST);
    await mkdir(join(out, 'node_modules/dep'), { recursive: true });
    await writeFile(join(out, 'node_modules/dep/index.js'), 'dep');
    await writeFile(join(out, 'notes.local'), 'mine');
    await writeFile(join(out, 'src/b/old.ts'), 'stale');
    const plan = await generate(FIRST);
    expect(plan.remove).toEqual(['src/b/old.ts']);
    expect(await readFile(join(out, 'node_modules/dep/index.js'), 'utf8')).toBe('dep');
    expect(await readFile(join(out, 'notes.local'), 'utf8')).toBe('mine');
  });

  it('keeps a directory that still holds a foreign file', async () => {
    await generate(FIRST);
    await writeFile(join(out, 'src/b/keep.local'), 'mine');
    await generate(new Map([['package.json', '{}']]));
    expect((await listFiles(out)).sort()).toEqual(['package.json', 'src/b/keep.local']);
  });

  it('replaces a file by a directory of the same name across runs', async () => {
    await generate(new Map([['src/x', 'file']]));
    await generate(new Map([['src/x/index.ts', 'now a dir']]));
    expect(await readFile(join(out, 'src/x/index.ts'), 'utf8')).toBe('now a dir');
  });

  it('an interrupted write leaves no half file and no temp file', async () => {
    await generate(FIRST);
    // A non-empty directory where a file must go makes the rename fail after the temp file is written.
    await rm(join(out, 'src/b/types.ts'));
    await mkdir(join(out, 'src/b/types.ts'));
    await writeFile(join(out, 'src/b/types.ts/inner.local'), 'x');
    const next = new Map(FIRST);
    next.set('src/b/types.ts', 'export type B = boolean;\n');
    const plan = await planWrite(out, next, { prune });
    expect(plan.write).toEqual(['src/b/types.ts']);
    await expect(applyWrite(out, next, plan)).rejects.toThrow();
    expect((await listFiles(out)).sort()).toEqual(['package.json', 'src/a/index.ts', 'src/b/index.ts', 'src/b/types.ts/inner.local']);
  });

  it('a write failing after others were committed undoes them all: every file as it was, none removed', async () => {
    await generate(FIRST);
    const next = new Map(FIRST);
    next.set('package.json', '{"name":"y"}\n'); // same size
    next.set('src/a/index.ts', 'export const a = 10;\n');
    next.delete('src/b/index.ts');
    next.set('src/c/new.ts', 'export {};\n');
    next.set('src/b/types.ts', 'export type B = boolean;\n');
    const plan = await planWrite(out, next, { prune });
    // Then a non-empty directory appears where a planned file goes: its rename fails.
    await rm(join(out, 'src/b/types.ts'));
    await mkdir(join(out, 'src/b/types.ts'));
    await writeFile(join(out, 'src/b/types.ts/inner.local'), 'x');
    const failure = await applyWrite(out, next, plan).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WriteError);
    expect((failure as WriteError).target).toBe(join(out, 'src/b/types.ts'));
    expect((failure as WriteError).restored).toBe(true);
    expect(await listFiles(out)).toEqual(['package.json', 'src/a/index.ts', 'src/b/index.ts', 'src/b/types.ts/inner.local']);
    for (const rel of ['package.json', 'src/a/index.ts', 'src/b/index.ts']) expect(await readFile(join(out, rel), 'utf8'), rel).toBe(FIRST.get(rel));
  });

  it('a directory that cannot be made (a file in the way) undoes the removals done before it', async () => {
    await generate(FIRST);
    await writeFile(join(out, 'src/c.local'), 'a file, not ours');
    const next = new Map(FIRST);
    next.delete('src/b/types.ts');
    next.set('src/c.local/x.ts', 'export {};\n');
    const plan = await planWrite(out, next, { prune });
    expect(plan.remove).toEqual(['src/b/types.ts']);
    await expect(applyWrite(out, next, plan)).rejects.toThrow(WriteError);
    expect(await listFiles(out)).toEqual([...FIRST.keys(), 'src/c.local'].sort());
    expect(await readFile(join(out, 'src/b/types.ts'), 'utf8')).toBe(FIRST.get('src/b/types.ts'));
  });

  it('a failed first write into a new folder leaves no folder', async () => {
    const target = join(root, 'fresh');
    // Every name fits, the whole path does not (PATH_MAX): mkdir fails after making some folders.
    const deep = `src/${Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(250, 'd')).join('/')}/x.ts`;
    const files = new Map([...FIRST, [deep, 'x']]);
    const plan = { write: [...files.keys()].sort(), remove: [], unchanged: [] };
    const failure = await applyWrite(target, files, plan).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WriteError);
    expect((failure as WriteError).restored).toBe(true);
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });

  it('writes a file whose name is 255 bytes (its temp file has a short name)', async () => {
    const long = new Map([...FIRST, [`src/methods/${'m'.repeat(250)}.d.ts`, 'x']]);
    await generate(long);
    expect(await readFile(join(out, `src/methods/${'m'.repeat(250)}.d.ts`), 'utf8')).toBe('x');
    expect(await listFiles(out)).toEqual([...long.keys()].sort());
  });

  it('refuses a file name longer than file systems allow before writing anything', async () => {
    const longer = new Map([...FIRST, [`src/methods/${'m'.repeat(251)}.d.ts`, 'x']]);
    await expect(planWrite(out, longer, { prune })).rejects.toThrow(/file name is 256 bytes long, file systems allow 255/);
    await expect(applyWrite(out, longer, { write: [...longer.keys()].sort(), remove: [], unchanged: [] })).rejects.toThrow(UserError);
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('cleans temp files left by a crashed run', async () => {
    await generate(FIRST);
    await writeFile(join(out, 'src/a/.index.ts.123.0.alipay-codegen-tmp'), 'half');
    const never = () => false;
    const plan = await planWrite(out, FIRST, { prune: never });
    expect(plan.remove).toEqual(['src/a/.index.ts.123.0.alipay-codegen-tmp']);
    await applyWrite(out, FIRST, plan);
    expect(await readdir(join(out, 'src/a'))).toEqual(['index.ts']);
  });

  it('never writes through a symlinked directory it does not own (nothing outside outDir is touched)', async () => {
    const elsewhere = join(root, 'elsewhere');
    await mkdir(join(elsewhere, 'a'), { recursive: true });
    await writeFile(join(elsewhere, 'a/index.ts'), FIRST.get('src/a/index.ts')!);
    await mkdir(out);
    await symlink(elsewhere, join(out, 'src'));
    const onlyTs = (rel: string) => rel.endsWith('.ts');
    const plan = await planWrite(out, FIRST, { prune: onlyTs });
    await expect(applyWrite(out, FIRST, plan)).rejects.toThrow(/symlinked directory src/);
    expect(await readdir(elsewhere)).toEqual(['a']);
    expect(await readdir(join(elsewhere, 'a'))).toEqual(['index.ts']);
  });

  it('replaces an owned symlink where a directory belongs by a real directory, leaving its target alone', async () => {
    const elsewhere = join(root, 'elsewhere');
    await mkdir(join(elsewhere, 'a'), { recursive: true });
    await writeFile(join(elsewhere, 'a/index.ts'), FIRST.get('src/a/index.ts')!);
    await mkdir(out);
    await symlink(elsewhere, join(out, 'src'));
    const plan = await generate(FIRST);
    expect(plan.remove).toEqual(['src']);
    expect(plan.write).toEqual([...FIRST.keys()].sort());
    expect((await lstat(join(out, 'src'))).isDirectory()).toBe(true);
    expect(await readFile(join(out, 'src/a/index.ts'), 'utf8')).toBe(FIRST.get('src/a/index.ts'));
    expect(await readdir(join(elsewhere, 'a'))).toEqual(['index.ts']);
  });

  it('replaces a symlinked file by a real file, leaving the link target alone', async () => {
    const target = join(root, 'target.txt');
    await writeFile(target, '{"name":"x"}\n');
    await mkdir(out);
    await symlink(target, join(out, 'package.json'));
    const files = new Map([['package.json', '{"name":"x"}\n']]);
    expect((await generate(files)).write).toEqual(['package.json']);
    expect((await lstat(join(out, 'package.json'))).isSymbolicLink()).toBe(false);
    expect(await readFile(target, 'utf8')).toBe('{"name":"x"}\n');
  });

  it('rejects paths that could escape the output directory', async () => {
    for (const bad of ['../x', '/abs', 'a//b', 'a/./b', 'a\\b', '']) {
      await expect(planWrite(out, new Map([[bad, 'x']]), { prune }), bad).rejects.toThrow(/invalid output path/);
    }
  });
});

describe('checkOutput', () => {
  it('is empty when the output is up to date', async () => {
    await generate(FIRST);
    expect(await checkOutput(out, FIRST, prune)).toEqual([]);
  });

  it('lists exactly the changed, missing and extra owned files, and writes nothing', async () => {
    await generate(FIRST);
    await writeFile(join(out, 'src/a/index.ts'), 'edited by hand');
    await rm(join(out, 'src/b/types.ts'));
    await writeFile(join(out, 'src/extra.ts'), 'extra');
    await writeFile(join(out, 'mine.local'), 'not owned');
    const before = await listFiles(out);
    expect(await checkOutput(out, FIRST, prune)).toEqual(['src/a/index.ts', 'src/b/types.ts', 'src/extra.ts']);
    expect(await listFiles(out)).toEqual(before);
    expect(await readFile(join(out, 'src/a/index.ts'), 'utf8')).toBe('edited by hand');
  });
});

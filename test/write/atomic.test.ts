import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempFile, writeFileAtomic, writeNewDirAtomic } from '../../generator/write/index.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file', async () => {
    const file = join(root, 'a.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new content');
    expect(await readFile(file, 'utf8')).toBe('new content');
    expect(await readdir(root)).toEqual(['a.json']);
  });

  it('keeps the mode it is given (private keys)', async () => {
    const file = join(root, 'key.pem');
    await writeFileAtomic(file, 'secret', { mode: 0o600 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('a failed rename leaves the target as it was and no temp file', async () => {
    const target = join(root, 'dir');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'text')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(await readdir(root)).toEqual(['dir']);
    expect(await readdir(target)).toEqual(['inside']);
  });

  it('uses a short temp name whatever the target name (255-byte names)', async () => {
    const file = join(root, 'n'.repeat(255));
    await writeFileAtomic(file, 'x');
    expect(await readFile(file, 'utf8')).toBe('x');
    expect((await readdir(root)).filter(isTempFile)).toEqual([]);
  });
});

describe('writeNewDirAtomic', () => {
  it('creates the folder with every file at once, then refuses to touch it again', async () => {
    const dir = join(root, 'cache', 'abc');
    const files = new Map([
      ['package.json', '{}'],
      ['dist/methods/a.js', 'export {};'],
    ]);
    expect(await writeNewDirAtomic(dir, files)).toBe(true);
    expect(await readFile(join(dir, 'dist/methods/a.js'), 'utf8')).toBe('export {};');
    expect(await writeNewDirAtomic(dir, new Map([['package.json', 'other']]))).toBe(false);
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe('{}');
    expect(await readdir(join(root, 'cache'))).toEqual(['abc']);
  });
});

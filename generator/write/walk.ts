/** Lists the files under the output directory, skipping directories the generator never owns. */
import { readdir } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { toAbs } from './paths.js';
import { IO_CONCURRENCY, mapLimit } from '../shared/pool.js';

/** By default `node_modules` and `.git` are never entered: they are never the generator's. */
export function defaultSkipDir(relDir: string): boolean {
  const name = relDir.slice(relDir.lastIndexOf('/') + 1);
  return name === 'node_modules' || name === '.git';
}

/**
 * Relative POSIX paths of every file (and symlink: never followed) under `outDir`, sorted.
 * A missing `outDir` has no files.
 */
export async function listFiles(outDir: string, skipDir: (relDir: string) => boolean = defaultSkipDir): Promise<string[]> {
  const files: string[] = [];
  let level = [''];
  while (level.length > 0) {
    const children = await mapLimit(level, IO_CONCURRENCY, async (dir) => ({ dir, entries: await readDir(dir === '' ? outDir : toAbs(outDir, dir)) }));
    level = [];
    for (const { dir, entries } of children) {
      for (const entry of entries) {
        const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!skipDir(rel)) level.push(rel);
        } else {
          files.push(rel);
        }
      }
    }
  }
  return files.sort();
}

async function readDir(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

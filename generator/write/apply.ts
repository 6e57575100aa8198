/**
 * Carries out a WritePlan: stale files first (and the directories they leave empty), then each
 * write atomically (temp file in the same directory + rename), so a reader or an interrupted run
 * never sees half a file. Never writes through a symlinked directory, so nothing outside outDir
 * is touched.
 */
import { lstat, mkdir, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { assertRelPath, parentOf, toAbs } from './paths.js';
import type { OutputFiles, WritePlan } from './plan.js';
import { IO_CONCURRENCY, mapLimit } from './pool.js';
import { tempPathFor } from './temp.js';

export async function applyWrite(outDir: string, files: OutputFiles, plan: WritePlan): Promise<void> {
  plan.remove.forEach(assertRelPath);
  plan.write.forEach(assertRelPath);
  await mapLimit(plan.remove, IO_CONCURRENCY, (rel) => ignoreMissing(unlink(toAbs(outDir, rel))));
  await removeEmptyDirs(outDir, plan.remove);
  await prepareDirs(outDir, plan.write);
  await mapLimit(plan.write, IO_CONCURRENCY, (rel) => {
    const content = files.get(rel);
    if (content === undefined) throw new Error(`planned write of ${rel} has no content`);
    return writeAtomic(toAbs(outDir, rel), content);
  });
}

export async function writeAtomic(abs: string, content: string): Promise<void> {
  const temp = tempPathFor(abs);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, abs);
  } catch (error) {
    await ignoreMissing(unlink(temp));
    throw error;
  }
}

/** Removes the parents of removed files that are now empty, deepest first, never outDir itself. */
async function removeEmptyDirs(outDir: string, removed: readonly string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const rel of removed) for (let d = parentOf(rel); d !== ''; d = parentOf(d)) dirs.add(d);
  const byDepth = [...dirs].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  for (const dir of byDepth) {
    await rmdir(toAbs(outDir, dir)).catch((error: NodeJS.ErrnoException) => {
      if (!['ENOTEMPTY', 'EEXIST', 'ENOENT', 'ENOTDIR'].includes(error.code ?? '')) throw error;
    });
  }
}

/** Creates missing parent directories; refuses a symlink anywhere between outDir and a file. */
async function prepareDirs(outDir: string, writes: readonly string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const rel of writes) for (let d = parentOf(rel); d !== '' && !dirs.has(d); d = parentOf(d)) dirs.add(d);
  await mapLimit([...dirs], IO_CONCURRENCY, async (dir) => {
    const stat = await lstat(toAbs(outDir, dir)).catch(() => undefined);
    if (stat?.isSymbolicLink()) throw new Error(`refusing to write through the symlinked directory ${dir} in ${outDir}`);
  });
  if (writes.length > 0) await mkdir(outDir, { recursive: true });
  // Only the deepest directories need a (recursive) mkdir; their ancestors come along.
  const parents = new Set([...dirs].map(parentOf));
  const leaves = [...dirs].filter((d) => !parents.has(d));
  await mapLimit(leaves, IO_CONCURRENCY, (dir) => mkdir(toAbs(outDir, dir), { recursive: true }));
}

async function ignoreMissing(p: Promise<unknown>): Promise<void> {
  await p.catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

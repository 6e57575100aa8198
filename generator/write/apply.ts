/**
 * Carries out a WritePlan as one transaction, so a failed write never leaves a partial output:
 *   1. files to remove are moved aside (renamed to backup names in their directory);
 *   2. missing directories are created;
 *   3. every new content is staged in a temp file beside its target;
 *   4. each staged file is renamed over its target, the old one kept as a hard-linked backup;
 *   5. backups are deleted, and the directories removals left empty.
 * An error in 1-4 (ENOSPC, EACCES, a directory where a file goes, ...) undoes what was done, in
 * reverse, and throws a WriteError naming the path: the output is as it was. A crash (kill -9) leaves temp and backup files,
 * which the next plan removes (isTempFile); the caller's "in progress" marker tells that run to
 * verify everything. Never writes through a symlinked directory, so nothing outside outDir is
 * touched.
 */
import { link, lstat, mkdir, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { assertFileNames, assertRelPath, parentOf, toAbs } from './paths.js';
import type { OutputFiles, WritePlan } from './plan.js';
import { IO_CONCURRENCY, mapLimit } from '../shared/pool.js';
import { tempPathFor } from './temp.js';

/** A failed write: the path it failed on, its cause, and whether the output was restored as it was. */
export class WriteError extends Error {
  restored = true;

  constructor(
    readonly target: string,
    override readonly cause: unknown,
  ) {
    super(`cannot write ${target}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'WriteError';
  }
}

/** Runs `op`, naming `target` in its error. */
async function at<T>(target: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    throw error instanceof WriteError ? error : new WriteError(target, error);
  }
}

export interface WriteHooks {
  /** Called at 'staged' (all temp files written) and at 'commit' after each rename (tests kill here). */
  checkpoint?(name: 'staged' | 'commit'): void;
}

export async function applyWrite(outDir: string, files: OutputFiles, plan: WritePlan, hooks: WriteHooks = {}): Promise<void> {
  plan.remove.forEach(assertRelPath);
  plan.write.forEach(assertRelPath);
  plan.write.forEach(assertFileNames);
  for (const rel of plan.write) if (files.get(rel) === undefined) throw new Error(`planned write of ${rel} has no content`);
  const undo: (() => Promise<unknown>)[] = [];
  const backups: string[] = [];
  const staged = new Array<string | undefined>(plan.write.length);
  try {
    await mapLimit(plan.remove, IO_CONCURRENCY, async (rel) => {
      const abs = toAbs(outDir, rel);
      const backup = tempPathFor(abs);
      if (!(await at(abs, () => ignoreMissing(rename(abs, backup))))) return;
      backups.push(backup);
      undo.push(() => rename(backup, abs));
    });
    const dirs = await at(outDir, () => inspectDirs(outDir, plan.write));
    undo.push(() => removeDirs(outDir, dirs.missing));
    await at(outDir, () => makeDirs(outDir, dirs.all));
    await mapLimit(plan.write, IO_CONCURRENCY, async (rel, i) => {
      const temp = tempPathFor(toAbs(outDir, rel));
      staged[i] = temp;
      await at(toAbs(outDir, rel), () => writeFile(temp, files.get(rel)!, 'utf8'));
    });
    hooks.checkpoint?.('staged');
    const newDirs = new Set(dirs.missing);
    await mapLimit(plan.write, IO_CONCURRENCY, async (rel, i) => {
      const abs = toAbs(outDir, rel);
      const backup = tempPathFor(abs);
      // A hard link keeps the old file under the backup name at no copying cost (none when absent,
      // or when something that cannot be linked, a directory, is in the way: the rename then fails).
      const kept =
        !newDirs.has(parentOf(rel)) &&
        (await link(abs, backup).then(
          () => true,
          () => false,
        ));
      if (kept) backups.push(backup);
      await at(abs, () => rename(staged[i]!, abs));
      undo.push(kept ? () => rename(backup, abs) : () => unlink(abs));
      hooks.checkpoint?.('commit');
    });
  } catch (error) {
    const failure = error instanceof WriteError ? error : new WriteError(outDir, error);
    // Staged files first (those already renamed are gone), so the directories made are empty again.
    await Promise.all(staged.map((p) => p !== undefined && unlink(p).catch(() => undefined)));
    for (const step of undo.reverse()) await step().catch(() => (failure.restored = false));
    await Promise.all(backups.map((p) => unlink(p).catch(() => undefined)));
    throw failure;
  }
  await mapLimit(backups, IO_CONCURRENCY, (p) => ignoreMissing(unlink(p)));
  await removeEmptyDirs(outDir, plan.remove);
}

/** Removes the parents of removed files that are now empty, deepest first, never outDir itself. */
async function removeEmptyDirs(outDir: string, removed: readonly string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const rel of removed) for (let d = parentOf(rel); d !== ''; d = parentOf(d)) dirs.add(d);
  await removeDirs(outDir, [...dirs]);
}

/** Removes the directories that are empty, deepest first (rmdir never removes a non-empty one). */
async function removeDirs(outDir: string, dirs: readonly string[]): Promise<void> {
  const depth = (d: string) => (d === '' ? 0 : d.split('/').length);
  const byDepth = [...dirs].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : 1));
  for (const dir of byDepth) {
    await rmdir(dir === '' ? outDir : toAbs(outDir, dir)).catch((error: NodeJS.ErrnoException) => {
      if (!['ENOTEMPTY', 'EEXIST', 'ENOENT', 'ENOTDIR', 'ENAMETOOLONG'].includes(error.code ?? '')) throw error;
    });
  }
}

/**
 * The directories the writes need (outDir included, as ''), and those missing; refuses a symlink
 * anywhere between outDir and a file.
 */
async function inspectDirs(outDir: string, writes: readonly string[]): Promise<{ all: string[]; missing: string[] }> {
  if (writes.length === 0) return { all: [], missing: [] };
  const dirs = new Set<string>();
  for (const rel of writes) for (let d = parentOf(rel); d !== '' && !dirs.has(d); d = parentOf(d)) dirs.add(d);
  const missing: string[] = [];
  await mapLimit(['', ...dirs], IO_CONCURRENCY, async (dir) => {
    const stat = await lstat(dir === '' ? outDir : toAbs(outDir, dir)).catch(() => undefined);
    if (stat === undefined) missing.push(dir);
    else if (stat.isSymbolicLink() && dir !== '') throw new Error(`refusing to write through the symlinked directory ${dir} in ${outDir}`);
  });
  return { all: [...dirs], missing };
}

async function makeDirs(outDir: string, dirs: readonly string[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  // Only the deepest directories need a (recursive) mkdir; their ancestors come along.
  const parents = new Set(dirs.map(parentOf));
  const leaves = dirs.filter((d) => !parents.has(d));
  await mapLimit(leaves, IO_CONCURRENCY, (dir) => mkdir(toAbs(outDir, dir), { recursive: true }));
}

/** Resolves to false when the path was missing. */
async function ignoreMissing(p: Promise<unknown>): Promise<boolean> {
  return p.then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

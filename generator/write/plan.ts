/**
 * Compares the generated files with what is on disk, to write only what changed and remove only
 * what the generator owns. Reads as little as possible: a size difference (from lstat) settles
 * most files; contents are read only when sizes match.
 */
import { lstat, readFile } from 'node:fs/promises';
import { assertFileNames, assertRelPath, parentOf, toAbs } from './paths.js';
import { IO_CONCURRENCY, mapLimit } from '../shared/pool.js';
import { isTempFile } from './temp.js';
import { listFiles } from './walk.js';

/**
 * A file's content: text, or its UTF-8 bytes (what worker threads hand over: bytes move between
 * threads without a copy and take less memory than a two-byte string of Chinese doc comments).
 */
export type FileContent = string | Uint8Array;

/** Relative POSIX path -> file content, as produced by the generator. */
export type OutputFiles = ReadonlyMap<string, FileContent>;

export interface WritePlan {
  /** Missing or different on disk. */
  write: string[];
  /** On disk, not generated any more, and owned by the generator (per `prune`). */
  remove: string[];
  /** Byte-identical on disk. */
  unchanged: string[];
}

export interface PlanOptions {
  /** Whether a file found on disk but not generated is the generator's to remove. */
  prune: (relPath: string) => boolean;
  /** Directories never entered when looking for stale files (default: node_modules, .git). */
  skipDir?: (relDir: string) => boolean;
}

export async function planWrite(outDir: string, files: OutputFiles, options: PlanOptions): Promise<WritePlan> {
  const paths = [...files.keys()].sort();
  paths.forEach(assertRelPath);
  paths.forEach(assertFileNames);
  const same = await mapLimit(paths, IO_CONCURRENCY, (rel) => sameOnDisk(toAbs(outDir, rel), files.get(rel)!));
  const onDisk = await listFiles(outDir, options.skipDir);
  // Leftover temp files of an interrupted run are always ours to clean.
  const remove = onDisk.filter((rel) => !files.has(rel) && (isTempFile(rel) || options.prune(rel)));
  // A file seen "through" a path being removed (a symlink where a directory belongs) is not there after.
  const removed = new Set(remove);
  const underRemoved = (rel: string) => {
    for (let d = parentOf(rel); d !== ''; d = parentOf(d)) if (removed.has(d)) return true;
    return false;
  };
  const write = paths.filter((rel, i) => !same[i] || underRemoved(rel));
  const unchanged = paths.filter((rel, i) => same[i] && !underRemoved(rel));
  return { write, remove, unchanged };
}

async function sameOnDisk(abs: string, content: FileContent): Promise<boolean> {
  const stat = await lstat(abs).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  // A symlink or directory in the way is never "the same": writing replaces a link with a file.
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (!stat?.isFile() || stat.size !== bytes.byteLength) return false;
  return (await readFile(abs)).equals(bytes);
}

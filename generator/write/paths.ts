/** Output paths are relative POSIX paths inside the output directory, checked before any I/O. */
import { join } from 'node:path';

/** Throws (a generator bug, not a user error) for a path that could escape or is not normalised. */
export function assertRelPath(rel: string): void {
  const segments = rel.split('/');
  const bad =
    rel === '' ||
    rel.includes('\\') ||
    rel.includes('\0') ||
    segments.some((s) => s === '' || s === '.' || s === '..');
  if (bad) throw new Error(`invalid output path ${JSON.stringify(rel)}: expected a normalised relative POSIX path`);
}

export function toAbs(outDir: string, rel: string): string {
  return join(outDir, ...rel.split('/'));
}

/** Parent of a relative path, '' for a top-level file. */
export function parentOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** Output paths are relative POSIX paths inside the output directory, checked before any I/O. */
import { join } from 'node:path';
import { UserError } from '../diagnostics.js';

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

/** The longest file name (one path segment) common file systems take, in bytes. */
export const MAX_NAME_BYTES = 255;

/** Throws a UserError naming the path when a segment is longer than file systems allow. */
export function assertFileNames(rel: string): void {
  for (const segment of rel.split('/')) {
    const bytes = Buffer.byteLength(segment, 'utf8');
    if (bytes > MAX_NAME_BYTES) {
      throw new UserError(`cannot write ${rel}: its file name is ${bytes} bytes long, file systems allow ${MAX_NAME_BYTES}`);
    }
  }
}

/**
 * Atomic writes, the one implementation every command uses: content goes to a temp file in the
 * target's directory, then is renamed over the target, so a reader (or the next run after a
 * crash) sees the old file or the new one, never half of one. A failed write removes its temp
 * file and leaves the target as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tempPathFor } from './temp.js';

/** Writes `content` to `abs` atomically. The directory must exist. `mode`: e.g. 0o600 for a private key. */
export async function writeFileAtomic(abs: string, content: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const temp = tempPathFor(abs);
  try {
    await writeFile(temp, content, options.mode === undefined ? {} : { mode: options.mode });
    await rename(temp, abs);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Creates directory `dir` holding `files` (relative `/` paths -> content) all at once: they are
 * written to a sibling staging directory that is then renamed to `dir`. Resolves to false, writing
 * nothing, when `dir` already exists (another process made it first: content-addressed caches).
 */
export async function writeNewDirAtomic(dir: string, files: ReadonlyMap<string, string>): Promise<boolean> {
  if (existsSync(dir)) return false;
  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}-staging-`));
  try {
    for (const [rel, text] of files) {
      const abs = join(staging, ...rel.split('/'));
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, text);
    }
    await rename(staging, dir);
    return true;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (existsSync(dir)) return false;
    throw error;
  }
}

/**
 * Writing the specs `alipay-codegen import` made (moved here from the importer, which stays pure).
 * Atomic: each file is written to a temporary file in the same directory and renamed
 * over the target, so a reader never sees a half-written spec and a failed run leaves no partial
 * file. Callers validate every input first and only then call this.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutputFile {
  /** File name inside the output directory. */
  name: string;
  text: string;
}

export async function writeFilesAtomically(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const temps: { temp: string; target: string }[] = [];
  try {
    // All temporaries first, then the renames: a failure while writing leaves the targets untouched.
    for (const file of files) {
      const target = join(dir, file.name);
      const temp = join(dir, `.${file.name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      temps.push({ temp, target });
      await writeFile(temp, file.text, 'utf8');
    }
    for (const { temp, target } of temps) await rename(temp, target);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  return temps.map((t) => t.target);
}

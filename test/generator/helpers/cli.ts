/**
 * The CLI run in this process (stdout and stderr captured, `process.exitCode` reset), and an output
 * folder read as a map of files: shared by the command and incremental-generation tests.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { vi } from 'vitest';
import { STAT_CACHE_PATH } from '../../../generator/build/cache/stat-cache.js';
import { main } from '../../../generator/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliInProcess(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = undefined;
  try {
    return { code: await main(['node', 'alipay-codegen', ...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

/** Every file below `dir` (relative path -> text), without the stat cache: it is local (stats differ per run), not output. */
export async function outputTree(dir: string, prefix = ''): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of await outputTree(dir, rel)) files.set(k, v);
    else if (rel !== STAT_CACHE_PATH) files.set(rel, await readFile(join(dir, rel), 'utf8'));
  }
  return files;
}

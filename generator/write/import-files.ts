/**
 * Writing the specs `alipay-codegen import` made (the importer stays pure). All or nothing, through
 * the write stage's one transaction (./apply.ts): every spec is staged beside its target, then
 * renamed over it; any error undoes what was done. Callers validate every input first.
 */
import { join } from 'node:path';
import { applyWrite } from './apply.js';

export interface OutputFile {
  /** File name inside the output directory. */
  name: string;
  text: string;
}

/** Writes every file into `dir` (created when missing); resolves to their paths, in input order. */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const contents = new Map(files.map((f) => [f.name, f.text] as const));
  await applyWrite(dir, contents, { write: files.map((f) => f.name), remove: [], unchanged: [] });
  return files.map((f) => join(dir, f.name));
}

/**
 * Writing the specs `alipay-codegen import` made (the importer stays pure). All or nothing, through
 * the write stage's one transaction (./apply.ts): every spec is staged beside its target, then
 * renamed over it; any error undoes what was done. Callers validate every input first.
 */
import { join } from 'node:path';
import { UserError, ioReason } from '../diagnostics.js';
import { WriteError, applyWrite } from './apply.js';

export interface OutputFile {
  /** File name inside the output directory. */
  name: string;
  text: string;
}

/** Writes every file into `dir` (created when missing); resolves to their paths, in input order. */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  const contents = new Map(files.map((f) => [f.name, f.text] as const));
  try {
    await applyWrite(dir, contents, { write: files.map((f) => f.name), remove: [], unchanged: [] });
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    const outcome = error.restored ? 'nothing was written' : `${dir} is partly written: fix the cause and import again`;
    throw new UserError(`cannot write ${error.target}: ${ioReason(error.cause)}; ${outcome}`);
  }
  return files.map((f) => join(dir, f.name));
}

/**
 * Temp (staged) and backup files of the write stage: names no generated file has, recognisable
 * after a crash, and short whatever the target's name (a 250-character file name plus a suffix
 * would pass the 255-byte limit of file names).
 */
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

const SUFFIX = '.alipay-codegen-tmp';
let counter = 0;

/** A fresh temp path in the directory of `abs` (same file system, so a rename is atomic). */
export function tempPathFor(abs: string): string {
  return join(dirname(abs), `.${process.pid}.${threadId}.${counter++}${SUFFIX}`);
}

export function isTempFile(rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  return name.startsWith('.') && name.endsWith(SUFFIX);
}

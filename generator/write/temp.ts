/** Temp files for atomic writes: a name no generated file has, recognisable after a crash. */
import { basename, dirname, join } from 'node:path';

const SUFFIX = '.alipay-codegen-tmp';
let counter = 0;

export function tempPathFor(abs: string): string {
  return join(dirname(abs), `.${basename(abs)}.${process.pid}.${counter++}${SUFFIX}`);
}

export function isTempFile(rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  return name.startsWith('.') && name.endsWith(SUFFIX);
}

/** Byte-for-byte comparison of two directory trees. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readTree(dir: string, prefix = '', out = new Map<string, Buffer>()): Map<string, Buffer> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) readTree(join(dir, e.name), rel, out);
    else out.set(rel, e.isSymbolicLink() ? Buffer.from(`symlink ${rel}`) : readFileSync(join(dir, e.name)));
  }
  return out;
}

/** The first few differences (missing, extra, changed paths), empty when identical. */
export function diffTrees(expected: Map<string, Buffer>, actual: Map<string, Buffer>): string[] {
  const diffs: string[] = [];
  for (const [path, bytes] of expected) {
    const got = actual.get(path);
    if (got === undefined) diffs.push(`missing ${path}`);
    else if (!got.equals(bytes)) diffs.push(`differs ${path}`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) diffs.push(`extra ${path}`);
  return diffs;
}

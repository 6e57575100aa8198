/** Snapshots of a folder tree, to count rewritten files and compare two outputs byte for byte. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { STAT_CACHE_PATH } from '../../generator/build/cache/stat-cache.js';

export interface Snapshot {
  /** Relative path -> modification time (ms). */
  mtimes: Map<string, number>;
}

/** The output's files, without the generator's local stat cache (not output: stats differ per run). */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out
    .map((p) => relative(dir, p).split('\\').join('/'))
    .filter((p) => p !== STAT_CACHE_PATH)
    .sort();
}

export function snapshot(dir: string): Snapshot {
  return { mtimes: new Map(files(dir).map((p) => [p, statSync(join(dir, p)).mtimeMs])) };
}

/** Files added, removed or modified between two snapshots of the same folder. */
export function touched(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [p, m] of after.mtimes) if (before.mtimes.get(p) !== m) out.push(p);
  for (const p of before.mtimes.keys()) if (!after.mtimes.has(p)) out.push(p);
  return out.sort();
}

/** Paths whose content differs between two trees (or exist in only one). */
export function differences(a: string, b: string): string[] {
  const hashes = (dir: string) =>
    new Map(files(dir).map((p) => [p, createHash('sha1').update(readFileSync(join(dir, p))).digest('hex')]));
  const ha = hashes(a);
  const hb = hashes(b);
  const out: string[] = [];
  for (const [p, h] of ha) if (hb.get(p) !== h) out.push(p);
  for (const p of hb.keys()) if (!ha.has(p)) out.push(p);
  return out.sort();
}

/**
 * The stat cache (`.alipay-codegen/stat-cache.json` in the output folder): what this machine last
 * saw of each spec and output file (size, mtime, ctime, inode), so a run that finds the same stat
 * knows the content without reading it. It is local, not output: stats differ per checkout and
 * machine, so the manifest never mentions it, the package's .gitignore lists it, `check` neither
 * writes nor reports it, and a missing or unreadable one only makes the next run read more.
 *
 * A record is a claim "the file with this stat had this content":
 * - a spec: the SHA-256 of its bytes (compared with the manifest's like a freshly read hash);
 * - an output: the manifest's digest, so output records hold only while the manifest is the file
 *   they were written beside (its own stat is recorded too, which also lets a run trust the
 *   manifest's seals without re-hashing every entry).
 *
 * Why the stat is enough: every write to a file sets its ctime to the current time, and ctime
 * cannot be set back by tools (`touch -d`, `cp -p`, an editor keeping the mtime). The one gap is
 * git's "racily clean" case: a change within the same file system time-stamp tick as the stat
 * that was recorded (1 s on some file systems, a few ms on ext4). As git does, a record whose
 * ctime or mtime is not older than the cache file itself is not kept (its content is hashed next
 * time), and the cache is written, when it can, after the clock has moved past every record.
 * What remains is an edit keeping size and inode, made in the same tick right after the file was
 * observed and before the cache was written: `generate --full` (and `check --full`) trust nothing.
 */
import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileAtomic } from '../../write/atomic.js';
import { toAbs } from '../../write/paths.js';
import { decodeLastRun, type LastRun } from './last-run.js';

export const STAT_CACHE_PATH = '.alipay-codegen/stat-cache.json';
const FORMAT = 1;

/** `size:mtimeMs:ctimeMs:ino` of a regular file. */
export type StatKey = string;

export function statKey(s: Stats): StatKey {
  return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
}

/** The stat key of the regular file at `abs` (lstat: a symlink is not one), undefined when there is none. */
export function fileStat(abs: string): StatKey | undefined {
  const s = lstatSync(abs, { throwIfNoEntry: false });
  return s?.isFile() ? statKey(s) : undefined;
}

/** Like fileStat but following symlinks, as reading a spec does. */
export function followedStat(abs: string): StatKey | undefined {
  const s = statSync(abs, { throwIfNoEntry: false });
  return s?.isFile() ? statKey(s) : undefined;
}

export interface StatCache {
  /** The manifest's stat when the cache was written. */
  readonly manifest?: StatKey;
  /** Spec file name -> `<stat> <sha256>`. */
  readonly specs: ReadonlyMap<string, string>;
  /** Output path -> stat of a file whose content had the manifest's digest. */
  readonly files: ReadonlyMap<string, StatKey>;
  /** The last run that succeeded, when every file it left is recorded here (./last-run.ts). */
  readonly run?: LastRun;
}

export const EMPTY_STAT_CACHE: StatCache = { specs: new Map(), files: new Map() };

/** The later of a record's mtime and ctime. */
export function timeOf(key: StatKey): number {
  const a = key.indexOf(':');
  const b = key.indexOf(':', a + 1);
  const c = key.indexOf(':', b + 1);
  return Math.max(Number(key.slice(a + 1, b)), Number(key.slice(b + 1, c)));
}

/**
 * The cache in `outDir`; empty when missing or not one we wrote. It holds no racy record: the
 * writer left out every record not older than the file itself (see writeStatCache).
 */
export function readStatCache(outDir: string): StatCache {
  try {
    const data = JSON.parse(readFileSync(toAbs(outDir, STAT_CACHE_PATH), 'utf8')) as { format?: unknown; manifest?: unknown; specs?: unknown; files?: unknown; run?: unknown };
    if (data.format !== FORMAT || !isRecord(data.specs) || !isRecord(data.files)) return EMPTY_STAT_CACHE;
    const manifest = typeof data.manifest === 'string' ? data.manifest : undefined;
    // Output records describe the manifest's digests: without that manifest they say nothing.
    const files = manifest === undefined ? new Map<string, string>() : new Map(Object.entries(data.files));
    const run = manifest === undefined ? undefined : decodeLastRun(data.run);
    return { ...(manifest !== undefined && { manifest }), specs: new Map(Object.entries(data.specs)), files, ...(run !== undefined && { run }) };
  } catch {
    return EMPTY_STAT_CACHE;
  }
}

function isRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

function withoutRacy(cache: StatCache, writtenAt: number): StatCache {
  const keep = (map: ReadonlyMap<string, string>) => new Map([...map].filter(([, key]) => timeOf(key) < writtenAt));
  const manifest = cache.manifest !== undefined && timeOf(cache.manifest) < writtenAt ? cache.manifest : undefined;
  const files = manifest === undefined ? new Map<string, string>() : keep(cache.files);
  // The run's record stands only while none of its inputs is racy and every file it left is kept.
  const run = manifest !== undefined && cache.run !== undefined && cache.run.latest < writtenAt && files.size === cache.files.size ? cache.run : undefined;
  return { ...(manifest !== undefined && { manifest }), specs: keep(cache.specs), files, ...(run !== undefined && { run }) };
}

function latestTime(cache: StatCache): number {
  let latest = cache.manifest === undefined ? 0 : timeOf(cache.manifest);
  for (const value of cache.specs.values()) latest = Math.max(latest, timeOf(value));
  for (const value of cache.files.values()) latest = Math.max(latest, timeOf(value));
  if (cache.run !== undefined) latest = Math.max(latest, cache.run.latest);
  return latest;
}

function cacheText(cache: StatCache): string {
  const manifest = cache.manifest !== undefined ? { manifest: cache.manifest } : {};
  // Object.fromEntries defines each key as data (a spec named __proto__ stays a key).
  const run = cache.run !== undefined ? { run: cache.run } : {};
  return `${JSON.stringify({ format: FORMAT, ...manifest, specs: Object.fromEntries(cache.specs), files: Object.fromEntries(cache.files), ...run })}\n`;
}

/** Tries for this long to get a cache time stamp later than every record (else they stay racy). */
const SETTLE_MS = 60;

/**
 * Writes the cache (atomically), as git keeps its index free of racily clean entries: the file's
 * own mtime must be later than every record's time stamps, so it is written again after a short
 * wait while the clock has not moved past them (a few ms on ext4); failing that, the records that
 * are not older than the file are left out (their content is hashed next time). A failure to
 * write only costs the next run some reading.
 */
export async function writeStatCache(outDir: string, cache: StatCache): Promise<void> {
  const abs = toAbs(outDir, STAT_CACHE_PATH);
  const text = cacheText(cache);
  const latest = latestTime(cache);
  const deadline = performance.now() + SETTLE_MS;
  try {
    for (;;) {
      await writeFileAtomic(abs, text);
      const writtenAt = lstatSync(abs).mtimeMs;
      if (writtenAt > latest) return;
      if (performance.now() > deadline) {
        await writeFileAtomic(abs, cacheText(withoutRacy(cache, writtenAt)));
        return;
      }
      await sleep(5);
    }
  } catch {
    // Not written: the next run hashes what it cannot trust.
  }
}

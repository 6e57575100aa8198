/**
 * The stat cache (generator/build/cache/stat-cache.ts): a spec or output whose stat is unchanged
 * is not read, any other is hashed, so an edit is found even when it keeps the size and the mtime
 * (the ctime still moves); records not older than the cache file itself (racy) are not kept.
 */
import { cp, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAT_CACHE_PATH, readStatCache, writeStatCache } from '../../../generator/build/cache/stat-cache.js';
import { ROOT } from '../helpers/generated.js';
import { outputTree, runCliInProcess } from '../helpers/cli.js';

let work: string;
let specs: string;

const run = runCliInProcess;

const tree = outputTree;

/** A whole-second time in the past, which utimes sets exactly. */
const PINNED = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);

/** Sets the file's times to PINNED (before the run that records its stat). */
async function pin(file: string): Promise<void> {
  await utimes(file, PINNED, PINNED);
}

/** Rewrites a pinned `file` with `edit` applied, keeping its size and putting its mtime back. */
async function editKeepingStat(file: string, edit: (text: string) => string): Promise<void> {
  const before = await stat(file);
  expect(before.mtimeMs).toBe(PINNED.getTime());
  const text = await readFile(file, 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  expect(Buffer.byteLength(edited)).toBe(before.size);
  await writeFile(file, edited);
  await pin(file);
  const after = await stat(file);
  expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alipay-stat-cache-'));
  specs = join(work, 'specs');
  await cp(join(ROOT, 'specs'), specs, { recursive: true });
});
afterAll(() => rm(work, { recursive: true, force: true }));

const SPEC = 'alipay.marketing.card.query.yaml';

describe('generate with the stat cache', () => {
  it('finds a spec edited with its size and mtime kept, and then equals a full run', async () => {
    const out = join(work, 'same-stat');
    const file = join(specs, SPEC);
    await pin(file);
    expect((await run('generate', '--specs', specs, '--out', out)).code).toBe(0);
    expect((await run('generate', '--specs', specs, '--out', out)).out).toMatch(/\(0 spec\(s\) emitted/);
    const original = await readFile(file, 'utf8');
    try {
      await editKeepingStat(file, (t) => t.replace('title: 会员卡查询', 'title: 会员卡查找'));
      const changed = await run('generate', '--specs', specs, '--out', out);
      expect(changed.code).toBe(0);
      expect(changed.out).toMatch(/\(1 spec\(s\) emitted/);
      const full = join(work, 'same-stat-full');
      expect((await run('generate', '--full', '--specs', specs, '--out', full)).code).toBe(0);
      const [a, b] = [await tree(out), await tree(full)];
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      for (const [path, text] of b) expect(a.get(path), path).toBe(text);
      expect(a.get('README.md')).toContain('会员卡查找');
    } finally {
      await writeFile(file, original);
    }
  });

  it('takes a spec with an unchanged stat at its recorded hash without reading it; --full trusts no record', async () => {
    const out = join(work, 'recorded');
    expect((await run('generate', '--specs', specs, '--out', out)).code).toBe(0);
    const cache = readStatCache(out);
    const record = cache.specs.get(SPEC);
    expect(record).toMatch(/^\d+:[\d.]+:[\d.]+:\d+ [0-9a-f]{64}$/);
    // A record claiming other content for the same stat: believed, so the spec is emitted again
    // (what it then reads is the real file, so the output stays right).
    const specsRecords = new Map(cache.specs);
    specsRecords.set(SPEC, `${record!.split(' ')[0]} ${'0'.repeat(64)}`);
    // Without the last run's record, which would answer before any spec record is looked at.
    const { run: _lastRun, ...records } = cache;
    await writeStatCache(out, { ...records, specs: specsRecords });
    const believed = await run('generate', '--specs', specs, '--out', out);
    expect(believed.code).toBe(0);
    expect(believed.err).not.toMatch(/error|changed while generating/);
    expect(believed.out).toMatch(/0 written, 0 removed, \d+ unchanged \(1 spec\(s\) emitted/);
    expect(readStatCache(out).specs.get(SPEC)).toBe(record);
    expect((await run('check', '--specs', specs, '--out', out)).code).toBe(0);
    const count = (await readdir(specs)).filter((n) => n.endsWith('.yaml')).length;
    expect((await run('generate', '--full', '--specs', specs, '--out', out)).out).toContain(`(${count} spec(s) emitted`);
  });
});

describe('check with the stat cache', () => {
  it('lists an output edited with its size and mtime kept; generate repairs it', async () => {
    const out = join(work, 'check');
    expect((await run('generate', '--specs', specs, '--out', out)).code).toBe(0);
    const edited = 'dist/methods/alipay.marketing.card.query.js';
    await pin(join(out, edited));
    // Hashed (its ctime moved), found right, and recorded with the pinned mtime.
    expect((await run('generate', '--specs', specs, '--out', out)).out).toMatch(/; 0 written, 0 removed/);
    expect(readStatCache(out).files.get(edited)).toMatch(new RegExp(`^\\d+:${PINNED.getTime()}:`));
    await editKeepingStat(join(out, edited), (t) => t.replace('export', 'EXPORT'));
    const check = await run('check', '--specs', specs, '--out', out);
    expect(check.code).toBe(1);
    expect([...check.err.matchAll(/stale: (\S+)\n/g)].map((m) => m[1]!.slice(out.length + 1))).toEqual([edited]);
    expect((await run('generate', '--specs', specs, '--out', out)).out).toMatch(/; 1 written, 0 removed/);
    expect((await run('check', '--specs', specs, '--out', out)).code).toBe(0);
  });
});

describe('stat cache file', () => {
  it('keeps a record older than itself and drops a racy one (not older than the cache file)', async () => {
    const out = join(work, 'racy');
    mkdirSync(join(out, '.alipay-codegen'), { recursive: true });
    const past = Date.now() - 60_000;
    const future = Date.now() + 60_000;
    await writeStatCache(out, {
      manifest: `10:${past}:${past}:7`,
      specs: new Map([
        ['old.yaml', `5:${past}:${past}:1 ${'a'.repeat(64)}`],
        ['racy.yaml', `5:${past}:${future}:2 ${'b'.repeat(64)}`],
      ]),
      files: new Map([
        ['src/old.ts', `3:${past}:${past}:3`],
        ['src/racy.ts', `3:${future}:${past}:4`],
      ]),
    });
    const read = readStatCache(out);
    expect(read.manifest).toBe(`10:${past}:${past}:7`);
    expect([...read.specs.keys()]).toEqual(['old.yaml']);
    expect([...read.files.keys()]).toEqual(['src/old.ts']);
  });

  it('is not output: the package .gitignore lists it and check does not report it', async () => {
    const out = join(work, 'ignored');
    expect((await run('generate', '--specs', specs, '--out', out)).code).toBe(0);
    expect(await readFile(join(out, '.gitignore'), 'utf8')).toContain(`/${STAT_CACHE_PATH}\n`);
    await writeFile(join(out, STAT_CACHE_PATH), 'not json');
    expect((await run('check', '--specs', specs, '--out', out)).code).toBe(0);
    expect((await run('generate', '--specs', specs, '--out', out)).out).toMatch(/0 written, 0 removed/);
    expect(readStatCache(out).specs.size).toBeGreaterThan(0);
  });
});

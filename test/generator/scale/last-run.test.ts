/**
 * The last run's record (generator/build/cache/last-run.ts): a run that finds everything it would
 * read as the last successful run left it only takes stats (upToDate), with that run's outcome;
 * any change it could miss is one it must not: every case below takes the full path, ends with the
 * output of a --full run into a fresh folder, and records again (the run after is up to date).
 */
import { cp, mkdtemp, readFile, rename, rm, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, generate, type GenerateResult, type OutputOptions } from '../../../generator/build/output.js';
import { STAT_CACHE_PATH } from '../../../generator/build/cache/stat-cache.js';
import { DEFAULT_LAYOUT } from '../../../generator/build/files.js';
import { ROOT } from '../helpers/generated.js';
import { outputTree } from '../helpers/cli.js';

let work: string;
let n = 0;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alipay-last-run-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const SPEC = 'alipay.marketing.card.query.yaml';
const OUTPUT = 'src/methods/alipay.marketing.card.query.ts';

/** A fresh copy of the seed specs and an output generated from them (cold, then recorded). */
async function fixture(): Promise<{ specsDir: string; outDir: string }> {
  const dir = join(work, String(n++));
  const specsDir = join(dir, 'specs');
  const outDir = join(dir, 'out');
  await cp(join(ROOT, 'specs'), specsDir, { recursive: true });
  expect((await generate({ specsDir, outDir })).upToDate).toBe(false);
  return { specsDir, outDir };
}

/** `file`'s mtime set back to what it was (an edit that keeps size and mtime still moves the ctime). */
async function keepingMtime(file: string, change: () => Promise<void>): Promise<void> {
  const before = (await import('node:fs')).statSync(file);
  await change();
  await utimes(file, before.atime, before.mtime);
}

function sameExceptTiming(a: GenerateResult, b: GenerateResult): void {
  expect({ ...a, upToDate: undefined }).toEqual({ ...b, upToDate: undefined });
}

describe('the last run record', () => {
  it('answers a run that changes nothing, with the outcome the full path gives (warnings included)', async () => {
    const { specsDir, outDir } = await fixture();
    // A spec with a warning, so the recorded diagnostics are not trivially empty.
    const spec = join(specsDir, SPEC);
    await writeFile(spec, (await readFile(spec, 'utf8')).replace(/^errors:\n/m, 'errors:\n  - { code: SYSTEM_ERROR, description: 重复 }\n'));
    const full = await generate({ specsDir, outDir });
    expect(full.upToDate).toBe(false);
    expect(full.diagnostics.map((d) => [d.severity, d.line !== undefined, d.message])).toEqual([['warning', true, expect.stringMatching(/duplicate.*SYSTEM_ERROR/)]]);
    const fast = await generate({ specsDir, outDir });
    expect(fast.upToDate).toBe(true);
    // The same run with the record removed takes the full path.
    const cache = JSON.parse(await readFile(join(outDir, STAT_CACHE_PATH), 'utf8')) as Record<string, unknown>;
    delete cache.run;
    await writeFile(join(outDir, STAT_CACHE_PATH), JSON.stringify(cache));
    const slow = await generate({ specsDir, outDir });
    expect(slow.upToDate).toBe(false);
    sameExceptTiming(fast, slow);
    expect(fast.written + fast.removed + fast.emitted).toBe(0);
    const checked = await check({ specsDir, outDir });
    expect(checked).toEqual({ stale: [], diagnostics: slow.diagnostics, upToDate: true });
  });

  const cases: [string, (f: { specsDir: string; outDir: string }) => Promise<Partial<OutputOptions> | void>][] = [
    ['a spec edited', async ({ specsDir }) => writeFile(join(specsDir, SPEC), (await readFile(join(specsDir, SPEC), 'utf8')).replace(/^title: (.*)$/m, 'title: $1 (edited)'))],
    ['a spec edited keeping its size and mtime', async ({ specsDir }) =>
      keepingMtime(join(specsDir, SPEC), async () => writeFile(join(specsDir, SPEC), (await readFile(join(specsDir, SPEC), 'utf8')).replace('会员卡查询', '会员卡查找')))],
    ['a spec removed', ({ specsDir }) => unlink(join(specsDir, SPEC))],
    ['a spec added', async ({ specsDir, outDir }) => {
      await rename(join(specsDir, SPEC), join(specsDir, '..', SPEC));
      await generate({ specsDir, outDir });
      expect((await generate({ specsDir, outDir })).upToDate).toBe(true);
      await rename(join(specsDir, '..', SPEC), join(specsDir, SPEC));
    }],
    ['an output edited in place keeping its size and mtime', ({ outDir }) =>
      keepingMtime(join(outDir, OUTPUT), async () => writeFile(join(outDir, OUTPUT), (await readFile(join(outDir, OUTPUT), 'utf8')).replace('export', 'EXPORT')))],
    ['an output deleted', ({ outDir }) => unlink(join(outDir, OUTPUT))],
    ['the manifest rewritten', async ({ outDir }) => {
      const manifest = join(outDir, '.alipay-codegen/manifest.json');
      await writeFile(manifest, await readFile(manifest));
    }],
    ['an interrupted run (its marker left)', ({ outDir }) => writeFile(join(outDir, '.alipay-codegen/in-progress'), '{"generating":true,"paths":[]}\n')],
    ['another package version', async () => ({ version: '9.9.9' })],
    ['another layout', async () => ({ layout: { ...DEFAULT_LAYOUT, shape: 'sources' } })],
    ['a method selection', async () => ({ methods: (m: string) => m !== 'alipay.trade.query' })],
    ['the specs folder named otherwise (diagnostics name it)', async ({ specsDir }) => ({ specsDir: `${specsDir}/` })],
    ['--full', async () => ({ full: true })],
    ['a record that is not one we wrote', async ({ outDir }) => {
      const file = join(outDir, STAT_CACHE_PATH);
      const cache = JSON.parse(await readFile(file, 'utf8')) as { run: { diagnostics: unknown } };
      cache.run.diagnostics = [{ severity: 'error', file: 'x', message: 'injected' }];
      await writeFile(file, JSON.stringify(cache));
    }],
  ];

  it.each(cases)('takes the full path after %s, ends as a --full run, and records again', async (_name, change) => {
    const f = await fixture();
    expect((await generate(f)).upToDate).toBe(true);
    const options: OutputOptions = { ...f, ...((await change(f)) ?? {}) };
    const checked = await check(options);
    expect(checked.upToDate).toBe(false);
    const result = await generate(options);
    expect(result.upToDate).toBe(false);
    expect(result.diagnostics.some((d) => d.message === 'injected')).toBe(false);
    const reference = join(work, `${n++}-reference`);
    await generate({ ...options, outDir: reference, full: true });
    const [a, b] = [await outputTree(f.outDir), await outputTree(reference)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, text] of b) expect(a.get(path), path).toBe(text);
    if (options.full === true) return;
    const again = await generate(options);
    expect(again.upToDate).toBe(true);
    sameExceptTiming(again, { ...(await generate({ ...options, full: true })), emitted: 0, upToDate: true });
  });

  it('is never up to date while an output folder is a symlink (the full path verifies every file through it)', async () => {
    const f = await fixture();
    await rename(join(f.outDir, 'src/methods'), join(f.outDir, '..', 'moved-methods'));
    await symlink(join(f.outDir, '..', 'moved-methods'), join(f.outDir, 'src/methods'));
    for (let i = 0; i < 2; i++) {
      const result = await generate(f);
      expect([result.upToDate, result.written, result.removed]).toEqual([false, 0, 0]);
    }
    expect(await check(f)).toMatchObject({ stale: [], upToDate: false });
  });
});

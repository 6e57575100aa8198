/**
 * `generate` killed with SIGKILL at chosen points of its write phase (ALIPAY_CODEGEN_KILL_AT, a
 * test hook of generator/build/output.ts) and at arbitrary moments: `check` then reports the
 * output stale, and the next `generate` recovers it to exactly the bytes of a cold run. The
 * changes include same-size edits (a run trusting sizes would never rewrite them), a removed
 * and an added spec. Real child processes of the built CLI (npm test builds first).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCatalogueSpecs } from '../../../bench/catalogue/write.js';
import { STAT_CACHE_PATH } from '../../../generator/build/cache/stat-cache.js';
import { dumpSpec } from '../../../generator/spec/dump.js';
import { sampleSpec } from '../fixtures/hand-specs.js';
import { ROOT } from '../helpers/generated.js';

const CLI = join(ROOT, 'bin/alipay-codegen.js');
const work = mkdtempSync(join(tmpdir(), 'alipay-interrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI in a child process (asynchronous, so the independent cases below run side by side). */
function cli(args: string[], killAt?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ALIPAY_CODEGEN_WORKERS: '0' };
  delete env.ALIPAY_CODEGEN_KILL_AT;
  if (killAt !== undefined) env.ALIPAY_CODEGEN_KILL_AT = killAt;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** generate, killed `ms` after it starts (wherever it is then). */
function generateKilledAfter(specs: string, out: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'generate', '--specs', specs, '--out', out], {
      env: { ...process.env, ALIPAY_CODEGEN_WORKERS: '0' },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The output's files, without the stat cache (local: its stats differ from run to run). */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const rel = join(entry.parentPath, entry.name).slice(dir.length + 1);
    if (!entry.isDirectory() && rel !== STAT_CACHE_PATH) files.set(rel, readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

function expectSameTree(actual: string, expected: string): void {
  const [a, b] = [tree(actual), tree(expected)];
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [path, bytes] of b) expect(a.get(path)?.equals(bytes), path).toBe(true);
}

let before: string; // specs of the first run
let after: string; // the same with same-size edits, one spec removed, one added
let outBefore: string; // cold output of `before`
let reference: string; // cold output of `after`

beforeAll(async () => {
  before = join(work, 'specs-before');
  writeCatalogueSpecs({ outDir: before, limit: 16 });
  after = join(work, 'specs-after');
  cpSync(before, after, { recursive: true });
  const names = readdirSync(after).sort();
  let edited = 0;
  for (const name of names) {
    const file = join(after, name);
    const text = readFileSync(file, 'utf8');
    // Same-size edit: the title's first two characters swapped (every output keeps its size).
    const next = text.replace(/^title: (.)(.)/m, (whole, a: string, b: string) => (a === b ? whole : `title: ${b}${a}`));
    if (next !== text && edited < 8) {
      writeFileSync(file, next);
      edited++;
    }
  }
  expect(edited).toBe(8);
  rmSync(join(after, names[names.length - 1]!));
  writeFileSync(join(after, 'zz.added.thing.yaml'), dumpSpec(sampleSpec({ method: 'zz.added.thing' })));

  outBefore = join(work, 'out-before');
  reference = join(work, 'reference');
  const [first, second] = await Promise.all([
    cli(['generate', '--specs', before, '--out', outBefore]),
    cli(['generate', '--specs', after, '--out', reference]),
  ]);
  expect(first.status, first.stderr).toBe(0);
  expect(second.status, second.stderr).toBe(0);
}, 180_000);

/** A copy of the first run's output, killed while generating `after` at `point`. */
async function killedCopy(name: string, point: string): Promise<string> {
  const out = join(work, name);
  cpSync(outBefore, out, { recursive: true });
  const killed = await cli(['generate', '--specs', after, '--out', out], point);
  expect(killed.signal, killed.stderr).toBe('SIGKILL');
  return out;
}

async function expectRecovered(out: string, specs: string, expected: string): Promise<void> {
  const check = await cli(['check', '--specs', specs, '--out', out]);
  expect(check.status, check.stdout).toBe(1);
  expect(check.stderr).toContain('stale: ');
  const again = await cli(['generate', '--specs', specs, '--out', out]);
  expect(again.status, again.stderr).toBe(0);
  expectSameTree(out, expected);
  expect(again.stderr).toContain('was interrupted: every file was verified and repaired');
  expect((await cli(['check', '--specs', specs, '--out', out])).status).toBe(0);
}

describe('generate killed during its write phase', () => {
  // Before any rename, after the first, after every file, after the manifest.
  for (const point of ['staged', 'commit:1', 'written', 'manifest']) {
    it.concurrent(`recovers to the cold run's bytes after a kill at ${point}`, async () => {
      await expectRecovered(await killedCopy(`killed-${point.replace(':', '-')}`, point), after, reference);
    }, 120_000);
  }

  it.concurrent('recovers to the specs given next, pruning the files only the killed run wrote', async () => {
    // The killed run added zz.added.thing's files; the next run is back on the first specs.
    const out = await killedCopy('killed-reverted', 'written');
    expect(tree(out).has('src/methods/zz.added.thing.ts')).toBe(true);
    await expectRecovered(out, before, outBefore);
  }, 120_000);

  it.concurrent('recovers a cold run killed half-way into an empty folder', async () => {
    const out = join(work, 'killed-cold');
    expect((await cli(['generate', '--specs', after, '--out', out], 'commit:30')).signal).toBe('SIGKILL');
    await expectRecovered(out, after, reference);
  }, 120_000);
});

describe('generate killed at arbitrary moments', () => {
  // Wherever each kill lands (reading, emitting, writing, or after the end), the next run must
  // give the cold run's bytes. The delays only spread the kills; nothing asserts a time. The
  // long campaign (`npm run fuzz`, family 4) makes 40 such kills on 1,000 specs; one is enough here.
  for (const ms of [600]) {
    it.concurrent(`recovers after a kill ${ms} ms in`, async () => {
      const out = join(work, `killed-at-${ms}`);
      cpSync(outBefore, out, { recursive: true });
      await generateKilledAfter(after, out, ms);
      const again = await cli(['generate', '--specs', after, '--out', out]);
      expect(again.status, again.stderr).toBe(0);
      expectSameTree(out, reference);
      expect((await cli(['check', '--specs', after, '--out', out])).status).toBe(0);
    }, 120_000);
  }
});

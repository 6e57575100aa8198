/**
 * The worker-thread path gives the serial path's bytes. Workers run compiled code, so this runs
 * the built CLI (npm test builds first) with ALIPAY_CODEGEN_WORKERS forcing each path.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeCatalogueSpecs } from '../../../bench/catalogue/write.js';
import { STAT_CACHE_PATH } from '../../../generator/build/cache/stat-cache.js';
import { ROOT } from '../helpers/generated.js';

const work = mkdtempSync(join(tmpdir(), 'alipay-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function generate(specs: string, out: string, workers: string): string {
  return execFileSync(process.execPath, [join(ROOT, 'bin/alipay-codegen.js'), 'generate', '--full', '--specs', specs, '--out', out], {
    env: { ...process.env, ALIPAY_CODEGEN_WORKERS: workers },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const rel = join(entry.parentPath, entry.name).slice(dir.length + 1);
    // The stat cache is local (stats differ per run), not output.
    if (entry.isFile() && rel !== STAT_CACHE_PATH) files.set(rel, readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

it('generates the same bytes on 3 workers as on the main thread, for 90 catalogue methods', () => {
  const specs = join(work, 'specs');
  const { written } = writeCatalogueSpecs({ outDir: specs, limit: 90 });
  const done = new RegExp(`${written.length} method\\(s\\); \\d+ written`);
  const serial = join(work, 'serial');
  const parallel = join(work, 'parallel');
  expect(generate(specs, serial, '0')).toMatch(done);
  expect(generate(specs, parallel, '3')).toMatch(done);
  const [a, b] = [tree(serial), tree(parallel)];
  expect(a.size).toBeGreaterThan(270);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [path, text] of a) expect(b.get(path), path).toBe(text);
}, 120_000);

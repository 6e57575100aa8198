import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import HeavyFirst from './test/support/sequencer.js';

const TESTS = 'test/**/*.test.ts';

/**
 * Test files that mock modules (vi.mock / vi.doMock) need a fresh module registry: they run isolated.
 * Every other file shares its worker's loaded modules with the files before it (isolate: false), which
 * saves re-importing ts-morph, TypeScript and the generator for each of ~60 files. A file that mocks
 * is found here by its text, so a new one needs no edit of this config.
 */
const MOCKING = readdirSync(join(import.meta.dirname, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test', f))
  .filter((f) => /\bvi\.(?:do)?mock\(/.test(readFileSync(join(import.meta.dirname, f), 'utf8')));

export default defineConfig({
  test: {
    // dist/ (the CLI and worker threads run it) is rebuilt first when a source is newer.
    globalSetup: ['test/support/build-dist.ts'],
    // Records executed assertions when ASSERTION_COUNT_FILE is set (npm run count-assertions).
    setupFiles: ['test/support/assertion-count.ts'],
    // vitest's default on a 2-core machine is ONE worker; tests wait on subprocesses much of the time.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: HeavyFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'shared', include: [TESTS], exclude: [...configDefaults.exclude, ...MOCKING], isolate: false } },
      ...(MOCKING.length > 0 ? [{ extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } }] : []),
    ],
  },
});

/** The globalSetup's staleness rule, on a temp tree shaped like the repository. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { staleReason } from './build-dist.js';

const root = mkdtempSync(join(tmpdir(), 'build-dist-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `path` under root with its mtime `seconds` after the epoch. */
function file(path: string, seconds: number): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
  utimesSync(join(root, path), seconds, seconds);
}

it('is fresh only while every source and tsconfig is older than the compiled files', () => {
  for (const dir of ['generator', 'templates/runtime', 'bench']) mkdirSync(join(root, dir), { recursive: true });
  file('tsconfig.json', 100);
  file('tsconfig.build.json', 100);
  file('generator/cli/main.ts', 100);
  file('generator/types.d.ts', 900);
  file('templates/runtime/index.ts', 100);
  expect(staleReason(root)).toBe('dist/ has no output for generator/cli/main.ts');

  file('dist/generator/cli/main.js', 200);
  file('dist/templates/runtime/index.js', 200);
  expect(staleReason(root)).toBeUndefined();

  file('templates/runtime/index.ts', 300);
  expect(staleReason(root)).toBe('templates/runtime/index.ts changed since it was compiled');
  file('dist/templates/runtime/index.js', 400);
  expect(staleReason(root)).toBeUndefined();

  file('tsconfig.build.json', 300);
  expect(staleReason(root)).toBe('tsconfig.build.json changed since dist/ was compiled');
});

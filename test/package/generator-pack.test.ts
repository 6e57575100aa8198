/**
 * The generator as published: `npm pack` of this repository ships what it runs (the compiled
 * generator and runtime, templates, both JSON Schemas), no source maps without sources, no
 * install-time build, and passes publint and @arethetypeswrong/cli (esm-only profile).
 */
import { rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attw, attwProblems, packGenerator, publintMessages, tempDir } from '../support/package.js';

let dir: string;
let tarball: string;
let files: string[];
let manifest: { scripts?: Record<string, string>; private?: boolean; exports?: Record<string, unknown>; engines?: { node?: string } };

beforeAll(async () => {
  dir = await tempDir('gen-pack');
  tarball = await packGenerator(dir);
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as typeof manifest;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the generator tarball', () => {
  it('ships every module it imports at run time: the CLI, the API, the compiled runtime the gateway loads, the templates', () => {
    for (const f of [
      'bin/alipay-codegen.js',
      'dist/generator/cli/main.js',
      'dist/generator/index.js',
      'dist/generator/index.d.ts',
      'dist/generator/gateway/index.js',
      'dist/templates/runtime/index.js',
      'templates/runtime/index.ts',
      'templates/README.md.hbs',
      'generator/spec/spec.schema.json',
      'generator/config/config.schema.json',
    ]) {
      expect(files, f).toContain(f);
    }
  });

  it('ships no source maps, no tests, no TypeScript sources of the generator, no build script', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /(?:^|\/)test\/|\.test\./.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('generator/') && f.endsWith('.ts'))).toEqual([]);
    expect(files).not.toContain('bin/build.mjs');
  });

  it('is publishable and runs no script on install (no prepare/install hooks)', () => {
    expect(manifest.private).toBeUndefined();
    const hooks = Object.keys(manifest.scripts ?? {}).filter((s) => /^(?:pre|post)?(?:install|prepare)$/.test(s));
    expect(hooks).toEqual([]);
    expect(Object.keys(manifest.exports ?? {})).toEqual(['.', './spec.schema.json', './config.schema.json', './package.json']);
    expect(manifest.engines?.node).toBe('>=20.19');
  });

  it('passes publint, suggestions included', async () => {
    expect(await publintMessages(tarball)).toEqual([]);
  });

  it('passes @arethetypeswrong/cli with the esm-only profile', async () => {
    const r = await attw(tarball);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(attwProblems(r.stdout)).toEqual([]);
  });
});

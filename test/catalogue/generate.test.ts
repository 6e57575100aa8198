/**
 * The catalogue at CI size: real gateway methods go through the whole pipeline (fixture -> specs ->
 * generate -> tsc --strict -> check), so the scale fixture and the generator keep working together.
 * The methods are the covering subset (./cover.ts) of a seeded 300-method sample: every construct of
 * the 300 in a tenth of the methods. TypeScript 7 type-checks them; TypeScript 5.9 checks the seed
 * package and its consumers (test/generator/package.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertMethod } from '../../bench/catalogue/convert.js';
import { sample } from '../../bench/catalogue/random.js';
import { readCatalogue, repoRoot } from '../../bench/catalogue/source.js';
import { DEFAULT_SEED, writeCatalogueSpecs } from '../../bench/catalogue/write.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { TSC, linkNodeTypes } from '../support/typescript.js';
import { constructs, coveringSample } from './cover.js';

const SAMPLE_SIZE = 300;
const root = repoRoot();
let work: string;
let specs: string;
let out: string;
let converted: Map<string, MethodSpec>;
let chosen: string[];
let written: string[];

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'alipay-codegen.js'), ...args], { encoding: 'utf8' });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'catalogue-generate-'));
  specs = join(work, 'specs');
  out = join(work, 'generated');
  const catalogue = readCatalogue();
  converted = new Map(
    sample(Object.keys(catalogue.methods), SAMPLE_SIZE, 7).flatMap((method) => {
      const result = convertMethod(catalogue, method, { seed: DEFAULT_SEED });
      return 'skipped' in result ? [] : [[method, result.spec] as const];
    }),
  );
  chosen = coveringSample([...converted.values()]);
  written = writeCatalogueSpecs({ outDir: specs, catalogue, filter: (m) => chosen.includes(m) }).written;
  // The generated tsconfig lists @types/node; the package folder's parent gets the project's.
  await linkNodeTypes(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`the covering subset of ${SAMPLE_SIZE} sampled catalogue methods`, () => {
  it('holds every construct of the sample, in far fewer methods', () => {
    expect(written).toEqual(chosen);
    const covered = new Set(chosen.flatMap((m) => [...constructs(converted.get(m)!)]));
    const sampled = new Set([...converted.values()].flatMap((spec) => [...constructs(spec)]));
    expect([...sampled].filter((k) => !covered.has(k))).toEqual([]);
    expect(sampled.size).toBeGreaterThan(100);
    expect(chosen.length).toBeLessThan(SAMPLE_SIZE / 4);
  });

  it('generate, type-check under tsc --strict, and pass check', () => {
    const generated = cli('generate', '--specs', specs, '--out', out);
    // Warnings only (the fixture inlines one model with different random flags at several places: model-name clashes).
    const notWarnings = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !/^\S+:\d+:\d+: warning: /.test(l));
    expect(notWarnings(generated.stderr)).toEqual([]);
    expect(generated.status).toBe(0);
    const modules = readdirSync(join(out, 'src', 'methods')).sort();
    expect(modules).toEqual(written.map((m) => `${m}.ts`));

    const tsc = spawnSync(process.execPath, [TSC['typescript 7'], '-p', out, '--noEmit'], { encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);

    const check = cli('check', '--specs', specs, '--out', out);
    expect(notWarnings(check.stderr)).toEqual([]);
    expect(check.status).toBe(0);
  });
});

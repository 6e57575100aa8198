/**
 * The catalogue at CI size: a seeded sample of real gateway methods goes through the whole
 * pipeline (fixture -> specs -> generate -> tsc --strict -> check), so the scale fixture and the
 * generator keep working together.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample } from '../../bench/catalogue/random.js';
import { readCatalogue, repoRoot } from '../../bench/catalogue/source.js';
import { writeCatalogueSpecs } from '../../bench/catalogue/write.js';

const SAMPLE_SIZE = 300;
const root = repoRoot();
let work: string;
let specs: string;
let out: string;
let written: string[];

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'alipay-codegen.js'), ...args], { encoding: 'utf8' });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'catalogue-generate-'));
  specs = join(work, 'specs');
  out = join(work, 'generated');
  const catalogue = readCatalogue();
  const chosen = new Set(sample(Object.keys(catalogue.methods), SAMPLE_SIZE, 7));
  written = writeCatalogueSpecs({ outDir: specs, catalogue, filter: (m) => chosen.has(m) }).written;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`${SAMPLE_SIZE} sampled catalogue methods`, () => {
  it('generate, type-check under tsc --strict, and pass check', () => {
    const generated = cli('generate', '--specs', specs, '--out', out);
    expect(generated.stderr).not.toMatch(/error/i);
    expect(generated.status).toBe(0);
    const modules = readdirSync(join(out, 'src', 'methods')).sort();
    expect(modules).toEqual(written.map((m) => `${m}.ts`));

    // The generated tsconfig lists @types/node; the package folder gets the project's.
    mkdirSync(join(out, 'node_modules'), { recursive: true });
    symlinkSync(join(root, 'node_modules', '@types'), join(out, 'node_modules', '@types'), 'dir');
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', out, '--noEmit'], {
      encoding: 'utf8',
    });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);

    const check = cli('check', '--specs', specs, '--out', out);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

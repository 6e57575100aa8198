/** `alipay-codegen openapi` end to end: the committed seed specs and a sample of the real catalogue. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { sample } from '../../bench/catalogue/random.js';
import { readCatalogue, repoRoot } from '../../bench/catalogue/source.js';
import { writeCatalogueSpecs } from '../../bench/catalogue/write.js';

const root = repoRoot();
const work = mkdtempSync(join(tmpdir(), 'openapi-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'alipay-codegen.js'), 'openapi', ...args], { encoding: 'utf8' });
}

async function expectValid(text: string): Promise<void> {
  const result = await validate(JSON.parse(text));
  expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
}

describe('alipay-codegen openapi', () => {
  it('exports the seed specs as a valid document, the same bytes each time', async () => {
    const file = join(work, 'seeds.json');
    const run = cli('--specs', join(root, 'specs'), '--out', file);
    expect(run.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    await expectValid(text);
    const methods = readdirSync(join(root, 'specs')).map((f) => `/${f.replace(/\.yaml$/, '')}`);
    // One gateway.do operation per method (the v3 routes are path items of their own: test/openapi/v3.test.ts).
    expect(Object.keys(JSON.parse(text).paths).filter((p) => !p.startsWith('/v3/')).sort()).toEqual(methods.sort());
    const again = cli('--specs', join(root, 'specs'), '--out', '-');
    expect(again.stdout).toBe(text);
    expect(readdirSync(work)).toEqual(['seeds.json']); // no temp file left behind
  });

  it('fails with the loader diagnostics and writes nothing when a spec is broken', () => {
    const specs = join(work, 'broken');
    mkdirSync(specs);
    const bad = join(specs, 'alipay.broken.query.yaml');
    writeFileSync(bad, 'method: alipay.broken.query\nrequest: {}\n');
    const run = cli('--specs', specs, '--out', join(work, 'broken.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/alipay\.broken\.query\.yaml:\d+:\d+: error: missing required key "response"/);
    expect(readdirSync(work)).not.toContain('broken.json');
  });

  it('exports 200 sampled catalogue methods as a valid document', async () => {
    const catalogue = readCatalogue();
    const chosen = new Set(sample(Object.keys(catalogue.methods), 200, 11));
    const specs = join(work, 'catalogue');
    const { written } = writeCatalogueSpecs({ outDir: specs, catalogue, filter: (m) => chosen.has(m) });
    const file = join(work, 'catalogue.json');
    expect(cli('--specs', specs, '--out', file).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    await expectValid(text);
    expect(Object.keys(JSON.parse(text).paths)).toHaveLength(written.length);
  });
});

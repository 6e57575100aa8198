/**
 * Incremental generate (manifest-driven) must give the bytes of a full run after any change, and
 * check must catch hand edits of outputs and of the manifest. In process, so on the serial path
 * (test/generator/scale/workers.test.ts covers workers).
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCatalogueSpecs } from '../../../bench/catalogue/write.js';
import { generatePackage, readTemplates } from '../../../generator/build/index.js';
import { loadSpecsOrThrow } from '../../../generator/spec/load.js';
import { dumpSpec } from '../../../generator/spec/dump.js';
import { ROOT } from '../helpers/generated.js';
import { sampleSpec } from '../fixtures/hand-specs.js';
import { outputTree, runCliInProcess } from '../helpers/cli.js';

let work: string;
let specs: string;

const run = runCliInProcess;

const tree = outputTree;

/** The incremental output in `out` equals a full run's, file for file. */
async function expectSameAsFull(out: string): Promise<void> {
  const full = await mkdtemp(join(work, 'full-'));
  expect((await run('generate', '--full', '--specs', specs, '--out', full)).code).toBe(0);
  const [a, b] = [await tree(out), await tree(full)];
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [path, text] of b) expect(a.get(path), path).toBe(text);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alipay-incremental-'));
  specs = join(work, 'specs');
  writeCatalogueSpecs({ outDir: specs, limit: 40 });
  await cp(join(ROOT, 'specs'), specs, { recursive: true });
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('incremental generate', () => {
  it('equals a full run after changing, renaming a model in, removing and adding specs', async () => {
    const out = join(work, 'out');
    expect((await run('generate', '--specs', specs, '--out', out)).code).toBe(0);
    const again = await run('generate', '--specs', specs, '--out', out);
    expect(again.out).toMatch(/0 written, 0 removed, \d+ unchanged \(0 spec\(s\) emitted/);

    const names = (await readdir(specs)).sort();
    const withModel: string[] = [];
    for (const n of names) if ((await readFile(join(specs, n), 'utf8')).includes('model: ')) withModel.push(n);
    expect(withModel.length).toBeGreaterThan(0);
    const renamed = join(specs, withModel[0]!);
    await writeFile(renamed, (await readFile(renamed, 'utf8')).replace(/model: (\w+)/g, 'model: Renamed$1'));
    await rm(join(specs, names.find((n) => n !== withModel[0])!));
    await writeFile(join(specs, 'zz.added.yaml'), dumpSpec(sampleSpec({ method: 'zz.added' })));
    const third = await run('generate', '--specs', specs, '--out', out);
    expect(third.err + third.out).not.toMatch(/error/);
    expect(third.code).toBe(0);
    expect(third.out).toMatch(/\(2 spec\(s\) emitted/);
    await expectSameAsFull(out);
    expect((await run('check', '--specs', specs, '--out', out)).code).toBe(0);
  });
});

describe('one pipeline', () => {
  it('generate writes exactly the files of the pure pipeline (generatePackage), plus its manifest', async () => {
    const out = join(work, 'pure');
    expect((await run('generate', '--specs', specs, '--out', out)).code).toBe(0);
    const written = await tree(out);
    const pure = generatePackage(
      (await loadSpecsOrThrow(specs)).map((l) => l.spec),
      await readTemplates(),
    );
    expect([...written.keys()].sort()).toEqual([...pure.keys(), '.alipay-codegen/manifest.json'].sort());
    for (const [path, text] of pure) expect(written.get(path), path).toBe(text);
  });
});

describe('incremental check', () => {
  async function fresh(): Promise<string> {
    const out = await mkdtemp(join(work, 'check-'));
    await run('generate', '--specs', specs, '--out', out);
    return out;
  }
  const stale = async (out: string) => {
    const r = await run('check', '--specs', specs, '--out', out);
    return r.code === 0 ? [] : [...r.err.matchAll(/stale: (\S+)\n/g)].map((m) => m[1]!.slice(out.length + 1));
  };

  it('lists an output edited in place (same size) or deleted, not a file the generator did not write', async () => {
    const out = await fresh();
    const edited = 'src/methods/alipay.marketing.card.query.ts';
    const text = await readFile(join(out, edited), 'utf8');
    await writeFile(join(out, edited), text.replace('export', 'EXPORT'));
    await rm(join(out, 'dist/methods/koubei.member.data.isv.create.d.ts'));
    await writeFile(join(out, 'src/methods/extra.ts'), 'export {};\n');
    expect(await stale(out)).toEqual(['dist/methods/koubei.member.data.isv.create.d.ts', edited]);
    // generate verifies trusted files by stat, and by hash when the stat changed: it repairs the
    // deleted file and the same-size edit. The extra file is not the generator's: it stays.
    const repair = await run('generate', '--specs', specs, '--out', out);
    expect(repair.code).toBe(0);
    expect(repair.out).toMatch(/; 2 written, 0 removed/);
    expect(await stale(out)).toEqual([]);
    expect(await readFile(join(out, 'src/methods/extra.ts'), 'utf8')).toBe('export {};\n');
  });

  it('lists the manifest when it was edited by hand, and the outputs of a changed spec', async () => {
    const out = await fresh();
    const manifest = join(out, '.alipay-codegen/manifest.json');
    const original = await readFile(manifest, 'utf8');
    await writeFile(manifest, original.replace('"title":"会员卡查询"', '"title":"edited"'));
    expect(await stale(out)).toEqual(['.alipay-codegen/manifest.json']);
    // A digest edited to match nothing: the file is fine, the manifest is not.
    await writeFile(manifest, original.replace(/("src\/methods\/alipay\.marketing\.card\.query\.ts":")[0-9a-f]/, '$1z'));
    expect(await stale(out)).toEqual(['.alipay-codegen/manifest.json']);
    await writeFile(manifest, original);
    expect(await stale(out)).toEqual([]);

    const spec = join(specs, 'alipay.marketing.card.query.yaml');
    const before = await readFile(spec, 'utf8');
    await writeFile(spec, before.replace('title: 会员卡查询', 'title: 会员卡查询2'));
    try {
      const list = await stale(out);
      expect(list).toContain('.alipay-codegen/manifest.json');
      expect(list).toContain('src/methods/alipay.marketing.card.query.ts');
      expect(list).toContain('README.md');
    } finally {
      await writeFile(spec, before);
    }
  });
});

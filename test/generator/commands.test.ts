/**
 * `generate` and `check` end to end (in process): determinism, writing only what changed,
 * pruning files whose spec is gone, stale detection, and spec errors stopping before any write.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { STAT_CACHE_PATH } from '../../generator/build/cache/stat-cache.js';
import { ROOT, generateFiles, seedSpecs } from './helpers/generated.js';
import { sampleSpec } from './fixtures/hand-specs.js';
import { runCliInProcess } from './helpers/cli.js';

let work: string;

const run = runCliInProcess;

async function listAll(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listAll(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alipay-cmd-'));
});
afterEach(() => vi.restoreAllMocks());

describe('determinism', () => {
  it('same bytes whatever the input order; no absolute paths or timestamps', async () => {
    const specs = [...(await seedSpecs()), sampleSpec(), sampleSpec({ method: 'a.b' }), sampleSpec({ method: 'a.b.c' })];
    const a = await generateFiles(specs);
    const b = await generateFiles([...specs].reverse());
    // Another permutation of every spec: odd positions first, then even ones.
    const c = await generateFiles([...specs.filter((_, i) => i % 2 === 1), ...specs.filter((_, i) => i % 2 === 0)]);
    expect([...b]).toEqual([...a]);
    expect([...c]).toEqual([...a]);
    for (const [path, text] of a) {
      expect(text, path).not.toContain(ROOT);
      expect(text, path).not.toContain(tmpdir());
      expect(text, path).not.toMatch(new RegExp(String(new Date().getFullYear()) + '-\\d\\d-\\d\\d[T ]\\d\\d:'));
    }
  });
});

describe('generate and check', () => {
  it('writes the package, then nothing on a second run; check passes', async () => {
    const out = join(work, 'gen');
    const first = await run('generate', '--specs', join(ROOT, 'specs'), '--out', out);
    expect(first.code).toBe(0);
    const count = (await readdir(join(ROOT, 'specs'))).filter((f) => f.endsWith('.yaml')).length;
    expect(first.out).toMatch(new RegExp(`: ${count} method\\(s\\); \\d+ written, 0 removed, 0 unchanged`));
    const files = await listAll(out);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'src/client.ts', 'dist/methods/koubei.member.data.isv.create.d.ts']));
    const before = await stat(join(out, 'src/index.ts'));

    const second = await run('generate', '--specs', join(ROOT, 'specs'), '--out', out);
    // Every file but the local stat cache (not output: see generator/build/cache/stat-cache.ts).
    expect(files).toContain(STAT_CACHE_PATH);
    expect(second.out).toMatch(new RegExp(`0 written, 0 removed, ${files.length - 1} unchanged`));
    expect((await stat(join(out, 'src/index.ts'))).mtimeMs).toBe(before.mtimeMs);

    expect((await run('check', '--specs', join(ROOT, 'specs'), '--out', out)).code).toBe(0);
  });

  it('check exits 1 listing stale files after an edit or a deletion; generate repairs it and leaves files it did not write', async () => {
    const out = join(work, 'gen2');
    await run('generate', '--specs', join(ROOT, 'specs'), '--out', out);
    await writeFile(join(out, 'src/methods/alipay.marketing.card.query.ts'), '// edited\n', { flag: 'a' });
    await rm(join(out, 'dist/methods/koubei.member.data.isv.create.js'));
    // Not in the manifest: not the generator's, wherever they are.
    await writeFile(join(out, 'dist/methods/mine.js'), '');
    await writeFile(join(out, 'notes.txt'), 'not ours');
    const check = await run('check', '--specs', join(ROOT, 'specs'), '--out', out);
    expect(check.code).toBe(1);
    expect(check.err).toContain('stale: ');
    expect(check.err).toContain('src/methods/alipay.marketing.card.query.ts');
    expect(check.err).toContain('dist/methods/koubei.member.data.isv.create.js');
    expect(check.err).not.toContain('mine.js');
    expect(check.err).not.toContain('notes.txt');
    expect(check.err).not.toMatch(/\n\s+at /);

    const repair = await run('generate', '--specs', join(ROOT, 'specs'), '--out', out);
    expect(repair.out).toMatch(/2 written, 0 removed/);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('not ours');
    expect(await readFile(join(out, 'dist/methods/mine.js'), 'utf8')).toBe('');
    expect((await run('check', '--specs', join(ROOT, 'specs'), '--out', out)).code).toBe(0);
  });

  it('removes the files of a method whose spec is gone', async () => {
    const specs = join(work, 'specs3');
    const out = join(work, 'gen3');
    await cp(join(ROOT, 'specs'), specs, { recursive: true });
    await run('generate', '--specs', specs, '--out', out);
    await rm(join(specs, 'koubei.member.data.isv.create.yaml'));
    const r = await run('generate', '--specs', specs, '--out', out);
    const left = (await readdir(specs)).filter((f) => f.endsWith('.yaml')).length;
    expect(r.out).toMatch(new RegExp(`: ${left} method\\(s\\); \\d+ written, 3 removed`));
    const files = await listAll(out);
    expect(files.filter((f) => f.includes('koubei'))).toEqual([]);
    expect(await readFile(join(out, 'src/index.ts'), 'utf8')).not.toContain('koubei');
  });

  it('reports every spec error and writes nothing', async () => {
    const specs = join(work, 'bad-specs');
    const out = join(work, 'gen4');
    await cp(join(ROOT, 'specs'), specs, { recursive: true });
    await writeFile(join(specs, 'a.b.yaml'), 'method: a.b\nrequest: 3\nbogus: 1\n');
    const r = await run('generate', '--specs', specs, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/a\.b\.yaml:\d+:\d+: error: /);
    expect(r.err).toContain('nothing generated');
    expect(r.err).not.toMatch(/\n\s+at /);
    await expect(stat(out)).rejects.toThrow();
  });
});

describe('the output folder', () => {
  it('refuses a folder it did not generate; --force writes the package and leaves the other files alone', async () => {
    const out = join(work, 'foreign');
    await mkdir(join(out, 'src/lib'), { recursive: true });
    await writeFile(join(out, 'src/lib/util.ts'), 'export const mine = 1;\n');
    await writeFile(join(out, 'package.json'), '{"name":"mine"}\n');
    const refused = await run('generate', '--specs', join(ROOT, 'specs'), '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${out} is not empty and was not generated by alipay-codegen`);
    expect(refused.err).toContain('--force');
    expect(refused.err).not.toMatch(/\n\s+at /);
    expect(await listAll(out)).toEqual(['package.json', 'src/lib/util.ts']);
    expect(await readFile(join(out, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');

    const forced = await run('generate', '--force', '--specs', join(ROOT, 'specs'), '--out', out);
    expect(forced.code).toBe(0);
    expect(await readFile(join(out, 'src/lib/util.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect(await readFile(join(out, 'package.json'), 'utf8')).toContain('@alipay-codegen/client');
    // Generated now: later runs need no --force, and prune only what the manifest lists.
    expect((await run('generate', '--specs', join(ROOT, 'specs'), '--out', out)).out).toMatch(/0 written, 0 removed/);
    expect((await run('check', '--specs', join(ROOT, 'specs'), '--out', out)).code).toBe(0);
    expect(await readFile(join(out, 'src/lib/util.ts'), 'utf8')).toBe('export const mine = 1;\n');
  });

  it('an output of the previous manifest format (every name stored) stays its own: regenerated, and what it listed pruned', async () => {
    const out = join(work, 'format-1');
    const specs = join(work, 'format-1-specs');
    await cp(join(ROOT, 'specs'), specs, { recursive: true });
    expect((await run('generate', '--specs', specs, '--out', out)).code).toBe(0);
    const manifestPath = join(out, '.alipay-codegen/manifest.json');
    const current = JSON.parse(await readFile(manifestPath, 'utf8')) as { format: number; methods: { names: unknown; files: Record<string, string> }[] };
    expect(current.format).toBe(2);
    // A method only the old output had: its file is listed in the old manifest and on disk.
    await mkdir(join(out, 'src/methods'), { recursive: true });
    await writeFile(join(out, 'src/methods/gone.ts'), 'export {};\n');
    const { exportNames } = await import('../../generator/plan/names.js');
    const old = {
      ...current,
      format: 1,
      methods: [
        ...current.methods.map((m) => ({ ...m, names: exportNames(m.names as string) })),
        { ...current.methods[0]!, spec: 'gone.yaml', names: exportNames('Gone'), files: { 'src/methods/gone.ts': 'x 10' } },
      ],
    };
    await writeFile(manifestPath, JSON.stringify(old));
    await rm(join(out, STAT_CACHE_PATH), { force: true });

    const r = await run('generate', '--specs', specs, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/1 removed/);
    await expect(stat(join(out, 'src/methods/gone.ts'))).rejects.toThrow();
    expect(JSON.parse(await readFile(manifestPath, 'utf8')).format).toBe(2);
    expect((await run('check', '--specs', specs, '--out', out)).code).toBe(0);
  });

  it('writes into an existing empty folder', async () => {
    const out = join(work, 'empty');
    await mkdir(out);
    expect((await run('generate', '--specs', join(ROOT, 'specs'), '--out', out)).code).toBe(0);
  });
});

describe('I/O errors are user errors: the path, the reason, exit 1, no stack trace', () => {
  const noTrace = (r: { err: string }) => expect(r.err).not.toMatch(/\n\s+at |Error:/);

  it('generate and check with --out under a file (ENOTDIR) or at a file', async () => {
    const file = join(work, 'README.md');
    await writeFile(file, 'a file');
    for (const command of ['generate', 'check']) {
      const under = await run(command, '--specs', join(ROOT, 'specs'), '--out', join(file, 'x'));
      expect(under.code, command).toBe(1);
      expect(under.err).toContain(join(file, 'x'));
      expect(under.err).toContain('(ENOTDIR)');
      noTrace(under);
    }
    const at = await run('generate', '--specs', join(ROOT, 'specs'), '--out', file);
    expect(at.code).toBe(1);
    expect(at.err).toBe(`alipay-codegen: cannot use ${file} as the output folder: it is not a directory\n`);
    expect(await readFile(file, 'utf8')).toBe('a file');
  });

  it('generate into a folder it may not write (immutable: EPERM, what root gets instead of EACCES)', async () => {
    const out = join(work, 'locked');
    await mkdir(out);
    execFileSync('chattr', ['+i', out]);
    try {
      const r = await run('generate', '--specs', join(ROOT, 'specs'), '--out', out);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`^alipay-codegen: cannot write to the output folder ${out}: operation not permitted \\(EPERM\\)\\n$`));
    } finally {
      execFileSync('chattr', ['-i', out]);
    }
    expect(await readdir(out)).toEqual([]);
  });

  it('a locked subfolder of a generated output: the write is undone, the output stays as it was', async () => {
    const specs = join(work, 'specs-locked');
    const out = join(work, 'gen-locked');
    await cp(join(ROOT, 'specs'), specs, { recursive: true });
    await run('generate', '--specs', specs, '--out', out);
    const before = await Promise.all((await listAll(out)).map(async (f) => [f, await readFile(join(out, f), 'utf8')] as const));
    const spec = join(specs, 'alipay.marketing.card.query.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('title: 会员卡查询', 'title: 会员卡查询X'));
    execFileSync('chattr', ['+i', join(out, 'dist/methods')]);
    let r: Awaited<ReturnType<typeof run>>;
    try {
      r = await run('generate', '--specs', specs, '--out', out);
    } finally {
      execFileSync('chattr', ['-i', join(out, 'dist/methods')]);
    }
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write .*dist\/methods\/alipay\.marketing\.card\.query\.(js|d\.ts): operation not permitted \(EPERM\); nothing in .* was changed/);
    noTrace(r);
    const after = await Promise.all((await listAll(out)).map(async (f) => [f, await readFile(join(out, f), 'utf8')] as const));
    expect(after).toEqual(before);
    expect((await run('generate', '--specs', specs, '--out', out)).code).toBe(0);
    expect((await run('check', '--specs', specs, '--out', out)).code).toBe(0);
  });

  it('openapi --out in a missing folder (ENOENT)', async () => {
    const target = join(work, 'nonexistent/dir/x.json');
    const r = await run('openapi', '--specs', join(ROOT, 'specs'), '--out', target);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`alipay-codegen: cannot write ${target}: no such file or directory (ENOENT)\n`);
    expect(r.out).toBe('');
  });

  it('import --out under a file (ENOTDIR); --out and --out-dir both name the folder', async () => {
    const file = join(work, 'plain-file');
    await writeFile(file, 'x');
    const page = join(ROOT, '../shared/seeds/alipay.marketing.card.query.txt');
    const r = await run('import', page, '--out', join(file, 'specs'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(join(file, 'specs'));
    expect(r.err).toContain('(ENOTDIR)');
    noTrace(r);
    for (const flag of ['--out', '--out-dir']) {
      const dir = join(work, `imported${flag}`);
      const ok = await run('import', page, flag, dir);
      expect(ok.code, flag).toBe(0);
      expect(await readdir(dir)).toEqual(['alipay.marketing.card.query.yaml']);
    }
  });
});

describe('summaries on stdout, diagnostics on stderr', () => {
  it('validate, generate, check and openapi print their summary on stdout', async () => {
    const out = join(work, 'streams');
    const validate = await run('validate', '--specs', join(ROOT, 'specs'));
    expect(validate.out).toMatch(/^\d+ spec\(s\) valid, 0 error\(s\), \d+ warning\(s\)\n$/);
    expect((await run('generate', '--specs', join(ROOT, 'specs'), '--out', out)).out).toMatch(/method\(s\); \d+ written/);
    expect((await run('check', '--specs', join(ROOT, 'specs'), '--out', out)).out).toContain('is up to date');
    const openapi = await run('openapi', '--specs', join(ROOT, 'specs'), '--out', join(out, '..', 'streams.json'));
    expect(openapi.out).toMatch(/^wrote .*streams\.json \(\d+ method\(s\)\)\n$/);
  });
});

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError, formatDiagnostic } from '../../generator/diagnostics.js';
import { loadSpecDir, loadSpecFile, loadSpecsOrThrow } from '../../generator/spec/load.js';
import { main } from '../../generator/cli/main.js';

const spec = (method: string) => `method: ${method}\nrequest: {}\nresponse: {}\n`;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadSpecDir', () => {
  it('loads every *.yaml and *.yml (not recursive, not other files), sorted by method name', async () => {
    await writeFile(join(dir, 'z.last.yaml'), spec('z.last'));
    await writeFile(join(dir, 'a.first.yml'), spec('a.first'));
    await writeFile(join(dir, 'm.mid.yaml'), spec('m.mid'));
    await writeFile(join(dir, 'notes.txt'), 'not a spec');
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'b.sub.yaml'), spec('b.sub'));
    const { specs, diagnostics } = await loadSpecDir(dir);
    expect(diagnostics).toEqual([]);
    expect(specs.map((s) => s.spec.method)).toEqual(['a.first', 'm.mid', 'z.last']);
    expect(specs[0]?.file).toBe(join(dir, 'a.first.yml'));
  });

  it('reports a file whose name does not match its method, and leaves it out', async () => {
    await writeFile(join(dir, 'a.b.yaml'), spec('a.c'));
    const { specs, diagnostics } = await loadSpecDir(dir);
    expect(specs).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${join(dir, 'a.b.yaml')}:1:1: error: file name does not match the method: expected a.c.yaml`]);
  });

  it('reports a method declared by two files, on both', async () => {
    await writeFile(join(dir, 'a.b.yaml'), spec('a.b'));
    await writeFile(join(dir, 'a.b.yml'), '# dup\n' + spec('a.b'));
    const { specs, diagnostics } = await loadSpecDir(dir);
    expect(specs).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${join(dir, 'a.b.yaml')}:1:1: error: method a.b is also declared in ${join(dir, 'a.b.yml')}`,
      `${join(dir, 'a.b.yml')}:2:1: error: method a.b is also declared in ${join(dir, 'a.b.yaml')}`,
    ]);
  });

  it('collects the problems of every file, and still returns the good specs', async () => {
    await writeFile(join(dir, 'a.b.yaml'), 'method: a.b\nrequest: [\n');
    await writeFile(join(dir, 'c.d.yaml'), spec('c.d') + 'bogus: 1\n');
    await writeFile(join(dir, 'e.f.yaml'), spec('e.f'));
    const { specs, diagnostics } = await loadSpecDir(dir);
    expect(specs.map((s) => s.spec.method)).toEqual(['e.f']);
    expect(diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}`)).toEqual(['a.b.yaml:3', 'c.d.yaml:4']);
  });

  it('reports a missing directory or file as a diagnostic, not an exception', async () => {
    const missing = join(dir, 'nope');
    expect((await loadSpecDir(missing)).diagnostics).toEqual([{ severity: 'error', file: missing, message: 'cannot read spec directory: no such file or directory' }]);
    expect((await loadSpecFile(join(missing, 'a.yaml'))).diagnostics[0]?.message).toBe('cannot read spec: no such file or directory');
  });
});

describe('loadSpecsOrThrow', () => {
  it('returns the specs when there are only warnings', async () => {
    await writeFile(join(dir, 'a.b.yaml'), 'method: a.b\nrequest: { o: { type: object, required: true } }\nresponse: {}\n');
    expect((await loadSpecsOrThrow(dir)).map((s) => s.spec.method)).toEqual(['a.b']);
  });

  it('throws a UserError carrying every diagnostic', async () => {
    await writeFile(join(dir, 'a.b.yaml'), spec('a.b') + 'x: 1\ny: 2\n');
    const error = await loadSpecsOrThrow(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).diagnostics.map((d) => d.line)).toEqual([4, 5]);
    expect((error as UserError).message).toBe(`2 errors in specs (${dir})`);
  });
});

describe('alipay-codegen validate', () => {
  /** Diagnostics go to stderr, the summary to stdout: both, in the order written. */
  function capture(): { text: () => string; restore: () => void } {
    let out = '';
    const originals = [process.stderr.write.bind(process.stderr), process.stdout.write.bind(process.stdout)] as const;
    process.stderr.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stderr.write;
    process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
    return { text: () => out, restore: () => void ((process.stderr.write = originals[0]), (process.stdout.write = originals[1])) };
  }

  it('prints every diagnostic and exits 1 on errors, without a stack trace', async () => {
    await writeFile(join(dir, 'a.b.yaml'), spec('a.b') + 'x: 1\n');
    await writeFile(join(dir, 'c.d.yaml'), spec('c.d'));
    const out = capture();
    const code = await main(['node', 'alipay-codegen', 'validate', '--specs', dir]).finally(() => {
      out.restore();
      process.exitCode = undefined;
    });
    expect(code).toBe(1);
    expect(out.text()).toBe(`${join(dir, 'a.b.yaml')}:4:1: error: unknown key "x"\n1 spec(s) valid, 1 error(s), 0 warning(s)\n`);
  });

  it('exits 0 when every spec is valid', async () => {
    await writeFile(join(dir, 'c.d.yaml'), spec('c.d'));
    const out = capture();
    const code = await main(['node', 'alipay-codegen', 'validate', '--specs', dir]).finally(() => {
      out.restore();
      process.exitCode = undefined;
    });
    expect(code).toBe(0);
    expect(out.text()).toBe('1 spec(s) valid, 0 error(s), 0 warning(s)\n');
  });
});

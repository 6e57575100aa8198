/** The import command end to end through the CLI's main(): exit codes, messages, files written or not. */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { withSpecSchemaLine } from '../../generator/config/schema-path.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const seed = (name: string) => fileURLToPath(new URL(`../../../shared/seeds/${name}`, import.meta.url));
const committed = (name: string) => fileURLToPath(new URL(`../../specs/${name}`, import.meta.url));

let dir: string;
let out: string;
let stdout: string;
let stderr: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-cli-'));
  out = join(dir, 'out');
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => main(['node', 'alipay-codegen', 'import', ...args]);
const listOut = async () => readdir(out).catch(() => [] as string[]);

const sample = (name: string) => fileURLToPath(new URL(`../../../shared/docs-samples/${name}`, import.meta.url));

describe('alipay-codegen import --layout', () => {
  it('detects each page\'s layout and names it; every sample becomes a valid spec', async () => {
    const pages = ['alipay.trade.query.opendocs.md', 'alipay.fund.auth.operation.cancel.en.md', 'alipay.fund.trans.order.query.tsv.txt'];
    expect(await run(...pages.map(sample), seed('alipay.marketing.card.query.txt'), '--out', out)).toBe(0);
    for (const layout of ['opendocs', 'en-docs', 'browser-tsv', 'text-dump']) expect(stdout).toMatch(new RegExp(`; ${layout} layout, detected; \\d+ field\\(s\\), \\d+ warning\\(s\\)\\)\\n`));
    expect((await listOut()).sort()).toEqual(
      ['alipay.fund.auth.operation.cancel.yaml', 'alipay.fund.trans.order.query.yaml', 'alipay.marketing.card.query.yaml', 'alipay.trade.query.yaml'],
    );
  });

  it('a forced layout is used as given (and says so); a page not in that layout fails and writes nothing', async () => {
    expect(await run(seed('alipay.marketing.card.query.txt'), '--layout', 'text-dump', '--out', out)).toBe(0);
    expect(stdout).toContain('; text-dump layout, forced; ');
    stdout = '';
    const other = join(dir, 'other');
    expect(await run(seed('alipay.marketing.card.query.txt'), '--layout', 'opendocs', '--out', other)).toBe(1);
    expect(stderr).toMatch(/alipay\.marketing\.card\.query\.txt:\d+:\d+: error: /);
    expect(await readdir(other).catch(() => [])).toEqual([]);
  });

  it('refuses a layout name it does not know', async () => {
    expect(await run(seed('alipay.marketing.card.query.txt'), '--layout', 'word-doc', '--out', out)).not.toBe(0);
    expect(stderr).toContain('word-doc');
    expect(await listOut()).toEqual([]);
  });
});

describe('alipay-codegen import', () => {
  it('writes both seeds equal to the committed specs, and nothing else', async () => {
    const code = await run(seed('alipay.marketing.card.query.txt'), seed('koubei.member.data.isv.create.txt'), '--out-dir', out);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect((await listOut()).sort()).toEqual(['alipay.marketing.card.query.yaml', 'koubei.member.data.isv.create.yaml']);
    // Byte for byte, but for the $schema comment: it points from where the spec is written to the installed schema.
    for (const name of await listOut()) expect(await readFile(join(out, name), 'utf8')).toBe(withSpecSchemaLine(await readFile(committed(name), 'utf8'), join(out, name)));
    expect(stdout).toContain(`wrote ${join(out, 'alipay.marketing.card.query.yaml')}`);
  });

  it('prints warnings with file:line and still writes the spec', async () => {
    const code = await run(fixture('ambiguous.txt'), '-o', out);
    expect(code).toBe(0);
    expect(stderr).toMatch(/ambiguous\.txt:21:1: warning: nested field `remark`: the examples do not show it; placed it under `detail\.goods`/);
    expect(stderr).toMatch(/ambiguous\.txt:\d+:1: warning: no 请求示例, 响应示例, 异常示例 section/);
    expect(await listOut()).toEqual(['alipay.demo.order.query.yaml']);
    const yaml = await readFile(join(out, 'alipay.demo.order.query.yaml'), 'utf8');
    expect(yaml).toContain("      - { value: WAIT_PAY, description: 待支付 }");
  });

  it.each([
    ['garbage.txt', /garbage\.txt:1:1: error: not an Alipay method doc page: expected the header line/],
    ['garbage.bin', /garbage\.bin:1:1: error: not an Alipay method doc page: the file is binary/],
    ['truncated.txt', /truncated\.txt:17:1: error: the page ends inside its request parameters/],
  ])('fails on %s with a line-numbered message, no stack trace and no file', async (name, message) => {
    const code = await run(fixture(name), '--out-dir', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('alipay-codegen: import failed: nothing written');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(await listOut()).toEqual([]);
  });

  it('fails on an empty file and on a page cut off before its request parameters', async () => {
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const cut = join(dir, 'cut.txt');
    const seedText = await readFile(seed('alipay.marketing.card.query.txt'), 'utf8');
    await writeFile(cut, seedText.split('\n').slice(0, 20).join('\n'));
    expect(await run(empty, cut, '--out-dir', out)).toBe(1);
    expect(stderr).toContain(`${empty}:1:1: error: the file is empty`);
    expect(stderr).toContain(`${cut}:20:1: error: no 请求参数 section: the page is cut off before its request parameters`);
    expect(await listOut()).toEqual([]);
  });

  it('writes nothing when one of several pages fails, and leaves existing specs alone', async () => {
    await run(seed('koubei.member.data.isv.create.txt'), '--out-dir', out);
    const before = await readFile(join(out, 'koubei.member.data.isv.create.yaml'), 'utf8');
    await writeFile(join(out, 'koubei.member.data.isv.create.yaml'), 'hand-edited\n');
    stderr = '';
    const code = await run(seed('alipay.marketing.card.query.txt'), seed('koubei.member.data.isv.create.txt'), fixture('truncated.txt'), '--out-dir', out);
    expect(code).toBe(1);
    expect(await listOut()).toEqual(['koubei.member.data.isv.create.yaml']);
    expect(await readFile(join(out, 'koubei.member.data.isv.create.yaml'), 'utf8')).toBe('hand-edited\n');
    expect(before).toContain('method: koubei.member.data.isv.create');
  });

  it('reports a missing input file and two pages of the same method', async () => {
    expect(await run(join(dir, 'nope.txt'), '--out-dir', out)).toBe(1);
    expect(stderr).toContain(`${join(dir, 'nope.txt')}: error: cannot read the doc page: no such file`);
    stderr = '';
    const copy = join(dir, 'copy.txt');
    await writeFile(copy, await readFile(seed('koubei.member.data.isv.create.txt'), 'utf8'));
    expect(await run(seed('koubei.member.data.isv.create.txt'), copy, '--out-dir', out)).toBe(1);
    expect(stderr).toContain('method koubei.member.data.isv.create is also imported from');
    expect(await listOut()).toEqual([]);
  });

  it('documents its arguments and options in --help', async () => {
    expect(await run('--help')).toBe(0);
    expect(stdout).toContain('Usage: alipay-codegen import [options] <doc...>');
    expect(stdout).toMatch(/-o, --out <dir>\s+directory the specs are written to \(default: "specs"\)/);
  });
});

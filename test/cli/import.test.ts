/**
 * `alipay-codegen import` through the real CLI on the shared doc samples: several pages at once,
 * one summary line per page on stdout and diagnostics on stderr, `-` for standard input, and a
 * re-import that never replaces a spec silently (the semantic diff, --force).
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpSpec } from '../../generator/spec/dump.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { ROOT, STACK, runCli } from './run-cli.js';

const SAMPLES = join(ROOT, '../shared/docs-samples');
const sample = (name: string) => join(SAMPLES, name);
const PAGES = [
  'alipay.trade.query.opendocs.md',
  'alipay.trade.close.opendocs.md',
  'alipay.trade.app.pay.opendocs.md',
  'alipay.fund.auth.operation.cancel.en.md',
  'alipay.fund.trans.order.query.tsv.txt',
].map(sample);

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'import-cli-'));
});
afterEach(async () => rm(out, { recursive: true, force: true }));

async function edit(file: string, change: (s: MethodSpec) => void): Promise<string> {
  const spec = parseSpec(await readFile(file, 'utf8'), file).spec!.spec;
  change(spec);
  const text = dumpSpec(spec);
  await writeFile(file, text);
  return text;
}

describe('import: several pages, summaries', () => {
  it('imports every sample in one run: one summary line per page on stdout, warnings only on stderr', async () => {
    const r = await runCli(['import', ...PAGES, '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(PAGES.length);
    expect(lines[0]).toBe(
      `wrote ${join(out, 'alipay.trade.query.yaml')} (${PAGES[0]}: method alipay.trade.query; opendocs layout, detected; 23 field(s), 1 warning(s))`,
    );
    expect(lines[4]).toMatch(/^wrote .*alipay\.fund\.trans\.order\.query\.yaml \(.*: method alipay\.fund\.trans\.order\.query; browser-tsv layout, detected; \d+ field\(s\), 0 warning\(s\)\)$/);
    // Every stderr line is a positioned diagnostic of one of the pages.
    for (const line of r.err.trimEnd().split('\n')) expect(line).toMatch(/^\/.*:\d+:\d+: warning: /);
    expect((await readdir(out)).sort()).toEqual(
      ['alipay.fund.auth.operation.cancel', 'alipay.fund.trans.order.query', 'alipay.trade.app.pay', 'alipay.trade.close', 'alipay.trade.query'].map((m) => `${m}.yaml`),
    );
    const validate = await runCli(['validate', '--specs', out]);
    expect(validate.code).toBe(0);
  });

  it('imports again without change: "unchanged", files untouched', async () => {
    await runCli(['import', ...PAGES.slice(0, 2), '--out', out]);
    const before = (await stat(join(out, 'alipay.trade.query.yaml'))).mtimeMs;
    const r = await runCli(['import', ...PAGES.slice(0, 2), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^unchanged .*alipay\.trade\.query\.yaml \(.*\)\nunchanged .*alipay\.trade\.close\.yaml \(.*\)\n$/);
    expect((await stat(join(out, 'alipay.trade.query.yaml'))).mtimeMs).toBe(before);
  });
});

describe('import -: a page from standard input', () => {
  it('reads the page from stdin, takes the method from the page, and writes what the file import writes', async () => {
    const fromFile = join(out, 'file');
    await runCli(['import', PAGES[0]!, '--out', fromFile]);
    const r = await runCli(['import', '-', '--out', out], { input: await readFile(PAGES[0]!, 'utf8') });
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${join(out, 'alipay.trade.query.yaml')} (<stdin>: method alipay.trade.query; opendocs layout, detected; 23 field(s), 1 warning(s))\n`);
    expect(r.err).toMatch(/^<stdin>:\d+:\d+: warning: /);
    expect(await readFile(join(out, 'alipay.trade.query.yaml'), 'utf8')).toBe(await readFile(join(fromFile, 'alipay.trade.query.yaml'), 'utf8'));
  });

  it('--layout forces the layout of the piped page; not a page or - twice: exit 1, nothing written, no stack trace', async () => {
    const forced = await runCli(['import', '-', '--layout', 'en-docs', '--out', out], { input: await readFile(PAGES[3]!, 'utf8') });
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('(<stdin>: method alipay.fund.auth.operation.cancel; en-docs layout, forced; ');
    await rm(join(out, 'alipay.fund.auth.operation.cancel.yaml'));

    const garbage = await runCli(['import', '-', '--out', out], { input: 'hello\nworld\n' });
    expect(garbage.code).toBe(1);
    expect(garbage.err).toMatch(/^<stdin>:1:1: error: not an Alipay method doc page/);
    expect(garbage.err).not.toMatch(STACK);
    const twice = await runCli(['import', '-', '-', '--out', out]);
    expect(twice).toEqual({ code: 1, out: '', err: 'alipay-codegen: standard input (-) can be read once only\n' });
    expect(await readdir(out)).toEqual([]);
  });
});

describe('import over an existing spec', () => {
  it('a reviewed spec that says otherwise is not replaced: the changes are shown; --force replaces it', async () => {
    await runCli(['import', PAGES[0]!, PAGES[1]!, '--out', out]);
    const file = join(out, 'alipay.trade.query.yaml');
    const fresh = await readFile(file, 'utf8');
    // A review: a description reworded, a field dropped, a field made required.
    const reviewed = await edit(file, (s) => {
      s.description = '统一收单交易查询 (reviewed)';
      s.request = s.request.filter((f) => f.name !== 'query_options');
      if (s.examples?.request !== undefined) delete (s.examples.request as Record<string, unknown>).query_options;
      s.request.find((f) => f.name === 'out_trade_no')!.required = true;
    });
    const closeBefore = await readFile(join(out, 'alipay.trade.close.yaml'), 'utf8');
    await rm(join(out, 'alipay.trade.close.yaml'));

    const r = await runCli(['import', PAGES[0]!, PAGES[1]!, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      `${file}: error: exists and ${PAGES[0]} now says otherwise (4 change(s) from the spec to the page, 0 breaking for callers): not replaced; review them, then pass --force to overwrite it\n`,
    );
    expect(r.err).toContain('  docs      (method): description changed\n');
    expect((await runCli(['validate', '--specs', out])).code).toBe(0);
    expect(r.err).toContain('  feature   request.out_trade_no: required true -> conditional\n');
    expect(r.err).toMatch(/ {2}feature {3}request\.query_options: optional field added \(array\)\n/);
    expect(r.err).toContain('alipay-codegen: import failed: 1 spec(s) exist and differ from their page; nothing written\n');
    expect(r.err).not.toMatch(STACK);
    // All or nothing: the other page's new spec is not written either.
    expect(await readFile(file, 'utf8')).toBe(reviewed);
    expect(await readdir(out)).toEqual(['alipay.trade.query.yaml']);

    const forced = await runCli(['import', PAGES[0]!, PAGES[1]!, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/^replaced .*alipay\.trade\.query\.yaml \(.*; replaced 4 change\(s\), 0 breaking\)\nwrote .*alipay\.trade\.close\.yaml /);
    expect(await readFile(file, 'utf8')).toBe(fresh);
    expect(await readFile(join(out, 'alipay.trade.close.yaml'), 'utf8')).toBe(closeBefore);
  });

  it('a spec that differs only in its text (a reviewer comment) or does not load is not replaced either', async () => {
    await runCli(['import', PAGES[1]!, '--out', out]);
    const file = join(out, 'alipay.trade.close.yaml');
    const commented = `# reviewed by hand\n${await readFile(file, 'utf8')}`;
    await writeFile(file, commented);
    const r = await runCli(['import', PAGES[1]!, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: error: exists and differs from what ${PAGES[1]} gives only in its text (comments, layout): not replaced; pass --force to overwrite it\n`);
    expect(await readFile(file, 'utf8')).toBe(commented);

    await writeFile(file, 'method: [\n');
    const broken = await runCli(['import', PAGES[1]!, '--out', out]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}: error: exists and does not load as a spec \\(YAML: .*\\): not replaced by .*; pass --force to overwrite it\\n`));
    expect((await runCli(['import', PAGES[1]!, '--out', out, '--force'])).code).toBe(0);
    expect((await runCli(['validate', '--specs', out])).code).toBe(0);
  });
});

/**
 * CLI hygiene through the real CLI: every user error is a path (with line:col where there is one),
 * a message and exit code 1, never a stack trace, I/O errors included; summaries on stdout,
 * diagnostics on stderr; a model-name clash is a warning naming both spec paths.
 */
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpSpec } from '../../generator/spec/dump.js';
import { ROOT, STACK, runCli } from './run-cli.js';
import { field, sampleSpec } from '../generator/fixtures/hand-specs.js';

const SPECS = join(ROOT, 'specs');
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-errors-'));
  // The unprivileged runs must reach it.
  await chmod(work, 0o777);
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('I/O errors: the path, the reason, exit 1, no stack trace', () => {
  it('generate --out README.md/x (ENOTDIR)', async () => {
    await writeFile(join(work, 'README.md'), 'a file\n');
    const r = await runCli(['generate', '--specs', SPECS, '--out', 'README.md/x'], { cwd: work });
    expect(r).toEqual({ code: 1, out: '', err: 'alipay-codegen: cannot use README.md/x as the output folder: a part of the path is a file, not a directory (ENOTDIR)\n' });
    expect(await readFile(join(work, 'README.md'), 'utf8')).toBe('a file\n');
  });

  it('generate, openapi and import into a folder the user may not write (EACCES)', async () => {
    const locked = join(work, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    const generate = await runCli(['generate', '--specs', SPECS, '--out', join(locked, 'gen')], { unprivileged: true });
    expect(generate).toEqual({ code: 1, out: '', err: `alipay-codegen: cannot write to the output folder ${join(locked, 'gen')}: permission denied (EACCES)\n` });
    const into = await runCli(['generate', '--specs', SPECS, '--out', locked], { unprivileged: true });
    expect(into).toEqual({ code: 1, out: '', err: `alipay-codegen: cannot write to the output folder ${locked}: permission denied (EACCES)\n` });
    const openapi = await runCli(['openapi', '--specs', SPECS, '--out', join(locked, 'x.json')], { unprivileged: true });
    expect(openapi).toEqual({ code: 1, out: '', err: `alipay-codegen: cannot write ${join(locked, 'x.json')}: permission denied (EACCES)\n` });
    const page = join(ROOT, '../shared/docs-samples/alipay.trade.close.opendocs.md');
    const imported = await runCli(['import', page, '--out', locked], { unprivileged: true });
    expect(imported.code).toBe(1);
    expect(imported.err).toBe(`alipay-codegen: cannot write ${join(locked, 'alipay.trade.close.yaml')}: permission denied (EACCES); nothing was written\n`);
    expect(await readdir(locked)).toEqual([]);
  });

  it('openapi --out /nonexistent/dir/x.json (ENOENT)', async () => {
    const r = await runCli(['openapi', '--specs', SPECS, '--out', '/nonexistent/dir/x.json']);
    expect(r).toEqual({ code: 1, out: '', err: 'alipay-codegen: cannot write /nonexistent/dir/x.json: no such file or directory (ENOENT)\n' });
  });

  it('a specs folder that does not exist', async () => {
    for (const command of ['validate', 'generate', 'openapi']) {
      const out = command === 'validate' ? [] : ['--out', join(work, `never-${command}`)];
      const r = await runCli([command, '--specs', join(work, 'no-specs'), ...out]);
      expect(r.code, command).toBe(1);
      expect(r.err, command).toContain(`${join(work, 'no-specs')}: error: cannot read spec directory: no such file or directory`);
      expect(r.err, command).not.toMatch(STACK);
    }
  });
});

describe('summaries on stdout, diagnostics on stderr; --out everywhere', () => {
  it('validate prints its summary on stdout and its problems on stderr', async () => {
    const specs = join(work, 'bad-specs');
    await cp(SPECS, specs, { recursive: true });
    await writeFile(join(specs, 'a.b.yaml'), 'method: a.b\nrequest: 3\nresponse: {}\nerrors: []\n');
    const r = await runCli(['validate', '--specs', specs]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\d+ spec\(s\) valid, 1 error\(s\), 0 warning\(s\)\n$/);
    expect(r.err).toBe(`${join(specs, 'a.b.yaml')}:2:10: error: request: expected a map, got a number\n`);
  });

  it('import takes --out and still --out-dir', async () => {
    const page = join(ROOT, '../shared/docs-samples/alipay.trade.close.opendocs.md');
    for (const flag of ['--out', '--out-dir']) {
      const dir = join(work, `specs${flag}`);
      const r = await runCli(['import', page, flag, dir]);
      expect(r.code, flag).toBe(0);
      expect(r.out, flag).toMatch(new RegExp(`^wrote ${dir}/alipay\\.trade\\.close\\.yaml \\(`));
    }
  });
});

describe('a model-name clash is a warning naming both spec paths', () => {
  it('two different models named CardUserInfo: generate warns at the second, with its line', async () => {
    const specs = join(work, 'clash-specs');
    await mkdir(specs);
    const spec = sampleSpec({
      method: 'alipay.clash.query',
      request: [field('card_user_info', { type: 'object', model: 'CardUserInfo', fields: [field('user_id')] })],
      response: [field('holder', { type: 'object', model: 'CardUserInfo', fields: [field('name'), field('phone')] })],
      examples: {},
    });
    const text = dumpSpec(spec);
    await writeFile(join(specs, 'alipay.clash.query.yaml'), text);
    const line = text.split('\n').findIndex((l) => l === '  holder:') + 1;
    const r = await runCli(['generate', '--specs', specs, '--out', join(work, 'clash-gen')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `${join(specs, 'alipay.clash.query.yaml')}:${line}:3: warning: model name CardUserInfo is taken by a different model at request.card_user_info: ` +
        'the model at response.holder is generated as CardUserInfo2; give one of them its own model name\n',
    );
    expect(await readFile(join(work, 'clash-gen/src/methods/alipay.clash.query.ts'), 'utf8')).toContain('export interface CardUserInfo2 {');
    // Cached: the next run emits nothing and still warns.
    const again = await runCli(['generate', '--specs', specs, '--out', join(work, 'clash-gen')]);
    expect(again.out).toMatch(/\(0 spec\(s\) emitted, /);
    expect(again.err).toBe(r.err);
  });
});

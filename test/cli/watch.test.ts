/**
 * `generate --watch` as users run it: the first run, a spec edit regenerates (incrementally), a
 * broken spec prints its errors and the watch goes on, the fix regenerates, SIGINT ends it with
 * exit code 0. Polls with generous deadlines; asserts no timing.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './run-cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'watch-cli-'));
  await cp(join(ROOT, 'specs'), join(work, 'specs'), { recursive: true });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

async function until(what: string, ok: () => boolean | Promise<boolean>, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output so far:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('generate --watch', () => {
  it('regenerates on a spec change, survives a broken spec, and exits 0 on SIGINT', async () => {
    const specs = join(work, 'specs');
    const out = join(work, 'gen');
    const child = spawn(process.execPath, [BIN, 'generate', '--watch', '--specs', specs, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const log = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;
    const summaries = () => stdout.split('\n').filter((l) => / method\(s\); /.test(l));
    const runs = () => summaries().length;
    // A run that wrote the edited spec's files and emitted that spec only (incremental).
    const INCREMENTAL = /; [1-9]\d* written, 0 removed, \d+ unchanged \(1 spec\(s\) emitted, /;
    try {
      await until('the first run', () => runs() === 1 && stderr.includes('watching'), log);
      expect(stdout).toMatch(/^.*gen: \d+ method\(s\); \d+ written, 0 removed, 0 unchanged /);

      const spec = join(specs, 'alipay.marketing.card.query.yaml');
      const text = await readFile(spec, 'utf8');
      const module = join(out, 'src/methods/alipay.marketing.card.query.ts');
      await writeFile(spec, text.replace('title: 会员卡查询\n', 'title: 会员卡查询 (watched)\n'));
      await until('the regenerated module', async () => (await readFile(module, 'utf8')).includes('会员卡查询 (watched)'), log);
      // Incremental: the run that wrote it emitted only the edited spec (a slow editor may cause one more, empty run).
      await until('the second summary', () => summaries().slice(1).some((l) => INCREMENTAL.test(l)), log);
      const before = runs();

      await writeFile(spec, `${text}bogus_key: 1\n`);
      await until('the error', () => /error: unknown key "bogus_key"\n(.*\n)*alipay-codegen: .*nothing generated/.test(stderr), log);
      expect(stderr).toMatch(/alipay\.marketing\.card\.query\.yaml:\d+:\d+: error: unknown key "bogus_key"\n/);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(child.exitCode).toBe(null);

      await writeFile(spec, text);
      await until('the repaired module', async () => !(await readFile(module, 'utf8')).includes('(watched)'), log);
      await until('the next summary', () => summaries().slice(before).some((l) => INCREMENTAL.test(l)), log);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

/**
 * `alipay-codegen diff` through the real CLI, against a real temporary git repository (a ref) and
 * a folder: the per-method report, the flagged breaking changes, the bump, --json, the exit codes.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpSpec } from '../../generator/spec/dump.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { ROOT, STACK, runCli } from './run-cli.js';

let repo: string;
const CARD = 'alipay.marketing.card.query.yaml';
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

async function editSpec(file: string, edit: (s: MethodSpec) => void): Promise<void> {
  const path = join(repo, 'specs', file);
  const spec = parseSpec(await readFile(path, 'utf8'), path).spec!.spec;
  edit(spec);
  await writeFile(path, dumpSpec(spec));
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'diff-cli-'));
  await mkdir(join(repo, 'specs'));
  for (const f of [CARD, 'koubei.member.data.isv.create.yaml']) await cp(join(ROOT, 'specs', f), join(repo, 'specs', f));
  git('init', '-q');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  git('add', '.');
  git('commit', '-qm', 'specs');
});
afterAll(async () => rm(repo, { recursive: true, force: true }));

describe('alipay-codegen diff', () => {
  it('no change against HEAD: exit 0', async () => {
    const r = await runCli(['diff'], { cwd: repo });
    expect(r).toEqual({ code: 0, out: 'HEAD:specs -> specs\nno changes\n', err: '' });
  });

  it('a removed request field is flagged BREAKING; exit 2; --fail-on none exits 0; a folder BASE works too', async () => {
    const before = join(repo, 'before');
    await cp(join(repo, 'specs'), before, { recursive: true });
    await editSpec(CARD, (s) => {
      s.request = s.request.filter((f) => f.name !== 'target_card_no');
      // The example must lose it too, or the spec does not load.
      delete (s.examples!.request as Record<string, unknown>).target_card_no;
      s.title = `${s.title ?? ''}(新)`;
    });
    try {
      const r = await runCli(['diff'], { cwd: repo });
      expect(r.code).toBe(2);
      expect(r.err).toBe('');
      expect(r.out).toContain('alipay.marketing.card.query (changed)\n');
      expect(r.out).toContain('  BREAKING  request.target_card_no: field removed (string): calls sending it are refused\n');
      expect(r.out).toContain('  docs      (method): title changed\n');
      expect(r.out).toContain('  docs      examples.request: request example changed\n');
      expect(r.out).toMatch(/1 method\(s\) changed: 1 breaking, 0 feature, 0 fix, 2 docs; suggested bump: minor \(0\.2\.0\)/);
      expect((await runCli(['diff', '--fail-on', 'none'], { cwd: repo })).code).toBe(0);
      const folder = await runCli(['diff', before], { cwd: repo });
      expect(folder.code).toBe(2);
      expect(folder.out.split('\n').slice(1)).toEqual(r.out.split('\n').slice(1));
    } finally {
      git('checkout', '-q', '--', 'specs');
      await rm(before, { recursive: true, force: true });
    }
  });

  it('against an older commit, --json for CI, the bump from --current-version', async () => {
    await editSpec(CARD, (s) => {
      s.request.find((f) => f.name === 'target_card_no_type')!.enum!.push({ value: 'NEW_TYPE', description: '新' });
    });
    git('commit', '-qam', 'a new enum value');
    const r = await runCli(['diff', 'HEAD~1', '--json', '--current-version', '1.4.2'], { cwd: repo });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { methods: { method: string; changes: { path: string; class: string; kind: string; after: unknown }[] }[]; counts: unknown; bump: unknown };
    expect(json.methods).toEqual([
      {
        method: 'alipay.marketing.card.query',
        status: 'changed',
        changes: [{ method: 'alipay.marketing.card.query', path: 'request.target_card_no_type', fact: 'enum', kind: 'added', class: 'feature', message: 'enum value NEW_TYPE added', after: 'NEW_TYPE' }],
      },
    ]);
    expect(json.counts).toEqual({ breaking: 0, feature: 1, fix: 0, docs: 0 });
    expect(json.bump).toEqual({ bump: 'minor', next: '1.5.0', reason: 'new features, nothing breaking' });
    expect((await runCli(['diff', 'HEAD~1', '--fail-on', 'feature'], { cwd: repo })).code).toBe(2);
  });

  it('errors exit 1 without a stack trace: a BASE that is neither a folder nor a ref, a spec that does not load', async () => {
    const bad = await runCli(['diff', 'no-such-ref'], { cwd: repo });
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('alipay-codegen: no-such-ref is neither a folder nor a git ref (commit) of the repository holding specs\n');
    const option = await runCli(['diff', '--', '--output=x'], { cwd: repo });
    expect(option.code).toBe(1);
    expect(option.err).toContain('--output=x is not a git ref');

    await writeFile(join(repo, 'specs', 'a.b.yaml'), 'method: a.b\nrequest: 3\n');
    try {
      const broken = await runCli(['diff'], { cwd: repo });
      expect(broken.code).toBe(1);
      expect(broken.err).toContain("specs/a.b.yaml:2:10: error: request: expected a map, got a number\n");
      expect(broken.err).toContain('alipay-codegen: cannot compare HEAD:specs with specs: fix the errors above\n');
      expect(broken.err).not.toMatch(STACK);
      expect(broken.out).toBe('');
    } finally {
      await rm(join(repo, 'specs', 'a.b.yaml'));
    }
  });

  it('outside a git work tree, a ref BASE is refused with the reason', async () => {
    const lone = await mkdtemp(join(tmpdir(), 'diff-nogit-'));
    await cp(join(repo, 'specs'), join(lone, 'specs'), { recursive: true });
    try {
      const r = await runCli(['diff'], { cwd: lone, env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(r.code).toBe(1);
      expect(r.err).toBe('alipay-codegen: HEAD is neither a folder nor usable as a git ref: specs is not in a git work tree\n');
    } finally {
      await rm(lone, { recursive: true, force: true });
    }
  });
});

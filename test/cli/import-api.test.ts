/**
 * The programmatic `importDocs` (the `alipay-codegen` package export the CLI's import runs on):
 * results instead of printing, and the same re-import safety as the command: a spec that differs
 * from its page is not replaced (an ImportRefusedError with the semantic diff, nothing written)
 * unless `force: true`; a spec that already says what the page says is left untouched.
 */
import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportRefusedError, importDocs } from '../../generator/build/import-docs.js';
import { UserError } from '../../generator/diagnostics.js';
import { ROOT } from './run-cli.js';

const QUERY = join(ROOT, '../shared/docs-samples/alipay.trade.query.opendocs.md');
const CLOSE = join(ROOT, '../shared/docs-samples/alipay.trade.close.opendocs.md');
const LONG_AGO = new Date('2001-02-03T04:05:06Z');

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'import-api-'));
});
afterEach(async () => rm(out, { recursive: true, force: true }));

describe('importDocs', () => {
  it('writes, then reports unchanged without touching the file', async () => {
    const first = await importDocs([QUERY, CLOSE], { out });
    expect(first.specs.map((s) => [s.method, s.status, s.file])).toEqual([
      ['alipay.trade.query', 'wrote', join(out, 'alipay.trade.query.yaml')],
      ['alipay.trade.close', 'wrote', join(out, 'alipay.trade.close.yaml')],
    ]);
    expect(first.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(first.specs[0]!.warnings).toBe(first.diagnostics.filter((d) => d.file === QUERY).length);
    const file = join(out, 'alipay.trade.query.yaml');
    await utimes(file, LONG_AGO, LONG_AGO);
    const again = await importDocs([QUERY], { out });
    expect(again.specs.map((s) => s.status)).toEqual(['unchanged']);
    expect((await stat(file)).mtimeMs).toBe(LONG_AGO.getTime());
  });

  it('refuses to replace a differing spec or a file that is no spec (nothing written); force replaces them', async () => {
    await importDocs([QUERY], { out });
    const query = join(out, 'alipay.trade.query.yaml');
    const reviewed = (await readFile(query, 'utf8')).replace(/^description: .*$/m, 'description: reviewed by hand');
    await writeFile(query, reviewed);
    const close = join(out, 'alipay.trade.close.yaml');
    await writeFile(close, 'my notes\n');

    const error = await importDocs([QUERY, CLOSE], { out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect(error).toBeInstanceOf(UserError);
    const refused = (error as ImportRefusedError).refused;
    expect(refused.map((r) => [r.file, r.existing.status])).toEqual([
      [query, 'differs'],
      [close, 'invalid'],
    ]);
    const differs = refused[0]!.existing;
    expect(differs.status === 'differs' && differs.changes.map((c) => [c.class, c.path])).toEqual([['docs', '']]);
    expect((error as ImportRefusedError).diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).toEqual([query, close]);
    expect(await readFile(query, 'utf8')).toBe(reviewed);
    expect(await readFile(close, 'utf8')).toBe('my notes\n');

    const forced = await importDocs([QUERY, CLOSE], { out, force: true });
    expect(forced.specs.map((s) => [s.status, s.existing.status])).toEqual([
      ['replaced', 'differs'],
      ['replaced', 'invalid'],
    ]);
    expect(await readFile(query, 'utf8')).not.toBe(reviewed);
    expect((await readdir(out)).sort()).toEqual(['alipay.trade.close.yaml', 'alipay.trade.query.yaml']);
  });

  it('reads - from the given reader, once only', async () => {
    const r = await importDocs(['-'], { out, readStdin: () => readFile(CLOSE, 'utf8') });
    expect(r.specs.map((s) => [s.doc, s.method, s.status])).toEqual([['-', 'alipay.trade.close', 'wrote']]);
    await expect(importDocs(['-', '-'], { out, readStdin: () => readFile(CLOSE, 'utf8') })).rejects.toThrow('standard input (-) can be read once only');
  });
});

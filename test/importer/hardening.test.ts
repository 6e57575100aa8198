/**
 * Hostile pages (issue 14: 10,000 mutated docs were tried). Each case here crashed, hung or
 * printed a broken diagnostic before the fix. The long inputs are sized so that the old
 * quadratic scans ran for minutes; the tests assert results, never times.
 */
import { describe, expect, it, vi } from 'vitest';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { importDoc } from '../../generator/importer/import-doc.js';
import { parseRequiredIf } from '../../generator/importer/to-spec/required-if.js';
import { MAX_METHOD_NAME_LENGTH } from '../../generator/spec/read-spec.js';
import { page } from './helpers.js';

const LONG = 256 * 1024;

function oneLineEach(diagnostics: ReturnType<typeof importDoc>['diagnostics']): void {
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThan(0);
    expect(formatDiagnostic(d)).not.toMatch(/[\r\n\u2028\u2029]/);
  }
}

describe('hostile characters', () => {
  it('U+2028 / U+2029 in an error-table row is text (was a TypeError with a stack trace)', () => {
    const r = importDoc(page({ errors: ['A_CODE 描述 解决\u2028方案', 'B_CODE 描\u2029述'] }), 'doc.txt');
    expect(r.spec?.errors).toEqual([
      { code: 'A_CODE', description: '描述', solution: '解决\u2028方案' },
      { code: 'B_CODE', description: '描', solution: '述' },
    ]);
  });

  it('U+2028 in a title is text; in a row\'s description/example line it is whitespace like any other', () => {
    const r = importDoc(page({ header: 'alipay.demo.thing.query (演示\u2028查询)', request: ['id String 必须 32 编号\u2028说明 ID1'] }), 'doc.txt');
    expect(r.diagnostics).toEqual([]);
    expect(r.spec?.title).toBe('演示\u2028查询');
    expect(r.spec?.request[0]).toMatchObject({ name: 'id', description: '编号 说明', example: 'ID1' });
  });

  it('a diagnostic quoting page text with line separators stays one line', () => {
    const r = importDoc('not a header\u2028second\u2029third\n\n请求参数\n', 'doc.txt');
    expect(r.diagnostics).toHaveLength(1);
    oneLineEach(r.diagnostics);
  });

  it('a JSON-parse warning is one line with file:line:col, not V8\'s copy of the example', () => {
    // A long example: V8 then quotes a cut of it (`..."b": 1,\n"b"... is not valid JSON`), with its newlines.
    const r = importDoc(page({ responseExample: ['{', '"a": x,', ...Array.from({ length: 40 }, (_, i) => `"b${i}": 1,`), '"c": 1', '}'] }), 'doc.txt');
    const warning = r.diagnostics.find((d) => d.message.startsWith('response example'));
    expect(warning).toMatchObject({ severity: 'warning', file: 'doc.txt', col: 1, message: "response example: the example is not valid JSON: Unexpected token 'x'" });
    oneLineEach(r.diagnostics);
  });
});

describe('names the loader would refuse', () => {
  it('a method name over the loader\'s limit is an error on the page\'s header, nothing to write (was reported on the unwritten spec file)', () => {
    const method = `alipay.${'a'.repeat(MAX_METHOD_NAME_LENGTH)}.query`;
    const r = importDoc(page({ header: `${method} (演示)`, request: ['id String 必须 32 编号 ID1'] }), 'doc.txt');
    expect(r.spec).toBeUndefined();
    expect(r.yaml).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file: 'doc.txt', line: 1, message: expect.stringContaining(`at most ${MAX_METHOD_NAME_LENGTH}`) }),
    ]);
  });
});

describe('inputs past the spec\'s limits', () => {
  it('an example nested 400 levels deep is dropped with a warning, the rest imported (was an uncaught UserError from the dumper)', () => {
    const deep = '{"a":'.repeat(400) + '1' + '}'.repeat(400);
    const r = importDoc(page({ request: ['id String 必须 32 编号 ID1'], responseExample: [deep] }), 'doc.txt');
    expect(r.yaml).toBeDefined();
    expect(r.spec?.examples?.response).toBeUndefined();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', file: 'doc.txt', message: expect.stringContaining('nests more than') }));
  });

  it('a description over the spec\'s string limit is an error on the page, nothing written (was an uncaught UserError)', () => {
    const r = importDoc(page({ request: [`id String 必须 32 ${'说'.repeat(70_000)} ID1`] }), 'doc.txt');
    expect(r.yaml).toBeUndefined();
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', file: 'doc.txt', message: expect.stringContaining('at most 65536') }));
  });
});

describe('no stray output', () => {
  it('a description like `{{a}: 1}` prints no Node warning (the dumper\'s YAML 1.1 re-read logged one)', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const r = importDoc(page({ request: ['id String 必须 32 {{a}: 1} ID1'] }), 'doc.txt');
      expect(r.spec?.request[0]?.description).toBe('{{a}: 1}');
      expect(emitWarning).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
      warn.mockRestore();
    }
  });
});

describe('long lines are read in linear time', () => {
  it('requiredIf after a long run of ASCII letters (the unanchored patterns were quadratic: 256 KB took over 120 s)', () => {
    const letters = 'a'.repeat(LONG);
    expect(parseRequiredIf(`${letters} status为OK时必填`, ['status'])).toEqual({ field: 'status', equals: 'OK' });
    expect(parseRequiredIf(`${letters}为${letters}`, ['status'])).toBeUndefined();
    expect(parseRequiredIf(`status 不为空 时，该字段必填 ${letters}`, ['status'])).toEqual({ field: 'status' });
  });

  it('long runs in every part of a page: description, row text, bullets, title, enum items, error rows', () => {
    const spaces = ' '.repeat(LONG);
    const letters = 'b'.repeat(LONG);
    const r = importDoc(
      page({
        header: `alipay.demo.thing.query (${spaces}x${spaces}（)`,
        request: [
          `id String 必须 32 ${letters}${spaces}x`,
          `e String 可选 8 值`,
          `A:${spaces}x${'\u2028'}`,
          `B${spaces}:(y${spaces}`,
          'o O 可选 - 对象',
          `  • ${'└'.repeat(LONG)} a b`,
        ],
        errors: [`CODE ${letters} ${spaces}`],
      }),
      'doc.txt',
    );
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    oneLineEach(r.diagnostics);
  });

  it('a long line padded with spaces inside (the trailing-space trim rescanned each run)', () => {
    const r = importDoc(page({ request: [`id String 必须 32 a${' '.repeat(LONG)}b${' '.repeat(LONG)}c ID1`] }), 'doc.txt');
    expect(r.spec?.request[0]).toMatchObject({ name: 'id', example: 'ID1' });
  });

  it('many \\u escapes in a request example', () => {
    const java = `request.setBizContent("{\\"a\\":\\"${'\\u4e2d'.repeat(LONG / 8)}\\"}");`;
    const r = importDoc(page({ request: ['a String 可选 - 中文 中'], requestExample: [java] }), 'doc.txt');
    expect((r.spec?.examples?.request as { a: string }).a).toBe('中'.repeat(LONG / 8));
  });
});

import { describe, expect, it } from 'vitest';
import { parseErrorTable } from '../../generator/importer/errors-table.js';
import { parseExamples } from '../../generator/importer/examples.js';
import { evalConcat, extractBizContent } from '../../generator/importer/java.js';
import { lineAt, parseFirstJsonObject } from '../../generator/importer/json-text.js';
import type { Section } from '../../generator/importer/sections.js';
import { lines } from './helpers.js';

describe('extractBizContent (Java concatenation -> JSON text)', () => {
  it('concatenates the literals and unescapes Java escapes', () => {
    const java = [
      'AlipayMarketingCardQueryRequest request = new AlipayMarketingCardQueryRequest();',
      'request.setBizContent("{" +',
      '"\\"target_card_no\\":\\"0000001\\"," +',
      '"\\"card_user_info\\":{" +',
      '"\\"user_uni_id\\":\\"2088\\"" +',
      '"    }," +',
      '"\\"ext_info\\":\\"\\\\\\"\\\\\\"\\"" +',
      '"  }");',
    ].join('\n');
    const r = extractBizContent(java);
    expect(r?.ok).toBe(true);
    if (r?.ok) expect(JSON.parse(r.text)).toEqual({ target_card_no: '0000001', card_user_info: { user_uni_id: '2088' }, ext_info: '""' });
  });

  it('handles \\u escapes and a single literal', () => {
    expect(evalConcat('"{\\"a\\":\\"\\u4e2d\\"}")', 0)).toEqual({ ok: true, text: '{"a":"中"}', offset: 0 });
  });

  it('is undefined without setBizContent and an error for cut-off or malformed code', () => {
    expect(extractBizContent('System.out.println("x");')).toBeUndefined();
    expect(extractBizContent('request.setBizContent("{" +\n"\\"a\\":1')).toMatchObject({ ok: false });
    expect(extractBizContent('request.setBizContent("{" + x + "}")')).toMatchObject({ ok: false, message: expect.stringContaining('string literal') });
    expect(extractBizContent('request.setBizContent("{" "}")')).toMatchObject({ ok: false, message: expect.stringContaining('expected + or )') });
  });
});

describe('parseFirstJsonObject', () => {
  it('reads the first object up to its matching brace, braces in strings included', () => {
    expect(parseFirstJsonObject('  • JSON示例\n{\n\t"a":"}{",\n\t"b":[{"c":1}]\n}\n  • XML示例\n<x/>')).toEqual({ ok: true, value: { a: '}{', b: [{ c: 1 }] } });
  });

  it('reports an unclosed or invalid object with an offset', () => {
    expect(parseFirstJsonObject('{"a":1')).toMatchObject({ ok: false, offset: 0 });
    const bad = parseFirstJsonObject('x\n{"a":1,}');
    expect(bad).toMatchObject({ ok: false });
    if (bad && !bad.ok) expect(lineAt('x\n{"a":1,}', bad.offset, 10)).toBe(11);
    expect(parseFirstJsonObject('no json here')).toBeUndefined();
  });
});

describe('parseExamples', () => {
  const section = (name: Section['name'], line: number, ...texts: string[]): Section => ({
    name,
    line,
    lines: lines(...texts).map((l) => ({ no: l.no + line, text: l.text })),
  });

  it('returns biz_content and the two whole bodies', () => {
    const r = parseExamples({
      request: section('请求示例', 10, '  • JAVA', 'request.setBizContent("{\\"a\\":1}");'),
      response: section('响应示例', 20, '  • JSON示例', '{"x_response":{"code":"10000"},"sign":"s"}'),
      error: section('异常示例', 30, '  • JSON示例', '{"x_response":{"code":"20000"}}'),
    });
    expect(r).toEqual({
      examples: { request: { a: 1 }, response: { x_response: { code: '10000' }, sign: 's' }, error: { x_response: { code: '20000' } } },
      setters: [],
      diagnostics: [],
    });
  });

  it('returns the param setters of a Java example without setBizContent, string literals read', () => {
    const r = parseExamples({
      request: section('请求示例', 10, '  • JAVA', 'request.setGrantType("authorization" + "_code");', 'request.setCode(code);', 'request.setReturnUrl("https://x");'),
    });
    expect(r.setters.map((s) => [s.name, s.value])).toEqual([['GrantType', 'authorization_code'], ['Code', undefined]]);
    expect(r.diagnostics).toEqual([{ severity: 'warning', line: 13, col: 1, message: 'request example: setCode(...) is not a string literal; no example taken' }]);
  });

  it('a broken example is a warning on its doc line, not a failure', () => {
    const r = parseExamples({ response: section('响应示例', 20, '  • JSON示例', '{', '"a":1,', '"b" 2}') });
    expect(r.examples).toEqual({});
    expect(r.diagnostics).toMatchObject([{ severity: 'warning', line: 24 }]);
    // The reason only, not V8's copy of the whole example.
    const message = parseExamples({ response: section('响应示例', 20, '{', '"a": }') }).diagnostics[0]!.message;
    expect(message).toMatch(/^response example: the example is not valid JSON: \S/);
    expect(message).not.toContain('"a"');
  });
});

describe('parseErrorTable', () => {
  it('reads code, description and the rest as solution, skipping the header', () => {
    expect(
      parseErrorTable(lines('错误码 错误描述 解决方案', 'INVALID_PARAMETER 参数有误。 查看message定位问题', 'SYSTEM_ERROR 系统繁忙 重试或联系技术支持,参考链接:http://x.y/z', 'ONLY_CODE', '')),
    ).toEqual([
      { code: 'INVALID_PARAMETER', description: '参数有误。', solution: '查看message定位问题' },
      { code: 'SYSTEM_ERROR', description: '系统繁忙', solution: '重试或联系技术支持,参考链接:http://x.y/z' },
      { code: 'ONLY_CODE' },
    ]);
  });
});

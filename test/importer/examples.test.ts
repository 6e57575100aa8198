import { describe, expect, it } from 'vitest';
import { parseErrorTable } from '../../generator/importer/layouts/text-dump/errors-table.js';
import { readExamples } from '../../generator/importer/layouts/text-dump/examples.js';
import type { Section } from '../../generator/importer/layouts/text-dump/sections.js';
import { evalConcat, extractBizContent, extractSetters } from '../../generator/importer/layouts/java.js';
import { parseExampleJson } from '../../generator/importer/to-spec/examples.js';
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
    expect(evalConcat('"{\\"a\\":\\"\\u4e2d\\"}")', 0)).toEqual({ ok: true, text: '{"a":"中"}', offset: 0, end: 21 });
  });

  it('is undefined without setBizContent and an error for cut-off or malformed code', () => {
    expect(extractBizContent('System.out.println("x");')).toBeUndefined();
    expect(extractBizContent('request.setBizContent("{" +\n"\\"a\\":1')).toMatchObject({ ok: false });
    expect(extractBizContent('request.setBizContent("{" + x + "}")')).toMatchObject({ ok: false, message: expect.stringContaining('string literal') });
    expect(extractBizContent('request.setBizContent("{" "}")')).toMatchObject({ ok: false, message: expect.stringContaining('expected + or )') });
  });

  it('a setter call written inside another setter\'s string literal is text, not a setter', () => {
    expect(extractSetters('request.setA("request.setB(\\"x\\")");\nrequest.setC("y");').map((s) => [s.name, s.value])).toEqual([
      ['A', 'request.setB("x")'],
      ['C', 'y'],
    ]);
  });
});

describe('readExamples (text dump) + parseExampleJson', () => {
  const section = (name: Section['name'], line: number, ...texts: string[]): Section => ({
    name,
    line,
    lines: lines(...texts).map((l) => ({ no: l.no + line, text: l.text })),
  });
  const parsed = (raw: Parameters<typeof parseExampleJson>[0] | undefined) => (raw ? parseExampleJson(raw, 'x') : undefined);

  it('returns biz_content and the two whole bodies as raw text with positions', () => {
    const r = readExamples({
      request: section('请求示例', 10, '  • JAVA', 'request.setBizContent("{\\"a\\":1}");'),
      response: section('响应示例', 20, '  • JSON示例', '{"x_response":{"code":"10000"},"sign":"s"}'),
      error: section('异常示例', 30, '  • JSON示例', '  {"x_response":{"code":"20000"}}'),
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.examples.request).toEqual({ text: '{"a":1}', pos: { line: 12, col: 23 }, verbatim: false });
    expect(r.examples.error).toEqual({ text: '{"x_response":{"code":"20000"}}', pos: { line: 32, col: 3 }, verbatim: true });
    expect(parsed(r.examples.request)).toEqual({ ok: true, value: { a: 1 } });
    expect(parsed(r.examples.response)).toEqual({ ok: true, value: { x_response: { code: '10000' }, sign: 's' } });
  });

  it('reads the first object up to its matching brace, braces in strings included', () => {
    const r = readExamples({ response: section('响应示例', 0, '  • JSON示例', '{', '\t"a":"}{",', '\t"b":[{"c":1}]', '}', '  • XML示例', '<x/>') });
    expect(parsed(r.examples.response)).toEqual({ ok: true, value: { a: '}{', b: [{ c: 1 }] } });
  });

  it('an unclosed object is a warning at its brace', () => {
    const r = readExamples({ response: section('响应示例', 20, '  • JSON示例', '{"a":1') });
    expect(r.examples).toEqual({});
    expect(r.diagnostics).toEqual([{ severity: 'warning', line: 22, col: 1, message: 'response example: the JSON example is not closed (is the page cut off?)' }]);
  });

  it('returns the param setters of a Java example without setBizContent, string literals read', () => {
    const r = readExamples({
      request: section('请求示例', 10, '  • JAVA', 'request.setGrantType("authorization" + "_code");', 'request.setCode(code);', 'request.setReturnUrl("https://x");'),
    });
    expect(r.examples.params?.map((s) => [s.name, s.value])).toEqual([['GrantType', 'authorization_code'], ['Code', undefined]]);
    expect(r.diagnostics).toEqual([{ severity: 'warning', line: 13, col: 1, message: 'request example: setCode(...) is not a string literal; no example taken' }]);
  });

  it('a broken example is a warning at the offending doc line and column', () => {
    const r = readExamples({ response: section('响应示例', 20, '  • JSON示例', '{', '"a":1,', '"b" 2}') });
    expect(parsed(r.examples.response)).toMatchObject({ ok: false, pos: { line: 24, col: 5 } });
  });

  it('the JSON warning is one line with the reason only, never V8\'s multi-line copy of the example', () => {
    // V8 quotes the input: `Unexpected token 'x', "{\n..." is not valid JSON` (before the fix, the
    // later lines of the example ended up in the diagnostic, without file:line).
    for (const text of ['{"a": x,\n"b":\n1}', `{"a": x,\n${'"b": 1,\n'.repeat(40)}"c": 2}`]) {
      const r = parseExampleJson({ text, pos: { line: 5, col: 1 }, verbatim: true }, 'response example');
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.message).toBe("response example: the example is not valid JSON: Unexpected token 'x'");
      expect(r.pos).toEqual({ line: 5, col: 1 });
    }
  });
});

describe('parseErrorTable', () => {
  it('reads code, description and the rest as solution, skipping the header', () => {
    expect(
      parseErrorTable(lines('错误码 错误描述 解决方案', 'INVALID_PARAMETER 参数有误。 查看message定位问题', 'SYSTEM_ERROR 系统繁忙 重试或联系技术支持,参考链接:http://x.y/z', 'ONLY_CODE', '')),
    ).toEqual([
      { code: 'INVALID_PARAMETER', description: '参数有误。', solution: '查看message定位问题', pos: { line: 2, col: 1 } },
      { code: 'SYSTEM_ERROR', description: '系统繁忙', solution: '重试或联系技术支持,参考链接:http://x.y/z', pos: { line: 3, col: 1 } },
      { code: 'ONLY_CODE', pos: { line: 4, col: 1 } },
    ]);
  });

  it('a U+2028 / U+2029 inside a row is text (it was a TypeError)', () => {
    expect(parseErrorTable(lines('A_CODE 描述 解决\u2028方案', 'B_CODE 描\u2029述'))).toEqual([
      { code: 'A_CODE', description: '描述', solution: '解决\u2028方案', pos: { line: 1, col: 1 } },
      { code: 'B_CODE', description: '描', solution: '述', pos: { line: 2, col: 1 } },
    ]);
  });
});

/** The raw-node scanner: exact raw text, tricky bodies, rejection of ambiguous or broken ones. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlipayMalformedResponseError, extractResponseNode, responseNodeKey } from '../../templates/runtime/index.js';

const M = 'alipay.trade.query';
const K = 'alipay_trade_query_response';

function malformed(body: string): string {
  try {
    extractResponseNode(body, M);
  } catch (error) {
    expect(error).toBeInstanceOf(AlipayMalformedResponseError);
    return (error as Error).message;
  }
  throw new Error('expected the body to be rejected');
}

describe('extractResponseNode', () => {
  it('names the node after the method', () => {
    expect(responseNodeKey('koubei.member.data.isv.create')).toBe('koubei_member_data_isv_create_response');
  });

  it('returns the raw text of tricky nodes, untouched', () => {
    const nodes = [
      String.raw`{"code":"10000","msg":"Success","note":"he said \"hi\" \\","x":"}{]["}`,
      String.raw`{"url":"https:\/\/example.com\/a?b=c","u":"\u4e2d\u6587","zh":"中文 😀"}`,
      String.raw`{"a":{"b":[1,2,{"c":null}],"d":true},"e":-1.5e3,"f":"\\\""}`,
      String.raw`{"ends_in_backslashes":"\\\\"}`,
      '{ "spaced" : [ ] ,\n\t"x" : { } }',
    ];
    for (const raw of nodes) {
      const body = `{"${K}":${raw},"sign":"c2lnbg=="}`;
      const node = extractResponseNode(body, M);
      expect(node.raw).toBe(raw);
      expect(node.key).toBe(K);
      expect(node.isErrorResponse).toBe(false);
      expect(node.sign).toBe('c2lnbg==');
    }
  });

  it('finds the node after other properties, with whitespace, with sign first', () => {
    const body = ` {\n "sign" : "YS9i\\/Yw==" , "alipay_cert_sn":"abc", "other": {"${K}": 1}, "${K}" : {"code":"10000"} }\n`;
    const node = extractResponseNode(body, M);
    expect(node.raw).toBe('{"code":"10000"}');
    expect(node.sign).toBe('YS9i/Yw==');
  });

  it('finds error_response, signed or not', () => {
    const raw = '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"无效的AppID参数"}';
    const unsigned = extractResponseNode(`{"error_response":${raw}}`, M);
    expect(unsigned).toEqual({ key: 'error_response', isErrorResponse: true, raw, rawStart: 18, sign: undefined });
    expect(extractResponseNode(`{"error_response":${raw},"sign":"x"}`, M).sign).toBe('x');
  });

  it('rejects two nodes, or two signs', () => {
    expect(malformed(`{"${K}":{"code":"10000"},"${K}":{"code":"10000"},"sign":"x"}`)).toMatch(/more than one response node/);
    expect(malformed(`{"${K}":{"code":"10000"},"error_response":{"code":"40002"},"sign":"x"}`)).toMatch(/more than one response node/);
    expect(malformed(`{"${K}":{"code":"10000"},"sign":"x","sign":"y"}`)).toMatch(/more than one sign/);
  });

  it('rejects a body without the node (a node nested deeper does not count)', () => {
    expect(malformed('{"alipay_trade_pay_response":{"code":"10000"},"sign":"x"}')).toMatch(/no alipay_trade_query_response/);
    expect(malformed(`{"wrapper":{"${K}":{"code":"10000"}}}`)).toMatch(/no alipay_trade_query_response/);
    expect(malformed('{}')).toMatch(/no alipay_trade_query_response/);
  });

  it('rejects truncated bodies at every cut', () => {
    const body = `{"${K}":{"code":"10000","msg":"Su\\"ccess","list":[{"a":"}"}]},"sign":"c2lnbg=="}`;
    for (let cut = 0; cut < body.length; cut++) malformed(body.slice(0, cut));
  });

  it('rejects what is not one JSON object', () => {
    expect(malformed('<html><body>502 Bad Gateway</body></html>')).toMatch(/not a JSON object/);
    expect(malformed('')).toMatch(/empty body/);
    expect(malformed('[1]')).toMatch(/not a JSON object/);
    expect(malformed(`{"${K}":{"code":"10000"}} trailing`)).toMatch(/after the JSON object/);
    expect(malformed(`{"${K}":{"code":"10000"} "sign":"x"}`)).toMatch(/expected "," or "}"/);
    expect(malformed(`{"${K}":{"code":"10000"},"sign":1}`)).toMatch(/sign is not a string/);
    expect(malformed(`{"${K}" {"code":"10000"}}`)).toMatch(/expected ":"/);
  });

  it('property: returns exactly the serialised value, also with slashes escaped as \\/', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.boolean(), (value, other, signFirst) => {
        for (const escape of [false, true]) {
          const fix = (text: string): string => (escape ? text.replaceAll('/', '\\/') : text);
          const text = fix(JSON.stringify(value));
          const parts = [`"${K}":${text}`, `"sign":"${fix('a/b+c=')}"`, `"extra":${fix(JSON.stringify(other))}`];
          if (signFirst) parts.reverse();
          const node = extractResponseNode(`{${parts.join(',')}}`, M);
          expect(node.raw).toBe(text);
          expect(JSON.parse(node.raw)).toEqual(JSON.parse(JSON.stringify(value)));
          expect(node.sign).toBe('a/b+c=');
        }
      }),
      { numRuns: 300 },
    );
  });
});

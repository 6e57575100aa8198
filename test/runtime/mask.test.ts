/**
 * Personal data and tokens in errors (issue 14): the masker over the number formats people and
 * gateways write, as a table and as a property, and every field of every error, toJSON and
 * util.inspect of errors made from real gateway answers over 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inspect } from 'node:util';
import {
  AlipayApiError,
  AlipayError,
  AlipayHttpError,
  AlipayNetworkError,
  AlipayValidationError,
  createAlipayClient,
  invoke,
  maskPersonalData,
  type AlipayClient,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { gatewayBody, rsaKeyPair, startTestGateway, type TestGateway } from './test-gateway.js';

const PHONE = '13812345678';
/** Code points of the digit zero in the scripts tested: ASCII, full-width, Arabic-Indic, Extended Arabic-Indic, Devanagari. */
const SCRIPTS = [0x30, 0xff10, 0x660, 0x6f0, 0x966];

// [how the number is written, the text]: every entry must come out with its middle digits masked.
const FORMATS: [string, string][] = [
  ['plain', '13812345678'],
  ['dashes', '138-1234-5678'],
  ['spaces', '138 1234 5678'],
  ['dots', '138.1234.5678'],
  ['slashes', '138/1234/5678'],
  ['underscores', '138_1234_5678'],
  ['spaced dashes', '138 - 1234 - 5678'],
  ['spaced slashes', '138 / 1234 / 5678'],
  ['double spaces', '138  1234  5678'],
  ['non-breaking spaces', '138\u00a01234\u00a05678'],
  ['narrow no-break spaces', '138\u202f1234\u202f5678'],
  ['ideographic spaces', '138\u30001234\u30005678'],
  ['tabs', '138\t1234\t5678'],
  ['line breaks', '138\n1234\r\n5678'],
  ['JSON-escaped line breaks and tabs', '138\\n1234\\t5678'],
  ['commas', '138,1234,5678'],
  ['colons', '138:1234:5678'],
  ['full-width commas', '138，1234，5678'],
  ['zero-width spaces', '138\u200b1234\u200b5678'],
  ['digit by digit', '1 3 8 1 2 3 4 5 6 7 8'],
  ['digit by digit, dashes', '1-3-8-1-2-3-4-5-6-7-8'],
  ['full-width digits', '１３８１２３４５６７８'],
  ['full-width digits and hyphens', '１３８－１２３４－５６７８'],
  ['Arabic-Indic digits', '١٣٨١٢٣٤٥٦٧٨'],
  ['Extended Arabic-Indic digits', '۱۳۸۱۲۳۴۵۶۷۸'],
  ['Devanagari digits', '१३८१२३४५६७८'],
  ['country code', '+86 138 1234 5678'],
  ['area code in parentheses', '(010) 8888 6666'],
  ['en dashes', '138–1234–5678'],
  ['bank card in fours', '6222 0212 3456 7890 123'],
  ['bank card, dashes', '6222-0212-3456-7890'],
  ['resident ID', '11010519491231002X'],
  ['resident ID, spaced', '110105 19491231 002X'],
  ['inside Chinese text', '手机号13812345678已绑定'],
  ['in JSON', '{"mobile":"13812345678"}'],
];

/** The ASCII digits of a text, whatever script they were written in. */
function digitsOf(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    for (const zero of SCRIPTS) if (code >= zero && code <= zero + 9) out += String(code - zero);
  }
  return out;
}

describe('maskPersonalData: number formats', () => {
  it.each(FORMATS)('%s', (_format, text) => {
    const masked = maskPersonalData(text);
    const before = digitsOf(text);
    const after = digitsOf(masked);
    expect(before.length).toBeGreaterThanOrEqual(11);
    // At most the first 3 and last 4 digits survive, and the middle ones never do.
    expect(after.length).toBeLessThanOrEqual(7);
    expect(after).not.toContain(before.slice(3, -4));
    expect(masked.length).toBe(text.length);
  });

  it('keeps dates, times, short codes and amounts readable', () => {
    const text = 'timestamp=2024-05-13 17:49:20, code 40004, total 88.88, v1.0, 2024/05/13';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('masks token values, named or not, in query, JSON and escaped JSON form', () => {
    const token = '202105BB2d5a1c6f5c7e4d0fa0b3b4c5e36f8X55';
    const texts = [
      `app_auth_token=${token}&app_id=2021`,
      `{"access_token":"${token}"}`,
      `{\\"refresh_token\\":\\"${token}\\"}`,
      `auth_token = ${token}`,
      `auth_code=4b203fe6c11548bcabd8da5bb087a83b`,
      `token ${token} expired`,
    ];
    for (const text of texts) {
      const masked = maskPersonalData(text);
      expect(masked).not.toContain(token.slice(8));
      expect(masked).not.toContain('4b203fe6c11548bcabd8da5bb087a83b'.slice(4));
    }
  });

  // Any phone or card number, written in any of these scripts with any of these separators between
  // any of its digits, inside text: never more than 7 of its digits stay visible.
  const separators = ['', '', ' ', '  ', '-', ' - ', '.', '/', '_', '\u00a0', '\u3000', '\u202f', ' / ', '－'];
  const context = fc.string({ unit: fc.constantFrom('号', '码', '是', '：', '，', ' ', '卡'), maxLength: 6 });
  it('property: at most 7 digits of a long number survive, whatever its script and separators', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 19 }),
        fc.constantFrom(...SCRIPTS),
        fc.array(fc.constantFrom(...separators), { minLength: 18, maxLength: 18 }),
        context,
        context,
        (digits, zero, seps, before, after) => {
          const number = digits.map((d, i) => (i === 0 ? '' : seps[i - 1]!) + String.fromCodePoint(zero + d)).join('');
          const text = `${before}${number}${after}`;
          const masked = maskPersonalData(text);
          expect(masked.length).toBe(text.length);
          expect([...masked].filter((c) => /\p{Nd}/u.test(c)).length).toBeLessThanOrEqual(7);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: text without digits nor token names is left alone', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', '-', '.', '/', '_', '支', '付', '宝', '"', '{', '}') }), (text) => {
        expect(maskPersonalData(text)).toBe(text);
      }),
    );
  });
});

describe('errors mask every field, toJSON and inspect', () => {
  interface Res extends ResponseBase {
    trade_no?: string;
  }
  const op: Operation<{ out_trade_no: string }, Res> = { method: 'alipay.trade.query', validateRequest: () => [], validateResponse: () => [], errorCodes: [] };
  const NODE = 'alipay_trade_query_response';
  const app = rsaKeyPair();
  const alipay = rsaKeyPair();
  const TOKEN = '202105BB2d5a1c6f5c7e4d0fa0b3b4c5e36f8X55';
  let gw: TestGateway;
  let client: AlipayClient;
  beforeAll(async () => {
    gw = await startTestGateway();
    client = createAlipayClient({ appId: '2021000122671080', privateKey: app.privateKey, alipayPublicKey: alipay.publicKey, gateway: gw.url });
  });
  afterAll(async () => {
    await gw.close();
  });

  /** Everything a log line could show of an error. */
  function shown(error: unknown): string {
    const e = error as Error & Record<string, unknown>;
    const fields = Object.keys(e).map((k) => `${k}=${typeof e[k] === 'string' ? e[k] : JSON.stringify(e[k])}`);
    return [e.message, e.stack, ...fields, JSON.stringify(e), inspect(e), inspect(e, { showHidden: true, depth: 10 }), String(e)].join('\n');
  }

  it('an API error masks msg and sub_code as well as sub_msg and the message', async () => {
    const answer = { code: '40004', msg: `用户 ${PHONE} 不存在`, sub_code: `ACQ.USER_${PHONE}`, sub_msg: `卡号 6222 0212 3456 7890 123` };
    gw.setHandler((_req, res) => res.end(gatewayBody(NODE, answer, alipay.privateKey)));
    const error = (await invoke(client, op, { out_trade_no: '1' }).catch((e: unknown) => e)) as AlipayApiError;
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error.msg).toBe('用户 138****5678 不存在');
    const text = shown(error);
    for (const secret of ['1234', '0212 3456 7890']) expect(text).not.toContain(secret);
    // toJSON gives the masked fields by name, and never the raw answer.
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'AlipayApiError', code: '40004', msg: '用户 138****5678 不存在', signed: true, method: 'alipay.trade.query' });
    expect(json.response).toBeUndefined();
    expect(inspect(error)).toContain("msg: '用户 138****5678 不存在'");
  });

  it('the app_auth_token echoed by a bad-signature answer is masked everywhere', async () => {
    gw.setHandler((req, res) => {
      const echoed = `app_auth_token=${req.url.searchParams.get('app_auth_token')}&app_id=2021000122671080&charset=utf-8&method=alipay.trade.query`;
      res.end(JSON.stringify({ error_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: `验签出错，网关生成的验签字符串为：${echoed}` } }));
    });
    const error = await invoke(client, op, { out_trade_no: '1' }, { appAuthToken: TOKEN }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayApiError);
    expect((error as AlipayApiError).sub_msg).toContain('app_auth_token=****&');
    expect(shown(error)).not.toContain(TOKEN.slice(6));
  });

  it('every error class masks its fields; a cause is shown only as its masked message', () => {
    const cause = new Error(`connect to ${PHONE}.example failed`);
    const errors: AlipayError[] = [
      new AlipayError(`call for ${PHONE}`, `m.${PHONE}`),
      new AlipayNetworkError(`request failed for ${PHONE}`, 'alipay.trade.query', { cause }),
      new AlipayHttpError('alipay.trade.query', 502, { detail: `body mentions ${PHONE}` }),
      new AlipayValidationError('request', 'alipay.trade.query', [{ path: `phones.${PHONE}`, rule: 'format', message: `bad ${PHONE}` }]),
    ];
    for (const error of errors) {
      const text = shown(error);
      expect(text, error.name).not.toContain('12345678');
      expect(text, error.name).toContain('138****5678');
    }
    expect(JSON.parse(JSON.stringify(errors[1])).cause).toBe('Error: connect to 138****5678.example failed');
    expect(inspect(errors[1], { showHidden: true })).not.toContain('[cause]');
  });
});

/**
 * The gateway's protocol over raw HTTP (requests signed here with the runtime helpers): common
 * param checks with the real codes, the signature check and its string-to-sign, biz_content
 * validation naming the field, and answers signed over their raw text with `\/` escapes.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../generator/spec/model.js';
import { buildSignedRequest, extractResponseNode, formatTimestamp, verifyContent } from '../../templates/runtime/index.js';
import { CARD_QUERY, MEMBER_CREATE, commonParams, exampleRequest, rawCall, seedSpecs, startTestGateway, type TestGateway } from './helpers.js';

let specs: MethodSpec[];
let gateway: TestGateway;

beforeAll(async () => {
  specs = await seedSpecs();
  // A third method without INVALID_PARAMETER in its error table, to see the gateway's own 40002 codes.
  const plain: MethodSpec = { ...specs.find((s) => s.method === CARD_QUERY)!, method: 'alipay.marketing.card.plain', errors: [], examples: {} };
  gateway = await startTestGateway({ specs: [...specs, plain] });
});
afterAll(async () => {
  await gateway?.close();
});

function node(body: string, method: string): Record<string, any> {
  return JSON.parse(extractResponseNode(body, method).raw) as Record<string, any>;
}

async function call(params: Record<string, string | undefined>, signType: 'RSA2' | 'RSA' = 'RSA2') {
  return rawCall(gateway.url, gateway.keys.appPrivateKey!, params, signType);
}

describe('answers', () => {
  it('are the method node signed over its raw text, with slashes written as \\/', async () => {
    const { status, body } = await call(commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY)));
    expect(status).toBe(200);
    expect(body.startsWith('{"alipay_marketing_card_query_response":{')).toBe(true);
    expect(body).toContain('"schema_url":"alipays:\\/\\/platformapi\\/startapp?appId=20000021&b=m&p=111"');
    const found = extractResponseNode(body, CARD_QUERY);
    expect(found.isErrorResponse).toBe(false);
    const publicKey = createPublicKey(gateway.keys.gatewayPublicKeyPem);
    expect(verifyContent(found.raw, found.sign!, publicKey, 'RSA2')).toBe(true);
    // Signed over the escaped text exactly: the unescaped value does not verify.
    expect(verifyContent(found.raw.replaceAll('\\/', '/'), found.sign!, publicKey, 'RSA2')).toBe(false);
  });

  it('are signed with SHA1withRSA when the request uses sign_type RSA', async () => {
    const { body } = await call(commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY), { sign_type: 'RSA' }), 'RSA');
    const found = extractResponseNode(body, CARD_QUERY);
    expect(node(body, CARD_QUERY)['code']).toBe('10000');
    expect(verifyContent(found.raw, found.sign!, createPublicKey(gateway.keys.gatewayPublicKeyPem), 'RSA')).toBe(true);
  });

  it('a method without a response example answers with one built from its response schema', async () => {
    const request = exampleRequest(specs, CARD_QUERY);
    const { body } = await call(commonParams('alipay.marketing.card.plain', request));
    const answer = node(body, 'alipay.marketing.card.plain');
    expect(answer['code']).toBe('10000');
    expect(answer['schema_url']).toBe('alipays://platformapi/startapp?appId=20000021&b=m&p=111');
    expect(answer['card_info']['mdcode_info']['time_stamp']).toBe(1496996459);
    expect(answer['card_info']['front_text_list']).toEqual([{ label: '专业', value: '金融贸易' }]);
  });

  it('GET with every param in the query string works too', async () => {
    const params = commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY));
    const signed = buildSignedRequest(gateway.url, params, gateway.keys.appPrivateKey!, 'RSA2');
    const response = await fetch(`${signed.url}&${signed.body}`);
    expect(node(await response.text(), CARD_QUERY)['code']).toBe('10000');
  });
});

describe('common params', () => {
  const base = () => commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY));
  const cases: [what: string, change: Record<string, string | undefined>, code: string, subCode: string, errorNode: boolean][] = [
    ['no method', { method: undefined }, '40001', 'isv.missing-method', true],
    ['an unknown method', { method: 'alipay.no.such.method' }, '40002', 'isv.invalid-method', true],
    ['no app_id', { app_id: '  ' }, '40001', 'isv.missing-app-id', true],
    ['no sign_type', { sign_type: undefined }, '40001', 'isv.missing-signature-type', false],
    ['sign_type SM2', { sign_type: 'SM2' }, '40002', 'isv.invalid-signature-type', false],
    ['no timestamp', { timestamp: undefined }, '40001', 'isv.missing-timestamp', false],
    ['a timestamp in another format', { timestamp: '2024/01/01 10:00:00' }, '40002', 'isv.invalid-timestamp', false],
    ['a timestamp days away', { timestamp: formatTimestamp(new Date(Date.now() - 3 * 86_400_000)) }, '40002', 'isv.invalid-timestamp', false],
    ['no version', { version: undefined }, '40001', 'isv.missing-version', false],
    ['version 2.0', { version: '2.0' }, '40002', 'isv.invalid-version', false],
    ['charset ISO-8859-1', { charset: 'ISO-8859-1' }, '40002', 'isv.invalid-charset', false],
    ['format XML', { format: 'XML' }, '40002', 'isv.invalid-format', false],
  ];
  for (const [what, change, code, subCode, errorNode] of cases) {
    it(`${what} -> ${code} ${subCode}`, async () => {
      const { body } = await call({ ...base(), ...change }, 'RSA2');
      const found = extractResponseNode(body, change.method ?? CARD_QUERY);
      expect(found.isErrorResponse).toBe(errorNode);
      // Before the app is known the gateway cannot sign; after, every answer is signed.
      expect(found.sign === undefined).toBe(errorNode);
      const answer = JSON.parse(found.raw) as Record<string, string>;
      expect([answer['code'], answer['sub_code']]).toEqual([code, subCode]);
      expect(answer['msg']).toBe(code === '40001' ? 'Missing Required Arguments' : 'Invalid Arguments');
    });
  }

  it('accepts a timestamp in the host time of another zone (the official SDK sends local time)', async () => {
    const utcHostTime = formatTimestamp(new Date(Date.now() - 8 * 3_600_000));
    expect(node((await call({ ...base(), timestamp: utcHostTime })).body, CARD_QUERY)['code']).toBe('10000');
  });

  it('accepts what the real gateway accepts: no format, no charset, blank extra params', async () => {
    const { body } = await call({ ...base(), format: undefined, charset: undefined, app_auth_token: '', notify_url: ' ' });
    expect(node(body, CARD_QUERY)['code']).toBe('10000');
  });

  it('a missing sign -> 40001 isv.missing-signature', async () => {
    const signed = buildSignedRequest(gateway.url, base(), gateway.keys.appPrivateKey!, 'RSA2');
    const response = await fetch(signed.url.replace(/&sign=[^&]*/, ''), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: signed.body });
    expect(node(await response.text(), CARD_QUERY)['sub_code']).toBe('isv.missing-signature');
  });
});

describe('the request signature', () => {
  it('a request signed with another key gets isv.invalid-signature and the string the gateway signed', async () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const request = exampleRequest(specs, CARD_QUERY);
    const sent = await rawCall(gateway.url, otherKey, commonParams(CARD_QUERY, request));
    const answer = node(sent.body, CARD_QUERY);
    expect([answer['code'], answer['msg'], answer['sub_code']]).toEqual(['40002', 'Invalid Arguments', 'isv.invalid-signature']);
    const prefix = '验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：';
    expect(answer['sub_msg'].startsWith(prefix)).toBe(true);
    // The real gateway HTML-escapes the string it shows.
    const shown = answer['sub_msg'].slice(prefix.length).replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    expect(shown).toBe(sent.signContent);
    expect(shown).toContain('biz_content={"target_card_no":"0000001"');
    expect(extractResponseNode(sent.body, CARD_QUERY).sign).toBeTruthy();
  });

  it('a request whose params changed after signing is refused the same way', async () => {
    const signed = buildSignedRequest(gateway.url, commonParams(CARD_QUERY, exampleRequest(specs, CARD_QUERY)), gateway.keys.appPrivateKey!, 'RSA2');
    const response = await fetch(signed.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: signed.body.replace('0000001', '0000002') });
    const answer = node(await response.text(), CARD_QUERY);
    expect(answer['sub_code']).toBe('isv.invalid-signature');
    expect(answer['sub_msg']).toContain('0000002');
  });
});

describe('biz_content is checked with the generated validator', () => {
  it('a missing required field -> 40004 INVALID_PARAMETER naming the field (the method documents it)', async () => {
    const request = exampleRequest(specs, CARD_QUERY);
    delete (request['card_user_info'] as Record<string, unknown>)['user_uni_id'];
    const answer = node((await call(commonParams(CARD_QUERY, request))).body, CARD_QUERY);
    expect([answer['code'], answer['msg'], answer['sub_code']]).toEqual(['40004', 'Business Failed', 'INVALID_PARAMETER']);
    expect(answer['sub_msg']).toContain('card_user_info.user_uni_id');
  });

  it('an invalid enum value and a too long value are both named', async () => {
    const request = { ...exampleRequest(specs, MEMBER_CREATE), gmt_merber_card_create: '2017-02-17 20:11:54', member_source: 'fax', member_card_id: 'x'.repeat(129) };
    const answer = node((await call(commonParams(MEMBER_CREATE, request))).body, MEMBER_CREATE);
    expect(answer['sub_code']).toBe('INVALID_PARAMETER');
    expect(answer['sub_msg']).toContain('member_source');
    expect(answer['sub_msg']).toContain('member_card_id');
  });

  it('undocumented fields are accepted, as the real gateway ignores them', async () => {
    const request = { ...exampleRequest(specs, CARD_QUERY), some_new_field: 'x' };
    expect(node((await call(commonParams(CARD_QUERY, request))).body, CARD_QUERY)['code']).toBe('10000');
  });

  it('without INVALID_PARAMETER in the error table: 40002 isv.missing-parameter / isv.invalid-parameter', async () => {
    const method = 'alipay.marketing.card.plain';
    const missing = exampleRequest(specs, CARD_QUERY);
    delete missing['target_card_no'];
    const a = node((await call(commonParams(method, missing))).body, method);
    expect([a['code'], a['sub_code']]).toEqual(['40002', 'isv.missing-parameter']);
    expect(a['sub_msg']).toContain('target_card_no');
    const invalid = { ...exampleRequest(specs, CARD_QUERY), target_card_no: 42 };
    const b = node((await call(commonParams(method, invalid))).body, method);
    expect([b['code'], b['sub_code']]).toEqual(['40002', 'isv.invalid-parameter']);
    expect(b['sub_msg']).toContain('target_card_no');
    const c = node((await call({ ...commonParams(method, {}), biz_content: '{not json' })).body, method);
    expect(c['sub_code']).toBe('isv.invalid-parameter');
  });
});

describe('HTTP', () => {
  it('other paths are 404, other verbs 405, an unknown scenario 400', async () => {
    const origin = new URL(gateway.url).origin;
    expect((await fetch(`${origin}/other`)).status).toBe(404);
    expect((await fetch(gateway.url, { method: 'PUT', body: 'x' })).status).toBe(405);
    const bad = await fetch(gateway.url, { headers: { 'x-alipay-mock-scenario': 'explode' } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('unknown scenario "explode"');
  });
});

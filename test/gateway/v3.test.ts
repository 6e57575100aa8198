/**
 * The local gateway's v3 routes, over real HTTP on 127.0.0.1: the generated alipay.trade.query
 * called over v2 and v3 gets the same typed result; alipay-sdk's curl() passes with verification
 * on; tampered answers are rejected by both; the Authorization checks (signature, timestamp
 * window, nonce), the request validation and every fault scenario mapped to v3.
 */
import { randomUUID } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../generator/spec/model.js';
import { signV3Request } from '../../templates/runtime/index.js';
import { rsaKeyPair } from '../runtime/test-gateway.js';
import { exampleRequest, generatedPackage, seedSpecs, startTestGateway, type GeneratedPackage, type TestGateway } from './helpers.js';

const APP_ID = '2021000000000002';
const QUERY = 'alipay.trade.query';
const app = rsaKeyPair();
const alipay = rsaKeyPair();

/** A method with a GET route, a path field and a typed query field (not among the seeds). */
const CARD_SPEC: MethodSpec = {
  method: 'alipay.test.card.get',
  v3: { method: 'GET', path: '/v3/alipay/test/cards/{card_no}' },
  request: [
    { name: 'card_no', type: 'string', required: true, maxLength: 16 },
    { name: 'page', type: 'number', required: false },
  ],
  response: [{ name: 'holder', type: 'string', required: false, example: 'Li Lei' }],
  errors: [{ code: 'CARD_NOT_EXIST', description: '卡不存在' }],
};

/** A method with a required body field and the rule's route. */
const BIND_SPEC: MethodSpec = {
  method: 'alipay.test.card.bind',
  v3: { method: 'POST', path: '/v3/alipay/test/card/bind' },
  request: [
    { name: 'card_no', type: 'string', required: true },
    { name: 'holder', type: 'string', required: false },
  ],
  response: [],
  errors: [],
};

let specs: MethodSpec[];
let gateway: TestGateway;
let pkg: GeneratedPackage;
let sdk: AlipaySdk;
let origin: string;
let queryRequest: Record<string, unknown>;

function sdkConfig() {
  return {
    appId: APP_ID,
    privateKey: app.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    alipayPublicKey: alipay.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

/** A fetch that adds the gateway's per-request scenario header. */
function withScenario(scenario: string) {
  return (url: string, init: RequestInit) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-alipay-mock-scenario': scenario } });
}

function client(extra: Record<string, unknown> = {}) {
  return pkg.index.createAlipayClient({ appId: APP_ID, privateKey: app.privateKey, alipayPublicKey: alipay.publicKey, gateway: gateway.url, ...extra });
}

async function method(name: string): Promise<Record<string, any>> {
  return (await import(`${pkg.dir}/dist/methods/${name}.js`)) as Record<string, any>;
}

/** A v3 request signed with `key` (default the app key), sent as is. */
async function rawV3(httpMethod: string, pathQuery: string, body: string, options: { key?: typeof app.privateKey; nonce?: string; timestamp?: number; headers?: Record<string, string> } = {}) {
  const authorization = signV3Request(
    { appId: APP_ID, nonce: options.nonce ?? randomUUID(), timestamp: options.timestamp ?? Date.now() },
    { httpMethod, pathQuery, body },
    options.key ?? app.privateKey,
  );
  const response = await fetch(`${origin}${pathQuery}`, {
    method: httpMethod,
    headers: { authorization, 'content-type': 'application/json', ...options.headers },
    ...(httpMethod === 'GET' ? {} : { body }),
  });
  return { status: response.status, headers: response.headers, json: JSON.parse(await response.text()) as Record<string, unknown> };
}

beforeAll(async () => {
  specs = [...(await seedSpecs()), CARD_SPEC, BIND_SPEC];
  [gateway, pkg] = await Promise.all([
    startTestGateway({ specs, appPublicKey: app.publicKey, gatewayPrivateKey: alipay.privateKey, appId: APP_ID }),
    generatedPackage(specs),
  ]);
  origin = new URL(gateway.url).origin;
  sdk = new AlipaySdk({ ...sdkConfig(), endpoint: origin });
  queryRequest = exampleRequest(specs, QUERY);
});
afterAll(async () => {
  await gateway?.close();
});

describe('v3 routes of the served specs', () => {
  it('serves the route of every spec that has one', () => {
    expect(gateway.v3Routes).toEqual(
      specs.filter((s) => s.v3 !== undefined).map((s) => `${s.v3!.method} ${s.v3!.path}`).sort(),
    );
    expect(gateway.v3Routes).toContain('POST /v3/alipay/trade/query');
    expect(gateway.v3Routes).not.toContain('POST /v3/alipay/marketing/card/query');
  });

  it('alipay.trade.query through the generated function over v2 and v3: the same typed result', async () => {
    const { alipayTradeQuery, alipayTradeQueryOperation } = await method(QUERY);
    expect(alipayTradeQueryOperation.v3).toEqual({ method: 'POST', path: '/v3/alipay/trade/query' });
    const overV2 = await alipayTradeQuery(client(), queryRequest);
    const overV3 = await alipayTradeQuery(client({ protocol: 'v3' }), queryRequest);
    expect(overV3).toEqual(overV2);
    expect(overV3.code).toBe('10000');
    expect(typeof overV3.trade_no).toBe('string');
    // Through the Operation object too, with the trace id of the v3 answer.
    const result = await pkg.index.invokeResult(client(), alipayTradeQueryOperation, queryRequest, { protocol: 'v3' });
    expect(result.status).toBe('success');
    expect(result.response).toEqual(overV2);
    expect(result.traceId).toMatch(/^[0-9a-f]{24}$/);
    const lines = gateway.logLines.filter((l) => l.includes(` ${QUERY} `));
    expect(lines.some((l) => l.includes(' POST alipay.trade.query 200 '))).toBe(true);
    expect(lines.some((l) => l.includes(' POST alipay.trade.query 10000 '))).toBe(true);
  });

  it('alipay-sdk curl() passes against the same route with verification on, with the same data', async () => {
    const { alipayTradeQuery } = await method(QUERY);
    const ours = await alipayTradeQuery(client({ protocol: 'v3' }), queryRequest);
    const result = await sdk.curl('POST', '/v3/alipay/trade/query', { body: queryRequest });
    expect(result.responseHttpStatus).toBe(200);
    const { code: _code, msg: _msg, ...fields } = ours;
    expect(result.data).toEqual(fields);
    expect(result.traceId).toMatch(/^[0-9a-f]{24}$/);
  });

  it('a tampered v3 answer is rejected by both', async () => {
    const { alipayTradeQuery } = await method(QUERY);
    const ours = await alipayTradeQuery(client({ protocol: 'v3', fetch: withScenario('wrong-signature') }), queryRequest).catch((e: unknown) => e);
    expect(ours).toBeInstanceOf(pkg.index.AlipaySignatureError);
    // The SDK cannot send a header of ours: a gateway whose every answer is spoilt.
    const spoilt = await startTestGateway({ specs, appPublicKey: app.publicKey, gatewayPrivateKey: alipay.privateKey, scenario: 'wrong-signature' });
    try {
      const sdkOnSpoilt = new AlipaySdk({ ...sdkConfig(), endpoint: new URL(spoilt.url).origin });
      await expect(sdkOnSpoilt.curl('POST', '/v3/alipay/trade/query', { body: queryRequest })).rejects.toMatchObject({ code: 'response-signature-verify-error' });
    } finally {
      await spoilt.close();
    }
  });
});

describe('fault scenarios mapped to v3', () => {
  async function callWith(scenario: string): Promise<unknown> {
    const { alipayTradeQuery } = await method(QUERY);
    return alipayTradeQuery(client({ protocol: 'v3', fetch: withScenario(scenario) }), queryRequest).catch((e: unknown) => e);
  }

  it('business-error:CODE: HTTP 400 {code, message}, signed, narrowed by the generated guard', async () => {
    const { isAlipayTradeQueryError } = await method(QUERY);
    const error = (await callWith('business-error:ACQ.TRADE_NOT_EXIST')) as Record<string, unknown>;
    expect(error).toBeInstanceOf(pkg.index.AlipayV3ApiError);
    expect([error['status'], error['code'], error['msg'], error['signed']]).toEqual([400, 'ACQ.TRADE_NOT_EXIST', '查询的交易不存在', true]);
    expect(isAlipayTradeQueryError(error)).toBe(true);
    expect(error['traceId']).toMatch(/^[0-9a-f]{24}$/);
  });

  it('business-error without a code takes the first documented one but INVALID_PARAMETER, as over v2', async () => {
    expect(((await callWith('business-error')) as Record<string, unknown>)['code']).toBe('ACQ.INVALID_PARAMETER');
  });

  it('error-response: an unsigned 401, reported signed: false', async () => {
    const error = (await callWith('error-response')) as Record<string, unknown>;
    expect([error['status'], error['code'], error['signed']]).toEqual([401, 'invalid-app-id', false]);
  });

  it('missing-signature: a success without alipay-signature is refused', async () => {
    expect(await callWith('missing-signature')).toBeInstanceOf(pkg.index.AlipaySignatureError);
  });

  it('http-502, html-error, truncated', async () => {
    const bad = (await callWith('http-502')) as Record<string, unknown>;
    expect([bad['name'], bad['status']]).toEqual(['AlipayHttpError', 502]);
    // An unsigned HTML page with status 200 is not a signed answer.
    expect(await callWith('html-error')).toBeInstanceOf(pkg.index.AlipaySignatureError);
    expect(await callWith('truncated')).toBeInstanceOf(pkg.index.AlipayMalformedResponseError);
  });

  it('latency delays the answer and the client timeout applies', async () => {
    const { alipayTradeQuery } = await method(QUERY);
    const error = await alipayTradeQuery(client({ protocol: 'v3', fetch: withScenario('latency:2000'), timeoutMs: 100 }), queryRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.index.AlipayTimeoutError);
  });
});

describe('the Authorization checks', () => {
  const body = () => JSON.stringify(queryRequest);

  it('accepts a request signed with the app key', async () => {
    const answer = await rawV3('POST', '/v3/alipay/trade/query', body());
    expect(answer.status).toBe(200);
    expect(answer.headers.get('alipay-signature')).toBeTruthy();
  });

  it('refuses another key with invalid-signature and the string the gateway verified', async () => {
    const answer = await rawV3('POST', '/v3/alipay/trade/query', body(), { key: rsaKeyPair().privateKey });
    expect([answer.status, answer.json['code']]).toEqual([401, 'invalid-signature']);
    expect(answer.json['message']).toContain(`\\nPOST\\n/v3/alipay/trade/query\\n`);
  });

  it('refuses a body changed after signing', async () => {
    const authorization = signV3Request({ appId: APP_ID, nonce: randomUUID(), timestamp: Date.now() }, { httpMethod: 'POST', pathQuery: '/v3/alipay/trade/query', body: body() }, app.privateKey);
    const response = await fetch(`${origin}/v3/alipay/trade/query`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: body().replace('}', ',"x":1}') });
    expect(response.status).toBe(401);
  });

  it('refuses a replayed nonce, an old timestamp, a missing header, another app_id', async () => {
    const nonce = randomUUID();
    expect((await rawV3('POST', '/v3/alipay/trade/query', body(), { nonce })).status).toBe(200);
    const replay = await rawV3('POST', '/v3/alipay/trade/query', body(), { nonce });
    expect([replay.status, replay.json['code']]).toEqual([401, 'replayed-nonce']);
    const old = await rawV3('POST', '/v3/alipay/trade/query', body(), { timestamp: Date.now() - 10 * 60 * 1000 });
    expect([old.status, old.json['code']]).toEqual([401, 'invalid-timestamp']);
    const none = await fetch(`${origin}/v3/alipay/trade/query`, { method: 'POST', body: body() });
    expect([none.status, ((await none.json()) as Record<string, unknown>)['code']]).toEqual([401, 'invalid-authorization']);
    const other = pkg.index.createAlipayClient({ appId: '2021000000000009', privateKey: app.privateKey, alipayPublicKey: alipay.publicKey, gateway: gateway.url, protocol: 'v3' });
    const { alipayTradeQuery } = await method(QUERY);
    const error = (await alipayTradeQuery(other, queryRequest).catch((e: unknown) => e)) as Record<string, unknown>;
    expect([error['status'], error['code'], error['signed']]).toEqual([401, 'invalid-app-id', true]);
  });
});

describe('requests checked with the generated validators', () => {
  it('a request missing a required field is refused with missing-parameter, naming it', async () => {
    const answer = await rawV3('POST', '/v3/alipay/test/card/bind', '{"holder":"Li"}');
    expect([answer.status, answer.json['code']]).toEqual([400, 'missing-parameter']);
    expect(String(answer.json['message'])).toContain('card_no');
    expect((await rawV3('POST', '/v3/alipay/test/card/bind', '{"card_no":"1"}')).status).toBe(200);
  });

  it('a body that is not a JSON object is refused', async () => {
    const answer = await rawV3('POST', '/v3/alipay/trade/query', '[1]');
    expect([answer.status, answer.json['code']]).toEqual([400, 'invalid-parameter']);
  });

  it('path and query fields: the generated function of a GET route with a path field', async () => {
    const { alipayTestCardGet, alipayTestCardGetOperation } = await method('alipay.test.card.get');
    expect(alipayTestCardGetOperation.v3).toEqual({ method: 'GET', path: '/v3/alipay/test/cards/{card_no}' });
    const result = await alipayTestCardGet(client({ protocol: 'v3' }), { card_no: 'A 1/2', page: 3 });
    expect(result).toEqual({ code: '10000', msg: 'Success', holder: 'Li Lei' });
    // The query's number is read as a number: a text there is refused by the validator.
    const typed = await rawV3('GET', '/v3/alipay/test/cards/A1?page=x', '');
    expect([typed.status, typed.json['code']]).toEqual([400, 'invalid-parameter']);
    const tooLong = await rawV3('GET', `/v3/alipay/test/cards/${'9'.repeat(17)}`, '');
    expect(String(tooLong.json['message'])).toContain('card_no');
  });

  it('unknown routes are 404, another HTTP method 405', async () => {
    const missing = await rawV3('POST', '/v3/alipay/marketing/card/query', '{}');
    expect([missing.status, missing.json['code']]).toEqual([404, 'not-found']);
    const wrong = await rawV3('GET', '/v3/alipay/trade/query', '');
    expect([wrong.status, wrong.json['code'], wrong.headers.get('allow')]).toEqual([405, 'method-not-allowed', 'POST']);
  });
});

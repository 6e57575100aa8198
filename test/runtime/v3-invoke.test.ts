/**
 * Calls over v3 end to end: our client (real fetch) against a server on 127.0.0.1 that checks the
 * Authorization header and signs its answers as Alipay does. Success, every failure kind, the
 * v2-only fallbacks, path and query fields, and what observers see.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import {
  AlipayApiError,
  AlipayConfigError,
  AlipayHttpError,
  AlipayMalformedResponseError,
  AlipaySignatureError,
  AlipayV3ApiError,
  AlipayValidationError,
  createAlipayClient,
  invoke,
  invokeResult,
  isApiErrorOf,
  parseV3Authorization,
  signV3Answer,
  verifyV3Request,
  type AlipayClientConfig,
  type Operation,
  type RequestEvent,
  type ResponseBase,
  type Validator,
} from '../../templates/runtime/index.js';
import { gatewayBody, rsaKeyPair, startTestGateway, type ReceivedRequest, type TestGateway } from './test-gateway.js';

interface QueryRequest {
  out_trade_no: string;
  query_options?: string[];
}
interface QueryResponse extends ResponseBase {
  trade_no?: string;
  out_trade_no?: string;
}
type QueryCode = 'ACQ.TRADE_NOT_EXIST';

const validateQueryRequest: Validator = (value) =>
  typeof (value as Record<string, unknown>).out_trade_no === 'string' ? [] : [{ path: 'out_trade_no', rule: 'required', message: 'required' }];
const validateQueryResponse: Validator = (value) =>
  typeof (value as Record<string, unknown>).trade_no === 'string' ? [] : [{ path: 'trade_no', rule: 'required', message: 'required' }];

const queryOp: Operation<QueryRequest, QueryResponse, QueryCode> = {
  method: 'alipay.trade.query',
  validateRequest: validateQueryRequest,
  validateResponse: validateQueryResponse,
  errorCodes: ['ACQ.TRADE_NOT_EXIST'],
  v3: { method: 'POST', path: '/v3/alipay/trade/query' },
};
/** The same method without a route: always v2. */
const v2OnlyOp: Operation<QueryRequest, QueryResponse, QueryCode> = { ...queryOp, method: 'alipay.trade.page.pay', v3: undefined };
/** A route with a path field and a query field. */
const detailOp: Operation<{ card_id: string; page: number; note?: string }, ResponseBase & { name?: string }> = {
  method: 'alipay.test.card.detail',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
  v3: { method: 'POST', path: '/v3/alipay/test/cards/{card_id}/detail', query: ['page'] },
};
const listOp: Operation<{ kind: string; page?: number }, ResponseBase> = {
  method: 'alipay.test.list',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
  v3: { method: 'GET', path: '/v3/alipay/test/list' },
};

const APP_ID = '2021000000000001';
const app = rsaKeyPair();
const alipay = rsaKeyPair();
let server: TestGateway;

function config(extra: Partial<AlipayClientConfig> = {}): AlipayClientConfig {
  return { appId: APP_ID, privateKey: app.privateKey, alipayPublicKey: alipay.publicKey, gateway: server.url, protocol: 'v3', ...extra } as AlipayClientConfig;
}

interface Reply {
  status?: number;
  body: string;
  /** Sign another text than the body sent (a tampered answer). */
  signed?: string | false;
  headers?: Record<string, string>;
}

/** Answers with `reply`, signed over alipay-timestamp\nalipay-nonce\nbody\n unless told otherwise. */
function answer(res: ServerResponse, reply: Reply): void {
  const timestamp = '1717756911576';
  const nonce = 'c0ffee00';
  const signing = reply.signed === false ? {} : {
    'alipay-timestamp': timestamp,
    'alipay-nonce': nonce,
    'alipay-signature': signV3Answer(timestamp, nonce, reply.signed ?? reply.body, alipay.privateKey),
  };
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'alipay-trace-id': '0bca7b2917176900', ...signing, ...reply.headers });
  res.end(reply.body);
}

/** The request's signature checked as the gateway checks it. */
function verified(req: ReceivedRequest): boolean {
  const auth = parseV3Authorization(req.headers.authorization);
  if (auth === undefined) return false;
  const token = req.headers['alipay-app-auth-token'] as string | undefined;
  return verifyV3Request(auth, { httpMethod: req.method, pathQuery: `${req.url.pathname}${req.url.search}`, body: req.body, appAuthToken: token }, app.publicKey);
}

const SUCCESS_BODY = '{"trade_no":"2013112011001004330000121536","out_trade_no":"6823789339978248"}';

beforeAll(async () => {
  server = await startTestGateway();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.setHandler((_req, res) => answer(res, { body: SUCCESS_BODY }));
});

describe('a client with protocol v3', () => {
  it('calls the route with a signed JSON body and resolves the typed response (code 10000 added)', async () => {
    const client = createAlipayClient(config());
    const result = await invokeResult(client, queryOp, { out_trade_no: '6823789339978248', query_options: ['fund_bill_list'] });
    expect(result).toEqual({ status: 'success', response: { code: '10000', msg: 'Success', trade_no: '2013112011001004330000121536', out_trade_no: '6823789339978248' }, traceId: '0bca7b2917176900' });
    expectTypeOf(result.response).toMatchTypeOf<QueryResponse | Partial<QueryResponse>>();
    const req = server.requests[0]!;
    expect([req.method, req.url.pathname, req.url.search]).toEqual(['POST', '/v3/alipay/trade/query', '']);
    expect(JSON.parse(req.body)).toEqual({ out_trade_no: '6823789339978248', query_options: ['fund_bill_list'] });
    expect(req.headers['content-type']).toBe('application/json');
    expect(verified(req)).toBe(true);
    expect(parseV3Authorization(req.headers.authorization)!.fields['app_id']).toBe(APP_ID);
  });

  it('sends app_auth_token as the alipay-app-auth-token header, signed', async () => {
    const client = createAlipayClient(config());
    await invoke(client, queryOp, { out_trade_no: '1' }, { appAuthToken: '202401BB0123456789abcdef' });
    const req = server.requests[0]!;
    expect(req.headers['alipay-app-auth-token']).toBe('202401BB0123456789abcdef');
    expect(verified(req)).toBe(true);
    // Without the token in the signed string, the signature does not verify.
    const auth = parseV3Authorization(req.headers.authorization)!;
    expect(verifyV3Request(auth, { httpMethod: 'POST', pathQuery: '/v3/alipay/trade/query', body: req.body }, app.publicKey)).toBe(false);
  });

  it('nonce and timestamp are fresh per call, timestamp in epoch ms', async () => {
    const client = createAlipayClient(config());
    const before = Date.now();
    await invoke(client, queryOp, { out_trade_no: '1' });
    await invoke(client, queryOp, { out_trade_no: '1' });
    const [a, b] = server.requests.map((r) => parseV3Authorization(r.headers.authorization)!.fields);
    expect(a!['nonce']).not.toBe(b!['nonce']);
    expect(Number(a!['timestamp'])).toBeGreaterThanOrEqual(before);
    expect(Number(b!['timestamp'])).toBeLessThanOrEqual(Date.now());
  });

  it('puts path fields in the path (encoded), query fields in the query, the rest in the body', async () => {
    const client = createAlipayClient(config());
    await invoke(client, detailOp, { card_id: 'a/b c', page: 2, note: '中文' });
    const req = server.requests[0]!;
    expect(`${req.url.pathname}${req.url.search}`).toBe('/v3/alipay/test/cards/a%2Fb%20c/detail?page=2');
    expect(JSON.parse(req.body)).toEqual({ note: '中文' });
    expect(verified(req)).toBe(true);
  });

  it('a GET route sends every field in the query and no body', async () => {
    server.setHandler((_req, res) => answer(res, { body: '{}' }));
    const client = createAlipayClient(config());
    await invoke(client, listOp, { kind: 'trade', page: 1 });
    const req = server.requests[0]!;
    expect([req.method, `${req.url.pathname}${req.url.search}`, req.body]).toEqual(['GET', '/v3/alipay/test/list?kind=trade&page=1', '']);
    expect(req.headers['content-type']).toBeUndefined();
    expect(verified(req)).toBe(true);
  });

  it.each([[''], ['.'], ['..']])('refuses the path value %j before sending', async (cardId) => {
    const client = createAlipayClient(config());
    const error = await invoke(client, detailOp, { card_id: cardId, page: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayValidationError);
    expect((error as AlipayValidationError).issues.map((i) => [i.path, i.rule])).toEqual([['card_id', 'format']]);
    expect(server.requests).toHaveLength(0);
  });

  it('validates the request first: an invalid one is never signed nor sent', async () => {
    const client = createAlipayClient(config());
    await expect(invoke(client, queryOp, {} as QueryRequest)).rejects.toBeInstanceOf(AlipayValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it('runs the response validator when asked', async () => {
    server.setHandler((_req, res) => answer(res, { body: '{"out_trade_no":"1"}' }));
    const client = createAlipayClient(config({ validateResponse: true }));
    const error = await invoke(client, queryOp, { out_trade_no: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayValidationError);
    expect((error as AlipayValidationError).target).toBe('response');
  });
});

describe('v3 answer verification (on by default, the v2 policy)', () => {
  it('a tampered answer is an AlipaySignatureError', async () => {
    server.setHandler((_req, res) => answer(res, { body: SUCCESS_BODY.replace('121536', '121537'), signed: SUCCESS_BODY }));
    await expect(invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' })).rejects.toBeInstanceOf(AlipaySignatureError);
  });

  it('an unsigned success is an AlipaySignatureError', async () => {
    server.setHandler((_req, res) => answer(res, { body: SUCCESS_BODY, signed: false }));
    const error = await invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipaySignatureError);
    expect((error as AlipaySignatureError).traceId).toBe('0bca7b2917176900');
  });

  it('a signature without alipay-nonce is an AlipaySignatureError', async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { 'alipay-signature': signV3Answer('1', 'n', SUCCESS_BODY, alipay.privateKey), 'alipay-timestamp': '1' });
      res.end(SUCCESS_BODY);
    });
    await expect(invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' })).rejects.toBeInstanceOf(AlipaySignatureError);
  });

  it('an answer signed with another key is an AlipaySignatureError; verifyResponseSign: false takes it', async () => {
    const other = rsaKeyPair();
    server.setHandler((_req, res) => {
      res.writeHead(200, { 'alipay-timestamp': '1', 'alipay-nonce': 'n', 'alipay-signature': signV3Answer('1', 'n', SUCCESS_BODY, other.privateKey) });
      res.end(SUCCESS_BODY);
    });
    await expect(invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' })).rejects.toBeInstanceOf(AlipaySignatureError);
    const unverified = createAlipayClient({ appId: APP_ID, privateKey: app.privateKey, gateway: server.url, protocol: 'v3', verifyResponseSign: false });
    await expect(invoke(unverified, queryOp, { out_trade_no: '1' })).resolves.toMatchObject({ trade_no: '2013112011001004330000121536' });
  });

  it('a success body that is not a JSON object is malformed', async () => {
    server.setHandler((_req, res) => answer(res, { body: '[1,2]' }));
    await expect(invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' })).rejects.toBeInstanceOf(AlipayMalformedResponseError);
  });
});

describe('v3 failures', () => {
  const errorBody = JSON.stringify({ code: 'ACQ.TRADE_NOT_EXIST', message: '交易不存在', links: [{ link: 'https://opendocs.alipay.com/open-v3/054fcv', desc: '错误码说明' }] });

  it('HTTP 400 {code, message, links}, signed: an AlipayApiError with code, message, links, trace id, signed', async () => {
    server.setHandler((_req, res) => answer(res, { status: 400, body: errorBody }));
    const error = await invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toBeInstanceOf(AlipayV3ApiError);
    const e = error as AlipayV3ApiError<QueryCode>;
    expect([e.code, e.msg, e.sub_code, e.sub_msg, e.status, e.signed, e.traceId]).toEqual(['ACQ.TRADE_NOT_EXIST', '交易不存在', 'ACQ.TRADE_NOT_EXIST', '交易不存在', 400, true, '0bca7b2917176900']);
    expect(e.links).toEqual([{ link: 'https://opendocs.alipay.com/open-v3/054fcv', desc: '错误码说明' }]);
    expect(e.message).toBe('alipay.trade.query: HTTP 400 ACQ.TRADE_NOT_EXIST 交易不存在');
    expect(isApiErrorOf(queryOp, e)).toBe(true);
    expect(e.response['message']).toBe('交易不存在');
    expect(JSON.stringify(e)).not.toContain('"response"');
    expect(inspect(e)).toContain('links');
  });

  it('an unsigned 401 is an AlipayApiError with signed: false; one with a bad signature an AlipaySignatureError', async () => {
    const body = JSON.stringify({ code: 'invalid-auth-token', message: '无效的授权令牌' });
    server.setHandler((_req, res) => answer(res, { status: 401, body, signed: false }));
    const error = (await invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e)) as AlipayV3ApiError;
    expect([error.code, error.status, error.signed]).toEqual(['invalid-auth-token', 401, false]);
    expect(error.message).toContain('[unsigned answer]');
    expect(isApiErrorOf(queryOp, error)).toBe(false);
    server.setHandler((_req, res) => answer(res, { status: 401, body, signed: `${body} ` }));
    await expect(invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' })).rejects.toBeInstanceOf(AlipaySignatureError);
  });

  it('masks personal data in v3 error fields', async () => {
    server.setHandler((_req, res) => answer(res, { status: 400, body: JSON.stringify({ code: 'user-not-match', message: '手机号13812345678不匹配', links: [{ link: 'x', desc: '卡号6222020200112345678' }] }) }));
    const error = (await invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e)) as AlipayV3ApiError;
    expect(JSON.stringify(error)).not.toMatch(/13812345678|6222020200112345678/);
    expect(inspect(error, { showHidden: true })).not.toMatch(/13812345678|6222020200112345678/);
  });

  it('a 502 HTML page is an AlipayHttpError with the start of the body', async () => {
    server.setHandler((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
    });
    const error = (await invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e)) as AlipayHttpError;
    expect(error).toBeInstanceOf(AlipayHttpError);
    expect([error.status, error.body]).toEqual([502, '<html><body>502 Bad Gateway</body></html>']);
  });

  it('a redirect is refused, never followed', async () => {
    server.setHandler((_req, res) => {
      res.writeHead(307, { location: 'http://127.0.0.1:1/steal' });
      res.end();
    });
    const error = (await invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e)) as AlipayHttpError;
    expect([error.constructor, error.status]).toEqual([AlipayHttpError, 307]);
    expect(server.requests).toHaveLength(1);
  });
});

describe('choosing the protocol', () => {
  it('per call: protocol v2 on a v3 client goes to gateway.do; v3 on a v2 client to the route', async () => {
    server.setHandler((req, res) => {
      if (req.url.pathname === '/gateway.do') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(gatewayBody('alipay_trade_query_response', { code: '10000', msg: 'Success', trade_no: '2013112011001004330000121536', out_trade_no: '6823789339978248' }, alipay.privateKey));
      } else answer(res, { body: SUCCESS_BODY });
    });
    const v3 = createAlipayClient(config());
    const v2 = createAlipayClient(config({ protocol: undefined }));
    const overV2 = await invoke(v3, queryOp, { out_trade_no: '1' }, { protocol: 'v2' });
    const overV3 = await invoke(v2, queryOp, { out_trade_no: '1' }, { protocol: 'v3' });
    expect(server.requests.map((r) => r.url.pathname)).toEqual(['/gateway.do', '/v3/alipay/trade/query']);
    // The same typed result either way.
    expect(overV3).toEqual(overV2);
    expect(v2.protocol).toBe('v2');
  });

  it('a method without a v3 route stays on v2, even when v3 is asked for', async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(gatewayBody('alipay_trade_page_pay_response', { code: '10000', msg: 'Success', trade_no: '1' }, alipay.privateKey));
    });
    await invoke(createAlipayClient(config()), v2OnlyOp, { out_trade_no: '1' }, { protocol: 'v3' });
    expect(server.requests[0]!.url.pathname).toBe('/gateway.do');
  });

  it('refuses v2-only per-call options over v3 instead of dropping them', async () => {
    const error = await invoke(createAlipayClient(config()), queryOp, { out_trade_no: '1' }, { notifyUrl: 'https://example.com/n' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayConfigError);
    expect((error as Error).message).toContain('notifyUrl');
    expect(server.requests).toHaveLength(0);
  });

  it('the endpoint is the gateway origin unless given; protocol and endpoint are checked', () => {
    expect(createAlipayClient(config()).endpoint).toBe(new URL(server.url).origin);
    expect(createAlipayClient(config({ gateway: undefined })).endpoint).toBe('https://openapi.alipay.com');
    expect(createAlipayClient(config({ endpoint: 'https://example.com/base/' })).endpoint).toBe('https://example.com/base');
    expect(() => createAlipayClient(config({ protocol: 'v4' as 'v3' }))).toThrow(AlipayConfigError);
    expect(() => createAlipayClient(config({ endpoint: 'ftp://x' }))).toThrow(AlipayConfigError);
    expect(() => createAlipayClient(config({ endpoint: 'https://x/?a=1' }))).toThrow(AlipayConfigError);
    expect(() => createAlipayClient(config({ endpoint: 'not a url' }))).toThrow(AlipayConfigError);
  });

  it('observers see the masked call: path, body, no sign, token masked', async () => {
    const events: RequestEvent[] = [];
    const client = createAlipayClient(config({ onRequest: (e) => events.push(e) }));
    await invoke(client, queryOp, { out_trade_no: '1' }, { appAuthToken: '202401BB0123456789abcdef' });
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect([e.method, e.gateway, e.params['path'], e.params['http_method']]).toEqual(['alipay.trade.query', `${new URL(server.url).origin}/v3/alipay/trade/query`, '/v3/alipay/trade/query', 'POST']);
    expect(JSON.stringify(e)).not.toContain('202401BB0123456789abcdef');
    expect(JSON.stringify(e)).not.toContain('sign=');
  });
});

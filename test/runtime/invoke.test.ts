/** invoke() end to end over a real HTTP server on 127.0.0.1 with the real global fetch. */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createServer } from 'node:net';
import { verify as rsaVerify } from 'node:crypto';
import { inspect } from 'node:util';
import {
  AlipayApiError,
  AlipayConfigError,
  AlipayError,
  AlipayHttpError,
  AlipayMalformedResponseError,
  AlipayNetworkError,
  AlipaySignatureError,
  AlipayTimeoutError,
  AlipayValidationError,
  createAlipayClient,
  invoke,
  isApiErrorOf,
  isDateTime,
  type AlipayClient,
  type AlipayClientConfig,
  type Operation,
  type ResponseBase,
  type ValidationIssue,
  type Validator,
} from '../../templates/runtime/index.js';
import { gatewayBody, rsaKeyPair, startTestGateway, type ReceivedRequest, type TestGateway } from './test-gateway.js';

interface QueryRequest {
  out_trade_no: string;
  buyer_phone?: string;
}
interface QueryResponse extends ResponseBase {
  trade_no?: string;
  out_trade_no?: string;
  total_amount?: string;
}
type QueryCode = 'ACQ.TRADE_NOT_EXIST' | 'ACQ.SYSTEM_ERROR';

// Hand-written stand-ins for generated validators (same contract: every problem, with its path).
const validateQueryRequest: Validator = (value) => {
  const issues: ValidationIssue[] = [];
  const v = value as Record<string, unknown>;
  if (typeof v.out_trade_no !== 'string') issues.push({ path: 'out_trade_no', rule: 'required', message: 'required' });
  else if (v.out_trade_no.length > 64) issues.push({ path: 'out_trade_no', rule: 'maxLength', message: 'longer than 64' });
  return issues;
};
const validateQueryResponse: Validator = (value) => {
  const v = value as Record<string, unknown>;
  return typeof v.trade_no === 'string' ? [] : [{ path: 'trade_no', rule: 'required', message: 'required' }];
};

const queryOp: Operation<QueryRequest, QueryResponse, QueryCode> = {
  method: 'alipay.trade.query',
  validateRequest: validateQueryRequest,
  validateResponse: validateQueryResponse,
  errorCodes: ['ACQ.TRADE_NOT_EXIST', 'ACQ.SYSTEM_ERROR'],
};
const closeOp: Operation<QueryRequest, QueryResponse, 'ACQ.TRADE_STATUS_ERROR'> = {
  ...queryOp,
  method: 'alipay.trade.close',
  errorCodes: ['ACQ.TRADE_STATUS_ERROR'],
};
const NODE = 'alipay_trade_query_response';
const SUCCESS = { code: '10000', msg: 'Success', trade_no: '2013112011001004330000121536', out_trade_no: '6823789339978248', total_amount: '88.88', qr_code: 'https://qr.alipay.com/bax08431' };

const app = rsaKeyPair();
const alipay = rsaKeyPair();
const other = rsaKeyPair();
const appPem = app.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string;
/** A slice of the PEM body: if it shows up anywhere, the key leaked. */
const keyFragments = appPem.split('\n').slice(2, 6);

let gw: TestGateway;
let client: AlipayClient;

function makeClient(extra: Partial<AlipayClientConfig> = {}): AlipayClient {
  return createAlipayClient({
    appId: '2021000122671080',
    privateKey: appPem,
    alipayPublicKey: alipay.publicKey.export({ format: 'pem', type: 'spki' }) as string,
    gateway: gw.url,
    timeoutMs: 3000,
    ...extra,
  } as AlipayClientConfig);
}

/** Independent rebuild of the v1 string to sign from what the server received. */
function receivedSignContent(req: ReceivedRequest): { content: string; sign: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  for (const [k, v] of req.url.searchParams) params.set(k, v);
  for (const [k, v] of new URLSearchParams(req.body)) params.set(k, v);
  const content = [...params.keys()]
    .filter((k) => k !== 'sign' && params.get(k)!.trim() !== '')
    .sort()
    .map((k) => `${k}=${params.get(k)}`)
    .join('&');
  return { content, sign: params.get('sign') ?? '', params };
}

function answer(body: string, status = 200): (req: ReceivedRequest, res: import('node:http').ServerResponse) => void {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html;charset=utf-8' });
    res.end(body);
  };
}

const caught: unknown[] = [];
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    caught.push(error);
    return error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  gw = await startTestGateway();
  client = makeClient();
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  gw.requests.length = 0;
});

describe('invoke: success', () => {
  it('sends a correctly split, correctly signed request and returns the verified node', async () => {
    gw.setHandler(answer(gatewayBody(NODE, SUCCESS, alipay.privateKey)));
    const result = await invoke(client, queryOp, { out_trade_no: '6823789339978248' }, { notifyUrl: 'https://example.com/notify', appAuthToken: '' });
    expectTypeOf(result).toEqualTypeOf<QueryResponse>();
    expect(result).toEqual(SUCCESS);

    expect(gw.requests).toHaveLength(1);
    const req = gw.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/gateway.do');
    expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const query = Object.fromEntries(req.url.searchParams);
    expect(Object.keys(query).sort()).toEqual(['app_id', 'charset', 'format', 'method', 'notify_url', 'sign', 'sign_type', 'timestamp', 'version']);
    expect(query).toMatchObject({ app_id: '2021000122671080', method: 'alipay.trade.query', format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', version: '1.0', notify_url: 'https://example.com/notify' });
    expect(isDateTime(query.timestamp!)).toBe(true);
    const body = [...new URLSearchParams(req.body)];
    expect(body).toEqual([['biz_content', '{"out_trade_no":"6823789339978248"}']]);

    const { content, sign } = receivedSignContent(req);
    expect(content).toContain('biz_content={"out_trade_no":"6823789339978248"}');
    expect(rsaVerify('sha256', Buffer.from(content), app.publicKey, Buffer.from(sign, 'base64'))).toBe(true);
  });

  it('signs and verifies with SHA1 when signType is RSA', async () => {
    const rsaClient = makeClient({ signType: 'RSA' });
    gw.setHandler(answer(gatewayBody(NODE, SUCCESS, alipay.privateKey, 'RSA')));
    expect(await invoke(rsaClient, queryOp, { out_trade_no: '1' }, { appAuthToken: '201509BBeff9351ad1874306903e96b91d248A36' })).toEqual(SUCCESS);
    const req = gw.requests[0]!;
    expect(req.url.searchParams.get('sign_type')).toBe('RSA');
    expect(req.url.searchParams.get('app_auth_token')).toBe('201509BBeff9351ad1874306903e96b91d248A36');
    const { content, sign } = receivedSignContent(req);
    expect(rsaVerify('sha1', Buffer.from(content), app.publicKey, Buffer.from(sign, 'base64'))).toBe(true);
    // A SHA1 signature must not pass for RSA2.
    gw.setHandler(answer(gatewayBody(NODE, SUCCESS, alipay.privateKey, 'RSA')));
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipaySignatureError);
  });

  it('sends unicode, slashes and & = in biz_content intact', async () => {
    gw.setHandler(answer(gatewayBody(NODE, SUCCESS, alipay.privateKey)));
    const request = { out_trade_no: 'a&b=c/d+e%f 中文😀' };
    await invoke(client, queryOp, request);
    const { params, content, sign } = receivedSignContent(gw.requests[0]!);
    expect(params.get('biz_content')).toBe(JSON.stringify(request));
    expect(rsaVerify('sha256', Buffer.from(content), app.publicKey, Buffer.from(sign, 'base64'))).toBe(true);
  });

  it('accepts an unsigned success only when verification is turned off by name', async () => {
    gw.setHandler(answer(gatewayBody(NODE, SUCCESS, undefined)));
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipaySignatureError);
    const unverified = createAlipayClient({ appId: '2021000122671080', privateKey: appPem, gateway: gw.url, verifyResponseSign: false });
    expect(await invoke(unverified, queryOp, { out_trade_no: '1' })).toEqual(SUCCESS);
  });
});

describe('invoke: errors', () => {
  it('a business error is an AlipayApiError with wire-named fields, narrowed by isApiErrorOf', async () => {
    const node = { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' };
    gw.setHandler(answer(gatewayBody(NODE, node, alipay.privateKey)));
    const error = await failure(invoke(client, queryOp, { out_trade_no: '1' }));
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toBeInstanceOf(AlipayError);
    const e = error as AlipayApiError;
    expect([e.code, e.msg, e.sub_code, e.sub_msg, e.method]).toEqual(['40004', 'Business Failed', 'ACQ.TRADE_NOT_EXIST', '交易不存在', 'alipay.trade.query']);
    expect(e.response).toEqual(node);
    expect(e.message).toBe('alipay.trade.query: 40004 Business Failed ACQ.TRADE_NOT_EXIST (交易不存在)');
    expect(isApiErrorOf(closeOp, error)).toBe(false);
    if (!isApiErrorOf(queryOp, error)) throw new Error('expected narrowing to succeed');
    expectTypeOf(error.sub_code).toEqualTypeOf<QueryCode>();
    expect(error.sub_code).toBe('ACQ.TRADE_NOT_EXIST');
  });

  it('an undocumented sub_code is an AlipayApiError that does not narrow', async () => {
    gw.setHandler(answer(gatewayBody(NODE, { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: 'x' }, alipay.privateKey)));
    const error = await failure(invoke(client, queryOp, { out_trade_no: '1' }));
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(isApiErrorOf(queryOp, error)).toBe(false);
    expect(isApiErrorOf(queryOp, new Error('x'))).toBe(false);
  });

  it('an unsigned error_response is an API error, a wrongly signed one a signature error', async () => {
    const node = { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-app-id', sub_msg: '无效的AppID参数' };
    gw.setHandler(answer(gatewayBody('error_response', node, undefined)));
    const error = await failure(invoke(client, queryOp, { out_trade_no: '1' }));
    expect(error).toBeInstanceOf(AlipayApiError);
    expect((error as AlipayApiError).sub_code).toBe('isv.invalid-app-id');
    gw.setHandler(answer(gatewayBody('error_response', node, other.privateKey)));
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipaySignatureError);
    gw.setHandler(answer(gatewayBody('error_response', node, alipay.privateKey)));
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipayApiError);
  });

  it('an error_response never yields a success', async () => {
    gw.setHandler(answer(gatewayBody('error_response', SUCCESS, undefined)));
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipayMalformedResponseError);
  });

  it('a wrong, foreign, tampered or missing sign is an AlipaySignatureError', async () => {
    const good = gatewayBody(NODE, SUCCESS, alipay.privateKey);
    const bodies = [
      gatewayBody(NODE, SUCCESS, other.privateKey),
      good.replace('88.88', '99.99'),
      good.replace(/"sign":"[^"]*"/, '"sign":"bm90IGEgc2lnbmF0dXJl"'),
      good.replace(/"sign":"[^"]*"/, '"sign":""'),
      gatewayBody(NODE, SUCCESS, undefined),
      // A failure may come unsigned, but not with a sign that fails; pending must be signed like success.
      gatewayBody(NODE, { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST' }, other.privateKey),
      gatewayBody(NODE, { code: '10003', msg: 'order success pay inprocess', trade_no: '2013112011001004330000121536' }, undefined),
    ];
    for (const body of bodies) {
      gw.setHandler(answer(body));
      const error = await failure(invoke(client, queryOp, { out_trade_no: '1' }));
      expect(error, body).toBeInstanceOf(AlipaySignatureError);
    }
  });

  it('a body with two response nodes is rejected even if one is signed', async () => {
    const signed = gatewayBody(NODE, SUCCESS, alipay.privateKey);
    gw.setHandler(answer(signed.replace('{', `{"${NODE}":{"code":"10000","msg":"Success","total_amount":"0.01"},`)));
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipayMalformedResponseError);
  });

  it('HTTP 502 is an AlipayHttpError', async () => {
    gw.setHandler(answer('<html>Bad Gateway</html>', 502));
    const error = await failure(invoke(client, queryOp, { out_trade_no: '1' }));
    expect(error).toBeInstanceOf(AlipayHttpError);
    expect((error as AlipayHttpError).status).toBe(502);
  });

  it('an HTML page with status 200 is an AlipayMalformedResponseError', async () => {
    gw.setHandler(answer('<!DOCTYPE html><html><body>系统繁忙</body></html>'));
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipayMalformedResponseError);
  });

  it('a truncated body is an AlipayMalformedResponseError, framed or cut mid-stream', async () => {
    const body = gatewayBody(NODE, SUCCESS, alipay.privateKey);
    gw.setHandler(answer(body.slice(0, body.length - 30)));
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipayMalformedResponseError);
    gw.setHandler((_req, res) => {
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(body)) });
      res.write(body.slice(0, 40));
      setTimeout(() => res.destroy(), 20);
    });
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipayMalformedResponseError);
  });

  it('no answer within timeoutMs is an AlipayTimeoutError, also when the body stalls', async () => {
    gw.setHandler(() => undefined);
    const started = Date.now();
    const error = await failure(invoke(client, queryOp, { out_trade_no: '1' }, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(AlipayTimeoutError);
    expect((error as AlipayTimeoutError).timeoutMs).toBe(150);
    expect(Date.now() - started).toBeLessThan(2000);
    gw.setHandler((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"alipay_trade_query_response":');
    });
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }, { timeoutMs: 150 }))).toBeInstanceOf(AlipayTimeoutError);
  });

  it('an aborted call rejects with the abort reason', async () => {
    gw.setHandler(() => undefined);
    const controller = new AbortController();
    const reason = new Error('user gave up');
    setTimeout(() => controller.abort(reason), 50);
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }, { signal: controller.signal }))).toBe(reason);
    expect(await failure(invoke(client, queryOp, { out_trade_no: '1' }, { signal: AbortSignal.abort(reason) }))).toBe(reason);
  });

  it('connection refused is an AlipayNetworkError', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as import('node:net').AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const refused = makeClient({ gateway: `http://127.0.0.1:${port}/gateway.do` });
    const error = await failure(invoke(refused, queryOp, { out_trade_no: '1' }));
    expect(error).toBeInstanceOf(AlipayNetworkError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('an invalid request is an AlipayValidationError and never reaches the network', async () => {
    gw.setHandler(answer(gatewayBody(NODE, SUCCESS, alipay.privateKey)));
    const error = await failure(invoke(client, queryOp, { out_trade_no: 'x'.repeat(65) }));
    expect(error).toBeInstanceOf(AlipayValidationError);
    const e = error as AlipayValidationError;
    expect(e.target).toBe('request');
    expect(e.issues).toEqual([{ path: 'out_trade_no', rule: 'maxLength', message: 'longer than 64' }]);
    expect(await failure(invoke(client, queryOp, {} as QueryRequest))).toBeInstanceOf(AlipayValidationError);
    expect(gw.requests).toHaveLength(0);
  });

  it('response validation runs when asked, per call or per client', async () => {
    const { trade_no: _omitted, ...withoutTradeNo } = SUCCESS;
    gw.setHandler(answer(gatewayBody(NODE, withoutTradeNo, alipay.privateKey)));
    expect(await invoke(client, queryOp, { out_trade_no: '1' })).toEqual(withoutTradeNo);
    const error = await failure(invoke(client, queryOp, { out_trade_no: '1' }, { validateResponse: true }));
    expect(error).toBeInstanceOf(AlipayValidationError);
    expect((error as AlipayValidationError).target).toBe('response');
    expect(await failure(invoke(makeClient({ validateResponse: true }), queryOp, { out_trade_no: '1' }))).toBeInstanceOf(AlipayValidationError);
    expect(await invoke(makeClient({ validateResponse: true }), queryOp, { out_trade_no: '1' }, { validateResponse: false })).toEqual(withoutTradeNo);
  });
});

describe('invoke: personal data and secrets', () => {
  it('masks phone, cert and bank card numbers in API error messages', async () => {
    const subMsg = '手机号13812345678与身份证11010519491231002X不匹配, 银行卡6222021234567890123';
    gw.setHandler(answer(gatewayBody(NODE, { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.SYSTEM_ERROR', sub_msg: subMsg }, alipay.privateKey)));
    const error = (await failure(invoke(client, queryOp, { out_trade_no: '1' }))) as AlipayApiError;
    const shown = [error.message, error.stack ?? '', error.sub_msg ?? '', JSON.stringify(error), inspect(error)].join('\n');
    for (const secret of ['13812345678', '11010519491231002X', '6222021234567890123', '12345678', '0519491231', '2123456789']) {
      expect(shown).not.toContain(secret);
    }
    expect(error.message).toContain('138****5678');
    // The unmasked answer stays reachable for code that needs it.
    expect(error.response.sub_msg).toBe(subMsg);
  });

  it('no error nor the client shows the private key', async () => {
    expect(caught.length).toBeGreaterThan(15);
    const bad = [appPem.replace(/[A-Z]/g, 'A'), appPem.slice(0, 900)];
    for (const privateKey of bad) {
      try {
        createAlipayClient({ appId: '1', privateKey, alipayPublicKey: alipay.publicKey });
        throw new Error('expected a config error');
      } catch (error) {
        expect(error).toBeInstanceOf(AlipayConfigError);
        caught.push(error);
      }
    }
    const texts = caught.map((e) => {
      const err = e as Error;
      return [err.message, err.stack, JSON.stringify(err), inspect(err, { depth: 10, showHidden: true })].join('\n');
    });
    texts.push(inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client));
    for (const text of texts) for (const fragment of keyFragments) expect(text).not.toContain(fragment);
  });

  it('rejects configs that would silently skip verification or cannot work', () => {
    const base = { appId: '2021000122671080', privateKey: appPem, gateway: 'http://127.0.0.1:1/gateway.do' };
    // @ts-expect-error: no public key without verifyResponseSign: false
    expect(() => createAlipayClient(base)).toThrow(/alipayPublicKey is required/);
    expect(() => createAlipayClient({ ...base, alipayPublicKey: appPem })).toThrow(AlipayConfigError);
    expect(() => createAlipayClient({ ...base, alipayPublicKey: alipay.publicKey, gateway: 'not a url' })).toThrow(/gateway/);
    expect(() => createAlipayClient({ ...base, alipayPublicKey: alipay.publicKey, appId: '' })).toThrow(/appId/);
    expect(() => createAlipayClient({ ...base, alipayPublicKey: alipay.publicKey, privateKey: alipay.publicKey })).toThrow(/private key/);
    expect(createAlipayClient({ ...base, alipayPublicKey: alipay.publicKey }).verifyResponseSign).toBe(true);
  });
});

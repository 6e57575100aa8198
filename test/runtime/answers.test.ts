/**
 * Answers the real gateway gives on the payment path (issue 10), over 127.0.0.1 with both
 * transports: unsigned failures inside the method's own node, 10003 (业务处理中) as a typed pending
 * result, and the gateway's trace id on results and errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import {
  AlipayApiError,
  AlipayHttpError,
  AlipayMalformedResponseError,
  AlipaySignatureError,
  createAlipayClient,
  createNodeTransport,
  invoke,
  invokeResult,
  type AlipayClient,
  type AlipayClientConfig,
  type CallResult,
  type FetchLike,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { gatewayBody, rsaKeyPair, startTestGateway, type TestGateway } from './test-gateway.js';

interface PayRequest {
  out_trade_no: string;
  auth_code: string;
}
interface PayResponse extends ResponseBase {
  trade_no: string;
  out_trade_no: string;
  total_amount: string;
}
const payOp: Operation<PayRequest, PayResponse, 'ACQ.TRADE_HAS_SUCCESS'> = {
  method: 'alipay.trade.pay',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: ['ACQ.TRADE_HAS_SUCCESS'],
};
const NODE = 'alipay_trade_pay_response';
const REQUEST: PayRequest = { out_trade_no: '20150320010101001', auth_code: '28763443825664394' };
const TRACE = '0b1f2e3d17178528012345678e0d45';
const PENDING = { code: '10003', msg: ' order success pay inprocess', trade_no: '2013112011001004330000121536', out_trade_no: REQUEST.out_trade_no };
const SUCCESS = { ...PENDING, code: '10000', msg: 'Success', total_amount: '88.88' };
const INVALID_APP_ID = { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-app-id', sub_msg: '无效的AppID参数' };

const app = rsaKeyPair();
const alipay = rsaKeyPair();
const other = rsaKeyPair();
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  gw.setHandler((_req, res) => res.end('{}'));
});

function respond(body: string, status = 200, headers: Record<string, string> = { trace_id: TRACE }): void {
  gw.setHandler((_req, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'text/html;charset=utf-8', ...headers });
    res.end(body);
  });
}

const transports: [string, () => FetchLike | undefined][] = [
  ['global fetch', () => undefined],
  ['node transport', () => createNodeTransport()],
];

describe.each(transports)('gateway answers, %s', (_name, transport) => {
  function makeClient(extra: Partial<AlipayClientConfig> = {}): AlipayClient {
    const fetch = transport();
    return createAlipayClient({
      appId: '2021000122671080',
      privateKey: app.privateKey,
      alipayPublicKey: alipay.publicKey,
      gateway: gw.url,
      ...(fetch === undefined ? {} : { fetch }),
      ...extra,
    } as AlipayClientConfig);
  }
  async function failure(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to fail');
  }

  it('an unsigned failure inside the method node is an AlipayApiError with its codes, marked unsigned', async () => {
    respond(gatewayBody(NODE, INVALID_APP_ID, undefined));
    for (const call of [invoke, invokeResult]) {
      const error = await failure(call(makeClient(), payOp, REQUEST));
      expect(error).toBeInstanceOf(AlipayApiError);
      expect(error).toMatchObject({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-app-id', sub_msg: '无效的AppID参数', signed: false });
      expect((error as Error).message).toMatch(/unsigned answer/);
    }
  });

  it('the same failure signed is signed: true; an unsigned error_response is signed: false', async () => {
    respond(gatewayBody(NODE, INVALID_APP_ID, alipay.privateKey));
    expect(await failure(invoke(makeClient(), payOp, REQUEST))).toMatchObject({ sub_code: 'isv.invalid-app-id', signed: true });
    respond(gatewayBody('error_response', INVALID_APP_ID, undefined));
    expect(await failure(invoke(makeClient(), payOp, REQUEST))).toMatchObject({ sub_code: 'isv.invalid-app-id', signed: false });
  });

  it('an unsigned or wrongly signed success or pending answer is never trusted', async () => {
    for (const node of [SUCCESS, PENDING]) {
      for (const key of [undefined, other.privateKey]) {
        respond(gatewayBody(NODE, node, key));
        expect(await failure(invokeResult(makeClient(), payOp, REQUEST))).toBeInstanceOf(AlipaySignatureError);
      }
      // An error_response cannot carry a success nor a pending payment, signed or not.
      respond(gatewayBody('error_response', node, alipay.privateKey));
      expect(await failure(invokeResult(makeClient(), payOp, REQUEST))).toBeInstanceOf(AlipayMalformedResponseError);
    }
  });

  it('10003 resolves as a typed pending result with trade_no, 10000 as a success', async () => {
    respond(gatewayBody(NODE, PENDING, alipay.privateKey));
    const pending = await invokeResult(makeClient(), payOp, REQUEST);
    expectTypeOf(pending).toEqualTypeOf<CallResult<PayResponse>>();
    expect(pending.status).toBe('pending');
    if (pending.status === 'pending') {
      expectTypeOf(pending.response.code).toEqualTypeOf<'10003'>();
      expectTypeOf(pending.response.trade_no).toEqualTypeOf<string | undefined>();
      expect(pending.response.trade_no).toBe('2013112011001004330000121536');
    }
    expect(pending.traceId).toBe(TRACE);

    respond(gatewayBody(NODE, SUCCESS, alipay.privateKey));
    const success = await invokeResult(makeClient(), payOp, REQUEST);
    expect(success).toEqual({ status: 'success', response: SUCCESS, traceId: TRACE });
    if (success.status === 'success') expectTypeOf(success.response).toEqualTypeOf<PayResponse>();
  });

  it('invoke (the current generated code) rejects 10003 as an API error that keeps trade_no', async () => {
    respond(gatewayBody(NODE, PENDING, alipay.privateKey));
    const error = (await failure(invoke(makeClient(), payOp, REQUEST))) as AlipayApiError;
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error.code).toBe('10003');
    expect(error.response.trade_no).toBe(PENDING.trade_no);
    expect(error.traceId).toBe(TRACE);
  });

  it('the trace id is on results and on every error that came with an answer', async () => {
    const cases: [string, number, new (...args: never[]) => Error][] = [
      [gatewayBody(NODE, { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_HAS_SUCCESS' }, alipay.privateKey), 200, AlipayApiError],
      [gatewayBody(NODE, SUCCESS, other.privateKey), 200, AlipaySignatureError],
      ['<html>busy</html>', 200, AlipayMalformedResponseError],
      ['{"alipay_trade_pay_response":{"code":"10000"', 200, AlipayMalformedResponseError],
      ['Service Unavailable', 503, AlipayHttpError],
    ];
    for (const [body, status, errorClass] of cases) {
      respond(body, status);
      const error = await failure(invokeResult(makeClient(), payOp, REQUEST));
      expect(error, body).toBeInstanceOf(errorClass);
      expect((error as { traceId?: string }).traceId, body).toBe(TRACE);
      expect(JSON.parse(JSON.stringify(error)).traceId).toBe(TRACE);
    }
    // The v3-style header name is read too; no header, no trace id.
    respond(gatewayBody(NODE, SUCCESS, alipay.privateKey), 200, { 'alipay-trace-id': 'v3trace' });
    expect((await invokeResult(makeClient(), payOp, REQUEST)).traceId).toBe('v3trace');
    // No header, or one that is not id-shaped (it could carry anything): no trace id.
    for (const headers of [{}, { trace_id: '138 1234 5678' }] as Record<string, string>[]) {
      respond(gatewayBody(NODE, SUCCESS, alipay.privateKey), 200, headers);
      expect((await invokeResult(makeClient(), payOp, REQUEST)).traceId).toBeUndefined();
    }
  });

  it('with verification turned off, a failure is reported with signed: false', async () => {
    respond(gatewayBody(NODE, INVALID_APP_ID, alipay.privateKey));
    const error = await failure(invoke(makeClient({ alipayPublicKey: undefined, verifyResponseSign: false }), payOp, REQUEST));
    expect(error).toMatchObject({ code: '40002', signed: false });
  });
});

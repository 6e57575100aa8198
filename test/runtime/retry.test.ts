/**
 * Opt-in retries against a real server on 127.0.0.1 that fails N times: only retryable failures
 * (network, timeout, HTTP 5xx, 20000 / isp.* system errors), only query methods or calls naming
 * their idempotency key; the same signed request is resent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ServerResponse } from 'node:http';
import {
  AlipayApiError,
  AlipayConfigError,
  AlipayHttpError,
  AlipayNetworkError,
  backoffDelay,
  createAlipayClient,
  invokeResult,
  retryPolicy,
  type AlipayClient,
  type AlipayClientConfig,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { gatewayBody, rsaKeyPair, startTestGateway, type TestGateway } from './test-gateway.js';

interface Req {
  out_trade_no?: string;
  total_amount?: string;
}
const op = (method: string): Operation<Req, ResponseBase> => ({ method, validateRequest: () => [], validateResponse: () => [], errorCodes: [] });
const queryOp = op('alipay.trade.query');
const payOp = op('alipay.trade.pay');
const nodeOf = (method: string): string => `${method.replaceAll('.', '_')}_response`;

const app = rsaKeyPair();
const alipay = rsaKeyPair();
let gw: TestGateway;
let client: AlipayClient;

type Failure = (res: ServerResponse, method: string) => void;
const dropConnection: Failure = (res) => res.socket?.destroy();
const http502: Failure = (res) => {
  res.writeHead(502, { 'content-type': 'text/html' });
  res.end('<html>502 Bad Gateway</html>');
};
const systemError: Failure = (res, method) =>
  res.end(gatewayBody(nodeOf(method), { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' }, alipay.privateKey));
const businessError: Failure = (res, method) =>
  res.end(gatewayBody(nodeOf(method), { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' }, alipay.privateKey));

/** The server fails the first `times` requests with `failure`, then answers success. */
function failTimes(times: number, failure: Failure): void {
  let seen = 0;
  gw.setHandler((req, res) => {
    const method = req.url.searchParams.get('method')!;
    if (seen++ < times) return failure(res, method);
    res.end(gatewayBody(nodeOf(method), { code: '10000', msg: 'Success' }, alipay.privateKey));
  });
}

function makeClient(extra: Partial<AlipayClientConfig> = {}): AlipayClient {
  return createAlipayClient({
    appId: '2021000122671080',
    privateKey: app.privateKey,
    alipayPublicKey: alipay.publicKey,
    gateway: gw.url,
    retry: { attempts: 4, backoffMs: 1 },
    ...extra,
  } as AlipayClientConfig);
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

describe('retries of a query method', () => {
  for (const [name, failure] of [['dropped connections', dropConnection], ['HTTP 502', http502], ['isp.unknow-error', systemError]] as const) {
    it(`succeed after 3 ${name}, resending the same signed request`, async () => {
      failTimes(3, failure);
      const result = await invokeResult(client, queryOp, { out_trade_no: '20150320010101001' });
      expect(result.status).toBe('success');
      expect(gw.requests).toHaveLength(4);
      expect(new Set(gw.requests.map((r) => `${r.url.search}|${r.body}`)).size).toBe(1);
    });
  }

  it('give up after `attempts` with the last failure', async () => {
    failTimes(10, http502);
    await expect(invokeResult(client, queryOp, { out_trade_no: '1' })).rejects.toThrow(AlipayHttpError);
    expect(gw.requests).toHaveLength(4);
    failTimes(10, dropConnection);
    await expect(invokeResult(client, queryOp, { out_trade_no: '1' })).rejects.toThrow(AlipayNetworkError);
    expect(gw.requests).toHaveLength(8);
  });

  it('never retry a business error, and not at all when the call says retry: false', async () => {
    failTimes(1, businessError);
    await expect(invokeResult(client, queryOp, { out_trade_no: '1' })).rejects.toThrow(AlipayApiError);
    expect(gw.requests).toHaveLength(1);
    failTimes(1, http502);
    await expect(invokeResult(client, queryOp, { out_trade_no: '1' }, { retry: false })).rejects.toThrow(AlipayHttpError);
    expect(gw.requests).toHaveLength(2);
  });

  it('are off unless configured', async () => {
    failTimes(1, http502);
    await expect(invokeResult(makeClient({ retry: undefined }), queryOp, { out_trade_no: '1' })).rejects.toThrow(AlipayHttpError);
    expect(gw.requests).toHaveLength(1);
    failTimes(1, http502);
    expect((await invokeResult(makeClient({ retry: undefined }), queryOp, { out_trade_no: '1' }, { retry: { attempts: 2, backoffMs: 0 } })).status).toBe('success');
  });
});

describe('a method that moves money', () => {
  it('is not retried, even with a client retry policy', async () => {
    failTimes(1, dropConnection);
    await expect(invokeResult(client, payOp, { out_trade_no: '20150320010101001', total_amount: '88.88' })).rejects.toThrow(AlipayNetworkError);
    expect(gw.requests).toHaveLength(1);
  });

  it('is retried when the call names its idempotency key, which must be set', async () => {
    failTimes(2, systemError);
    const result = await invokeResult(client, payOp, { out_trade_no: '20150320010101001', total_amount: '88.88' }, { idempotencyKey: 'out_trade_no' });
    expect(result.status).toBe('success');
    expect(gw.requests).toHaveLength(3);
    const error = await invokeResult(client, payOp, { total_amount: '88.88' }, { idempotencyKey: 'out_request_no' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayConfigError);
    expect((error as Error).message).toMatch(/idempotencyKey names out_request_no, which the request does not set/);
    expect(gw.requests).toHaveLength(3);
  });
});

describe('the policy', () => {
  it('rejects bad options', () => {
    for (const bad of [{ attempts: 0 }, { attempts: 11 }, { attempts: 1.5 }, { attempts: 2, backoffMs: -1 }, { attempts: 2, maxBackoffMs: 1e9 }]) {
      expect(() => retryPolicy(bad, 'retry')).toThrow(AlipayConfigError);
      expect(() => makeClient({ retry: bad })).toThrow(/^retry/);
    }
  });

  it('backs off exponentially, capped, with the upper half jittered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 1, max: 9 }), fc.double({ min: 0, max: 1, maxExcluded: true }), (base, max, retry, r) => {
        const policy = { attempts: 10, backoffMs: base, maxBackoffMs: max };
        const ceiling = Math.min(max, base * 2 ** (retry - 1));
        const delay = backoffDelay(policy, retry, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(Math.ceil(ceiling));
      }),
    );
  });

  it('a caller abort during the backoff rejects with its reason', async () => {
    failTimes(10, http502);
    const controller = new AbortController();
    const slow = makeClient({ retry: { attempts: 3, backoffMs: 60_000, maxBackoffMs: 60_000 } });
    const pending = invokeResult(slow, queryOp, { out_trade_no: '1' }, { signal: controller.signal });
    await new Promise<void>((resolve) => {
      const poll = (): void => (gw.requests.length > 0 ? resolve() : void setTimeout(poll, 5));
      poll();
    });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(gw.requests).toHaveLength(1);
  });
});

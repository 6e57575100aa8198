/**
 * The runtime against a hostile server on 127.0.0.1 (issue 14), with both transports (global fetch
 * and the node:http transport): redirects are never followed, answers are bounded while they
 * stream, never-ending answers end in a typed error, and timeouts are validated.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AlipayConfigError,
  AlipayHttpError,
  AlipayResponseTooLargeError,
  AlipayTimeoutError,
  createAlipayClient,
  createNodeTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  invoke,
  type AlipayClient,
  type AlipayClientConfig,
  type FetchLike,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { startHostileServer, type HostileServer } from './hostile-server.js';
import { gatewayBody, rsaKeyPair } from './test-gateway.js';

const op: Operation<{ out_trade_no: string }, ResponseBase & { trade_no?: string }> = {
  method: 'alipay.trade.query',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
};
const NODE = 'alipay_trade_query_response';
const app = rsaKeyPair();
const alipay = rsaKeyPair();
const SIGNED_SUCCESS = gatewayBody(NODE, { code: '10000', msg: 'Success', trade_no: '2013112011001004330000121536' }, alipay.privateKey);

let main: HostileServer;
let other: HostileServer;

beforeAll(async () => {
  [main, other] = await Promise.all([startHostileServer(), startHostileServer()]);
  main.landing = SIGNED_SUCCESS;
  other.landing = SIGNED_SUCCESS;
});
afterAll(async () => {
  await Promise.all([main.close(), other.close()]);
});
beforeEach(() => {
  main.hits.length = 0;
  other.hits.length = 0;
});

const transports: [string, () => FetchLike | undefined][] = [
  ['global fetch', () => undefined],
  ['node transport', () => createNodeTransport()],
];

function makeClient(path: string, transport: FetchLike | undefined, extra: Partial<AlipayClientConfig> = {}): AlipayClient {
  return createAlipayClient({
    appId: '2021000122671080',
    privateKey: app.privateKey,
    alipayPublicKey: alipay.publicKey,
    gateway: `${main.origin}${path}`,
    timeoutMs: 5000,
    ...(transport === undefined ? {} : { fetch: transport }),
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

/** Runs `call` while sampling RSS every few ms; returns how far RSS rose above where it started. */
async function rssRise(call: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  try {
    await call();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - start;
}

const MB = 1024 * 1024;

describe.each(transports)('hostile server, %s', (_name, transport) => {
  it.each([301, 302, 303, 307, 308])('a %i redirect is refused, to another origin or the same one, and nothing is re-sent', async (status) => {
    for (const target of [other.origin, main.origin]) {
      const client = makeClient(`/redirect/${status}/${encodeURIComponent(target)}`, transport());
      const error = await failure(invoke(client, op, { out_trade_no: '1' }));
      expect(error).toBeInstanceOf(AlipayHttpError);
      expect((error as AlipayHttpError).status).toBe(status);
      expect((error as AlipayHttpError).message).toMatch(/redirect refused/);
    }
    // Only the two redirecting requests arrived: no landing hit on either server.
    expect(main.hits.map((h) => h.path)).toEqual([`/redirect/${status}/${encodeURIComponent(other.origin)}`, `/redirect/${status}/${encodeURIComponent(main.origin)}`]);
    expect(other.hits).toEqual([]);
  });

  it.each([50, 200])('a %i MB answer stops at maxResponseBytes, with RSS bounded and the server cut off', async (mb) => {
    const client = makeClient(`/huge/${mb}`, transport());
    let error: unknown;
    const rise = await rssRise(async () => {
      error = await failure(invoke(client, op, { out_trade_no: '1' }));
    });
    expect(error).toBeInstanceOf(AlipayResponseTooLargeError);
    expect((error as AlipayResponseTooLargeError).maxResponseBytes).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    expect(main.streamed.finished).toBe(false);
    expect(main.streamed.bytes).toBeLessThan(mb * MB);
    // A sanity bound, not a measurement: buffering the body would add at least its size.
    expect(rise).toBeLessThan(120 * MB);
  });

  it('a declared Content-Length above the limit fails before the body is read', async () => {
    const client = makeClient('/huge-declared/600', transport());
    const rise = await rssRise(async () => {
      await expect(invoke(client, op, { out_trade_no: '1' })).rejects.toBeInstanceOf(AlipayResponseTooLargeError);
    });
    expect(main.streamed.finished).toBe(false);
    expect(rise).toBeLessThan(120 * MB);
  });

  it('the limit is the client option: an answer of exactly maxResponseBytes passes, one byte less fails', async () => {
    main.landing = SIGNED_SUCCESS;
    const size = Buffer.byteLength(SIGNED_SUCCESS);
    const ok = await invoke(makeClient('/landing', transport(), { maxResponseBytes: size }), op, { out_trade_no: '1' });
    expect(ok.trade_no).toBe('2013112011001004330000121536');
    const error = await failure(invoke(makeClient('/landing', transport(), { maxResponseBytes: size - 1 }), op, { out_trade_no: '1' }));
    expect(error).toBeInstanceOf(AlipayResponseTooLargeError);
    expect((error as Error).message).toContain(String(size - 1));
  });

  it('a body that never ends is cut at the size limit, one that trickles for ever at the timeout', async () => {
    await expect(invoke(makeClient('/endless', transport()), op, { out_trade_no: '1' })).rejects.toBeInstanceOf(AlipayResponseTooLargeError);
    expect(main.streamed.finished).toBe(false);
    const error = await failure(invoke(makeClient('/trickle', transport(), { timeoutMs: 300 }), op, { out_trade_no: '1' }));
    expect(error).toBeInstanceOf(AlipayTimeoutError);
    expect((error as AlipayTimeoutError).timeoutMs).toBe(300);
  });

  it('a server that never answers is an AlipayTimeoutError', async () => {
    await expect(invoke(makeClient('/silent', transport(), { timeoutMs: 200 }), op, { out_trade_no: '1' })).rejects.toBeInstanceOf(AlipayTimeoutError);
  });
});

describe('timeoutMs and maxResponseBytes are validated', () => {
  const bad = [Number.POSITIVE_INFINITY, Number.NaN, 0, -1, 2 ** 31, 2 ** 40, 1.5, '1000' as unknown as number];

  it.each(bad)('client timeoutMs %s is a config error at creation', (timeoutMs) => {
    expect(() => makeClient('/landing', undefined, { timeoutMs })).toThrow(AlipayConfigError);
    expect(() => makeClient('/landing', undefined, { timeoutMs })).toThrow(/timeoutMs must be an integer number of milliseconds from 1 to 2\^31 - 1/);
  });

  it.each(bad)('per-call timeoutMs %s is a config error, and nothing is sent', async (timeoutMs) => {
    const error = await failure(invoke(makeClient('/landing', undefined), op, { out_trade_no: '1' }, { timeoutMs }));
    expect(error).toBeInstanceOf(AlipayConfigError);
    expect((error as Error).message).toMatch(/options\.timeoutMs must be/);
    expect(main.hits).toEqual([]);
  });

  it('the largest valid timeout works (the call does not time out at once)', async () => {
    const client = makeClient('/landing', undefined, { timeoutMs: 2 ** 31 - 1 });
    expect((await invoke(client, op, { out_trade_no: '1' })).code).toBe('10000');
    expect((await invoke(makeClient('/landing', undefined), op, { out_trade_no: '1' }, { timeoutMs: 2 ** 31 - 1 })).code).toBe('10000');
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('maxResponseBytes %s is a config error', (maxResponseBytes) => {
    expect(() => makeClient('/landing', undefined, { maxResponseBytes })).toThrow(/maxResponseBytes must be a positive integer/);
  });
});

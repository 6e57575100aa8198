/**
 * The node:http keep-alive transport (the default), used as the client's `fetch` against the local
 * gateway over real sockets: same results and same error classes as with global fetch, in both of
 * its forms (the fetch-shaped one a caller may wrap, and the direct one the runtime uses itself).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AlipayApiError,
  AlipayHttpError,
  AlipayMalformedResponseError,
  AlipayNetworkError,
  AlipaySignatureError,
  AlipayTimeoutError,
  createAlipayClient,
  invoke,
  type AlipayClient,
  type Operation,
} from '../../templates/runtime/index.js';
import { createNodeTransport, DIRECT, directOf, type Direct } from '../../templates/runtime/node-transport.js';
import type { FetchLike } from '../../templates/runtime/client.js';
import { SCENARIO_HEADER } from '../../generator/gateway/index.js';
import { CARD_QUERY, exampleRequest, seedSpecs, startTestGateway, type TestGateway } from '../gateway/helpers.js';

let gateway: TestGateway;
let request: Record<string, unknown>;
const op: Operation<unknown, { code: string; schema_url: string }> = {
  method: CARD_QUERY,
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
};

beforeAll(async () => {
  const specs = await seedSpecs();
  request = exampleRequest(specs, CARD_QUERY);
  gateway = await startTestGateway({ specs });
});
afterAll(async () => {
  await gateway?.close();
});

type Form = 'fetch-shaped' | 'direct';

/** The transport with the mock-scenario header added, keeping its direct form or dropping it (a wrapper a caller might write). */
function withScenario(form: Form, scenario: string): FetchLike {
  const transport = createNodeTransport();
  const shaped: FetchLike = (url, init) => transport(url, { ...init, headers: { ...(init.headers as Record<string, string>), [SCENARIO_HEADER]: scenario } });
  if (form === 'fetch-shaped') return shaped;
  const direct: Direct = (url, call) => directOf(transport)!(url, { ...call, headers: { ...call.headers, [SCENARIO_HEADER]: scenario } });
  return Object.assign(shaped, { [DIRECT]: direct });
}

function client(scenario?: string, timeoutMs?: number, form: Form = 'direct'): AlipayClient {
  return createAlipayClient({
    appId: '2021000000000001',
    privateKey: gateway.keys.appPrivateKey!,
    alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
    gateway: gateway.url,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    fetch: scenario === undefined ? createNodeTransport() : withScenario(form, scenario),
  });
}

/** A server answering every request with an unsigned error_response, recording what arrived. */
async function recordingServer(host = '127.0.0.1'): Promise<{ origin: string; seen: { url: string; host: string | undefined }[]; close(): Promise<void> }> {
  const seen: { url: string; host: string | undefined }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', host: req.headers.host });
    req.resume();
    req.on('end', () => res.end('{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"x"}}'));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function unsignedClient(gatewayUrl: string): AlipayClient {
  return createAlipayClient({ appId: '1', privateKey: gateway.keys.appPrivateKey!, verifyResponseSign: false, gateway: gatewayUrl, fetch: createNodeTransport() });
}

describe('createNodeTransport', () => {
  it('carries a call end to end: signed request accepted, answer verified', async () => {
    const result = await invoke(client(), op, request);
    expect(result.code).toBe('10000');
    expect(result.schema_url).toBe('alipays://platformapi/startapp?appId=20000021&b=m&p=111');
  });

  describe.each(['direct', 'fetch-shaped'] as const)('%s form', (form) => {
    it.each([
      ['business-error:CARD_NOT_EXIT', AlipayApiError],
      ['http-502', AlipayHttpError],
      ['html-error', AlipayMalformedResponseError],
      ['truncated', AlipayMalformedResponseError],
      ['wrong-signature', AlipaySignatureError],
    ] as const)('%s gives %s, as with fetch', async (scenario, errorClass) => {
      await expect(invoke(client(scenario, undefined, form), op, request)).rejects.toBeInstanceOf(errorClass);
    });

    it('times out with AlipayTimeoutError, and a caller abort rejects with its reason (also one aborted before the call)', async () => {
      await expect(invoke(client('latency:500', 80, form), op, request)).rejects.toBeInstanceOf(AlipayTimeoutError);
      const controller = new AbortController();
      const reason = new Error('stop');
      setTimeout(() => controller.abort(reason), 50);
      await expect(invoke(client('latency:500', undefined, form), op, request, { signal: controller.signal })).rejects.toBe(reason);
      await expect(invoke(client('latency:500', undefined, form), op, request, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    });

    it('an HTTP failure keeps the start of its body on the error', async () => {
      const error = await invoke(client('http-502', undefined, form), op, request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AlipayHttpError);
      expect((error as AlipayHttpError).status).toBe(502);
      expect((error as AlipayHttpError).message).toMatch(/502/);
    });
  });

  it('the runtime uses the direct form of its own transport, and only of it', () => {
    expect(directOf(createNodeTransport())).toBeTypeOf('function');
    expect(directOf(globalThis.fetch)).toBeUndefined();
    expect(directOf((url, init) => createNodeTransport()(url, init))).toBeUndefined();
  });

  it('sends to the gateway path with its own query kept, the Host header the URL names, over IPv6 too', async () => {
    const v4 = await recordingServer('127.0.0.1');
    const v6 = await recordingServer('::1');
    try {
      for (const server of [v4, v6]) {
        const c = unsignedClient(`${server.origin}/gateway.do?tenant=7`);
        for (let i = 0; i < 2; i++) await expect(invoke(c, op, request)).rejects.toBeInstanceOf(AlipayApiError);
        expect(server.seen).toHaveLength(2);
        for (const seen of server.seen) {
          expect(seen.url).toMatch(/^\/gateway\.do\?tenant=7&/);
          expect(new URLSearchParams(seen.url.slice(seen.url.indexOf('?'))).get('method')).toBe(CARD_QUERY);
          expect(seen.host).toBe(new URL(server.origin).host);
        }
      }
    } finally {
      await Promise.all([v4.close(), v6.close()]);
    }
  });

  it('a gateway query node:http would refuse as it is (a space, non-ASCII) is sent percent-encoded', async () => {
    const server = await recordingServer();
    try {
      await expect(invoke(unsignedClient(`${server.origin}/gateway.do?note=a b&city=杭州`), op, request)).rejects.toBeInstanceOf(AlipayApiError);
      expect(server.seen[0]!.url).toMatch(/^\/gateway\.do\?note=a%20b&city=%E6%9D%AD%E5%B7%9E&/);
    } finally {
      await server.close();
    }
  });

  it('a refused connection is an AlipayNetworkError', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const c = createAlipayClient({ appId: '1', privateKey: gateway.keys.appPrivateKey!, verifyResponseSign: false, gateway: `http://127.0.0.1:${port}/gateway.do`, fetch: createNodeTransport() });
    await expect(invoke(c, op, request)).rejects.toBeInstanceOf(AlipayNetworkError);
  });

  it('keeps connections alive: sequential calls share one socket, with Content-Length set', async () => {
    let connections = 0;
    const lengths: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      lengths.push(req.headers['content-length']);
      req.resume();
      req.on('end', () => res.end('{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"x"}}'));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const c = createAlipayClient({ appId: '1', privateKey: gateway.keys.appPrivateKey!, verifyResponseSign: false, gateway: `http://127.0.0.1:${port}/gateway.do`, fetch: createNodeTransport() });
      for (let i = 0; i < 3; i++) await expect(invoke(c, op, request)).rejects.toBeInstanceOf(AlipayApiError);
      expect(connections).toBe(1);
      expect(lengths.every((l) => l !== undefined && Number(l) > 100)).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses a body it cannot send', async () => {
    await expect(createNodeTransport()(gateway.url, { method: 'POST', body: new URLSearchParams('a=b') })).rejects.toThrow(TypeError);
  });

  it('streams a Blob (with its length) and a ReadableStream (chunked) byte for byte', async () => {
    const seen: { length: string | undefined; chunked: boolean; body: Buffer }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ length: req.headers['content-length'], chunked: req.headers['transfer-encoding'] === 'chunked', body: Buffer.concat(chunks) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
      const send = createNodeTransport();
      await (await send(url, { method: 'POST', body: new Blob([bytes.subarray(0, 10), bytes.subarray(10)]) })).text();
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.subarray(0, 100_000));
          c.enqueue(bytes.subarray(100_000));
          c.close();
        },
      });
      await (await send(url, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)).text();
      expect(seen.map((s) => [s.length, s.chunked])).toEqual([[String(bytes.length), false], [undefined, true]]);
      for (const s of seen) expect(s.body.equals(bytes)).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

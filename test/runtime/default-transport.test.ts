/**
 * Clients created without `fetch` call through the runtime's shared keep-alive node:http
 * transport, not the global fetch; `fetch: globalThis.fetch` still selects the global one. Real
 * calls to the local gateway on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlipayClient, invoke, type Operation } from '../../templates/runtime/index.js';
import { defaultTransport } from '../../templates/runtime/node-transport.js';
import { CARD_QUERY, exampleRequest, seedSpecs, startTestGateway, type TestGateway } from '../gateway/helpers.js';

let gateway: TestGateway;
let request: Record<string, unknown>;
const op: Operation<unknown, { code: string }> = { method: CARD_QUERY, validateRequest: () => [], validateResponse: () => [], errorCodes: [] };

beforeAll(async () => {
  const specs = await seedSpecs();
  request = exampleRequest(specs, CARD_QUERY);
  gateway = await startTestGateway({ specs });
});
afterAll(async () => {
  await gateway?.close();
});

function config() {
  return { appId: '2021000000000001', privateKey: gateway.keys.appPrivateKey!, alipayPublicKey: gateway.keys.gatewayPublicKeyPem, gateway: gateway.url };
}

describe('default transport', () => {
  it('is the node:http transport: calls succeed while the global fetch is unusable', async () => {
    const original = globalThis.fetch;
    let globalCalls = 0;
    globalThis.fetch = (() => {
      globalCalls++;
      return Promise.reject(new Error('global fetch must not be used'));
    }) as typeof fetch;
    try {
      const client = createAlipayClient(config());
      expect((await invoke(client, op, request)).code).toBe('10000');
      expect((await invoke(client, op, request)).code).toBe('10000');
      expect(globalCalls).toBe(0);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('is one transport shared by every client (one socket pool)', () => {
    expect(defaultTransport()).toBe(defaultTransport());
  });

  it('`fetch: globalThis.fetch` selects the global fetch', async () => {
    const original = globalThis.fetch;
    let globalCalls = 0;
    globalThis.fetch = ((input: string, init: RequestInit) => {
      globalCalls++;
      return original(input, init);
    }) as typeof fetch;
    try {
      const client = createAlipayClient({ ...config(), fetch: globalThis.fetch });
      expect((await invoke(client, op, request)).code).toBe('10000');
      expect(globalCalls).toBe(1);
    } finally {
      globalThis.fetch = original;
    }
  });
});

/**
 * Top-level params (Operation.params) over a real HTTP server on 127.0.0.1: they leave the request
 * object, travel as signed form params in the body, and biz_content is sent only when fields remain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyObject } from 'node:crypto';
import {
  buildSignContent,
  createAlipayClient,
  invoke,
  verifyContent,
  type AlipayClient,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { splitRequest } from '../../templates/runtime/invoke.js';
import { gatewayBody, rsaKeyPair, startTestGateway, type ReceivedRequest, type TestGateway } from './test-gateway.js';

interface TokenRequest {
  grant_type: 'authorization_code' | 'refresh_token';
  code?: string;
  refresh_token?: string;
  /** A biz_content field beside the params, to show both kinds travel together. */
  scene?: string;
  /** A numeric top-level param, to show it is stringified. */
  retry?: number;
}
interface TokenResponse extends ResponseBase {
  user_id?: string;
  access_token?: string;
}

const tokenOp: Operation<TokenRequest, TokenResponse> = {
  method: 'alipay.system.oauth.token',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
  params: ['grant_type', 'code', 'refresh_token', 'retry'],
};

let gateway: TestGateway;
let client: AlipayClient;
const app = rsaKeyPair();
const alipay = rsaKeyPair();

beforeAll(async () => {
  gateway = await startTestGateway();
  client = createAlipayClient({ appId: '2021000000000001', gateway: gateway.url, privateKey: app.privateKey, alipayPublicKey: alipay.publicKey });
  gateway.setHandler((_req, res) => {
    res.setHeader('content-type', 'application/json;charset=utf-8');
    res.end(gatewayBody('alipay_system_oauth_token_response', { code: '10000', msg: 'Success', user_id: '2088102150477652', access_token: 'tok' }, alipay.privateKey));
  });
});
afterAll(() => gateway.close());

/** Every param the gateway received (query and form body), as it would read them. */
function receivedParams(req: ReceivedRequest): { query: Record<string, string>; form: Record<string, string> } {
  return { query: Object.fromEntries(req.url.searchParams), form: Object.fromEntries(new URLSearchParams(req.body)) };
}

function signatureVerifies(all: Record<string, string>, publicKey: KeyObject): boolean {
  const { sign, ...rest } = all;
  return verifyContent(buildSignContent(rest), sign!, publicKey, 'RSA2');
}

describe('top-level params', () => {
  it('are sent as signed form params, with no biz_content when no other field remains', async () => {
    const result = await invoke(client, tokenOp, { grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' });
    expect(result.user_id).toBe('2088102150477652');
    const req = gateway.requests.at(-1)!;
    const { query, form } = receivedParams(req);
    expect(form).toEqual({ grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' });
    expect(query.method).toBe('alipay.system.oauth.token');
    expect('biz_content' in query || 'biz_content' in form).toBe(false);
    expect('refresh_token' in form).toBe(false);
    expect(signatureVerifies({ ...query, ...form }, app.publicKey)).toBe(true);
  });

  it('travel beside biz_content holding the remaining fields; numbers are stringified', async () => {
    await invoke(client, tokenOp, { grant_type: 'refresh_token', refresh_token: 'r1', scene: 'login', retry: 2 });
    const { query, form } = receivedParams(gateway.requests.at(-1)!);
    expect(form).toEqual({ grant_type: 'refresh_token', refresh_token: 'r1', retry: '2', biz_content: '{"scene":"login"}' });
    expect(signatureVerifies({ ...query, ...form }, app.publicKey)).toBe(true);
  });

  it('a method without params still sends the whole request as biz_content', () => {
    expect(splitRequest({ a: 1, b: true }, undefined)).toEqual({ top: {}, biz: '{"a":1,"b":true}' });
    expect(splitRequest({}, [])).toEqual({ top: {}, biz: '{}' });
  });

  it('booleans are stringified and undefined params left out', () => {
    expect(splitRequest({ flag: false, code: undefined, x: 'y' }, ['flag', 'code'])).toEqual({ top: { flag: 'false' }, biz: '{"x":"y"}' });
  });
});
